/** The objects a call names by id, or the documented not-found error; and the look-up other services make of CAS. */
import type { ApiCall } from "../../core/contract";
import { CasErrors } from "./errors";
import { parseId } from "./params";
import type { CasCertificate, CasOrder, CasState } from "./state";

/** The order named by the `OrderId` parameter, or `NotFound`. */
export function orderOf(call: ApiCall, state: CasState): CasOrder {
  const order = state.orders[parseId("OrderId", call.params["OrderId"] ?? "")];
  if (order === undefined) throw CasErrors.notFound();
  return order;
}

/** The certificate named by the `CertId` parameter, or `NotFound` (Terraform treats that code as "gone"). */
export function certificateOf(call: ApiCall, state: CasState): CasCertificate {
  const cert = state.certificates[parseId("CertId", call.params["CertId"] ?? "")];
  if (cert === undefined) throw CasErrors.notFound();
  return cert;
}

/** True when CAS holds `certId` as an issued or uploaded certificate that is not revoked. */
export function certificateUsable(state: CasState, certId: string): boolean {
  const cert = state.certificates[certId];
  return cert !== undefined && !cert.revoked;
}

/**
 * True when CAS holds an issued or uploaded certificate with this id that is not revoked. Takes the numeric id as a
 * decimal string; the `<id>-cn-hangzhou` CertIdentifier form GA passes is accepted too.
 */
export function casCertificateExists(state: CasState, certId: string): boolean {
  const match = /^(\d+)(?:-cn-hangzhou)?$/.exec(certId.trim());
  if (match?.[1] === undefined) return false;
  return certificateUsable(state, BigInt(match[1]).toString());
}
