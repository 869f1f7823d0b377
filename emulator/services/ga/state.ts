/**
 * The GA (Global Accelerator 2019-11-20) slice of the emulator world. Plain JSON: it is written to and read from
 * the state file as is, so every field is a string, number, boolean, array or plain object.
 */

/** The only region GA's control plane answers in (every GA operation documents "Set the value to cn-hangzhou"). */
export const GA_REGION = "cn-hangzhou";

/** Listener protocols GA documents for `DescribeListener.Protocol`. */
export const LISTENER_PROTOCOLS = ["TCP", "UDP", "HTTP", "HTTPS"] as const;
/** A listener protocol. */
export type ListenerProtocol = (typeof LISTENER_PROTOCOLS)[number];

/** A GA instance ("accelerator"). `state` is one of the documented values (`active`, `configuring`, `init`, …). */
export interface AcceleratorRecord {
  acceleratorId: string;
  name: string;
  state: string;
  spec: string;
  /** Simulated epoch milliseconds. */
  createTime: number;
  /** While set, an accepted write holds the instance lock until this simulated time (then `configuring` → `active`). */
  busyUntil?: number;
}

/** What an accepted but not yet finished write will do to one additional-certificate binding. */
export type PendingChange = { kind: "associate" } | { kind: "update"; certificateId: string } | { kind: "dissociate" };

/** One additional certificate bound to an HTTPS listener for one domain. */
export interface BindingRecord {
  /** As the caller sent it; compared case-insensitively. */
  domain: string;
  /** `<casCertId>-<region>`; during an update this is still the old certificate (the doc's "being replaced"). */
  certificateId: string;
  /** `active`, or `updating` while a write that touches it is in flight. */
  state: string;
  pending?: PendingChange;
}

/** A listener of an accelerator. */
export interface ListenerRecord {
  listenerId: string;
  acceleratorId: string;
  name: string;
  protocol: ListenerProtocol;
  port: number;
  state: string;
  createTime: number;
  /** The listener's default (server) certificate; HTTPS listeners only. */
  defaultCertificateId?: string;
  /** While set, the listener is `updating` until this simulated time. */
  busyUntil?: number;
  /** When the last write settled (simulated ms): the serving timeline dates binding changes by it. */
  settledAt?: number;
  additionalCertificates: BindingRecord[];
}

/** A write accepted under a ClientToken, remembered so that a retry is answered without changing anything. */
export interface ClientTokenRecord {
  action: string;
  token: string;
  /** A canonical rendering of the request parameters (minus volatile ones), to detect reuse with other input. */
  fingerprint: string;
  response: Record<string, unknown>;
  at: number;
}

/** The GA service state. */
export interface GaState {
  accelerators: Record<string, AcceleratorRecord>;
  listeners: Record<string, ListenerRecord>;
  /** Oldest first; bounded (see `MAX_CLIENT_TOKENS`). */
  clientTokens: ClientTokenRecord[];
}

/** A fresh, empty GA state. */
export function emptyGaState(): GaState {
  return { accelerators: {}, listeners: {}, clientTokens: [] };
}
