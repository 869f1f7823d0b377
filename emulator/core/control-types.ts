/**
 * JSON shapes of the control API (`/__emulator/…`), shared by the server and {@link EmulatorControl}.
 */
import type { EmulatorSeed, Product, PublishedRecord } from "./contract";
import type { DnsAnswer } from "./dns";

/** How an injected fault behaves. */
export type FaultMode = "error" | "reset" | "timeoutAfterCommit" | "latency";

/**
 * A fault rule. It matches API calls (after authentication) by optional product and action; the first matching
 * rule that fires decides the call's fate.
 */
export interface FaultRuleInput {
  /** Only calls to this product. @default every product */
  product?: Product;
  /** Only calls to this action. @default every action */
  action?: string;
  /** `error` mode: the error code. @default "ServiceUnavailable" */
  code?: string;
  /** `error` mode: the HTTP status. @default 503 */
  status?: number;
  /** `error` mode: the message. @default Alibaba's ServiceUnavailable text */
  message?: string;
  /** Fire for the next N matching calls only, then the rule is removed. @default unlimited */
  count?: number;
  /** Probability (0..1) that a matching call fires, from a deterministic per-rule generator. @default 1 */
  rate?: number;
  /** Delay before the outcome (`timeoutAfterCommit`: how long the socket is held after the write). @default 0 */
  latencyMs?: number;
  /** Extra uniformly random delay in [0, jitterMs]. @default 0 */
  jitterMs?: number;
  /**
   * `error`: answer with the error without applying the call; `reset`: destroy the socket without applying;
   * `timeoutAfterCommit`: apply the call, then drop the response; `latency`: delay, then handle normally.
   * @default "error"
   */
  mode?: FaultMode;
  /** Seed of the rule's random generator (rate and jitter). @default the rule's numeric id */
  seed?: number;
}

/** A stored fault rule as `GET /__emulator/faults` lists it. */
export interface FaultRuleInfo extends FaultRuleInput {
  id: string;
  /** How often the rule has fired. */
  fired: number;
  /** Calls left when `count` was given. */
  remaining?: number;
}

/**
 * A per-action rate-limit override. With `limit` and `windowMs` it replaces the action's own limit; with
 * `disabled: true` it switches the action's limit off; with neither it removes the override.
 */
export interface RateLimitOverrideInput {
  product: Product;
  action: string;
  limit?: number;
  windowMs?: number;
  /** @default the action's own status, else 400 */
  status?: number;
  /** @default the action's own code, else "Throttling.User" */
  code?: string;
  /** @default the action's own message, else Alibaba's flow-control text */
  message?: string;
  disabled?: boolean;
}

/** One API call in the request log. */
export interface RequestLogEntry {
  /** Increases by one per call; survives `DELETE /__emulator/requests` so `since` keeps working. */
  seq: number;
  /** Simulated epoch ms when the call arrived. */
  time: number;
  requestId: string;
  method: string;
  /** `null` when the version did not name a known product. */
  product: Product | null;
  action: string | null;
  accessKeyId: string | null;
  /** Merged parameters; secret ones, `Signature` and `SecurityToken` read `[REDACTED]`. */
  params: Record<string, string>;
  /** `ok` or the error code (`reset` when the socket was destroyed without a response). */
  outcome: string;
  /** HTTP status (0 when no response was sent). */
  status: number;
  /** The fault applied, e.g. `error`, `reset`, `timeoutAfterCommit`, `latency`, with the rule id. */
  fault?: string;
  /** True when the response was a replay of an earlier ClientToken call. */
  replayed?: boolean;
  /** Internal errors only: the exception text (never sent to the client). */
  error?: string;
}

/** Filter of `GET /__emulator/requests`. */
export interface RequestLogFilter {
  product?: Product;
  action?: string;
  /** Only entries with `seq` greater than this. */
  since?: number;
}

/** `GET /__emulator/clock`. */
export interface ClockInfo {
  /** Simulated epoch milliseconds. */
  now: number;
  /** The same instant as ISO 8601. */
  iso: string;
  speed: number;
}

/** `GET /__emulator/health`. */
export interface HealthInfo {
  ok: true;
  products: Product[];
  now: number;
  /** `host:port` of the emulator's DNS server (UDP), e.g. `127.0.0.1:53535`. */
  dnsServer: string;
}

/** Error body of a rejected control call. */
export interface ControlErrorBody {
  Code: string;
  Message: string;
}

/** Re-exported for client users. */
export type { DnsAnswer, EmulatorSeed, PublishedRecord };
