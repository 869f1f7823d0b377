/** `update` of `ga.ListenerAdditionalCertificate`. */
import { type UpdateResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { ensure } from "./ensure";
import { parseInputs } from "./inputs";
import { type ListenerAdditionalCertificateOutputs as Outputs } from "./types";

/** Re-assert the binding with the new certificate (also repairs an out-of-band removal). */
export async function updateBinding(
  api: AlibabaApi,
  _id: string,
  _olds: PropertyBag,
  news: PropertyBag,
): Promise<UpdateResult<Outputs>> {
  return { outs: await ensure(api, parseInputs(news), news, "updating") };
}
