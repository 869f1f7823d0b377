/** `create` of `cas.DvCertificateValidation`: wait until the order is issued. Makes no write. */
import type * as pulumi from "@pulumi/pulumi";
import { type CertificateState } from "../../../transport/operations/cas";
import { messageOf, partialFailure, type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { factsOf, type ValidationFacts } from "./api";
import { inputsOf, toOutputs } from "./mapping";
import { type DvCertificateValidationOutputs } from "./types";
import { waitUntilIssued } from "./wait";

/**
 * Wait for issuance and record the certificate. A wait that times out or fails (verify_fail) is a partial failure:
 * the engine records the waiter with the last state seen, dependents are not updated (they keep serving what they
 * served), and the next `up` waits again on the same order (see `diff`), never placing another.
 */
export async function createValidation(
  client: AlibabaApi,
  bag: PropertyBag,
): Promise<pulumi.dynamic.CreateResult<DvCertificateValidationOutputs>> {
  return { id: inputsOf(bag).orderId, outs: await awaitIssued(client, bag) };
}

/** The wait that create and a resuming update share; throws a partial failure over `bag`. */
export async function awaitIssued(client: AlibabaApi, bag: PropertyBag): Promise<DvCertificateValidationOutputs> {
  const inputs = inputsOf(bag);
  let last: CertificateState | undefined;
  let facts: ValidationFacts;
  try {
    const issued = await waitUntilIssued(
      client,
      inputs.orderId,
      inputs.timeoutSeconds,
      (s) => (last = s),
      inputs.delegationCname,
    );
    facts = await factsOf(client, inputs.orderId, issued);
  } catch (error: unknown) {
    const known = last === undefined ? { orderId: inputs.orderId, state: "unknown" } : { state: last.type };
    throw partialFailure(
      `validation of CAS order ${inputs.orderId} did not finish: ${messageOf(error)}. What is served is unchanged; the next pulumi up waits again on the same order.`,
      inputs.orderId,
      bag,
      { ...inputs, ...known },
    );
  }
  return toOutputs(inputs, facts);
}
