/**
 * The asynchronous part of GA: accepted writes put the listener in `updating` and the accelerator in `configuring`
 * (the documented exclusive lock on the GA instance) for `ctx.timings.gaWriteMs` of simulated time; `tick` settles them.
 */
import { type ServiceContext } from "../../core/contract";
import { acceleratorStateError, listenerStateError } from "./errors";
import { type AcceleratorRecord, type BindingRecord, type GaState, type ListenerRecord } from "./state";

/** Applies what the in-flight write promised to the listener's bindings, and marks them `active`. */
export function settleBindings(listener: ListenerRecord): void {
  const kept: BindingRecord[] = [];
  for (const binding of listener.additionalCertificates) {
    const pending = binding.pending;
    delete binding.pending;
    if (pending?.kind === "dissociate") continue;
    if (pending?.kind === "update") binding.certificateId = pending.certificateId;
    binding.state = "active";
    kept.push(binding);
  }
  listener.additionalCertificates = kept;
}

/** Finishes the listener's in-flight write. A state forced through the control API (not `updating`) is left as is. */
export function settleListener(listener: ListenerRecord): void {
  settleBindings(listener);
  if (listener.busyUntil !== undefined) listener.settledAt = listener.busyUntil;
  if (listener.state === "updating") listener.state = "active";
  delete listener.busyUntil;
}

/** Releases the accelerator's lock unless its state was forced to something other than `configuring`. */
export function settleAccelerator(accelerator: AcceleratorRecord): void {
  if (accelerator.state === "configuring") accelerator.state = "active";
  delete accelerator.busyUntil;
}

/** Settles every write whose simulated duration has elapsed; true when one did. */
export function tickGa(state: GaState, ctx: ServiceContext): boolean {
  const now = ctx.clock.now();
  let changed = false;
  for (const listener of Object.values(state.listeners)) {
    if (listener.busyUntil === undefined || listener.busyUntil > now) continue;
    settleListener(listener);
    changed = true;
  }
  for (const accelerator of Object.values(state.accelerators)) {
    if (accelerator.busyUntil === undefined || accelerator.busyUntil > now) continue;
    settleAccelerator(accelerator);
    changed = true;
  }
  return changed;
}

/**
 * Rejects a write while the listener or its accelerator is not `active`. The listener is checked first so a retry
 * against the same listener reports `StateError.Listener`; a write to another listener of a locked accelerator gets
 * `StateError.Accelerator`. Reads never call this.
 */
export function assertWritable(accelerator: AcceleratorRecord, listener: ListenerRecord): void {
  if (listener.state !== "active") throw listenerStateError(listener.state);
  if (accelerator.state !== "active") throw acceleratorStateError(accelerator.state);
}

/** Takes the lock for an accepted write: listener `updating`, accelerator `configuring`, both until now + gaWriteMs. */
export function beginWrite(accelerator: AcceleratorRecord, listener: ListenerRecord, ctx: ServiceContext): void {
  const until = ctx.clock.now() + ctx.timings.gaWriteMs;
  listener.state = "updating";
  listener.busyUntil = until;
  accelerator.state = "configuring";
  accelerator.busyUntil = until;
  // Why: with gaWriteMs = 0 the write is synchronous; settle now so the caller never observes a stale lock.
  if (ctx.timings.gaWriteMs <= 0) {
    settleListener(listener);
    settleAccelerator(accelerator);
  }
}
