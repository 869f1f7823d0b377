/** Start an emulator for a given set of services (the package entry point passes the three real ones). */
import type { AddressInfo } from "node:net";
import { EmulatorControl } from "../client";
import { SimulatedClock } from "./clock";
import type { EmulatorSeed, EmulatorTimings } from "./contract";
import { FaultRegistry } from "./faults";
import { NonceCache } from "./nonce-cache";
import { DEFAULT_TIMINGS, type EmulatorOptions, type RunningEmulator } from "./options";
import { loadStateFile, saveStateFile } from "./world/persistence";
import { RateLimiter } from "./rate-limit";
import type { ErasedService } from "./registry";
import { RequestLog } from "./request-log";
import { REPLAY_WINDOW_MS } from "./auth";
import { parseCaSchedule, SC081_SCHEDULE, type CaScheduleEntry } from "./ca-schedule";
import { startDnsServer } from "./dns-server";
import type { Logger, Runtime } from "./runtime";
import { DEFAULT_CREDENTIAL, loadSeedFile, parseSeed } from "./world/seed";
import { createEmulatorServer } from "./server";
import { World } from "./world";

/** The default seed: the default access key plus each service's `defaultSeed`. */
export function defaultSeed(services: readonly ErasedService[]): EmulatorSeed {
  const seed: EmulatorSeed = { credentials: [{ ...DEFAULT_CREDENTIAL }] };
  for (const s of services) if (s.defaultSeed !== undefined) seed[s.product] = s.defaultSeed;
  return seed;
}

function resolveSeed(services: readonly ErasedService[], options: EmulatorOptions): EmulatorSeed {
  const seed =
    options.seed !== undefined
      ? parseSeed(options.seed)
      : options.seedFile !== undefined
        ? loadSeedFile(options.seedFile)
        : defaultSeed(services);
  const hasKeys = seed.credentials !== undefined && seed.credentials.length > 0;
  return hasKeys ? seed : { ...seed, credentials: [{ ...DEFAULT_CREDENTIAL }] };
}

function resolveTimings(partial: Partial<EmulatorTimings> | undefined): EmulatorTimings {
  const timings = { ...DEFAULT_TIMINGS, ...partial };
  for (const [name, value] of Object.entries(timings)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new Error(`timings.${name} must be a number >= 0.`);
    }
  }
  return timings;
}

/** The `caSchedule` option, validated (a bad one fails the start, as bad timings do). */
function resolveCaSchedule(schedule: readonly CaScheduleEntry[] | undefined): readonly CaScheduleEntry[] {
  return schedule === undefined ? SC081_SCHEDULE : parseCaSchedule(schedule);
}

/** How a host appears in a URL (wildcards are reached through loopback; IPv6 literals need brackets). */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** Start an emulator serving `services`. See {@link EmulatorOptions}. */
export async function startEmulatorCore(
  services: readonly ErasedService[],
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const wallNow = options.wallClock ?? Date.now;
  const startSeed = resolveSeed(services, options);
  const persisted = options.stateFile === undefined ? undefined : loadStateFile(options.stateFile);
  const clock = new SimulatedClock(wallNow, {
    now: persisted?.clock.now ?? wallNow(),
    speed: options.speed ?? persisted?.clock.speed ?? 1,
  });
  const verifyReads = options.verifyReads ?? process.env["ALICLOUD_CERTS_EMULATOR_VERIFY_READS"] === "1";
  const tunables = { timings: resolveTimings(options.timings), caSchedule: resolveCaSchedule(options.caSchedule) };
  const world = new World(services, clock, tunables, verifyReads);
  if (persisted === undefined) world.resetTo(startSeed);
  else world.loadPersisted(persisted);

  const quiet = options.quiet === true;
  const logger: Logger = {
    info: (m) => (quiet ? undefined : console.log(m)),
    error: (m) => (quiet ? undefined : console.error(m)),
  };
  const host = options.host ?? "127.0.0.1";
  const dns = await startDnsServer(
    { resolve: (name, type) => world.resolveDns(name, type), exists: (name) => world.dnsNameExists(name) },
    host,
    options.dnsPort ?? 0,
    (message) => logger.error(message),
  );
  const dnsServer = `${urlHost(host)}:${dns.port}`;
  const timers = new Set<{ timer: NodeJS.Timeout; resolve: (v: boolean) => void }>();
  let closed = false;
  const stateFile = options.stateFile;
  const rt: Runtime = {
    world,
    clock,
    faults: new FaultRegistry(),
    limiter: new RateLimiter(),
    log: new RequestLog(),
    nonces: new NonceCache(REPLAY_WINDOW_MS),
    wallNow,
    dnsServer,
    startSeed,
    logger,
    persist: () => {
      if (stateFile !== undefined && !closed) saveStateFile(stateFile, world.toPersisted());
    },
    sleep: (ms) =>
      new Promise<boolean>((resolve) => {
        if (closed) return resolve(false);
        const entry = {
          timer: setTimeout(() => {
            timers.delete(entry);
            resolve(true);
          }, ms),
          resolve,
        };
        timers.add(entry);
      }),
  };
  rt.persist();

  const server = createEmulatorServer(rt);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (err) {
    await dns.close();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const endpoint = `${urlHost(host)}:${port}`;
  const url = `http://${endpoint}`;
  const first = world.firstCredential() ?? DEFAULT_CREDENTIAL;

  return {
    url,
    endpoint,
    dnsServer,
    accessKeyId: first.accessKeyId,
    accessKeySecret: first.accessKeySecret,
    control: new EmulatorControl(url),
    close: async () => {
      if (closed) return;
      rt.persist();
      closed = true;
      for (const entry of timers) {
        clearTimeout(entry.timer);
        entry.resolve(false);
      }
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await Promise.all([done, dns.close()]);
    },
  };
}
