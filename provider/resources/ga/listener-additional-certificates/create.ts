/**
 * `create` of `ga.ListenerAdditionalCertificates`, and `reconcile`, which update shares: each change is a set of
 * intents, one per domain, handed to the per-accelerator engine in one submission.
 */
import { type CreateResult } from "@pulumi/pulumi/dynamic";
import { timeoutMs } from "../../common/check";
import { PartialFailureError, type PropertyBag } from "../../common/dynamic";
import { type BindingIntent, type IntentOutcome } from "../engine/types";
import { listenerSetId } from "../ids";
import { DEFAULT_TIMEOUT_SECONDS } from "../validate";
import { submitBindingSet } from "./api";
import { outputsOf, parseInputs } from "./mapping";
import {
  type ListenerAdditionalCertificatesInputs as Inputs,
  type ListenerAdditionalCertificatesOutputs as Outputs,
} from "./types";

/**
 * Apply `desired` (owned domain → certificate) over `previous`, removing previously owned domains that are no longer
 * listed. Returns the outputs; on failure throws, as a partial failure carrying what is now owned when any write
 * may have been applied.
 */
export async function reconcile(
  inputs: Inputs,
  previous: Readonly<Record<string, string>>,
  bag: PropertyBag,
  verb: string,
): Promise<Outputs> {
  const { acceleratorId, listenerId } = inputs;
  const domains = [...new Set([...Object.keys(inputs.certificates), ...Object.keys(previous)])].sort();
  const intents: BindingIntent[] = domains.map((domain) => ({
    acceleratorId,
    listenerId,
    domain,
    certificateId: inputs.certificates[domain],
  }));
  const outcomes = await submitBindingSet(intents, timeoutMs(inputs.timeoutSeconds, DEFAULT_TIMEOUT_SECONDS));
  const owned: Record<string, string> = {};
  const errors: string[] = [];
  let changed = false;
  intents.forEach((intent, i) => {
    const outcome = outcomes[i] as IntentOutcome;
    const applied = outcome.ok ? !["unchanged", "absent"].includes(outcome.action) : outcome.accepted;
    changed ||= applied;
    if (!outcome.ok) errors.push(`${intent.domain}: ${outcome.error.message}`);
    // What the domain is now, as far as we know: the wanted state if it went through (or may have), else as before.
    const now = outcome.ok || outcome.accepted ? intent.certificateId : previous[intent.domain];
    if (now !== undefined) owned[intent.domain] = now;
  });
  const outs = outputsOf(inputs, owned);
  if (errors.length === 0) return outs;
  const id = listenerSetId(acceleratorId, listenerId);
  const message = `${verb} GA additional certificates of ${id}: ${errors.length} of ${intents.length} domains failed: ${errors.join("; ")}`;
  if (!changed) throw new Error(message);
  throw new PartialFailureError(message, id, { ...bag, ...outs }, errors);
}

/** Associate (adopting existing bindings, updating listed domains bound to another certificate) and wait. */
export async function createBindingSet(bag: PropertyBag): Promise<CreateResult<Outputs>> {
  const inputs = parseInputs(bag);
  const outs = await reconcile(inputs, {}, bag, "creating");
  return { id: listenerSetId(inputs.acceleratorId, inputs.listenerId), outs };
}
