/** `delete` of `ga.ListenerAdditionalCertificate`. */
import { timeoutMs } from "../../common/check";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBinding } from "./api";
import { bindingTarget } from "./mapping";

/** Dissociate the domain; success when it, its listener or its accelerator is already gone. */
export async function deleteBinding(api: AlibabaApi, id: string, props: PropertyBag): Promise<void> {
  const intent = bindingTarget(id);
  const outcome = await submitBinding(api, intent, timeoutMs(props["timeoutSeconds"], DEFAULT_TIMEOUT_SECONDS));
  if (!outcome.ok) throw new Error(`deleting GA additional certificate ${id}: ${outcome.error.message}`);
}
