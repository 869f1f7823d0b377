/** Pure mapping of `cas.DvCertificateValidation`: stored or checked properties to inputs, CAS facts to outputs. */
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { optionalNumber, text } from "../../common/stored";
import { type ValidationFacts } from "./api";
import {
  DEFAULT_TIMEOUT_SECONDS,
  type DvCertificateValidationInputs,
  type DvCertificateValidationOutputs,
} from "./types";

/** The inputs in a property bag the host passed (checked inputs or stored outputs): never unknown here. */
export function inputsOf(bag: PropertyBag): { orderId: string; timeoutSeconds: number } {
  return {
    orderId: text(bag, "orderId"),
    timeoutSeconds: optionalNumber(bag, "timeoutSeconds") ?? DEFAULT_TIMEOUT_SECONDS,
  };
}

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
