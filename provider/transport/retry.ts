import { backOff } from "exponential-backoff";

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
 * hand-written loop; the deadline is ours because the library counts attempts only.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  shouldRetry: (error: unknown) => boolean,
  policy: RetryPolicy,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  const deadline = Date.now() + policy.deadlineMs;
  return backOff(attempt, {
    numOfAttempts: policy.maxAttempts,
    startingDelay: policy.baseDelayMs,
    maxDelay: policy.maxDelayMs,
    timeMultiple: 2,
    jitter: "full",
    delayFirstAttempt: false,
    retry: (error: unknown, attemptNumber: number) => {
      if (!shouldRetry(error) || Date.now() >= deadline) return false;
      onRetry?.({ attempt: attemptNumber, error });
      return true;
    },
  });
}
