/**
 * What CAS's order states mean for a wait for issuance, shared by both CAS resources (the order's
 * `waitForIssuance` and the validation waiter `cas.DvCertificateValidation`), like `ga/ids.ts` for GA.
 */
import { type CertificateState } from "../../transport/operations/cas";
import { type WaitDecision } from "../../util/waiter";

/**
 * The full DNS name of the validation record. CAS returns `RecordDomain` relative to the domain (the doc example is
 * `_dnsauth`); a DNS resource needs the absolute name, so the validated domain (the CN without `*.`) is appended
 * unless the value already ends with it.
 */
export function fullRecordName(recordDomain: string, commonName: string | undefined): string {
  const record = recordDomain.replace(/\.$/, "").toLowerCase();
  if (commonName === undefined) return record;
  const domain = commonName.replace(/^\*\./, "");
  return record === domain || record.endsWith(`.${domain}`) ? record : `${record}.${domain}`;
}

/**
 * What one poll of an order means for the wait. `instruction`, when given, replaces the default line for an order in
 * `domain_verify` (see `./dcv-instruction`: full record names, delegation, what DNS shows).
 */
export function issuanceDecision(
  state: CertificateState,
  commonName: string | undefined,
  instruction?: string,
): WaitDecision<CertificateState> {
  switch (state.type) {
    case "certificate":
      return { state: "success", value: state };
    case "verify_fail":
      return {
        state: "failure",
        reason:
          "the CA rejected the domain validation (state verify_fail); check the validation record, then run pulumi up (it finds the order verify_fail and replaces it unless renewBeforeDays is 0) or replace the order (pulumi up --replace)",
      };
    case "domain_verify":
      if (instruction !== undefined) return { state: "retry", progress: `domain_verify: ${instruction}` };
      if (state.recordDomain !== undefined) {
        const name = fullRecordName(state.recordDomain, commonName);
        return {
          state: "retry",
          progress: `domain_verify: publish DNS ${state.recordType ?? "TXT"} ${name} = "${state.recordValue ?? ""}"`,
        };
      }
      return {
        state: "retry",
        progress: `domain_verify: serve ${state.uri ?? "the validation file"} on ${state.domain ?? commonName ?? "the domain"}`,
      };
    case "process":
      return { state: "retry", progress: "process: the CA is reviewing the order" };
    default:
      return {
        state: "failure",
        reason: `the order is in state ${state.type} (cancelled or revoked) and will not be issued`,
      };
  }
}
