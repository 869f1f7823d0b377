/** Pure mapping between the properties of `ga.ListenerAdditionalCertificate` and engine intents. */
import { type BindingIntent } from "../engine/types";
import { parseId } from "../ids";
import { type ListenerAdditionalCertificateInputs as Inputs } from "./types";

/** The engine intent that makes `inputs.domain` carry `certificateId` (none: dissociate). */
export function intentOf(inputs: Inputs, certificateId: string | undefined): BindingIntent {
  return { acceleratorId: inputs.acceleratorId, listenerId: inputs.listenerId, domain: inputs.domain, certificateId };
}

/** The binding a `<acceleratorId>:<listenerId>:<domain>` id names; throws for an id of another shape. */
export function bindingTarget(id: string): BindingIntent {
  const target = parseId(id);
  if (target?.domain === undefined)
    throw new Error(`GA additional certificate id "${id}" is not <acceleratorId>:<listenerId>:<domain>`);
  return {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: target.domain,
    certificateId: undefined,
  };
}
