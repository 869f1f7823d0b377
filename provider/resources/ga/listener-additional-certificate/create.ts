/** `create` of `ga.ListenerAdditionalCertificate`: the binding brought about by `./ensure`. */
import { type CreateResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { bindingId } from "../ids";
import { ensure } from "./ensure";
import { parseInputs } from "./inputs";
import { type ListenerAdditionalCertificateOutputs as Outputs } from "./types";

/** Associate (or adopt, or update an existing binding of the domain) and wait for it to settle. */
export async function createBinding(api: AlibabaApi, bag: PropertyBag): Promise<CreateResult<Outputs>> {
  const inputs = parseInputs(bag);
  const outs = await ensure(api, inputs, bag, "creating");
  return { id: bindingId(inputs.acceleratorId, inputs.listenerId, inputs.domain), outs };
}
