/** `create` of `ga.ListenerAdditionalCertificates`: the set brought about by `./reconcile`. */
import { type CreateResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { listenerSetId } from "../ids";
import { parseInputs } from "./inputs";
import { reconcile } from "./reconcile";
import { type ListenerAdditionalCertificatesOutputs as Outputs } from "./types";

/** Associate (adopting existing bindings, updating listed domains bound to another certificate) and wait. */
export async function createBindingSet(api: AlibabaApi, bag: PropertyBag): Promise<CreateResult<Outputs>> {
  const inputs = parseInputs(bag);
  const outs = await reconcile(api, inputs, {}, bag, "creating");
  return { id: listenerSetId(inputs.acceleratorId, inputs.listenerId), outs };
}
