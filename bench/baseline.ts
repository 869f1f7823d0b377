/**
 * The baseline: what Terraform's `alicloud_ga_additional_certificate` does for one binding, run as N independent
 * "resources" at once (as Pulumi would run N bridged resources in parallel). Per resource:
 *
 * 1. one write for its single domain (`Certificates.1` / `Domains.1`) with a ClientToken fixed for the resource;
 * 2. on `StateError.Accelerator`, `StateError.Listener`, `NotActive.Listener` or any other retryable error, sleep a
 *    constant 3 s and send the same write again (TF: `incrementalWait(3s, 3s)`, which sleeps 3 s every time);
 * 3. after acceptance, wait for the listener and then the accelerator to be `active`.
 *
 * It uses the package's own AlibabaClient and operation specs, and the engine's `waitSettled` for step 3, so the
 * transport, signing and poll pacing are identical to the engine's and only the scheduling differs. Two things of
 * real Terraform are left out, both in the baseline's favour: `resource.Retry` adds its own growing pause (0.5 s,
 * 1 s, 2 s … up to 10 s) on top of the 3 s sleep, and TF's state waits poll no faster than every 3 s.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { waitSettled } from "../provider/resources/ga/engine/waits";
import { type AlibabaClient } from "../provider/transport/client";
import { isAlibabaCloudError } from "../provider/transport/errors";
import {
  AssociateAdditionalCertificatesWithListener,
  DissociateAdditionalCertificatesFromListener,
} from "../provider/transport/operations/ga";

/** TF's constant pause between write attempts. */
export const TF_RETRY_SLEEP_MS = 3000;

/** TF's default create/delete timeout for this resource (3 minutes). */
const TF_TIMEOUT_MS = 180_000;

/** One binding a baseline resource manages. */
export interface TfBinding {
  readonly acceleratorId: string;
  readonly listenerId: string;
  readonly domain: string;
  readonly certificateId: string;
}

/** How a baseline resource ended. */
export type TfOutcome =
  /** Written and settled; `at` is `Date.now()` when it finished. */
  | { readonly done: true; readonly at: number }
  /** Stopped by the benchmark's time cap before its write was accepted. */
  | { readonly done: false };

/** Thrown inside a resource when the cap stops it; never escapes {@link runTfStyle}. */
class Capped extends Error {}

/** Send `write` until accepted, TF style; throws {@link Capped} when `signal` fires first. */
async function writeWithRetry(write: () => Promise<unknown>, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + TF_TIMEOUT_MS;
  for (;;) {
    if (signal.aborted) throw new Capped();
    try {
      await write();
      return;
    } catch (error: unknown) {
      // StateError.* and NotActive.Listener are in the transport's GA busy list, so `retryable` covers TF's list
      // and its NeedRetry (throttling, 5xx, network). Anything else is a real failure of the benchmark.
      if (!isAlibabaCloudError(error) || !error.retryable || Date.now() >= deadline) throw error;
    }
    try {
      await sleep(TF_RETRY_SLEEP_MS, undefined, { signal });
    } catch {
      throw new Capped();
    }
  }
}

/**
 * Run one TF-style resource per binding, all at once. `kind` picks Associate (create) or Dissociate (delete).
 * Resolves with one outcome per binding; rejects if any resource fails for a reason other than the cap.
 */
export async function runTfStyle(
  client: AlibabaClient,
  kind: "create" | "delete",
  bindings: readonly TfBinding[],
  signal: AbortSignal,
): Promise<TfOutcome[]> {
  // Why maxAttempts 1: the transport's own exponential retry of StateError.* is the engine's behaviour, not TF's;
  // the baseline retries only through its constant 3 s loop above.
  const once = { retry: { maxAttempts: 1 } };
  return Promise.all(
    bindings.map(async (b): Promise<TfOutcome> => {
      const token = `tf-${randomUUID()}`;
      const write =
        kind === "create"
          ? () =>
              client.call(
                AssociateAdditionalCertificatesWithListener,
                {
                  AcceleratorId: b.acceleratorId,
                  ListenerId: b.listenerId,
                  ClientToken: token,
                  Certificates: [{ Domain: b.domain, Id: b.certificateId }],
                },
                once,
              )
          : () =>
              client.call(
                DissociateAdditionalCertificatesFromListener,
                { AcceleratorId: b.acceleratorId, ListenerId: b.listenerId, ClientToken: token, Domains: [b.domain] },
                once,
              );
      try {
        await writeWithRetry(write, signal);
      } catch (error: unknown) {
        if (error instanceof Capped) return { done: false };
        throw error;
      }
      // An accepted write is always waited for, even past the cap, so the world is left settled.
      await waitSettled(client, b.acceleratorId, b.listenerId, TF_TIMEOUT_MS);
      return { done: true, at: Date.now() };
    }),
  );
}
