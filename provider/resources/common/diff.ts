/**
 * The `__provider` diff policy, decided once for every resource: a diff never looks at `__provider`.
 *
 * Why: `__provider` is the serialized provider, `require("pulumi-alicloud-certs/dist/…/provider.js")`. A package
 * upgrade changes nothing in that text as long as the entry path stays (the paths are fixed and checked by the
 * packaging test), and even a changed text must not mark every resource as changed. When diff reports no change the
 * engine takes a "same" step: it records the new inputs (with the new `__provider`) and keeps the old outputs, and
 * the dynamic-provider host loads refresh and delete from the outputs' `__provider`. That is the same `require` of
 * the same stable path, which resolves to the installed (new) package, so old state always runs the new code.
 */
import { type PropertyBag } from "./dynamic";

/** The property the dynamic-provider host keeps the serialized provider in. */
export const PROVIDER_KEY = "__provider";

/**
 * The keys among `keys` whose values differ between `olds` and `news` (by `equal`, default `===`). `__provider` is
 * never compared, whatever `keys` says: see the policy above.
 */
export function changedKeys<K extends string>(
  olds: PropertyBag,
  news: PropertyBag,
  keys: readonly K[],
  equal: (a: unknown, b: unknown, key: K) => boolean = (a, b) => a === b,
): K[] {
  return keys.filter((key) => key !== PROVIDER_KEY && !equal(olds[key], news[key], key));
}
