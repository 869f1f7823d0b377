/** Pure mapping of `cas.DvCertificateValidation`: CAS facts to outputs. */
import { plainJson } from "../../common/dynamic";
import { type ValidationFacts } from "./api";
import { type DvCertificateValidationInputs, type DvCertificateValidationOutputs } from "./types";

/** The outputs: the inputs plus the order's state and, once issued, the certificate. No value is `undefined`. */
export function toOutputs(
  inputs: DvCertificateValidationInputs,
  facts: ValidationFacts,
): DvCertificateValidationOutputs {
  const { state, detail } = facts;
  const issued = state.type === "certificate";
  return plainJson({
    ...inputs,
    orderId: facts.orderId,
    state: state.type,
    ...(issued
      ? {
          commonName: detail?.commonName?.toLowerCase(),
          certificate: state.certificate,
          certId: facts.certId,
          certIdentifier: detail?.certIdentifier,
          notAfter: detail?.notAfter === undefined ? undefined : new Date(detail.notAfter).toISOString(),
        }
      : {}),
  }) as DvCertificateValidationOutputs;
}
