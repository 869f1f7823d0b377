/**
 * Confirming what a failed write left behind. When a write was accepted (or may have been) and then failed, the
 * resource must record what the cloud holds, not what it asked for: a 5xx that applied nothing, or a batch that
 * failed after its neighbour succeeded, would otherwise leave outputs naming bindings that do not exist. So before
 * such intents are settled, the listener is read once more and each outcome carries what that read showed.
 */
import { messageOf } from "../../common/dynamic";
import { untilDeadline } from "./contention";
import { isListenerGone, listBindings, type GaApi } from "./live";
import { type IntentOutcome, type LiveBinding } from "./types";

/** An intent whose write was (or may have been) accepted before the failure, waiting to be confirmed. */
export interface Unconfirmed {
  readonly listenerId: string;
  readonly domain: string;
  readonly deadline: number;
  readonly error: Error;
  settle(outcome: IntentOutcome): void;
}

/**
 * Least time a confirmation read gets, even past the intents' deadline: it is one read, and without it the resource
 * can only record what it asked for.
 */
export const CONFIRM_MIN_MS = 10_000;

/**
 * Read each listener named by `items` once and settle every item as a failure (`accepted: true`) with `confirmed`
 * set to what the read showed. When the read fails too, `confirmed` is left out and the message says so.
 */
export async function confirmAndSettle(
  api: GaApi,
  acceleratorId: string,
  items: readonly Unconfirmed[],
): Promise<void> {
  const byListener = new Map<string, Unconfirmed[]>();
  for (const item of items) byListener.set(item.listenerId, [...(byListener.get(item.listenerId) ?? []), item]);
  for (const [listenerId, group] of byListener) {
    const deadline = Math.max(...group.map((item) => item.deadline));
    let live: ReadonlyMap<string, LiveBinding> | undefined;
    let readError: unknown;
    try {
      live = await listBindings(
        api,
        acceleratorId,
        listenerId,
        untilDeadline(Math.max(deadline - Date.now(), CONFIRM_MIN_MS), `ListListenerCertificates ${listenerId}`),
      );
    } catch (error: unknown) {
      if (isListenerGone(error)) live = new Map();
      else readError = error;
    }
    for (const item of group) {
      if (live !== undefined) {
        item.settle({ ok: false, error: item.error, accepted: true, confirmed: { binding: live.get(item.domain) } });
      } else {
        const error = new Error(
          `${item.error.message} (and the read to confirm what GA now holds failed: ${messageOf(readError)})`,
        );
        item.settle({ ok: false, error, accepted: true });
      }
    }
  }
}
