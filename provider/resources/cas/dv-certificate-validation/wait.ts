/** The wait of `cas.DvCertificateValidation`: poll the order with the shared waiter until it is issued. */
import { type CertificateState } from "../../../transport/operations/cas";
import { systemDnsLookup, type DnsLookup } from "../../../util/dns";
import { waitUntil } from "../../../util/waiter";
import { pollDelays, progress, type AlibabaApi } from "../../common/host";
import { dcvInstruction, delegationRecordsOf, type DcvContext } from "../dcv-instruction";
import { issuanceDecision } from "../issuance";
import { describeState, orderDomain } from "./api";
import { type DelegationCname } from "./types";

/** One poll: the state, and for a pending DNS validation the line naming what is missing. */
interface Poll {
  readonly state: CertificateState;
  readonly instruction: string | undefined;
}

/**
 * Poll DescribeCertificateState until the certificate is issued, for at most `timeoutSeconds`; each poll's state
 * goes to `onPoll`, so a failed wait can record the latest one. Throws the waiter's error on timeout or failure.
 * While the order awaits DNS validation, the progress line names the full record (and, with `delegationCname`, the
 * customer's CNAME and the platform's TXT) and what DNS shows; the order's domain is read once for that
 * (ListUserCertificateOrder) when there is no delegation to name it.
 */
export function waitUntilIssued(
  client: AlibabaApi,
  orderId: string,
  timeoutSeconds: number,
  onPoll: (state: CertificateState) => void,
  delegationCname?: DelegationCname,
  dns: DnsLookup = systemDnsLookup(),
): Promise<CertificateState> {
  const delegation = delegationRecordsOf(delegationCname);
  let domain: Promise<string | undefined> | undefined;
  const context = async (): Promise<DcvContext> => {
    if (delegation !== undefined) return { domain: undefined, delegation };
    domain ??= orderDomain(client, orderId).catch(() => undefined);
    return { domain: await domain, delegation: undefined };
  };
  const poll = async (): Promise<Poll> => {
    const state = await describeState(client, orderId);
    onPoll(state);
    const pendingDns = state.type === "domain_verify" && state.recordDomain !== undefined;
    return { state, instruction: pendingDns ? await dcvInstruction(state, await context(), dns) : undefined };
  };
  return waitUntil(poll, ({ state, instruction }) => issuanceDecision(state, undefined, instruction), {
    timeoutMs: timeoutSeconds * 1000,
    description: `validation of CAS order ${orderId}`,
    onProgress: (line) => progress(`CAS order ${orderId}: ${line}`),
    ...pollDelays(),
  });
}
