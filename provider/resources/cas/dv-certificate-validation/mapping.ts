/** Pure mapping of `cas.DvCertificateValidation`: stored or checked properties to inputs, CAS facts to outputs. */
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { optionalNumber, text } from "../../common/stored";
import { type ValidationFacts } from "./api";
import {
  type DelegationCname,
  DEFAULT_TIMEOUT_SECONDS,
  type DvCertificateValidationInputs,
  type DvCertificateValidationOutputs,
} from "./types";

/** The inputs in a property bag the host passed (checked inputs or stored outputs): never unknown here. */
export function inputsOf(bag: PropertyBag): {
  orderId: string;
  timeoutSeconds: number;
  delegationCname?: DelegationCname;
} {
  const cname = bag["delegationCname"];
  const delegation =
    typeof cname === "object" && cname !== null && !Array.isArray(cname)
      ? (cname as Record<string, unknown>)
      : undefined;
  const name = delegation?.["name"];
  const value = delegation?.["value"];
  return plainJson({
    orderId: text(bag, "orderId"),
    timeoutSeconds: optionalNumber(bag, "timeoutSeconds") ?? DEFAULT_TIMEOUT_SECONDS,
    delegationCname: typeof name === "string" && typeof value === "string" ? { name, type: "CNAME", value } : undefined,
  }) as { orderId: string; timeoutSeconds: number; delegationCname?: DelegationCname };
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
