/**
 * `diff` of `cas.DvCertificateOrder`: pure, no API call. Orders cannot be edited, so every input replaces, except
 * the behaviour inputs, which update in place. A recorded order that is due for renewal (see `./renewal`) is also
 * replaced, create-before-delete, with one line printed saying why.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../../common/check";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { progress } from "../../common/host";
import { optionalText } from "../../common/stored";
import { renewalDecision, type RenewalDecision } from "./renewal";
import {
  BEHAVIOUR_DEFAULTS,
  BEHAVIOUR_INPUTS,
  DEFAULT_PRODUCT_CODE,
  REPLACE_ON_CHANGES,
  type DvOrderState,
} from "./types";

/** The value an input stands for, with documented defaults applied, in a form that compares with `===`. */
function effective(name: string, value: unknown): unknown {
  if (isUnknown(value)) return value;
  if (name === "productCode") return value ?? DEFAULT_PRODUCT_CODE;
  if (name === "tags") return canonicalTags(value);
  if (name === "validationDelegation") return value === undefined || value === null ? "" : JSON.stringify(value);
  if (name in BEHAVIOUR_DEFAULTS) return value ?? BEHAVIOUR_DEFAULTS[name as keyof typeof BEHAVIOUR_DEFAULTS];
  return value ?? undefined;
}

/** Tags as sorted JSON: key order does not matter, and no tags equals an empty map. */
function canonicalTags(value: unknown): string {
  if (typeof value !== "object" || value === null) return "[]";
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * The renewal decision for the recorded state `olds` under the new inputs' `renewBeforeDays` (an unknown value at
 * preview keeps the recorded one). Adopted orders (an `orderId` input) cannot be placed again, so they never renew.
 */
export function renewalOf(olds: PropertyBag, news: PropertyBag, now: Date): RenewalDecision {
  const value = news["renewBeforeDays"] ?? olds["renewBeforeDays"];
  const days = typeof value === "number" ? value : BEHAVIOUR_DEFAULTS.renewBeforeDays;
  return renewalDecision(
    {
      state: optionalText(olds, "state") as DvOrderState | undefined,
      notAfter: optionalText(olds, "notAfter"),
      renewBeforeDays: days,
      commonName: optionalText(olds, "commonName"),
      adopted: news["orderId"] !== undefined && news["orderId"] !== null,
    },
    now,
  );
}

/**
 * Decide the diff between the recorded state (`olds`: outputs, which include the inputs) and the new inputs at
 * `now` (the provider passes its clock, see `util/clock`). An `orderId` absent from the new inputs means "the order
 * this resource placed", so only a given one is compared.
 */
export function diffOrder(
  _id: string,
  olds: PropertyBag,
  news: PropertyBag,
  now: Date = new Date(),
): pulumi.dynamic.DiffResult {
  const same = (old: unknown, value: unknown, name: string): boolean => effective(name, old) === effective(name, value);
  const compared = REPLACE_ON_CHANGES.filter((name) => name !== "orderId" || news["orderId"] !== undefined);
  const replaces: string[] = changedKeys(olds, news, compared, same);
  const updates = changedKeys(olds, news, BEHAVIOUR_INPUTS, same);
  const renewal = renewalOf(olds, news, now);
  if (renewal.renew) {
    // The engine shows the provider host's stderr on the resource's row, in preview as in up.
    progress(renewal.reason);
    replaces.push(renewal.property);
  }
  return { changes: replaces.length > 0 || updates.length > 0, replaces, deleteBeforeReplace: false };
}
