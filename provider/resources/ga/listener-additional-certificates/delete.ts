/** `delete` of `ga.ListenerAdditionalCertificates`. */
import { timeoutMs } from "../../common/check";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { stringMap } from "../../common/stored";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBindingSet } from "./api";
import { listenerTarget } from "./mapping";

/** Dissociate every owned domain still bound; success when the listener or accelerator is gone. */
export async function deleteBindingSet(api: AlibabaApi, id: string, props: PropertyBag): Promise<void> {
  const target = listenerTarget(id);
  const domains = Object.keys(stringMap(props, "certificates") ?? {});
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
