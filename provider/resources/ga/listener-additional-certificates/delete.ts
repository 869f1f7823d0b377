/** `delete` of `ga.ListenerAdditionalCertificates`. */
import { timeoutMs } from "../../common/check";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { stringMap } from "../../common/stored";
import { canonicalDnsName } from "../../common/coverage";
import { claimantOf } from "../claims/claimant";
import { claimedElsewhere } from "../claims/guards";
import { claimOn, placeOf } from "../claims/registry";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBindingSet } from "./api";
import { listenerTarget } from "./mapping";

/**
 * Dissociate every owned domain still bound; success when the listener or accelerator is gone. A domain another
 * resource of this deployment claims is left bound to it.
 */
export async function deleteBindingSet(api: AlibabaApi, id: string, props: PropertyBag): Promise<void> {
  const target = listenerTarget(id);
  const owned = Object.keys(stringMap(props, "certificates") ?? {});
  const giving = owned.map((domain) => claimOn(target.acceleratorId, target.listenerId, domain, undefined));
  const claimant = claimantOf("ga.ListenerAdditionalCertificates", props);
  const kept = claimedElsewhere(
    claimant,
    placeOf(claimant.type, target.acceleratorId, target.listenerId),
    giving,
    true,
  );
  const domains = owned.filter((domain) => !kept.has(canonicalDnsName(domain)));
  const intents = domains.map((domain) => ({
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: domain.toLowerCase(),
    certificateId: undefined,
  }));
  const outcomes = await submitBindingSet(api, intents, timeoutMs(props["timeoutSeconds"], DEFAULT_TIMEOUT_SECONDS));
  const errors = outcomes.flatMap((o, i) => (o.ok ? [] : [`${intents[i]?.domain ?? "?"}: ${o.error.message}`]));
  if (errors.length > 0) throw new Error(`deleting GA additional certificates of ${id}: ${errors.join("; ")}`);
}
