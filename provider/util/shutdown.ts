/**
 * The shutdown signal of this process: aborted once the engine that started this provider host is gone (see
 * `resources/common/engine-watch.ts`). Every wait (`waiter.ts`), every retry pause of the transport and of a
 * lookup-before-retry write listens to it, and no new API call starts after it, so an orphaned host stops calling
 * the API at once, whatever resource it was serving. Outside a provider host nothing ever aborts it.
 */

/** Why an operation stopped: the engine is gone, nobody will read its result, and the state is the next run's job. */
export class HostShutdownError extends Error {
  constructor(reason: string) {
    super(`stopped: ${reason}`);
    this.name = "HostShutdownError";
  }
}

/** One controller per process (replaced only by {@link resetHostShutdown}, for tests). */
const shutdown: { controller: AbortController } = { controller: new AbortController() };

/** The process's shutdown signal; its `reason` is a {@link HostShutdownError}. */
export function hostShutdownSignal(): AbortSignal {
  return shutdown.controller.signal;
}

/** Abort every wait and retry of this process (the first call wins; later calls change nothing). */
export function shutDownHost(reason: string): void {
  if (!shutdown.controller.signal.aborted) shutdown.controller.abort(new HostShutdownError(reason));
}

/** Throw the shutdown reason when the process is shutting down: called before each API call starts. */
export function throwIfShutDown(): void {
  shutdown.controller.signal.throwIfAborted();
}

/** `signal` combined with the shutdown signal: aborted when either is. */
export function withShutdown(signal: AbortSignal | undefined): AbortSignal {
  const own = shutdown.controller.signal;
  return signal === undefined ? own : AbortSignal.any([signal, own]);
}

/**
 * A pause of `ms` that ends early, rejecting with the signal's reason, when `signal` aborts. Used by every retry loop
 * so a shutdown never waits out a backoff of up to 20 s.
 */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    // Declared before use (not hoisted across a closure): Pulumi's closure serializer must see every captured name.
    const state: { timer: ReturnType<typeof setTimeout> | undefined } = { timer: undefined };
    const onAbort = (): void => {
      clearTimeout(state.timer);
      reject(signal.reason);
    };
    state.timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** A fresh, not aborted controller (tests only: a unit test of the shutdown must not stop every later test). */
export function resetHostShutdown(): void {
  shutdown.controller = new AbortController();
}
