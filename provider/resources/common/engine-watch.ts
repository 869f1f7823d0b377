/**
 * The watchdog of a dynamic-provider host: it ends this process within seconds once the engine that started it is
 * gone.
 *
 * Why it is needed: the engine starts each provider host in a process group of its own, through the `/bin/sh` shim
 * `pulumi-resource-pulumi-nodejs`, which does not `exec` (so node's parent is `sh`, and `sh`'s parent the engine),
 * and the host's `Cancel` RPC does nothing. When `pulumi`'s process group is killed (a crash, a killed CI job) the
 * host lives on, and its waits go on calling the API until their timeout: an ESA wait went on to activate a hostname
 * while the user was recovering.
 *
 * How it knows, without ever firing in a healthy run:
 * - The engine's address is the host's argument (`node …/cmd/dynamic-provider/index.js 127.0.0.1:PORT`), where the
 *   engine listens for its whole life. Once a connection there has succeeded, {@link REFUSALS_TO_DECIDE} refused
 *   connections in a row mean nobody listens any more: the kernel refuses at once for a closed port. A timeout or any
 *   other error decides nothing (a busy or suspended engine keeps its listening socket, and the kernel accepts for
 *   it), and an address that never answered is never judged (the provider tier passes `127.0.0.1:0`). A probe is a
 *   bare connect and close: the engine's gRPC server drops a connection that closes before its preface without a
 *   log line.
 * - The parent process id changes only when the parent exited (the process is re-parented): the process that
 *   started this one is gone.
 * - A write to stdout or stderr fails with EPIPE: the engine reads both pipes for as long as it runs, so nobody
 *   reading them means it is gone. This one also has to be handled for its own sake: unhandled, the failed write is
 *   an uncaught exception, which the host prints to stderr, which fails again, a loop of `process.nextTick`
 *   callbacks that starves every timer, this watch's included (seen: an orphaned host spinning at 100 % CPU for good
 *   once its first progress line after the kill failed).
 * On loss the process's shutdown signal is aborted (every wait and retry pause ends, no API call starts:
 * util/shutdown.ts), then the process exits after {@link EXIT_GRACE_MS}.
 */
import * as net from "node:net";
import { type Writable } from "node:stream";
import { readSetting } from "../../settings/read";
import { SETTINGS } from "../../settings/table";
import { shutDownHost } from "../../util/shutdown";

/** Where the engine listens. */
export interface EngineAddress {
  readonly host: string;
  readonly port: number;
}

/** What one probe of the engine's address found. */
export type ProbeOutcome = "connected" | "refused" | "inconclusive";

/** What the watchdog knows between probes. */
export interface WatchState {
  /** A connection to the engine's address has succeeded: only then can a refusal mean it went away. */
  readonly armed: boolean;
  /** Refused connections since the last other outcome. */
  readonly refusals: number;
}

/** Refused connections in a row that prove the engine gone (one could be a race with a port being re-bound). */
export const REFUSALS_TO_DECIDE = 2;
/** Pause between probes: the engine's loss is seen within about two of these. */
export const PROBE_INTERVAL_MS = 1000;
/** A probe that has neither connected nor been refused by then decides nothing. */
export const PROBE_TIMEOUT_MS = 2000;
/** Between the abort and the exit: aborted waits end, so their operations answer (to nobody) before the process ends. */
export const EXIT_GRACE_MS = 1000;
/** Environment variable that turns the watchdog off (`off`), should it ever misjudge an engine. */
export const ENGINE_WATCH_ENV = SETTINGS.engineWatch.env[0];

/** The state before any probe. */
export const INITIAL_WATCH_STATE: WatchState = { armed: false, refusals: 0 };

/**
 * The pure rule: the state after one more probe, and whether the engine is now proven gone. Invariant (tested over
 * generated sequences): `gone` holds exactly when the last {@link REFUSALS_TO_DECIDE} outcomes were refusals and a
 * connection succeeded before them.
 */
export function afterProbe(state: WatchState, outcome: ProbeOutcome): { state: WatchState; gone: boolean } {
  switch (outcome) {
    case "connected":
      return { state: { armed: true, refusals: 0 }, gone: false };
    case "inconclusive":
      return { state: { armed: state.armed, refusals: 0 }, gone: false };
    case "refused": {
      const refusals = state.refusals + 1;
      return { state: { armed: state.armed, refusals }, gone: state.armed && refusals >= REFUSALS_TO_DECIDE };
    }
  }
}

/** The `host:port` argument (IPv6 in brackets); port 0 and anything else is not an address to watch. */
const ADDRESS = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;

/**
 * The engine address of a dynamic-provider host process, from its `argv`: `undefined` unless the script is
 * `@pulumi/pulumi`'s `cmd/dynamic-provider` (a program, a test runner or the language host also load this module,
 * and none of them is watched) and an argument is a `host:port` with a real port. The engine passes its address as
 * the last argument, after any flags.
 */
export function engineAddressOf(argv: readonly string[]): EngineAddress | undefined {
  const script = argv[1] ?? "";
  if (!/[\\/]cmd[\\/]dynamic-provider(?:[\\/]index(?:\.js)?)?$/.test(script)) return undefined;
  return engineAddressIn(argv.slice(2));
}

/**
 * The engine address among a plugin's arguments: the last `host:port` (IPv6 in brackets), `undefined` when none is
 * or its port is 0 or out of range. The engine passes its address as the last argument, after any flags.
 */
export function engineAddressIn(args: readonly string[]): EngineAddress | undefined {
  for (const arg of [...args].reverse()) {
    const match = ADDRESS.exec(arg);
    if (match === null) continue;
    const port = Number(match[3]);
    if (!(port >= 1 && port <= 65_535)) return undefined;
    return { host: match[1] ?? match[2] ?? "", port };
  }
  return undefined;
}

/** True when this process is a dynamic-provider host (whether or not it has an engine address worth watching). */
export function isDynamicProviderHost(argv: readonly string[]): boolean {
  return /[\\/]cmd[\\/]dynamic-provider(?:[\\/]index(?:\.js)?)?$/.test(argv[1] ?? "");
}

/** Connect to `address` and close at once: connected, refused, or inconclusive (timeout, any other error). */
export function probeEngine(address: EngineAddress, timeoutMs = PROBE_TIMEOUT_MS): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.host, port: address.port });
    // A probe never keeps the process alive.
    socket.unref();
    const done = (outcome: ProbeOutcome): void => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done("inconclusive"));
    socket.once("connect", () => done("connected"));
    // `on`, not `once`: an error after the outcome must not become an uncaught exception.
    socket.on("error", (error: NodeJS.ErrnoException) =>
      done(error.code === "ECONNREFUSED" ? "refused" : "inconclusive"),
    );
  });
}

/** What a watch needs from the world (injected, so the rule runs under fake timers in unit tests). */
export interface EngineWatchOptions {
  /** The engine's address, or `undefined` to watch the parent process only. */
  readonly address: EngineAddress | undefined;
  readonly probe: (address: EngineAddress) => Promise<ProbeOutcome>;
  /** The current parent process id. */
  readonly parentPid: () => number;
  /** Called once, with why, when the engine is proven gone. */
  readonly onGone: (reason: string) => void;
  /** @default PROBE_INTERVAL_MS */
  readonly intervalMs?: number;
}

/** A running watch. */
export interface EngineWatch {
  /** Stop watching (no further probe starts). */
  stop(): void;
  /** The engine is proven gone by other means (a broken pipe): `onGone` now, unless it was called already. */
  lost(reason: string): void;
}

/**
 * Probe at once, then every `intervalMs`, until the engine is proven gone (then `onGone`, once, and the watch ends)
 * or `stop()`. Probes never overlap, and the timers are unref'd: the watch never keeps a process alive by itself.
 */
export function watchEngine(options: EngineWatchOptions): EngineWatch {
  const interval = options.intervalMs ?? PROBE_INTERVAL_MS;
  const firstParent = options.parentPid();
  const watch: { state: WatchState; stopped: boolean; timer: ReturnType<typeof setTimeout> | undefined } = {
    state: INITIAL_WATCH_STATE,
    stopped: false,
    timer: undefined,
  };
  const gone = (reason: string): void => {
    if (watch.stopped) return;
    watch.stopped = true;
    clearTimeout(watch.timer);
    options.onGone(reason);
  };
  const tick = async (): Promise<void> => {
    if (watch.stopped) return;
    const parent = options.parentPid();
    if (parent !== firstParent) {
      gone(`the process that started this provider host (pid ${firstParent}) has exited`);
      return;
    }
    if (options.address !== undefined) {
      const next = afterProbe(watch.state, await options.probe(options.address));
      watch.state = next.state;
      if (watch.stopped) return;
      if (next.gone) {
        const where = `${options.address.host}:${options.address.port}`;
        gone(`the Pulumi engine that started this provider host no longer listens at ${where}`);
        return;
      }
    }
    schedule();
  };
  const schedule = (delay = interval): void => {
    watch.timer = setTimeout(() => void tick(), delay);
    watch.timer.unref();
  };
  // The first probe at once: in a host this starts while the engine's first request for one of our resources is
  // being served, so the engine is alive and the probe arms the watch. Waiting a whole interval first lets a run
  // killed within that interval go unjudged for good (seen: killed 0.9 s after the host loaded this module).
  schedule(0);
  return {
    stop: () => {
      watch.stopped = true;
      clearTimeout(watch.timer);
    },
    lost: gone,
  };
}

/**
 * Handle write failures of `streams` (the process's stdout and stderr): EPIPE is `watch.lost`, and no failure is
 * left to become an uncaught exception (see the module comment: that loops and starves every timer).
 */
export function watchPipes(watch: EngineWatch, streams: readonly Writable[]): void {
  for (const stream of streams) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") watch.lost("nobody reads this provider host's output any more: its engine is gone");
    });
  }
}

/** Set once this process's watch has started, so loading several provider modules starts one. */
const started: { watch: EngineWatch | undefined } = { watch: undefined };

/**
 * Start the watch when this process is a dynamic-provider host (once per process; `ALICLOUD_CERTS_ENGINE_WATCH=off`
 * turns it off). On loss: abort every wait and retry (util/shutdown.ts), say why on stderr, and exit after
 * {@link EXIT_GRACE_MS}. Called when `common/host.ts` is first loaded, which in a host is when the engine's first
 * request for one of this package's resources deserializes its `__provider`.
 */
export function startEngineWatch(argv: readonly string[] = process.argv): void {
  if (started.watch !== undefined || !isDynamicProviderHost(argv)) return;
  if (!readSetting(SETTINGS.engineWatch)) return;
  started.watch = watchEngine({
    address: engineAddressOf(argv),
    probe: (address) => probeEngine(address),
    parentPid: () => process.ppid,
    onGone: (reason) => {
      shutDownHost(reason);
      // For a user who reads the host's stderr by other means; the pipe may be broken (watchPipes handles that).
      process.stderr.write(`pulumi-alicloud-certs: ${reason}; stopping every wait and exiting\n`);
      setTimeout(() => process.exit(1), EXIT_GRACE_MS);
    },
  });
  watchPipes(started.watch, [process.stdout, process.stderr]);
}
