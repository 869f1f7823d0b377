import { backOff } from "exponential-backoff";
import { hostShutdownSignal } from "../util/shutdown";

/** How the transport retries a call. */
export interface RetryPolicy {
  /** Most attempts in total, the first included. @default 8 */
  readonly maxAttempts: number;
  /** First backoff ceiling in ms; each retry doubles it (full jitter: the wait is uniform in [0, ceiling]). @default 500 */
  readonly baseDelayMs: number;
  /** Largest backoff ceiling in ms. @default 20000 */
  readonly maxDelayMs: number;
  /** No retry starts later than this many ms after the first attempt. @default 120000 */
  readonly deadlineMs: number;
}

/** Defaults: about two minutes of patience, enough for throttling windows and GA's short exclusive locks. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 20_000,
  deadlineMs: 120_000,
};

/** What a caller learns before each retry (for progress lines). */
export interface RetryNotice {
  readonly attempt: number;
  readonly error: unknown;
}

/**
 * Run `attempt` until it succeeds, `shouldRetry` says no, attempts run out or the deadline passes. Exponential
 * backoff with full jitter comes from `exponential-backoff` (maintained, tiny, no dependencies) rather than a
 * hand-written loop; the deadline is ours because the library counts attempts only. `signal` (by default the
 * process's shutdown signal, util/shutdown.ts) ends it at once with the signal's reason: no attempt starts after it,
 * and a backoff pause in progress is not waited out (the library's pauses cannot be cancelled, so the result races
 * the signal, and the abandoned loop ends at its next attempt, which throws).
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  policy: RetryPolicy,
  onRetry?: (notice: RetryNotice) => void,
  signal: AbortSignal = hostShutdownSignal(),
): Promise<T> {
  signal.throwIfAborted();
  const deadline = Date.now() + policy.deadlineMs;
  const retried = backOff(
    () => {
      signal.throwIfAborted();
      return attempt();
    },
    {
      numOfAttempts: policy.maxAttempts,
      startingDelay: policy.baseDelayMs,
      maxDelay: policy.maxDelayMs,
      timeMultiple: 2,
      jitter: "full",
      delayFirstAttempt: false,
      retry: (error: unknown, attemptNumber: number) => {
        if (signal.aborted || !shouldRetry(error) || Date.now() >= deadline) return false;
        onRetry?.({ attempt: attemptNumber, error });
        return true;
      },
    },
  );
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    // The listener goes with the call: the shutdown signal lives as long as the process and sees every call.
    retried.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
