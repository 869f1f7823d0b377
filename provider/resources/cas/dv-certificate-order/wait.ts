/** Waiting for issuance with the shared waiter, printing what the user has to do while the order is pending. */
import { timeoutMs, type Unknown } from "../../common/check";
import { pollDelays, progress } from "../../common/host";
import { type CertificateState } from "../../../transport/operations/cas";
import { type AlibabaApi } from "../../common/host";
import { describeState, factsOf } from "./api";
import { systemDnsLookup, type DnsLookup } from "../../../util/dns";
import { waitUntil } from "../../../util/waiter";
import { dcvInstruction, delegationRecordsOf, type DcvContext } from "../dcv-instruction";
import { delegationCname } from "./delegation";
import { issuanceDecision } from "../issuance";
import { type OrderFacts } from "./mapping";
import { BEHAVIOUR_DEFAULTS, type DvCertificateOrderInputs } from "./types";

/**
 * Poll DescribeCertificateState until the certificate is issued. `onPoll` sees every state, so a caller can record
 * the latest one when the wait fails. While DNS validation is pending, the progress line names the full record (under
 * delegation: the customer's CNAME and the platform's TXT) and what DNS shows (`../dcv-instruction`).
 */
export function waitForIssuance(
  client: AlibabaApi,
  orderId: string,
  commonName: string | undefined,
  timeoutSeconds: number | Unknown,
  onPoll: (state: CertificateState) => void,
  zone?: string,
  dns: DnsLookup = systemDnsLookup(),
): Promise<CertificateState> {
  const cname = zone === undefined || commonName === undefined ? undefined : delegationCname(commonName, zone);
  const context: DcvContext = { domain: commonName, delegation: delegationRecordsOf(cname) };
  const poll = async (): Promise<{ state: CertificateState; instruction: string | undefined }> => {
    const state = await describeState(client, orderId);
    onPoll(state);
    return { state, instruction: await dcvInstruction(state, context, dns) };
  };
  return waitUntil(poll, ({ state, instruction }) => issuanceDecision(state, commonName, instruction), {
    timeoutMs: timeoutMs(timeoutSeconds, BEHAVIOUR_DEFAULTS.issuanceTimeoutSeconds),
    description: `issuance of CAS order ${orderId} (${commonName ?? "unknown domain"})`,
    onProgress: progress,
    ...pollDelays(),
  });
}

/** Wait for issuance when asked to and not issued yet; `latest` receives each polled state. */
export async function settle(
  client: AlibabaApi,
  inputs: DvCertificateOrderInputs,
  facts: OrderFacts,
  latest: (f: OrderFacts) => void,
): Promise<OrderFacts> {
  if (!inputs.waitForIssuance || facts.state.type === "certificate") return facts;
  const onPoll = (state: CertificateState): void => latest({ ...facts, state });
  const delegation = inputs.validationDelegation;
  const zone = typeof delegation === "object" ? delegation.zone : undefined;
  const issued = await waitForIssuance(
    client,
    facts.orderId,
    facts.commonName,
    inputs.issuanceTimeoutSeconds,
    onPoll,
    zone,
  );
  return factsOf(client, facts.orderId, facts.commonName, issued);
}
