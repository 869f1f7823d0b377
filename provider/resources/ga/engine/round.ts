/**
 * One round of the engine for one accelerator: read each listener once, plan, refuse the writes whose certificate
 * does not cover its domain (`coverage.ts`), then run the planned writes one at a time (GA holds an exclusive lock on
 * the accelerator during each), waiting for the listener and accelerator to be `active` after every write. Every
 * pending intent is either settled exactly once or handed back for a later round (only while the accelerator is busy
 * and the intent's deadline has not passed); `runRound` never throws.
 */
import { type AlibabaApi } from "../../common/host";
import { isAlibabaCloudError } from "../../../transport/errors";
import { WaitError } from "../../../util/waiter";
import {
  AssociateAdditionalCertificatesWithListener,
  DissociateAdditionalCertificatesFromListener,
  UpdateAdditionalCertificateWithListener,
} from "../../../transport/operations/ga";
import { progress } from "../../common/host";
import { messageOf } from "../../common/dynamic";
import { confirmAndSettle, type Unconfirmed } from "./confirm";
import { isBusy, untilDeadline } from "./contention";
import { coveredWrites } from "./coverage";
import { isListenerGone, listBindings, type GaApi } from "./live";
import { actionOf, planListener } from "./plan";
import { noteWrite } from "./reads";
import { associateRequest, clientToken, dissociateRequest, newNonce, updateRequest, WRITE_ACTIONS } from "./requests";
import { type BindingIntent, type IntentOutcome, type PlannedWrite, type WriteKind } from "./types";
import { waitSettled } from "./waits";

/** An intent waiting in a queue, with its deadline and the callback that settles its caller's promise. */
export interface Pending {
  readonly intent: BindingIntent;
  /** The client of the resource that submitted the intent (the host's client in production). */
  readonly client: AlibabaApi;
  /** Epoch ms after which waits for this intent give up. */
  readonly deadline: number;
  settle(outcome: IntentOutcome): void;
}

/** Counters of what rounds did (diagnostics and tests). */
export interface EngineStats {
  /** Rounds run (each takes every pending intent of one accelerator). */
  rounds: number;
  /** Listener reads (ListListenerCertificates, all pages) made by rounds. */
  lists: number;
  /** Writes accepted (Associate / Update / Dissociate calls). */
  writes: number;
  /** Completed waits for listener and accelerator `active` (one per accepted write). */
  waits: number;
  /** Intents handed back to the queue because the accelerator stayed busy within their deadline. */
  requeued: number;
}

/** Codes that concern the listener or the caller as a whole: splitting a batch that failed with one cannot help. */
const WHOLE_CALL_CODES =
  /^(NotExist\.(Listener|Accelerator)|Protoc[ao]lIllegal|Forbidden|NoPermission|InvalidAccessKeyId|SignatureDoesNotMatch|IncompleteSignature|InvalidRegionId)/;

/** Least time given to a call or wait whose intents' deadline has passed (they still deserve one honest try). */
const MIN_BUDGET_MS = 1000;

function budget(deadline: number): number {
  return Math.max(deadline - Date.now(), MIN_BUDGET_MS);
}

/** A definite rejection (nothing applied) that names items rather than the call: worth isolating the bad item. */
function isSplittable(error: unknown): boolean {
  return isAlibabaCloudError(error) && !error.retryable && !error.ambiguous && !WHOLE_CALL_CODES.test(error.code);
}

/** True when the write may have been applied although no success reply arrived. */
function mayHaveApplied(error: unknown): boolean {
  return !isAlibabaCloudError(error) || error.ambiguous;
}

/** After such a failure the accelerator is stuck or unreachable: the round's remaining writes are not attempted. */
function stopsRound(error: unknown): boolean {
  return !isAlibabaCloudError(error) || error.retryable || error.ambiguous;
}

/**
 * True when the round stopped for a reason a later round can outlast (the accelerator busy or unreachable, a wait
 * out of time), so intents not attempted yet deserve another round within their own deadlines. A failed state (the
 * listener `deleting`) or an internal error will not get better.
 */
function worthRetrying(stop: unknown): boolean {
  if (stop instanceof WaitError) return stop.reason === "timeout";
  return isAlibabaCloudError(stop) && (stop.retryable || stop.ambiguous);
}

async function send(
  api: GaApi,
  kind: WriteKind,
  intents: readonly BindingIntent[],
  token: string,
  deadlineMs: number,
): Promise<void> {
  const options = untilDeadline(deadlineMs, `${WRITE_ACTIONS[kind]} on ${intents[0]?.acceleratorId ?? "?"}`);
  if (kind === "associate")
    await api.call(AssociateAdditionalCertificatesWithListener, associateRequest(intents, token), options);
  else if (kind === "dissociate")
    await api.call(DissociateAdditionalCertificatesFromListener, dissociateRequest(intents, token), options);
  else
    for (const intent of intents)
      await api.call(UpdateAdditionalCertificateWithListener, updateRequest(intent, token), options);
}

function describe(kind: WriteKind, intents: readonly BindingIntent[]): string {
  const domains = intents.map((i) => i.domain);
  const shown =
    domains.length > 3 ? `${domains.slice(0, 3).join(", ")}, … (${domains.length} domains)` : domains.join(", ");
  return `${WRITE_ACTIONS[kind]} ${shown}`;
}

/**
 * Runs one round; see the module comment. Returns the intents handed back for a later round (in their order), each
 * still open and before its deadline.
 */
export async function runRound(
  api: GaApi,
  acceleratorId: string,
  items: readonly Pending[],
  stats: EngineStats,
): Promise<Pending[]> {
  const open = new Set(items);
  const attempted = new Set<Pending>();
  const requeued: Pending[] = [];
  const unconfirmed: Unconfirmed[] = [];
  const finish = (item: Pending, outcome: IntentOutcome): void => {
    if (open.delete(item)) item.settle(outcome);
  };
  const fail = (targets: Iterable<Pending>, error: Error, accepted: boolean): void => {
    for (const item of targets) {
      if (!accepted) finish(item, { ok: false, error, accepted });
      else if (open.delete(item)) {
        // Settled after the round, once a read has shown what the write left behind (see confirm.ts).
        const { listenerId, domain } = item.intent;
        unconfirmed.push({ listenerId, domain, deadline: item.deadline, error, settle: item.settle });
      }
    }
  };
  /** Hand back the items whose deadline is still ahead; returns the rest. */
  const requeue = (targets: Iterable<Pending>): Pending[] => {
    const now = Date.now();
    const late: Pending[] = [];
    for (const item of targets) {
      if (item.deadline > now && open.delete(item)) {
        requeued.push(item);
        stats.requeued++;
      } else if (open.has(item)) late.push(item);
    }
    return late;
  };
  try {
    await runListeners(api, acceleratorId, items, stats, { finish, fail, attempted, requeue, open });
  } catch (error: unknown) {
    // Internal errors only (the helpers catch API failures); an intent whose write went out may be applied.
    for (const item of [...open]) fail([item], new Error(`GA engine error: ${messageOf(error)}`), attempted.has(item));
  }
  if (unconfirmed.length > 0) await confirmAndSettle(api, acceleratorId, unconfirmed);
  return requeued;
}

/** Runs each listener's writes in turn; after a stop, the rest are handed back or failed as not attempted. */
async function runListeners(
  api: GaApi,
  acceleratorId: string,
  items: readonly Pending[],
  stats: EngineStats,
  settlers: Settlers & { readonly open: Set<Pending> },
): Promise<void> {
  const { fail, attempted, requeue, open } = settlers;
  const byListener = new Map<string, Pending[]>();
  for (const item of items)
    byListener.set(item.intent.listenerId, [...(byListener.get(item.intent.listenerId) ?? []), item]);
  for (const [listenerId, group] of byListener) {
    const stop = await runListener(api, acceleratorId, listenerId, group, stats, settlers);
    if (stop !== undefined) {
      const retry = worthRetrying(stop);
      if (retry) requeue([...open].filter((item) => !attempted.has(item)));
      const when = retry ? " before its deadline" : "";
      fail(
        [...open],
        new Error(
          `not attempted${when}: an earlier write on GA accelerator ${acceleratorId} failed: ${messageOf(stop)}`,
        ),
        false,
      );
      return;
    }
  }
}

interface Settlers {
  finish(item: Pending, outcome: IntentOutcome): void;
  fail(targets: Iterable<Pending>, error: Error, accepted: boolean): void;
  /** Hand items back for a later round when their deadline is ahead; returns those past it (still open). */
  requeue(targets: Iterable<Pending>): Pending[];
  readonly attempted: Set<Pending>;
}

/** Plans and runs one listener's writes; returns the error that stops the round, if any. */
async function runListener(
  api: GaApi,
  acceleratorId: string,
  listenerId: string,
  group: readonly Pending[],
  stats: EngineStats,
  settlers: Settlers,
): Promise<unknown> {
  const { finish, fail, attempted, requeue } = settlers;
  const deadline = Math.max(...group.map((item) => item.deadline));
  let live;
  try {
    live = await listBindings(
      api,
      acceleratorId,
      listenerId,
      untilDeadline(budget(deadline), `ListListenerCertificates ${listenerId}`),
    );
    stats.lists++;
  } catch (error: unknown) {
    if (!isListenerGone(error)) {
      const late = isBusy(error) ? requeue(group) : group;
      fail(late, error instanceof Error ? error : new Error(messageOf(error)), false);
      return undefined;
    }
    // The listener (or accelerator) is gone: so is every binding on it.
    for (const item of group) {
      if (item.intent.certificateId === undefined) finish(item, { ok: true, action: "absent", state: "absent" });
      else fail([item], error as Error, false);
    }
    return undefined;
  }
  const plan = planListener(live, group);
  for (const { item, action, state } of plan.settled) finish(item, { ok: true, action, state });
  // Never bind a certificate to a domain it does not cover (one CAS read per certificate per process).
  const covered = await coveredWrites(api, plan.writes, budget(deadline), (item, error) =>
    finish(item, { ok: false, error, accepted: false }),
  );
  const queue: PlannedWrite<Pending>[] = [...covered];
  for (let write = queue.shift(); write !== undefined; write = queue.shift()) {
    const intents = write.items.map((item) => item.intent);
    const token = clientToken(write.kind, intents, newNonce());
    progress(`GA ${acceleratorId}/${listenerId}: ${describe(write.kind, intents)}`);
    write.items.forEach((item) => attempted.add(item));
    // Listings from before (or during) this write must not answer later reads (see reads.ts).
    noteWrite(acceleratorId, listenerId);
    try {
      try {
        await send(api, write.kind, intents, token, budget(deadline));
        stats.writes++;
      } catch (error: unknown) {
        if (isSplittable(error) && write.items.length > 1) {
          // One bad item (e.g. a certificate CAS does not know) must not fail its nine neighbours: bisect.
          const half = Math.ceil(write.items.length / 2);
          queue.unshift(
            { kind: write.kind, items: write.items.slice(0, half) },
            { kind: write.kind, items: write.items.slice(half) },
          );
          write.items.forEach((item) => attempted.delete(item));
          continue;
        }
        if (write.kind === "dissociate" && isAlibabaCloudError(error) && error.notFound && !error.ambiguous) {
          // The domain vanished between our read and this write: it is absent, which is what was asked.
          write.items.forEach((item) => finish(item, { ok: true, action: "absent", state: "absent" }));
          continue;
        }
        if (isBusy(error)) write.items.forEach((item) => attempted.delete(item));
        // A busy answer applied nothing: the write's intents get a later round (fresh read and plan) within deadline.
        const late = isBusy(error) ? requeue(write.items) : write.items;
        fail(late, error instanceof Error ? error : new Error(messageOf(error)), mayHaveApplied(error));
        if (stopsRound(error)) return error;
        continue;
      }
      try {
        await waitSettled(api, acceleratorId, listenerId, budget(deadline));
        stats.waits++;
      } catch (error: unknown) {
        const reason = new Error(
          `GA accepted ${describe(write.kind, intents)} (ClientToken ${token}) but it did not settle: ${messageOf(error)}`,
        );
        fail(write.items, reason, true);
        return reason;
      }
      write.items.forEach((item) => finish(item, { ok: true, action: actionOf(write.kind), state: "active" }));
    } finally {
      noteWrite(acceleratorId, listenerId);
    }
  }
  return undefined;
}
