import { pollSchedule, type PollScheduleKind } from "./poll-schedule";
import { withShutdown } from "./shutdown";

/** What an acceptor decides about one poll. */
export type WaitDecision<T> =
  | { readonly state: "success"; readonly value: T }
  | { readonly state: "retry"; readonly progress?: string }
  | { readonly state: "failure"; readonly reason: string };

/** Settings of {@link waitUntil}. */
export interface WaitOptions {
  /**
   * Pacing floor in ms. `elapsed` schedule: the mean-lag floor, so the first polls are `2 × minDelayMs` apart and
   * a transition is seen on average `max(minDelayMs, 10 % of the time already waited)` after it happens.
   * `backoff` schedule: the first pause. @default 1000
   */
  readonly minDelayMs?: number;
  /**
   * `backoff` schedule only: the longest pause (pauses double from `minDelayMs` up to this). The `elapsed` schedule
   * has no fixed ceiling, because a ceiling turns a long wait back into constant-rate polling (a 20 s ceiling costs
   * about 40 polls for a 10-minute wait instead of 25). Still validated (`>= minDelayMs`). @default 15000
   */
  readonly maxDelayMs?: number;
  /** How pauses are chosen; see provider/util/poll-schedule.ts. @default "elapsed" */
  readonly schedule?: PollScheduleKind;
  /** Give up after this many ms in total. Required: every wait is bounded. */
  readonly timeoutMs: number;
  /** What is being waited for, used in progress lines and the timeout error ("certificate issuance"). */
  readonly description: string;
  /** Receives progress lines: one per poll whose state changed, and at least every 30 s while it holds. */
  readonly onProgress?: (line: string) => void;
  /**
   * Stops the wait early. The process's shutdown signal (util/shutdown.ts: the engine that started this provider host
   * is gone) always does too, so no caller can forget it.
   */
  readonly signal?: AbortSignal;
  /** Random source in [0, 1) for jitter (injectable for tests). @default Math.random */
  readonly random?: () => number;
}

/** Thrown when a wait gives up: on timeout, or when the acceptor reports failure. */
export class WaitError extends Error {
  constructor(
    message: string,
    /** `timeout`, `failure`, or `aborted` (by the caller's signal or the process's shutdown). */
    readonly reason: "timeout" | "failure" | "aborted",
  ) {
    super(message);
    this.name = "WaitError";
  }
}

/**
 * Longest silence while a wait's state holds. Late in a long wait the gap between polls exceeds this (20 % of ten
 * minutes is two minutes), so a line is printed between polls too: a wait that says nothing looks like a hang.
 */
const PROGRESS_EVERY_MS = 30_000;

function validate(options: WaitOptions): { min: number; max: number } {
  const min = options.minDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 15_000;
  if (!(min > 0) || !(max >= min))
    throw new RangeError(`waitUntil: need 0 < minDelayMs (${min}) <= maxDelayMs (${max})`);
  if (!(options.timeoutMs > 0)) throw new RangeError(`waitUntil: timeoutMs must be positive, got ${options.timeoutMs}`);
  return { min, max };
}

/** The message of an aborted wait: what was awaited, and why it stopped when the signal says. */
function abortedMessage(description: string, signal: AbortSignal): string {
  const why = signal.reason instanceof Error ? `: ${signal.reason.message}` : "";
  return `waiting for ${description} was aborted${why}`;
}

function sleep(ms: number, signal: AbortSignal, description: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Declared before use (not hoisted across a closure): Pulumi's closure serializer must see every captured name.
    const state: { timer: ReturnType<typeof setTimeout> | undefined } = { timer: undefined };
    const onAbort = (): void => {
      clearTimeout(state.timer);
      reject(new WaitError(abortedMessage(description, signal), "aborted"));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    state.timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Poll `poll` until the acceptor says success or failure, or the timeout passes. By default the gap between polls
 * is `max(2 × minDelayMs, 20 % of the time already spent in this wait)`, so the mean lag between a transition and
 * its detection stays within `max(minDelayMs, 10 %)` of the time waited; a little jitter keeps many resources
 * waiting on one service from polling in lockstep (see provider/util/poll-schedule.ts). The last poll happens at
 * the deadline. Errors thrown by `poll` propagate (the transport has already retried what is retryable).
 */
export async function waitUntil<R, T>(
  poll: () => Promise<R>,
  acceptor: (result: R) => WaitDecision<T>,
  options: WaitOptions,
): Promise<T> {
  const { min, max } = validate(options);
  const signal = withShutdown(options.signal);
  const random = options.random ?? Math.random;
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const schedule = pollSchedule(options.schedule ?? "elapsed", { minDelayMs: min, maxDelayMs: max, random });
  let lastProgress: string | undefined;
  let lastProgressAt = started;
  /** Sleep until `until`, with a progress line every {@link PROGRESS_EVERY_MS} while the last state holds. */
  const pauseUntil = async (until: number): Promise<void> => {
    for (let now = Date.now(); now < until; now = Date.now()) {
      const quietUntil = lastProgress === undefined ? until : lastProgressAt + PROGRESS_EVERY_MS;
      // Whole milliseconds: a fractional remainder would sleep 0 ms and spin (timers and Date.now() are integral).
      await sleep(Math.max(Math.ceil(Math.min(until, quietUntil) - now), 1), signal, options.description);
      const at = Date.now();
      if (lastProgress !== undefined && at < until && at - lastProgressAt >= PROGRESS_EVERY_MS) {
        const elapsed = Math.round((at - started) / 1000);
        const next = Math.round((until - at) / 1000);
        options.onProgress?.(
          `waiting for ${options.description}: ${lastProgress} (${elapsed}s elapsed, next check in ${next}s)`,
        );
        lastProgressAt = at;
      }
    }
  };
  for (;;) {
    if (signal.aborted) throw new WaitError(abortedMessage(options.description, signal), "aborted");
    const result = await poll();
    // A poll can take long (the transport retries within it): its answer no longer matters once the wait is aborted.
    if (signal.aborted) throw new WaitError(abortedMessage(options.description, signal), "aborted");
    const decision = acceptor(result);
    if (decision.state === "success") return decision.value;
    if (decision.state === "failure")
      throw new WaitError(`${options.description} failed: ${decision.reason}`, "failure");
    const now = Date.now();
    const elapsed = Math.round((now - started) / 1000);
    if (
      decision.progress !== undefined &&
      (decision.progress !== lastProgress || now - lastProgressAt >= PROGRESS_EVERY_MS)
    ) {
      options.onProgress?.(`waiting for ${options.description}: ${decision.progress} (${elapsed}s elapsed)`);
      lastProgress = decision.progress;
      lastProgressAt = now;
    }
    if (now >= deadline) {
      const last = lastProgress === undefined ? "" : ` (last state: ${lastProgress})`;
      throw new WaitError(
        `timed out after ${Math.round(options.timeoutMs / 1000)}s waiting for ${options.description}${last}`,
        "timeout",
      );
    }
    await pauseUntil(now + Math.min(schedule.nextPause(now - started), deadline - now));
  }
}
