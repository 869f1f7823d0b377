/** `diff` of `ga.ListenerAdditionalCertificates`: no API call. */
import { type DiffResult } from "@pulumi/pulumi/dynamic";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { sortedMap, stringMap } from "../../common/stored";
import { noteApplied } from "../claims/guards";
import { REPLACE_ON_CHANGES, UPDATABLE } from "./declaration";

/** Canonical text of a certificates value, for comparison (an unknown stays the sentinel and so differs). */
function canonical(value: unknown): string {
  return typeof value === "object" && value !== null
    ? JSON.stringify(sortedMap(stringMap({ v: value }, "v") ?? {}))
    : String(value);
}

/**
 * Decide without API calls. Replacing for a new listener creates the new bindings first; replacing with the same
 * listener (only `acceleratorId` changed) deletes first, or the old resource's delete would remove the new bindings.
 * `__provider` is never compared (the policy in `common/diff.ts`).
 */
export async function diffBindingSet(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  const replaces = changedKeys(olds, news, REPLACE_ON_CHANGES);
  const sameCertificates = (a: unknown, b: unknown, key: string): boolean =>
    key === "certificates" ? canonical(a) === canonical(b) : a === b;
  const changes = replaces.length > 0 || changedKeys(olds, news, UPDATABLE, sameCertificates).length > 0;
  // Nothing to change: the state holds the bindings this resource declared (see ../claims).
  if (!changes) noteApplied("ga.ListenerAdditionalCertificates", news);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && olds["listenerId"] === news["listenerId"] };
}
