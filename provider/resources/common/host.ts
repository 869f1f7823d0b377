import { type ConfigureRequest } from "@pulumi/pulumi/dynamic";
import { AlibabaClient } from "../../transport/client";
import { isAlibabaCloudError } from "../../transport/errors";
import { readSetting } from "../../settings/read";
import { hostSources, useHostConfig, type ConfigSource } from "../../settings/sources";
import { SETTINGS } from "../../settings/table";
import { startEngineWatch } from "./engine-watch";

// Every provider module loads this one, so in a dynamic-provider host the watch starts with the first request for one
// of this package's resources; elsewhere (the program, tests) it does nothing.
startEngineWatch();

/**
 * State of the dynamic-provider host process, set by `configure()` and read at call time. It lives in a module
 * object (not in a provider instance, not in a module-level `let`) because Pulumi serializes providers as closures:
 * a captured object is shared by all methods of one serialized provider, while a captured `let` would be copied.
 * Nothing here exists at program time, so no config value or credential can end up in `__provider`. (The stack
 * config itself is kept by `settings/sources.ts`, where every setting is read.)
 */
const hostState: { client: AlibabaClient | undefined } = { client: undefined };

/**
 * Record the stack config the engine sent to `configure()` (namespaced keys such as `alicloud:region`): every later
 * setting read and the next client use it.
 */
export function configureHost(config: ConfigSource): void {
  useHostConfig(config);
  hostState.client = undefined;
}

/**
 * The one client seam: every verb and every `api.ts` takes this, never the host's client itself, so tests pass a
 * plain object with a `call` method. Only a resource's `provider.ts` resolves {@link hostClient}.
 */
export type AlibabaApi = Pick<AlibabaClient, "call">;

/**
 * The result of an API call, or `undefined` when it fails with a not-found error: for reads that may find the object
 * gone and deletes that succeed when it already is. Every other error is thrown unchanged.
 */
export async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error: unknown) {
    if (isAlibabaCloudError(error) && error.notFound) return undefined;
    throw error;
  }
}

/** `configure`, the same for every resource: keep the stack config for call time (credentials are read then). */
export async function configure(req: ConfigureRequest): Promise<void> {
  configureHost(req.config);
}

/** The Alibaba client for this host process, built on first use from the configured stack config and the environment. */
export function hostClient(): AlibabaClient {
  if (hostState.client === undefined) {
    hostState.client = new AlibabaClient(hostSources());
  }
  return hostState.client;
}

/** Where progress lines go: stderr unless a plugin routes them elsewhere (`routeProgress`). */
let progressSink: (message: string) => void = (message) => {
  process.stderr.write(`${message}\n`);
};

/**
 * Send progress lines to `sink` instead of stderr. The native plugin routes them to the engine's `Log` RPC: the
 * engine shows only the dynamic-provider host's stderr to users, and logs any other plugin's output at debug level.
 */
export function routeProgress(sink: (message: string) => void): void {
  progressSink = sink;
}

/**
 * Print a progress line the user sees during `pulumi up`. The engine shows a dynamic provider's stderr as
 * diagnostics on the resource's row, so progress goes there rather than to an engine log RPC the host lacks.
 */
export function progress(message: string): void {
  progressSink(message);
}

/**
 * Poll pacing for waits. `ALICLOUD_CERTS_MIN_POLL_MS` / `ALICLOUD_CERTS_MAX_POLL_MS` tune it (documented for users
 * who test against the fast local emulator); the defaults suit the real service. The maximum is never below the
 * minimum (the waiter requires it).
 */
export function pollDelays(): { minDelayMs: number; maxDelayMs: number } {
  const min = readSetting(SETTINGS.minPollMs);
  return { minDelayMs: min, maxDelayMs: Math.max(min, readSetting(SETTINGS.maxPollMs)) };
}
