/** `delete` of `ga.ListenerAdditionalCertificate`. */
import { timeoutMs } from "../../common/check";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { claimantOf } from "../claims/claimant";
import { claimedElsewhere } from "../claims/guards";
import { claimOn, placeOf } from "../claims/registry";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBinding } from "./api";
import { bindingTarget } from "./mapping";

/**
 * Dissociate the domain; success when it, its listener or its accelerator is already gone. A domain another resource
 * of this deployment claims (this one renamed without an alias) is left bound to it.
 */
export async function deleteBinding(api: AlibabaApi, id: string, props: PropertyBag): Promise<void> {
  const intent = bindingTarget(id);
  const claimant = claimantOf("ga.ListenerAdditionalCertificate", props);
  const place = placeOf(claimant.type, intent.acceleratorId, intent.listenerId, intent.domain);
  const giving = claimOn(intent.acceleratorId, intent.listenerId, intent.domain, undefined);
  if (claimedElsewhere(claimant, place, [giving], true).size > 0) return;
  const outcome = await submitBinding(api, intent, timeoutMs(props["timeoutSeconds"], DEFAULT_TIMEOUT_SECONDS));
  if (!outcome.ok) throw new Error(`deleting GA additional certificate ${id}: ${outcome.error.message}`);
}
