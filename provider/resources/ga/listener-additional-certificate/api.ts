/**
 * The calls `ga.ListenerAdditionalCertificate` makes: every write goes to the shared per-accelerator engine as an
 * intent ("domain d must carry certificate c" / "must carry none"), which batches, retries and waits; reads list the
 * listener's bindings through the engine's shared, coalesced reads (engine/reads.ts).
 */
import { isListenerGone } from "../engine/live";
import { readListener } from "../engine/reads";
import { submitIntents } from "../engine/scheduler";
import { type BindingIntent, type IntentOutcome, type LiveBinding } from "../engine/types";
import { type AlibabaApi } from "../../common/host";

/** Hand one intent to the engine; resolves with its outcome once applied and settled (or failed). */
export async function submitBinding(api: AlibabaApi, intent: BindingIntent, timeoutMs: number): Promise<IntentOutcome> {
  const [outcome] = (await submitIntents(api, [intent], timeoutMs)) as [IntentOutcome];
  return outcome;
}

/** The live binding of `domain`, or `undefined` when it, its listener or its accelerator is gone. */
export async function liveBinding(
  api: AlibabaApi,
  acceleratorId: string,
  listenerId: string,
  domain: string,
): Promise<LiveBinding | undefined> {
  try {
    return (await readListener(api, acceleratorId, listenerId)).get(domain);
  } catch (error: unknown) {
    if (isListenerGone(error)) return undefined;
    throw error;
  }
}
