/** `diff` of `ga.ListenerAdditionalCertificate`: no API call. */
import { type DiffResult } from "@pulumi/pulumi/dynamic";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { noteApplied } from "../claims/guards";
import { REPLACE_ON_CHANGES, UPDATABLE } from "./declaration";

/** Decide without API calls; `__provider` is never compared (the policy in `common/diff.ts`). */
export async function diffBinding(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  const replaces = changedKeys(olds, news, REPLACE_ON_CHANGES);
  const changes = replaces.length > 0 || changedKeys(olds, news, UPDATABLE).length > 0;
  // Nothing to change: the state holds the binding this resource declared (see ../claims).
  if (!changes) noteApplied("ga.ListenerAdditionalCertificate", news);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}
