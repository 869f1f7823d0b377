/** `diff` of `cas.DvCertificateValidation`: no API call. */
import { type DiffResult } from "@pulumi/pulumi/dynamic";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { REPLACE_ON_CHANGES, UPDATABLE } from "./declaration";

/**
 * Another `orderId` replaces (a renewal's new order gets a new wait); `timeoutSeconds` updates in place. A wait that
 * has not seen the certificate issued (a timed-out or failed create) is a change too, so the next `up` waits again.
 */
export async function diffValidation(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  const replaces = changedKeys(olds, news, REPLACE_ON_CHANGES);
  const updates = changedKeys(olds, news, UPDATABLE);
  const unmet = olds["state"] !== "certificate";
  return { changes: replaces.length > 0 || updates.length > 0 || unmet, replaces, deleteBeforeReplace: false };
}
