/** `read` (refresh and `ListenerAdditionalCertificate.get`) of `ga.ListenerAdditionalCertificate`. */
import { type ReadResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { optionalNumber } from "../../common/stored";
import { claimantOf, nameProperty } from "../claims/claimant";
import { recordHeld, sayWhoHolds } from "../claims/guards";
import { bindingClaims } from "../claims/of-inputs";
import { liveBinding } from "./api";
import { bindingTarget } from "./mapping";
import {
  type ListenerAdditionalCertificateInputs as Inputs,
  type ListenerAdditionalCertificateOutputs as Outputs,
} from "./types";

/**
 * Rebuild outputs and inputs from the live binding; gone when the domain, listener or accelerator is. A domain that
 * now carries the certificate another resource of the stack claims is recorded as found, naming that resource.
 */
export async function readBinding(api: AlibabaApi, id: string, props: PropertyBag = {}): Promise<ReadResult<Outputs>> {
  const target = bindingTarget(id);
  const claimant = claimantOf("ga.ListenerAdditionalCertificate", props);
  const [own] = bindingClaims(props);
  if (own !== undefined) recordHeld(claimant, [own]);
  const binding = await liveBinding(api, target.acceleratorId, target.listenerId, target.domain);
  if (binding === undefined) return { id: "" };
  // Another certificate: say which resource of the stack claims the domain, if one does (else it is drift).
  if (own !== undefined) sayWhoHolds(claimant, own, binding.certificateId);
  const timeoutSeconds = optionalNumber(props, "timeoutSeconds");
  const inputs: Inputs = {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: target.domain,
    certificateId: binding.certificateId,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...nameProperty(props),
  };
  return readResult(id, { ...inputs, state: binding.state }, inputs as Outputs, props);
}
