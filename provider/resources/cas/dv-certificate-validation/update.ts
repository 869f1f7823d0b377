/** `update` of `cas.DvCertificateValidation`. */
import type * as pulumi from "@pulumi/pulumi";
import { withoutProvider, type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { awaitIssued } from "./await-issued";
import { parseInputs } from "./inputs";
import { type DvCertificateValidationOutputs } from "./types";

/** A new `timeoutSeconds` alone: no API call. Not issued yet (a failed wait before): wait again on the same order. */
export async function updateValidation(
  client: AlibabaApi,
  _id: string,
  olds: PropertyBag,
  news: PropertyBag,
): Promise<pulumi.dynamic.UpdateResult<DvCertificateValidationOutputs>> {
  const inputs = parseInputs(news);
  if (olds["state"] === "certificate")
    return { outs: { ...withoutProvider(olds), ...inputs } as DvCertificateValidationOutputs };
  return { outs: await awaitIssued(client, news) };
}
