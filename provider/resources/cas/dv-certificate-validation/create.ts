/** `create` of `cas.DvCertificateValidation`: wait until the order is issued. Makes no write. */
import type * as pulumi from "@pulumi/pulumi";
import { type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { awaitIssued } from "./await-issued";
import { parseInputs } from "./inputs";
import { type DvCertificateValidationOutputs } from "./types";

/**
 * Wait for issuance and record the certificate. A wait that times out or fails (verify_fail) is a partial failure:
 * the engine records the waiter with the last state seen, dependents are not updated (they keep serving what they
 * served), and the next `up` waits again on the same order (see `diff`), never placing another.
 */
export async function createValidation(
  client: AlibabaApi,
  bag: PropertyBag,
): Promise<pulumi.dynamic.CreateResult<DvCertificateValidationOutputs>> {
  return { id: parseInputs(bag).orderId, outs: await awaitIssued(client, bag) };
}
