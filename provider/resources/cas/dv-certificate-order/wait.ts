/** Waiting for issuance with the shared waiter, printing what the user has to do while the order is pending. */
import { pollDelays, progress } from "../../common/host";
import { type AlibabaClient } from "../../../transport/client";
import { type CertificateState, DescribeCertificateState } from "../../../transport/operations/cas";
import { waitUntil, type WaitDecision } from "../../../util/waiter";
import { fullRecordName } from "./mapping";

/** What one poll of an order means for the wait. */
export function issuanceDecision(
  state: CertificateState,
  commonName: string | undefined,
): WaitDecision<CertificateState> {
  switch (state.type) {
    case "certificate":
      return { state: "success", value: state };
    case "verify_fail":
      return {
        state: "failure",
        reason:
          "the CA rejected the domain validation (state verify_fail); check the validation record, then replace the order (pulumi up --replace)",
      };
    case "domain_verify":
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

/**
 * Poll DescribeCertificateState until the certificate is issued. `onPoll` sees every state, so a caller can record
 * the latest one when the wait fails.
 */
export function waitForIssuance(
  client: AlibabaClient,
  orderId: string,
  commonName: string | undefined,
  timeoutSeconds: number,
  onPoll: (state: CertificateState) => void,
): Promise<CertificateState> {
  const poll = async (): Promise<CertificateState> => {
    const state = await client.call(DescribeCertificateState, { OrderId: orderId });
    onPoll(state);
    return state;
  };
  return waitUntil(poll, (state) => issuanceDecision(state, commonName), {
    timeoutMs: timeoutSeconds * 1000,
    description: `issuance of CAS order ${orderId} (${commonName ?? "unknown domain"})`,
    onProgress: progress,
    ...pollDelays(),
  });
}
