/**
 * Repeating a write that is not idempotent and has no client token (CAS CreateCertificateWithCsrRequest,
 * CancelOrderRequest): after an ambiguous failure (reset, timeout, 5xx) the write may have taken effect, so a lookup
 * decides before every new attempt. Attempts are bounded by the operation's deadline, never by a count: two 503s in a
 * row used to fail `up` and `destroy` although a lookup proves each time that trying again is safe.
 */
import { abortableSleep, hostShutdownSignal } from "../util/shutdown";
import { isAlibabaCloudError } from "./errors";

/** One write repeated through lookups. */
export interface LookupRetry<T> {
  /** The write; throws the transport's error. */
  readonly write: () => Promise<T>;
  /** After an ambiguous failure: what the write produced when it took effect, or `undefined` when it did not. */
  readonly applied: () => Promise<T | undefined>;
  /** Epoch ms after which no new attempt starts (the operation's own timeout). */
  readonly deadline: number;
  /** What is written, for messages: `CreateCertificateWithCsrRequest for shop.example.com`. */
  readonly description: string;
  /** Told before each new attempt (a progress line). */
  readonly onRetry?: (message: string) => void;
  /**
   * First backoff ceiling in ms, doubling per attempt up to {@link maxDelayMs} (full jitter).
   * @default 500
   */
  readonly baseDelayMs?: number;
  /** @default 20000 */
  readonly maxDelayMs?: number;
  /**
   * Ends the loop with the signal's reason: no attempt or lookup starts after it, and a pause is cut short.
   * @default the process's shutdown signal (util/shutdown.ts)
   */
  readonly signal?: AbortSignal;
}

/** The write gave up at its deadline; the message says how often it tried and the last error. */
export class WriteDeadlineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WriteDeadlineError";
  }
}

/**
 * Run `write` until it succeeds, a lookup finds that it took effect, its error is not retryable, or the deadline
 * would pass before the next attempt. Every ambiguous failure is looked up, retryable or not. A retryable definite rejection (throttling, a busy code the transport stopped
 * retrying) is tried again without a lookup: the service said it did nothing.
 */
export async function writeWithLookups<T>(retry: LookupRetry<T>): Promise<T> {
  const base = retry.baseDelayMs ?? 500;
  const max = retry.maxDelayMs ?? 20_000;
  const signal = retry.signal ?? hostShutdownSignal();
  for (let attempt = 1; ; attempt++) {
    signal.throwIfAborted();
    try {
      return await retry.write();
    } catch (error: unknown) {
      if (!isAlibabaCloudError(error)) throw error;
      if (error.ambiguous) {
        signal.throwIfAborted();
        const found = await retry.applied();
        if (found !== undefined) return found;
      }
      if (!error.retryable) throw error;
      const delay = Math.random() * Math.min(max, base * 2 ** (attempt - 1));
      if (Date.now() + delay >= retry.deadline) {
        throw new WriteDeadlineError(
          `${retry.description} did not succeed before its deadline (${attempt} attempt${attempt === 1 ? "" : "s"}, none applied): ${error.message}`,
        );
      }
      retry.onRetry?.(`${retry.description}: ${error.code}; not applied, trying again (attempt ${attempt + 1})`);
      await abortableSleep(delay, signal);
    }
  }
}
