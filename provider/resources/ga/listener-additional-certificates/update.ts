/** `update` of `ga.ListenerAdditionalCertificates`. */
import { type UpdateResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { stringMap } from "../../common/stored";
import { reconcile } from "./reconcile";
import { parseInputs } from "./inputs";
import { type ListenerAdditionalCertificatesOutputs as Outputs } from "./types";

/** Associate added, update changed and dissociate removed domains, batched; re-asserts unchanged ones (no write). */
export async function updateBindingSet(
  api: AlibabaApi,
  _id: string,
  olds: PropertyBag,
  news: PropertyBag,
): Promise<UpdateResult<Outputs>> {
  return { outs: await reconcile(api, parseInputs(news), stringMap(olds, "certificates") ?? {}, news, "updating") };
}
