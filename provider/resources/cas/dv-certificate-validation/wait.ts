/** The wait of `cas.DvCertificateValidation`: poll the order with the shared waiter until it is issued. */
import { type CertificateState } from "../../../transport/operations/cas";
import { waitUntil } from "../../../util/waiter";
import { pollDelays, progress, type AlibabaApi } from "../../common/host";
import { issuanceDecision } from "../issuance";
import { describeState } from "./api";

/**
 * Poll DescribeCertificateState until the certificate is issued, for at most `timeoutSeconds`; each poll's state
 * goes to `onPoll`, so a failed wait can record the latest one. Throws the waiter's error on timeout or failure.
 */
export function waitUntilIssued(
  client: AlibabaApi,
  orderId: string,
  timeoutSeconds: number,
  onPoll: (state: CertificateState) => void,
): Promise<CertificateState> {
  const poll = async (): Promise<CertificateState> => {
    const state = await describeState(client, orderId);
    onPoll(state);
    return state;
  };
  return waitUntil(poll, (state) => issuanceDecision(state, undefined), {
    timeoutMs: timeoutSeconds * 1000,
    description: `validation of CAS order ${orderId}`,
    onProgress: (line) => progress(`CAS order ${orderId}: ${line}`),
    ...pollDelays(),
  });
}
