/** Options and handle of a running emulator. */
import type { EmulatorControl } from "../client";
import type { CaScheduleEntry } from "./ca-schedule";
import type { EmulatorSeed, EmulatorTimings } from "./contract";

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  port?: number;
  /** Interface to listen on. Loopback only unless told otherwise: the control API is unauthenticated. @default "127.0.0.1" */
  host?: string;
  /**
   * UDP port of the emulator's DNS server (the published records over the DNS protocol, on the same interface as
   * `host`); 0 picks a free one. @default 0
   */
  dnsPort?: number;
  /**
   * Persist the world (plus clock, credentials and ClientToken replies) to this JSON file after every API call and
   * every state-changing (non-GET) control call; an existing file is loaded at start instead of the seed.
   * @default no persistence
   */
  stateFile?: string;
  /** Simulated-time multiplier (0 freezes time). @default 1, or the speed stored in the state file */
  speed?: number;
  /** Replaces the default seed (products left out start empty; without `credentials` the default key is used). */
  seed?: EmulatorSeed;
  /** Like `seed`, read from a JSON file. Ignored when `seed` is given. */
  seedFile?: string;
  /** Durations of the asynchronous transitions (simulated ms). @default 2000 each */
  timings?: Partial<EmulatorTimings>;
  /**
   * The issuance limits of the emulator's certificate authority over its clock: a list of
   * `{from, validityDays, dcvReuseDays}` steps (ascending `from`, an ISO 8601 date or UTC date-time), each in force
   * from its `from` until the next one's. Not persisted (like `timings`); the CAS `schedule` control overrides it
   * in the world. @default CA/B Forum ballot SC-081v3's schedule (`SC081_SCHEDULE`)
   */
  caSchedule?: readonly CaScheduleEntry[];
  /** Print nothing (internal errors still reach the request log). @default false */
  quiet?: boolean;
  /**
   * Check that every read-only action (`write: false`) leaves the state unchanged, failing the call with an
   * `InternalError` otherwise. It serializes the product's state twice per read, so it is for tests, not benchmarks.
   * @default true when the environment has `ALICLOUD_CERTS_EMULATOR_VERIFY_READS=1` (the test tiers set it)
   */
  verifyReads?: boolean;
  /**
   * The real wall clock used to check signature timestamps (tests skew it to provoke `InvalidTimeStamp.Expired`).
   * @internal
   */
  wallClock?: () => number;
}

/** A running emulator. */
export interface RunningEmulator {
  /** `http://127.0.0.1:PORT`: what `ALICLOUD_CERTS_ENDPOINT` takes. */
  readonly url: string;
  /** `127.0.0.1:PORT`: what `@alicloud/openapi-client`'s `Config.endpoint` takes (with `protocol: "http"`). */
  readonly endpoint: string;
  /**
   * `127.0.0.1:PORT`: the emulator's DNS server, answering A, AAAA, TXT and CNAME queries from the published records
   * as a recursive resolver does. What `dns.promises.Resolver#setServers([dnsServer])` and
   * `ALICLOUD_CERTS_DNS_SERVERS` take.
   */
  readonly dnsServer: string;
  /** The first seeded access key. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The control API client. */
  readonly control: EmulatorControl;
  /** Stop listening, drop every connection (including held ones) and write the state file one last time. */
  close(): Promise<void>;
}

/** Defaults of {@link EmulatorTimings}. */
export const DEFAULT_TIMINGS: Readonly<EmulatorTimings> = { gaWriteMs: 2000, esaCertIssueMs: 2000, casIssueMs: 2000 };
