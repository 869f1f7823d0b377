/** `awaitIssued`, the wait that create and a resuming update of `cas.DvCertificateValidation` share. */
import { type CertificateState } from "../../../transport/operations/cas";
import { messageOf, partialFailure, type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { factsOf, type ValidationFacts } from "./api";
import { parseInputs } from "./inputs";
import { toOutputs } from "./mapping";
import { type DvCertificateValidationOutputs } from "./types";
import { waitUntilIssued } from "./wait";

/** The wait that create and a resuming update share; throws a partial failure over `bag`. */
export async function awaitIssued(client: AlibabaApi, bag: PropertyBag): Promise<DvCertificateValidationOutputs> {
  const inputs = parseInputs(bag);
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
