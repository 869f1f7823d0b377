/**
 * Time-driven state machines: hostname ownership (pending → active) and the certificate life cycle
 * (Applying → OK | ApplyFailed, OK → Expiring → Expired). The core calls {@link tickEsa} before every action and dump,
 * so each transition happens at the first observation after its simulated deadline, but the recorded times
 * (issue time, NotAfter) are computed from the deadlines themselves to stay independent of polling frequency.
 */
import type { ServiceContext } from "../../core/contract";
import { dcvChallenge, freeCertId } from "./model/certificates";
import type { EsaCustomHostname, EsaState } from "./state";

const DAY_MS = 86_400_000;
/** Let's Encrypt certificates, which ESA's free certificates are, last 90 days. */
export const FREE_CERT_VALIDITY_MS = 90 * DAY_MS;
/** CertStatus turns `Expiring` this long before NotAfter (emulator choice, matching Let's Encrypt's renewal window). */
export const EXPIRING_WINDOW_MS = 30 * DAY_MS;
/** CertApplyCode/CertApplyMessage used by `failCertificate` without explicit values (the doc's example pair). */
export const DEFAULT_CERT_FAILURE = { code: 2, message: "canceled" } as const;

/**
 * True when the customer proved ownership: the documented TXT `VerifyHost` = `VerifyCode`, or (not for wildcards)
 * the hostname CNAMEd to the bound record, by name or by its ESA CNAME, as the SaaS guide allows.
 */
export function ownershipProven(state: EsaState, h: EsaCustomHostname, ctx: ServiceContext): boolean {
  if (ctx.records.has("dns", h.verifyHost, "TXT", h.verifyCode)) return true;
  if (h.hostname.startsWith("*.")) return false;
  const record = state.records[h.recordId];
  if (!record) return false;
  return (
    ctx.records.has("dns", h.hostname, "CNAME", record.recordName) ||
    ctx.records.has("dns", h.hostname, "CNAME", recordCname(record.recordName))
  );
}

/** The CNAME target ESA gives a proxied record (ListRecords `RecordCname`). */
export function recordCname(recordName: string): string {
  return `${recordName}.cname.esa-emulator.test`;
}

/**
 * Marks a hostname active (explicit verification, automatic detection or a control). A running free-certificate
 * application can complete DCV from this moment (ESA serves the HTTP-01 challenge itself).
 */
export function activate(h: EsaCustomHostname, now: number): void {
  if (h.certStatus === "Applying") h.certDcvReadyAt ??= now;
  h.status = "active";
  h.conflictWith = null;
  h.offlineReason = null;
  h.ownershipSeenAt = null;
  h.updateTime = now;
}

/** Clears every certificate field (SSL off, or before switching certificate type). */
export function clearCertificate(h: EsaCustomHostname): void {
  h.certType = null;
  h.casId = null;
  h.casRegion = null;
  h.certificate = null;
  h.privateKey = null;
  h.certStatus = null;
  h.certId = null;
  h.certNotAfter = null;
  h.certApplyCode = null;
  h.certApplyMessage = null;
  h.certTxtKey = null;
  h.certTxtValue = null;
  h.certHttpKey = null;
  h.certHttpValue = null;
  h.certApplyStartedAt = null;
  h.certDcvReadyAt = null;
}

/** Starts a new free-certificate application with fresh DCV tokens. A still-valid previous certificate is kept. */
export function startFreeApplication(h: EsaCustomHostname, now: number): void {
  h.certAttempt += 1;
  const dcv = dcvChallenge(h.hostnameId, h.hostname, h.certAttempt);
  h.certStatus = "Applying";
  h.certApplyCode = null;
  h.certApplyMessage = null;
  h.certTxtKey = dcv.txtKey;
  h.certTxtValue = dcv.txtValue;
  h.certHttpKey = dcv.httpKey;
  h.certHttpValue = dcv.httpValue;
  h.certApplyStartedAt = now;
  h.certDcvReadyAt = null;
  h.updateTime = now;
}

/** Ends the current application as `ApplyFailed`. */
export function failApplication(h: EsaCustomHostname, code: number, message: string, now: number): void {
  h.certStatus = "ApplyFailed";
  h.certApplyCode = code;
  h.certApplyMessage = message;
  h.certDcvReadyAt = null;
  h.updateTime = now;
}

/** DCV for the free certificate: an active hostname is served by ESA (HTTP-01 works), else a published challenge. */
function dcvSatisfied(h: EsaCustomHostname, ctx: ServiceContext): boolean {
  if (h.status === "active") return true;
  if (h.certTxtKey && h.certTxtValue && ctx.records.has("dns", h.certTxtKey, "TXT", h.certTxtValue)) return true;
  return !!(h.certHttpKey && h.certHttpValue && ctx.records.has("file", h.certHttpKey, "FILE", h.certHttpValue));
}

// Each tick step returns true when it changed the hostname (the core observes what is served only after a change).

/** A pending hostname's last ownership answer and everything it depended on. */
interface OwnershipAnswer {
  readonly recordsVersion: number;
  readonly verifyHost: string;
  readonly verifyCode: string;
  readonly recordName: string | undefined;
  readonly proven: boolean;
}

/**
 * Answers by hostname object. The tick asks every pending hostname on every call, and the answer only changes with
 * the published records or the hostname's own challenge and record. Keyed weakly by the object, so a rolled-back
 * or reloaded state (new objects) simply asks again.
 */
const ownershipAnswers = new WeakMap<EsaCustomHostname, OwnershipAnswer>();

function ownershipProvenNow(state: EsaState, h: EsaCustomHostname, ctx: ServiceContext): boolean {
  const recordName = state.records[h.recordId]?.recordName;
  const known = ownershipAnswers.get(h);
  if (
    known?.recordsVersion === ctx.records.version &&
    known.verifyHost === h.verifyHost &&
    known.verifyCode === h.verifyCode &&
    known.recordName === recordName
  )
    return known.proven;
  const proven = ownershipProven(state, h, ctx);
  const answer = { recordsVersion: ctx.records.version, verifyHost: h.verifyHost, verifyCode: h.verifyCode };
  ownershipAnswers.set(h, { ...answer, recordName, proven });
  return proven;
}

/**
 * Since when a condition that must hold for a while (a proof visible, DCV satisfied) has held without a break: `since`
 * after this tick's look (`null`: it does not hold now, and a later hold starts from zero) and whether that changed.
 */
function heldSince(holds: boolean, since: number | null, now: number): { since: number | null; changed: boolean } {
  if (!holds) return { since: null, changed: since !== null };
  return { since: since ?? now, changed: since === null };
}

function tickOwnership(state: EsaState, h: EsaCustomHostname, ctx: ServiceContext, now: number): boolean {
  if (h.status !== "pending") return false;
  const seen = heldSince(ownershipProvenNow(state, h, ctx), h.ownershipSeenAt, now);
  if (seen.changed) h.ownershipSeenAt = seen.since;
  if (seen.since === null || now - seen.since < state.settings.autoVerifyDelayMs) return seen.changed;
  activate(h, seen.since + state.settings.autoVerifyDelayMs);
  return true;
}

function tickApplication(h: EsaCustomHostname, ctx: ServiceContext, now: number): boolean {
  if (h.certStatus !== "Applying") return false;
  if (h.queuedCertFailure) {
    failApplication(h, h.queuedCertFailure.code, h.queuedCertFailure.message, now);
    h.queuedCertFailure = null;
    return true;
  }
  const ready = heldSince(dcvSatisfied(h, ctx), h.certDcvReadyAt, now);
  if (ready.changed) h.certDcvReadyAt = ready.since;
  if (ready.since === null) return ready.changed;
  const issuedAt = ready.since + ctx.timings.esaCertIssueMs;
  if (now < issuedAt) return ready.changed;
  h.certStatus = "OK";
  h.certId = freeCertId(h.hostnameId, h.certAttempt);
  h.certNotAfter = issuedAt + FREE_CERT_VALIDITY_MS;
  h.certDcvReadyAt = null;
  h.updateTime = issuedAt;
  return true;
}

function tickExpiry(h: EsaCustomHostname, now: number): boolean {
  if (h.certNotAfter === null || (h.certStatus !== "OK" && h.certStatus !== "Expiring")) return false;
  const before = h.certStatus;
  if (now >= h.certNotAfter) h.certStatus = "Expired";
  else if (now >= h.certNotAfter - EXPIRING_WINDOW_MS) h.certStatus = "Expiring";
  return h.certStatus !== before;
}

/** Advances every hostname to `ctx.clock.now()`; true when any hostname changed. */
export function tickEsa(state: EsaState, ctx: ServiceContext): boolean {
  const now = ctx.clock.now();
  let changed = false;
  for (const h of Object.values(state.hostnames)) {
    // Every step runs: `a || b()` would skip the later steps once one changed something.
    const owned = tickOwnership(state, h, ctx, now);
    const applied = tickApplication(h, ctx, now);
    const expired = tickExpiry(h, now);
    if (owned || applied || expired) changed = true;
  }
  return changed;
}
