/**
 * Patience under contention. GA answers `StateError.*` / `NotActive.*` while another write (ours, another stack's, a
 * console user's) holds the accelerator's exclusive lock, and nobody can say how long that lasts. Two layers keep
 * trying until the resource's deadline (`timeoutSeconds`), never for a number of attempts:
 *
 * 1. each engine call retries through the transport with exponential backoff and full jitter and no attempt limit;
 * 2. should a call still give up early on a busy answer, its intents (and every intent queued behind it) go back to
 *    the accelerator's queue and run in a later round after a jittered pause, with a fresh read and a fresh plan.
 */
import { type CallOptions } from "../../../transport/client";
import { isAlibabaCloudError } from "../../../transport/errors";
import { type RetryNotice } from "../../../transport/retry";
import { progress } from "../../common/host";

/** First pause before a requeued round, in ms; doubles per consecutive busy round. */
export const REQUEUE_BASE_MS = 500;
/** Longest pause before a requeued round, in ms (GA locks last seconds to about a minute). */
export const REQUEUE_MAX_MS = 15_000;

/**
 * Options for one engine call with `budgetMs` left before its intents' deadline: retried while retryable until the
 * deadline (no attempt limit), printing a progress line per retry so a long contention is never silent.
 */
export function untilDeadline(budgetMs: number, what: string): CallOptions {
  return {
    retry: { deadlineMs: budgetMs, maxAttempts: Number.POSITIVE_INFINITY },
    onRetry: (notice: RetryNotice) =>
      progress(`GA ${what}: ${reasonOf(notice.error)}; retrying (attempt ${notice.attempt + 1})`),
  };
}

function reasonOf(error: unknown): string {
  return isAlibabaCloudError(error) ? `${error.code}${busyHint(error.code)}` : "transport error";
}

function busyHint(code: string): string {
  return /^(StateError|NotActive)\./.test(code) ? " (another write holds the accelerator)" : "";
}

/** True when `error` is a definite "busy, try later" answer: nothing was applied, so trying again is safe. */
export function isBusy(error: unknown): boolean {
  return isAlibabaCloudError(error) && error.retryable && !error.ambiguous;
}

/**
 * The pause before the next round after `consecutive` rounds in a row (≥ 1) requeued busy intents: full jitter over
 * an exponentially growing ceiling, capped by {@link REQUEUE_MAX_MS} and by `remainingMs` (the latest deadline).
 */
export function requeueDelayMs(consecutive: number, remainingMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(REQUEUE_MAX_MS, REQUEUE_BASE_MS * 2 ** Math.min(Math.max(consecutive - 1, 0), 16));
  return Math.max(0, Math.min(Math.floor(random() * ceiling), remainingMs));
}
