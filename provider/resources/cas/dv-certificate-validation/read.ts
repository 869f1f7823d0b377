/** `read` (refresh) of `cas.DvCertificateValidation`: DescribeCertificateState (+ GetUserCertificateDetail). */
import type * as pulumi from "@pulumi/pulumi";
import { type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { describeOrGone } from "./api";
import { parseInputs } from "./inputs";
import { toOutputs } from "./mapping";
import { type DvCertificateValidationOutputs } from "./types";

/** The order as CAS reports it now; the waiter is gone when its order is. */
export async function readValidation(
  client: AlibabaApi,
  id: string,
  props: PropertyBag,
): Promise<pulumi.dynamic.ReadResult<Partial<DvCertificateValidationOutputs>>> {
  const inputs = parseInputs({ orderId: id, ...props });
  const facts = await describeOrGone(client, inputs.orderId);
  if (facts === undefined) return { id: "" };
  return readResult(id, toOutputs(inputs, facts), inputs, props);
}
