/**
 * The calls `ga.ListenerAdditionalCertificates` makes: every write goes to the shared per-accelerator engine as one
 * submission of intents, one per domain, which the engine batches, retries and waits for; reads list the listener's
 * bindings through the engine's shared, coalesced reads (engine/reads.ts).
 */
import { isListenerGone } from "../engine/live";
import { readListener } from "../engine/reads";
import { submitIntents } from "../engine/scheduler";
import { type BindingIntent, type IntentOutcome, type LiveBinding } from "../engine/types";
import { type AlibabaApi } from "../../common/host";

/** Hand the intents to the engine; resolves with one outcome per intent, in order. */
export function submitBindingSet(
  api: AlibabaApi,
  intents: readonly BindingIntent[],
  timeoutMs: number,
): Promise<IntentOutcome[]> {
  return submitIntents(api, intents, timeoutMs);
}

/** The listener's live bindings by domain, or `undefined` when the listener or its accelerator is gone. */
export async function liveBindings(
  api: AlibabaApi,
  acceleratorId: string,
  listenerId: string,
): Promise<ReadonlyMap<string, LiveBinding> | undefined> {
  try {
    return await readListener(api, acceleratorId, listenerId);
  } catch (error: unknown) {
    if (isListenerGone(error)) return undefined;
    throw error;
  }
}
