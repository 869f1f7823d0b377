/**
 * The per-accelerator scheduler. GA rejects a write while the accelerator is busy with another, and Pulumi runs
 * resources in parallel, so within one provider host process every write to an accelerator goes through one queue:
 *
 * 1. `submitIntents` enqueues intents and returns when each has an outcome.
 * 2. The first intent for an idle accelerator starts a drain, which gathers before each round: it waits one gather
 *    window, and another while intents kept arriving, up to {@link MAX_GATHER_WINDOWS} windows. Intents Pulumi sends
 *    together share a round even when the engine, busy on shared cores, spreads them over more than one window (its
 *    next resources start as the previous round's settle, one by one): a straggler costs a whole round, a GA write
 *    of seconds, where gathering costs a fraction of one.
 * 3. Under the accelerator's lock, a drain repeatedly takes ALL pending intents (at most one per listener and domain;
 *    later ones wait for the next round) and runs them as one round: one read per listener, batched writes, one wait
 *    per write. Intents enqueued while a round is in flight form the next round.
 * 4. Intents a round hands back (the accelerator stayed busy, their deadline is ahead) go to the front of the queue,
 *    and the next round starts after a jittered, growing pause (see `contention.ts`).
 *
 * The state lives in this module's `schedulerState` object, never in a provider instance: serialized providers
 * `require` this package's modules by reference, so every resource (of either GA type) in the host process shares it.
 */
import { KeyedMutex } from "../../../util/keyed-mutex";
import { type AlibabaApi } from "../../common/host";
import { messageOf } from "../../common/dynamic";
import { requeueDelayMs } from "./contention";
import { runRound, type EngineStats, type Pending } from "./round";
import { gatherMs } from "./settings";
import { type BindingIntent, type IntentOutcome } from "./types";

export { DEFAULT_GATHER_MS, gatherMs } from "./settings";

interface AcceleratorQueue {
  readonly pending: Pending[];
  /** Intents enqueued since the queue was made (so a gather can tell whether any arrived during a window). */
  arrivals: number;
  draining: boolean;
}

/** The longest gather before a round, in gather windows. */
export const MAX_GATHER_WINDOWS = 5;

/** Process-wide scheduler state (see the module comment). */
export const schedulerState: {
  readonly mutex: KeyedMutex;
  readonly queues: Map<string, AcceleratorQueue>;
  readonly stats: EngineStats;
} = {
  mutex: new KeyedMutex(),
  queues: new Map(),
  stats: { rounds: 0, lists: 0, writes: 0, waits: 0, requeued: 0 },
};

/** A copy of the counters (rounds, list reads, writes, waits, requeued intents) since the host process started. */
export function engineStats(): EngineStats {
  return { ...schedulerState.stats };
}

/**
 * Bring each intent about, coalesced with every other intent pending for the same accelerator. Resolves (never
 * rejects) with one outcome per intent, in order. `timeoutMs` bounds each write's retries and its wait. `client`
 * makes the calls (the resources pass the host's client; tests pass a fake).
 */
export function submitIntents(
  client: AlibabaApi,
  intents: readonly BindingIntent[],
  timeoutMs: number,
): Promise<IntentOutcome[]> {
  const deadline = Date.now() + timeoutMs;
  return Promise.all(
    intents.map((intent) => new Promise<IntentOutcome>((settle) => enqueue({ intent, client, deadline, settle }))),
  );
}

function enqueue(item: Pending): void {
  const key = item.intent.acceleratorId;
  let queue = schedulerState.queues.get(key);
  if (queue === undefined) {
    queue = { pending: [], arrivals: 0, draining: false };
    schedulerState.queues.set(key, queue);
  }
  queue.pending.push(item);
  queue.arrivals++;
  if (!queue.draining) {
    queue.draining = true;
    const started = queue;
    drain(key, started).catch((error: unknown) => {
      // Unreachable unless the lock itself fails: settle everything rather than leave callers hanging.
      const failure = new Error(`GA scheduler error: ${messageOf(error)}`);
      for (const pending of started.pending.splice(0)) pending.settle({ ok: false, error: failure, accepted: false });
      started.draining = false;
    });
  }
}

/** All pending intents, at most one per (listener, domain) in arrival order; the rest stay queued. */
function takeRound(queue: AcceleratorQueue): Pending[] {
  const seen = new Set<string>();
  const round: Pending[] = [];
  const rest: Pending[] = [];
  for (const item of queue.pending) {
    const key = `${item.intent.listenerId}\n${item.intent.domain}`;
    if (seen.has(key)) rest.push(item);
    else {
      seen.add(key);
      round.push(item);
    }
  }
  queue.pending.splice(0, queue.pending.length, ...rest);
  return round;
}

/** Wait one gather window, then more while intents arrived during the last one, up to {@link MAX_GATHER_WINDOWS}. */
async function gatherArrivals(queue: AcceleratorQueue, gather: number): Promise<void> {
  if (gather <= 0) return;
  for (let window = 0; window < MAX_GATHER_WINDOWS; window++) {
    const before = queue.arrivals;
    await new Promise((resolve) => setTimeout(resolve, gather));
    if (queue.arrivals === before) return;
  }
}

async function drain(acceleratorId: string, queue: AcceleratorQueue): Promise<void> {
  const gather = gatherMs();
  await gatherArrivals(queue, gather);
  await schedulerState.mutex.runExclusive(acceleratorId, async () => {
    let busyRounds = 0;
    for (let first = true; ; first = false) {
      // After a round that settled its intents, their resources' successors are on their way: gather them too.
      if (!first && busyRounds === 0) await gatherArrivals(queue, gather);
      const round = takeRound(queue);
      if (round.length === 0) {
        // Synchronous with the emptiness check, so an intent enqueued from now on starts a new drain.
        queue.draining = false;
        if (schedulerState.queues.get(acceleratorId) === queue) schedulerState.queues.delete(acceleratorId);
        return;
      }
      schedulerState.stats.rounds++;
      // Every submitter in one host process passes the same host client; a round uses its first intent's.
      const client = (round[0] as Pending).client;
      const handedBack = await runRound(client, acceleratorId, round, schedulerState.stats);
      if (handedBack.length === 0) {
        busyRounds = 0;
        continue;
      }
      // Ahead of anything enqueued meanwhile, so a domain's intents keep their order.
      queue.pending.unshift(...handedBack);
      busyRounds++;
      const latest = Math.max(...handedBack.map((item) => item.deadline));
      const pause = requeueDelayMs(busyRounds, latest - Date.now());
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
    }
  });
}
