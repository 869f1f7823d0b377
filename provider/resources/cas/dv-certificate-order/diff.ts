/**
 * `diff` of `cas.DvCertificateOrder`: pure, no API call. Orders cannot be edited, so every input replaces, except
 * the behaviour inputs, which update in place.
 */
import type * as pulumi from "@pulumi/pulumi";
import { isUnknown } from "../../common/check";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { BEHAVIOUR_DEFAULTS, BEHAVIOUR_INPUTS, DEFAULT_PRODUCT_CODE, REPLACE_ON_CHANGES } from "./types";

/** The value an input stands for, with documented defaults applied, in a form that compares with `===`. */
function effective(name: string, value: unknown): unknown {
  if (isUnknown(value)) return value;
  if (name === "productCode") return value ?? DEFAULT_PRODUCT_CODE;
  if (name === "tags") return canonicalTags(value);
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
 * Decide the diff between the recorded state (`olds`: outputs, which include the inputs) and the new inputs. An
 * `orderId` absent from the new inputs means "the order this resource placed", so only a given one is compared.
 */
export function diffOrder(_id: string, olds: PropertyBag, news: PropertyBag): pulumi.dynamic.DiffResult {
  const same = (old: unknown, value: unknown, name: string): boolean => effective(name, old) === effective(name, value);
  const compared = REPLACE_ON_CHANGES.filter((name) => name !== "orderId" || news["orderId"] !== undefined);
  const replaces = changedKeys(olds, news, compared, same);
  const updates = changedKeys(olds, news, BEHAVIOUR_INPUTS, same);
  return { changes: replaces.length > 0 || updates.length > 0, replaces: [...replaces], deleteBeforeReplace: false };
}
