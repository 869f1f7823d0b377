/**
 * Provider methods of `ga.ListenerAdditionalCertificates` (see `listener-additional-certificates.ts`). Each change is
 * a set of intents, one per domain, handed to the per-accelerator engine in one submission.
 */
import {
  type CheckResult,
  type CreateResult,
  type DiffResult,
  type ReadResult,
  type UpdateResult,
} from "@pulumi/pulumi/dynamic";
import { CheckReport, isUnknown, quote } from "../common/check";
import { PartialFailureError, plainJson, withoutProvider, type PropertyBag } from "../common/dynamic";
import { isListenerGone } from "./engine/live";
import { readListener } from "./engine/reads";
import { submitIntents } from "./engine/scheduler";
import { type BindingIntent, type IntentOutcome } from "./engine/types";
import { listenerSetId, MAX_CERTIFICATES_PER_LISTENER, parseId } from "./ids";
import {
  type ListenerAdditionalCertificatesInputs as Inputs,
  type ListenerAdditionalCertificatesOutputs as Outputs,
} from "./listener-additional-certificates";
import { optionalNumber, sortedMap, stringMap, text } from "./props";
import {
  readAcceleratorId,
  readCertificateId,
  readDomain,
  readListenerId,
  readTimeoutSeconds,
  timeoutMs,
} from "./validate";

/** Read `certificates`: an object of hostname → `<certId>-<region>`, keys normalized, no duplicates. */
function readCertificates(report: CheckReport, value: unknown): Record<string, string> | string | undefined {
  if (value === undefined || value === null) return {};
  if (isUnknown(value)) return value as string;
  if (typeof value !== "object" || Array.isArray(value)) {
    report.fail(
      "certificates",
      `certificates must be an object mapping each domain to "<certId>-<region>", got ${quote(value)}`,
    );
    return undefined;
  }
  const out: Record<string, string> = {};
  const spelledAs = new Map<string, string>();
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const property = `certificates[${JSON.stringify(key)}]`;
    const domain = readDomain(report, property, key);
    const certificateId = readCertificateId(report, property, raw);
    if (domain === undefined || certificateId === undefined) continue;
    const earlier = spelledAs.get(domain);
    if (earlier !== undefined) {
      report.fail(
        property,
        `certificates lists ${quote(earlier)} and ${quote(key)}: each domain at most once (domains compare case-insensitively)`,
      );
      continue;
    }
    spelledAs.set(domain, key);
    out[domain] = certificateId;
  }
  const distinct = new Set(Object.values(out).filter((id) => !isUnknown(id)));
  if (distinct.size > MAX_CERTIFICATES_PER_LISTENER) {
    report.fail(
      "certificates",
      `certificates names ${distinct.size} distinct certificates; a GA HTTPS listener takes at most ${MAX_CERTIFICATES_PER_LISTENER} additional certificates (quota gaplus_quota_additional_certs_per_listener, 3 by default)`,
    );
  }
  return sortedMap(out);
}

/** Validate and normalize (trim; lower-case, sorted domains). No API call. */
export async function checkBindingSet(_olds: PropertyBag, news: PropertyBag): Promise<CheckResult<Inputs>> {
  const report = new CheckReport();
  const acceleratorId = readAcceleratorId(report, news["acceleratorId"]);
  const listenerId = readListenerId(report, news["listenerId"]);
  const certificates = readCertificates(report, news["certificates"]);
  const timeoutSeconds = readTimeoutSeconds(report, news["timeoutSeconds"]);
  if (report.failures.length > 0) return { inputs: withoutProvider(news) as Inputs, failures: report.failures };
  return { inputs: plainJson({ acceleratorId, listenerId, certificates, timeoutSeconds }) as Inputs };
}

/** Canonical text of a certificates value, for comparison (an unknown stays the sentinel and so differs). */
function canonical(value: unknown): string {
  return typeof value === "object" && value !== null
    ? JSON.stringify(sortedMap(stringMap({ v: value }, "v") ?? {}))
    : String(value);
}

/**
 * Decide without API calls. Replacing for a new listener creates the new bindings first; replacing with the same
 * listener (only `acceleratorId` changed) deletes first, or the old resource's delete would remove the new bindings.
 */
export async function diffBindingSet(_id: string, olds: PropertyBag, news: PropertyBag): Promise<DiffResult> {
  const replaces = (["acceleratorId", "listenerId"] as const).filter((key) => olds[key] !== news[key]);
  const changes =
    replaces.length > 0 ||
    canonical(olds["certificates"]) !== canonical(news["certificates"]) ||
    ["timeoutSeconds", "__provider"].some((key) => olds[key] !== news[key]);
  return { changes, replaces, deleteBeforeReplace: replaces.length > 0 && olds["listenerId"] === news["listenerId"] };
}

function parseInputs(bag: PropertyBag): Inputs {
  const timeoutSeconds = optionalNumber(bag, "timeoutSeconds");
  const certificates: Record<string, string> = {};
  for (const [domain, id] of Object.entries(stringMap(bag, "certificates") ?? {}))
    certificates[domain.toLowerCase()] = id;
  return {
    acceleratorId: text(bag, "acceleratorId"),
    listenerId: text(bag, "listenerId"),
    certificates: sortedMap(certificates),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
}

function outputsOf(inputs: Inputs, certificates: Readonly<Record<string, string>>): Outputs {
  const sorted = sortedMap(certificates);
  return { ...inputs, certificates: sorted, domains: Object.keys(sorted) };
}

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
 * listed. Returns the outputs; on failure throws, as a partial failure carrying what is now owned when any write
 * may have been applied.
 */
async function reconcile(
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
  const outcomes = await submitIntents(intents, timeoutMs(inputs.timeoutSeconds));
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

/** Associate added, update changed and dissociate removed domains, batched; re-asserts unchanged ones (no write). */
export async function updateBindingSet(
  _id: string,
  olds: PropertyBag,
  news: PropertyBag,
): Promise<UpdateResult<Outputs>> {
  return { outs: await reconcile(parseInputs(news), stringMap(olds, "certificates") ?? {}, news, "updating") };
}

/** Dissociate every owned domain still bound; success when the listener or accelerator is gone. */
export async function deleteBindingSet(id: string, props: PropertyBag): Promise<void> {
  const target = parseId(id);
  if (target === undefined || target.domain !== undefined)
    throw new Error(`GA listener certificates id "${id}" is not <acceleratorId>:<listenerId>`);
  const domains = Object.keys(stringMap(props, "certificates") ?? {});
  const intents = domains.map((domain) => ({
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    domain: domain.toLowerCase(),
    certificateId: undefined,
  }));
  const outcomes = await submitIntents(intents, timeoutMs(props["timeoutSeconds"]));
  const errors = outcomes.flatMap((o, i) => (o.ok ? [] : [`${intents[i]?.domain ?? "?"}: ${o.error.message}`]));
  if (errors.length > 0) throw new Error(`deleting GA additional certificates of ${id}: ${errors.join("; ")}`);
}

/**
 * Rebuild from the live bindings, restricted to the owned domains (all of them for a `get`, which owns none yet).
 * Gone only when the listener or accelerator is.
 */
export async function readBindingSet(id: string, props: PropertyBag = {}): Promise<ReadResult<Outputs>> {
  const target = parseId(id);
  if (target === undefined || target.domain !== undefined)
    throw new Error(`GA listener certificates id "${id}" is not <acceleratorId>:<listenerId>`);
  let live;
  try {
    live = await readListener(target.acceleratorId, target.listenerId);
  } catch (error: unknown) {
    if (isListenerGone(error)) return { id: "" };
    throw error;
  }
  const ownedMap = stringMap(props, "certificates");
  const owned = ownedMap === undefined ? [...live.keys()] : Object.keys(ownedMap).map((d) => d.toLowerCase());
  const certificates: Record<string, string> = {};
  for (const domain of owned) {
    const binding = live.get(domain);
    if (binding !== undefined) certificates[domain] = binding.certificateId;
  }
  const timeoutSeconds = optionalNumber(props, "timeoutSeconds");
  const inputs: Inputs = {
    acceleratorId: target.acceleratorId,
    listenerId: target.listenerId,
    certificates: sortedMap(certificates),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
  };
  // ReadResult types `inputs` as Outputs; the host stores them as the resource's inputs for later diffs.
  return { id, props: outputsOf(inputs, certificates), inputs: inputs as Outputs };
}
