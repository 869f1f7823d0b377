/** `read` (refresh and `ListenerAdditionalCertificate.get`) of `ga.ListenerAdditionalCertificate`. */
import { type ReadResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { optionalNumber } from "../../common/stored";
import { liveBinding } from "./api";
import { bindingTarget } from "./mapping";
import {
  type ListenerAdditionalCertificateInputs as Inputs,
  type ListenerAdditionalCertificateOutputs as Outputs,
} from "./types";

/** Rebuild outputs and inputs from the live binding; gone when the domain, listener or accelerator is. */
export async function readBinding(api: AlibabaApi, id: string, props: PropertyBag = {}): Promise<ReadResult<Outputs>> {
  const target = bindingTarget(id);
  const binding = await liveBinding(api, target.acceleratorId, target.listenerId, target.domain);
  if (binding === undefined) return { id: "" };
  const timeoutSeconds = optionalNumber(props, "timeoutSeconds");
  const inputs: Inputs = {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: target.domain,
    certificateId: binding.certificateId,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
  return readResult(id, { ...inputs, state: binding.state }, inputs as Outputs, props);
}
