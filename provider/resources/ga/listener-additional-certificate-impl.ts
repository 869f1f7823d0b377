/**
 * Provider methods of `ga.ListenerAdditionalCertificate` (see `listener-additional-certificate.ts`). Writes go through
 * the per-accelerator engine as intents ("domain d must carry certificate c" / "must carry none").
 */
import {
  type CheckResult,
  type CreateResult,
  type DiffResult,
  type ReadResult,
  type UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { CheckReport } from "../common/check";
import { PartialFailureError, plainJson, withoutProvider, type PropertyBag } from "../common/dynamic";
import { isListenerGone } from "./engine/live";
import { readListener } from "./engine/reads";
import { submitIntents } from "./engine/scheduler";
import { type BindingIntent, type IntentOutcome } from "./engine/types";
import { bindingId, parseId } from "./ids";
import {
  type ListenerAdditionalCertificateInputs as Inputs,
  type ListenerAdditionalCertificateOutputs as Outputs,
} from "./listener-additional-certificate";
import { optionalNumber, text } from "./props";
import {
  readAcceleratorId,
  readCertificateId,
  readDomain,
  readListenerId,
  readTimeoutSeconds,
  timeoutMs,
} from "./validate";

/** Inputs whose change replaces the binding (GA cannot move a binding; one certificate per domain). */
export const REPLACE_ON_CHANGES = ["acceleratorId", "listenerId", "domain"] as const;

/** Validate and normalize (trim; lower-case domain). No API call. */
export async function checkBinding(_olds: PropertyBag, news: PropertyBag): Promise<CheckResult<Inputs>> {
  const report = new CheckReport();
  const acceleratorId = readAcceleratorId(report, news["acceleratorId"]);
  const listenerId = readListenerId(report, news["listenerId"]);
  const domain = readDomain(report, "domain", news["domain"]);
  const certificateId = readCertificateId(report, "certificateId", news["certificateId"]);
  const timeoutSeconds = readTimeoutSeconds(report, news["timeoutSeconds"]);
  if (report.failures.length > 0) return { inputs: withoutProvider(news) as Inputs, failures: report.failures };
  return { inputs: plainJson({ acceleratorId, listenerId, domain, certificateId, timeoutSeconds }) as Inputs };
}

/**
 * Decide without API calls. `changes` is also true when only the provider code changed, so the new code is stored
 * before a later refresh or delete runs the old one.
 */
export async function diffBinding(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  const replaces = REPLACE_ON_CHANGES.filter((key) => olds[key] !== news[key]);
  const changes =
    replaces.length > 0 || ["certificateId", "timeoutSeconds", "__provider"].some((key) => olds[key] !== news[key]);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 };
}

function intentOf(inputs: Inputs, certificateId: string | undefined): BindingIntent {
  return { acceleratorId: inputs.acceleratorId, listenerId: inputs.listenerId, domain: inputs.domain, certificateId };
}

function parseInputs(bag: PropertyBag): Inputs {
  const timeoutSeconds = optionalNumber(bag, "timeoutSeconds");
  return {
    acceleratorId: text(bag, "acceleratorId"),
    listenerId: text(bag, "listenerId"),
    domain: text(bag, "domain").toLowerCase(),
    certificateId: text(bag, "certificateId"),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
}

/** Bring the binding about and return its outputs, or throw (a partial failure once a write may have applied). */
async function ensure(inputs: Inputs, bag: PropertyBag, verb: string): Promise<Outputs> {
  const [outcome] = (await submitIntents(
    [intentOf(inputs, inputs.certificateId)],
    timeoutMs(inputs.timeoutSeconds),
  )) as [IntentOutcome];
  const id = bindingId(inputs.acceleratorId, inputs.listenerId, inputs.domain);
  if (outcome.ok) return { ...inputs, state: outcome.state };
  const message = `${verb} GA additional certificate ${id}: ${outcome.error.message}`;
  if (!outcome.accepted) throw new Error(message);
  const confirmed = outcome.confirmed;
  // A read after the failure showed the domain carries nothing: there is nothing to record (or to orphan).
  if (confirmed !== undefined && confirmed.binding === undefined) throw new Error(message);
  // The write was (or may have been) applied: record the binding so it is never orphaned; the next `up` retries. It
  // is recorded as the confirming read showed it, or with state "unknown" when that read failed too.
  const recorded =
    confirmed?.binding === undefined
      ? { state: "unknown" }
      : { certificateId: confirmed.binding.certificateId, state: confirmed.binding.state };
  throw new PartialFailureError(message, id, { ...bag, ...inputs, ...recorded }, [outcome.error.message]);
}

/** Associate (or adopt, or update an existing binding of the domain) and wait for it to settle. */
export async function createBinding(bag: PropertyBag): Promise<CreateResult<Outputs>> {
  const inputs = parseInputs(bag);
  const outs = await ensure(inputs, bag, "creating");
  return { id: bindingId(inputs.acceleratorId, inputs.listenerId, inputs.domain), outs };
}

/** Re-assert the binding with the new certificate (also repairs an out-of-band removal). */
export async function updateBinding(
  _id: string,
  _olds: PropertyBag,
  news: PropertyBag,
): Promise<UpdateResult<Outputs>> {
  return { outs: await ensure(parseInputs(news), news, "updating") };
}

/** Dissociate the domain; success when it, its listener or its accelerator is already gone. */
export async function deleteBinding(id: string, props: PropertyBag): Promise<void> {
  const target = parseId(id);
  if (target?.domain === undefined)
    throw new Error(`GA additional certificate id "${id}" is not <acceleratorId>:<listenerId>:<domain>`);
  const intent = {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: target.domain,
    certificateId: undefined,
  };
  const [outcome] = (await submitIntents([intent], timeoutMs(props["timeoutSeconds"]))) as [IntentOutcome];
  if (!outcome.ok) throw new Error(`deleting GA additional certificate ${id}: ${outcome.error.message}`);
}

/** Rebuild outputs and inputs from the live binding; gone when the domain, listener or accelerator is. */
export async function readBinding(id: string, props: PropertyBag = {}): Promise<ReadResult<Outputs>> {
  const target = parseId(id);
  if (target?.domain === undefined)
    throw new Error(`GA additional certificate id "${id}" is not <acceleratorId>:<listenerId>:<domain>`);
  let live;
  try {
    live = await readListener(target.acceleratorId, target.listenerId);
  } catch (error: unknown) {
    if (isListenerGone(error)) return { id: "" };
    throw error;
  }
  const binding = live.get(target.domain);
  if (binding === undefined) return { id: "" };
  const timeoutSeconds = optionalNumber(props, "timeoutSeconds");
  const inputs: Inputs = {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: target.domain,
    certificateId: binding.certificateId,
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
  return { id, props: { ...inputs, state: binding.state }, inputs: inputs as Outputs };
}
