/**
 * The two checks a caller can start again: VerifyCustomHostname (ownership) and ApplyCustomHostnameCertificate (a new
 * free-certificate application, whose domain validation runs again).
 */
import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { checkInstanceOnline } from "../model/conditions";
import { certStatusNotAllowed, certTypeNotSupported, verifyUnpassed } from "../errors";
import { activate, ownershipProven, startFreeApplication } from "../lifecycle";
import type { EsaState } from "../state";
import { requireHostname } from "../lookups";

/**
 * Not-yet-verified. The doc's error table lists `CustomHostname.VerifyUnpassed` with **HTTP 200**. Alibaba's doc
 * tables are generated from the gateway's per-code metadata, so the default ("error-200") sends exactly that: an
 * HTTP 200 whose body is the standard error body (`RequestId, HostId, Code, Message, Recommend`) and has no `Passed`.
 * Both official clients raise only for status ≥ 400, so an SDK caller sees a *successful* response with `Passed`
 * undefined: the trap a provider must survive by treating anything but `Passed === true` as "not yet". The
 * alternative reading, `200 {Passed: false}`, is selectable with the `configure` control ("passed-false") so a
 * client can be tested against both; which one the live API sends is unverified.
 */
function verifyCustomHostname(call: ApiCall, state: EsaState, ctx: ServiceContext): Record<string, unknown> {
  const h = requireHostname(state, call.params);
  if (h.status === "active") return { Passed: true };
  // A conflicted or offline hostname is blocked for reasons verification cannot fix.
  if (h.status === "pending" && ownershipProven(state, h, ctx)) {
    activate(h, ctx.clock.now());
    return { Passed: true };
  }
  if (state.settings.verifyUnpassedStyle === "passed-false") return { Passed: false };
  throw verifyUnpassed();
}

/** Documented: only after a failed application, or when the certificate is expiring or expired. */
function applyCustomHostnameCertificate(call: ApiCall, state: EsaState, ctx: ServiceContext): Record<string, unknown> {
  const h = requireHostname(state, call.params);
  checkInstanceOnline(state, h.siteId);
  if (h.sslFlag !== "on" || h.certType !== "free") throw certTypeNotSupported();
  if (h.certStatus !== "ApplyFailed" && h.certStatus !== "Expiring" && h.certStatus !== "Expired") {
    throw certStatusNotAllowed(h.certStatus);
  }
  startFreeApplication(h, ctx.clock.now());
  return {};
}

/** The verification actions by name. */
export const verificationActions: Readonly<Record<string, ActionDefinition<EsaState>>> = {
  // It can activate the hostname, so it is a write for the request log and fault injection.
  VerifyCustomHostname: { handler: verifyCustomHostname, required: ["HostnameId"], write: true },
  ApplyCustomHostnameCertificate: { handler: applyCustomHostnameCertificate, required: ["HostnameId"], write: true },
};
