/**
 * `reconcile`, what create and update of `ga.ListenerAdditionalCertificates` share: each change is a set of intents,
 * one per domain, handed to the per-accelerator engine in one submission.
 */
import { timeoutMs } from "../../common/check";
import { partialFailure, type PropertyBag } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { type BindingIntent, type IntentOutcome } from "../engine/types";
import { canonicalDnsName } from "../../common/coverage";
import { claimantOf } from "../claims/claimant";
import { awaitHandOvers, claimedElsewhere, noteApplied } from "../claims/guards";
import { claimOn, placeOf } from "../claims/registry";
import { listenerSetId } from "../ids";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBindingSet } from "./api";
import { outputsOf } from "./mapping";
import {
  type ListenerAdditionalCertificatesInputs as Inputs,
  type ListenerAdditionalCertificatesOutputs as Outputs,
} from "./types";

/**
 * What a domain carries now, as far as the cloud has confirmed: the wanted certificate after a success; after a
 * write that was (or may have been) accepted and then failed, what the engine's confirming read showed; the
 * previous value when nothing was applied. Only when that read failed too is the wanted certificate assumed, so a
 * binding that may exist is never left out of state (it would be orphaned on delete).
 */
function knownCertificate(
  intent: BindingIntent,
  outcome: IntentOutcome,
  previous: string | undefined,
): string | undefined {
  if (outcome.ok) return intent.certificateId;
  if (!outcome.accepted) return previous;
  return outcome.confirmed === undefined ? intent.certificateId : outcome.confirmed.binding?.certificateId;
}

/**
 * Apply `desired` (owned domain → certificate) over `previous`, removing previously owned domains that are no longer
 * listed (except one another resource of this deployment holds: it is left bound, and no longer owned). Returns the
 * outputs; on failure throws, as a partial failure carrying what is now owned when any write may have been applied.
 */
export async function reconcile(
  api: AlibabaApi,
  inputs: Inputs,
  previous: Readonly<Record<string, string>>,
  bag: PropertyBag,
  verb: string,
): Promise<Outputs> {
  const { acceleratorId, listenerId } = inputs;
  // A dropped domain that another resource of this deployment claims is handed over, not dissociated.
  const dropped = Object.keys(previous).filter((domain) => inputs.certificates[domain] === undefined);
  const claimant = claimantOf("ga.ListenerAdditionalCertificates", bag);
  const place = placeOf(claimant.type, acceleratorId, listenerId);
  const giving = dropped.map((domain) => claimOn(acceleratorId, listenerId, domain, undefined));
  // Up to a minute (or the write budget) for a resource of this deployment that takes a dropped domain over.
  await awaitHandOvers(
    claimant,
    place,
    giving,
    Math.min(60_000, timeoutMs(inputs.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS)),
  );
  const handedOver = claimedElsewhere(claimant, place, giving, false);
  const domains = [...new Set([...Object.keys(inputs.certificates), ...Object.keys(previous)])]
    .filter((domain) => inputs.certificates[domain] !== undefined || !handedOver.has(canonicalDnsName(domain)))
    .sort();
  const intents: BindingIntent[] = domains.map((domain) => ({
    acceleratorId,
    listenerId,
    domain,
    certificateId: inputs.certificates[domain],
  }));
  const outcomes = await submitBindingSet(api, intents, timeoutMs(inputs.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS));
  const owned: Record<string, string> = {};
  const errors: string[] = [];
  let changed = false;
  intents.forEach((intent, i) => {
    const outcome = outcomes[i] as IntentOutcome;
    if (!outcome.ok) errors.push(`${intent.domain}: ${outcome.error.message}`);
    const now = knownCertificate(intent, outcome, previous[intent.domain]);
    changed ||= now !== previous[intent.domain] || (outcome.ok && !["unchanged", "absent"].includes(outcome.action));
    if (now !== undefined) owned[intent.domain] = now;
  });
  const outs = outputsOf(inputs, owned);
  if (errors.length === 0) {
    noteApplied(claimant.type, bag);
    return outs;
  }
  const id = listenerSetId(acceleratorId, listenerId);
  const message = `${verb} GA additional certificates of ${id}: ${errors.length} of ${intents.length} domains failed: ${errors.join("; ")}`;
  if (!changed) throw new Error(message);
  throw partialFailure(message, id, bag, outs, errors);
}
