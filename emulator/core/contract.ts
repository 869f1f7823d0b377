/**
 * The contract between the emulator's HTTP core (auth, dispatch, faults, control API, persistence) and the
 * per-product services (ESA, CAS, GA). A service never sees HTTP, signatures or faults; the core never knows
 * product rules. Everything a service stores lives in its slice of {@link WorldState}, which is plain JSON so the
 * whole world can be written to and read from a state file.
 */

import type { CaScheduleEntry } from "./ca-schedule";
import type { CaCertificateRecord, ServingObservation } from "./serving-types";
import type { ServingTimelines } from "./serving";

/** Products the emulator serves, chosen by API version. */
export type Product = "esa" | "cas" | "ga";

/** API version per product (the `x-acs-version` header or the `Version` parameter). */
export const API_VERSIONS: Readonly<Record<Product, string>> = {
  esa: "2024-09-10",
  cas: "2020-04-07",
  ga: "2019-11-20",
};

/** One authenticated, decoded API call as a service sees it. */
export interface ApiCall {
  readonly product: Product;
  readonly action: string;
  /** Query and form-body parameters merged, already percent-decoded; flattened names such as `Tags.1.Key`. */
  readonly params: Readonly<Record<string, string>>;
  /** The caller's access key id (after signature verification). */
  readonly accessKeyId: string;
  /** The request id the response will carry. */
  readonly requestId: string;
}

/**
 * A documented API error. The core turns it into Alibaba's JSON error body
 * `{RequestId, HostId, Code, Message, Recommend}` with `status` as the HTTP status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Simulated time. `now()` is epoch milliseconds; it runs at `speed` × real time plus any manual advance. */
export interface Clock {
  now(): number;
}

/** A DNS record or an HTTP file the "customer" published through the control API. */
export interface PublishedRecord {
  readonly kind: "dns" | "file";
  /** DNS: the full record name (e.g. `_esa_custom_hostname.shop.example.com`); file: the URL without query. */
  readonly name: string;
  /** DNS: `TXT` or `CNAME`; file: `FILE`. */
  readonly type: string;
  /** DNS: record value; file: file content. */
  readonly value: string;
}

/** The registry of records published by the customer (shared by ESA verification and CAS validation). */
export interface PublishedRecords {
  /**
   * File: true when a file with exactly this URL and content has been published. DNS: true when the emulator's
   * public DNS shows it, resolving as a resolver does (core/dns.ts): a TXT (or any non-CNAME) lookup follows the
   * CNAME chain from `name`, bounded, and fails on a loop; a CNAME lookup is true when the chain from `name` passes
   * through `value`. Names compare case-insensitively.
   */
  has(kind: "dns" | "file", name: string, type: string, value: string): boolean;
  /**
   * Changes whenever the published records change, so a service may keep an answer of {@link has} until it does
   * (ESA's tick asks every pending hostname's ownership question on every call).
   */
  readonly version: number;
}

/** Read access a service has to the other services (GA checks CAS certificates). */
export interface CrossServiceLookup {
  /** True when CAS holds an issued or uploaded certificate with this numeric id (as a decimal string). */
  casCertificateExists(certId: string): boolean;
}

/** Everything a service handler can use besides its own state slice. */
export interface ServiceContext {
  readonly clock: Clock;
  readonly records: PublishedRecords;
  readonly lookup: CrossServiceLookup;
  /** Deterministic id source: returns the next integer id for a named sequence, as a decimal string. */
  nextId(sequence: string): string;
  /** Emulator tunables (milliseconds of simulated time for asynchronous transitions). */
  readonly timings: Readonly<EmulatorTimings>;
  /**
   * The issuance limits (leaf validity, DCV reuse) the emulator's CAs follow, from the `caSchedule` start option;
   * ballot SC-081v3's by default (core/ca-schedule.ts). A service may keep its own override in its state.
   */
  readonly caSchedule: readonly CaScheduleEntry[];
}

/** Durations (simulated milliseconds) of the asynchronous transitions. */
export interface EmulatorTimings {
  /** GA: how long a listener stays `updating` / the accelerator `configuring` after a write. Default 2000. */
  gaWriteMs: number;
  /** ESA: free certificate `Applying` → `OK` this long after DCV is satisfied (the DCV record is visible, or the hostname became active). Default 2000. */
  esaCertIssueMs: number;
  /** CAS: `process` → `certificate` after the validation record is visible. Default 2000. */
  casIssueMs: number;
}

/** A handler for one action: validate `call.params`, mutate `state`, return the success body (without `RequestId`). */
export type ActionHandler<S> = (call: ApiCall, state: S, ctx: ServiceContext) => Record<string, unknown>;

/** Per-action metadata the core needs. */
export interface ActionDefinition<S> {
  readonly handler: ActionHandler<S>;
  /** Parameters the core rejects with `Missing<Name>` (HTTP 400, the gateway's code) before the handler runs. */
  readonly required: readonly string[];
  /**
   * True for actions that change state: they run in a transaction (rolled back if they throw) and are followed by a
   * serving observation. `false` skips both, so a read costs no copy of the state; `verifyReads` proves such a
   * handler changes nothing. The core applies faults and ClientToken replay to any action.
   */
  readonly write: boolean;
  /** Parameter names whose values are secret and must be redacted in the request log (e.g. `PrivateKey`). */
  readonly secretParams?: readonly string[];
  /**
   * When true and the call carries `ClientToken`, the core replays the first successful response of the same
   * product + action + ClientToken without running the handler again (GA's documented idempotency).
   */
  readonly idempotentByClientToken?: boolean;
  /** A documented per-user rate limit the core enforces in simulated time (e.g. ESA CreateCustomHostname 100/hour). */
  readonly rateLimit?: RateLimit;
}

/** A rate limit: at most `limit` calls per `windowMs` of simulated time, else `ApiError(status, code, message)`. */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/**
 * A control operation of a service, mounted unsigned at `POST /__emulator/<product>/<name>` with a JSON body.
 * Used by tests and the demo to play the cloud's or the customer's part (e.g. force a GA listener state).
 * Throw {@link ApiError} for bad input; return a JSON-able result.
 */
export type ControlHandler<S> = (state: S, body: unknown, ctx: ServiceContext) => unknown;

/** One product's service. */
export interface ServiceDefinition<S> {
  readonly product: Product;
  /** A fresh empty state (no seed objects). */
  emptyState(): S;
  /**
   * Advance time-driven state machines to `ctx.clock.now()`; the core calls this before every action and dump.
   * Returns true when it changed anything: the core observes what consumers serve only after a change.
   */
  tick(state: S, ctx: ServiceContext): boolean;
  readonly actions: Readonly<Record<string, ActionDefinition<S>>>;
  /** Merge a seed section (this product's part of {@link EmulatorSeed}, unvalidated JSON) into `state`. Throw on bad input. */
  applySeed(state: S, seed: unknown, ctx: ServiceContext): void;
  /** This product's part of the default seed (documented in the README). */
  readonly defaultSeed: unknown;
  /** Extra control operations (see {@link ControlHandler}). */
  readonly controls?: Readonly<Record<string, ControlHandler<S>>>;
  /** A JSON summary of all objects for `GET /__emulator/objects` (tests assert "no duplicates, no orphans" on it). */
  dumpObjects(state: S, ctx: ServiceContext): unknown;
  /**
   * CAS only (optional for the others): true when `state` holds an issued or uploaded certificate with this numeric
   * id (decimal string). The core answers {@link CrossServiceLookup.casCertificateExists} with it, because the core
   * knows no product's state shape.
   */
  certificateExists?(state: S, certId: string): boolean;
  /**
   * Services with certificate consumers (ESA hostnames, GA bindings): what each consumer serves now. The core calls
   * it after every call and tick and keeps the per-consumer serving timeline from the answers.
   */
  serving?(state: S, ctx: ServiceContext): ServingObservation[];
  /** CAS only: every certificate the CA holds, with its revocation time, to identify and judge what is served. */
  caCertificates?(state: S): CaCertificateRecord[];
}

/** A seed file: any section may be omitted (then that product starts empty). */
export interface EmulatorSeed {
  /** Access keys the emulator accepts; STS entries also require their security token. */
  credentials?: { accessKeyId: string; accessKeySecret: string; securityToken?: string }[];
  esa?: unknown;
  cas?: unknown;
  ga?: unknown;
}

/** The whole emulator world; plain JSON (persisted to the state file). */
export interface WorldState {
  esa: unknown;
  cas: unknown;
  ga: unknown;
  /** Published customer records. */
  records: PublishedRecord[];
  /** Id sequences for {@link ServiceContext.nextId}. */
  sequences: Record<string, number>;
  /** Per-consumer serving timelines (core/serving.ts), by consumer key. */
  serving: ServingTimelines;
}
