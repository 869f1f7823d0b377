/**
 * `diff` of `cas.DvCertificateOrder`. Orders cannot be edited, so every input replaces, except the behaviour inputs,
 * which update in place. A recorded order that is due for renewal (see `./renewal`) is also replaced,
 * create-before-delete, with one line printed saying why.
 *
 * The one diff that calls the API (the resource contract's exception): an order whose recorded state is not final
 * (`domain_verify`, `process`, or issued but recorded before its `notBefore` was) is read once with
 * DescribeCertificateState. When it has been issued since, the diff proposes an update that records issuance, so a
 * plain `pulumi up` learns `notAfter` without `--refresh`; from then on every diff decides offline from the recorded
 * dates and the clock (a quiet run makes no API call). A verify_fail or cancelled order found this way is replaced.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../../common/check";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { progress, type AlibabaApi } from "../../common/host";
import { optionalText } from "../../common/stored";
import { needsObservation, observeOrder, type ObservedOrder } from "./observe";
import { renewalDecision, type RenewalDecision } from "./renewal";
import { BEHAVIOUR_INPUTS, REPLACE_ON_CHANGES } from "./declaration";
import { BEHAVIOUR_DEFAULTS, DEFAULT_PRODUCT_CODE, type DvOrderState } from "./types";

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

/** The `renewBeforeDays` in force: the new input, or the recorded one while the new one is unknown at preview. */
function renewBeforeDaysOf(olds: PropertyBag, news: PropertyBag): number | undefined {
  const given = news["renewBeforeDays"];
  if (typeof given === "number") return given;
  const recorded = olds["renewBeforeDays"];
  return isUnknown(given) && typeof recorded === "number" ? recorded : undefined;
}

/**
 * The renewal decision for the recorded state `olds` (or what diff just observed of it) under the new inputs'
 * `renewBeforeDays`. Adopted orders (an `orderId` input) cannot be placed again, so they never renew.
 */
export function renewalOf(olds: PropertyBag, news: PropertyBag, now: Date, observed?: ObservedOrder): RenewalDecision {
  return renewalDecision(
    {
      state: observed?.state ?? (optionalText(olds, "state") as DvOrderState | undefined),
      notBefore: observed === undefined ? optionalText(olds, "notBefore") : observed.notBefore,
      notAfter: observed === undefined ? optionalText(olds, "notAfter") : observed.notAfter,
      renewBeforeDays: renewBeforeDaysOf(olds, news),
      commonName: optionalText(olds, "commonName"),
      adopted: news["orderId"] !== undefined && news["orderId"] !== null,
      supersededBy: optionalText(olds, "supersededBy"),
    },
    now,
  );
}

/** Compare with `effective`: an input and its documented default are the same. */
function same(old: unknown, value: unknown, name: string): boolean {
  return effective(name, old) === effective(name, value);
}

/** The inputs whose change replaces the order. An `orderId` is compared only when the program sets it (adoption). */
function inputReplaces(olds: PropertyBag, news: PropertyBag): string[] {
  const compared = REPLACE_ON_CHANGES.filter((name) => name !== "orderId" || news["orderId"] !== undefined);
  return changedKeys(olds, news, compared, same);
}

/**
 * Decide the diff between the recorded state (`olds`: outputs, which include the inputs) and the new inputs at
 * `now` (the provider passes its clock, see `util/clock`), given what {@link observeOrder} saw when the recorded state
 * was not final. Pure. An `orderId` absent from the new inputs means "the order this resource placed", so only a
 * given one is compared.
 */
export function diffOrder(
  id: string,
  olds: PropertyBag,
  news: PropertyBag,
  now: Date = new Date(),
  observed?: ObservedOrder,
): pulumi.dynamic.DiffResult {
  const replaces = inputReplaces(olds, news);
  const updates: string[] = changedKeys(olds, news, BEHAVIOUR_INPUTS, same);
  const renewal = renewalOf(olds, news, now, observed);
  // The engine shows the provider host's stderr on the resource's row, in preview as in up.
  if (renewal.warning !== undefined) progress(renewal.warning);
  if (renewal.renew) {
    progress(renewal.reason);
    replaces.push(renewal.property);
  } else if (observed?.state === "certificate") {
    const domain = optionalText(olds, "commonName") ?? "its domain";
    const until = observed.notAfter === undefined ? "" : `, valid until ${observed.notAfter}`;
    const what = optionalText(olds, "state") === "certificate" ? "its validity period" : "its issuance";
    progress(`CAS order ${id} (${domain}) is issued${until}; recording ${what}`);
    updates.push("state");
  }
  return { changes: replaces.length > 0 || updates.length > 0, replaces, deleteBeforeReplace: false };
}

/** The provider's diff: read the order once when its recorded state is not final, then decide ({@link diffOrder}). */
export async function diffOrderReading(
  client: AlibabaApi,
  id: string,
  olds: PropertyBag,
  news: PropertyBag,
  now: Date,
): Promise<pulumi.dynamic.DiffResult> {
  // An order replaced for its inputs anyway needs no read: what it became does not change the plan.
  const read = needsObservation(olds) && inputReplaces(olds, news).length === 0;
  return diffOrder(id, olds, news, now, read ? await observeOrder(client, id, olds) : undefined);
}
