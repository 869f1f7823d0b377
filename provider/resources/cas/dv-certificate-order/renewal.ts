/**
 * The renewal window of `cas.DvCertificateOrder`: whether the recorded order must be replaced by a new one, decided
 * from the recorded state and the clock alone (diff makes no API call once issuance is recorded). Pure, so the
 * decision table and its invariants are unit- and property-tested with a fake clock.
 *
 * The window follows the certificate's lifetime, because CA/B Forum ballot SC-081v3 shrinks it on a schedule
 * (200 days from 2026-03-15, 100 from 2027-03-15, 47 from 2029-03-15): a fixed number of days that suits one
 * lifetime loops on a shorter one. So:
 * - `renewBeforeDays` unset: renew when one third of the lifetime remains (cert-manager's default rule);
 * - `renewBeforeDays` below the lifetime: renew that many days before `notAfter`;
 * - `renewBeforeDays` at or above the lifetime: a certificate would be due the moment it is issued, and every run
 *   would order again; fall back to one third of the lifetime and say so (cert-manager does the same when
 *   `renewBefore` ≥ `duration`);
 * - `renewBeforeDays: 0`: renewal off.
 *
 * Invariant (property-tested in tests/unit/cas-dv-certificate-order/renewal-properties.test.ts): the window is always
 * shorter than the lifetime, so a certificate is never due at its `notBefore`: one issued a moment ago is never due,
 * and a renewal's new certificate is never due on the run that recorded it. A renewal therefore cannot loop.
 */
import { type DvOrderState } from "./types";

/** Milliseconds in a day: `renewBeforeDays` counts whole 24-hour days before `notAfter`. */
export const DAY_MS = 86_400_000;

/**
 * The lifetime of a certificate: RFC 5280 §4.1.2.5 and the Baseline Requirements count the validity period from
 * `notBefore` to `notAfter` inclusive, so a "200-day" certificate has `notAfter = notBefore + 200 days − 1 s` and a
 * lifetime of exactly 200 days by this count.
 */
export function lifetimeMs(notBefore: string, notAfter: string): number | undefined {
  const start = Date.parse(notBefore);
  const end = Date.parse(notAfter);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return undefined;
  return end - start + 1000;
}

/** The window used when the lifetime is not recorded (states written before `notBefore` was): the old default. */
const LEGACY_WINDOW_DAYS = 30;

/** How far ahead of `notAfter` a renewal starts, and why. */
export interface RenewalWindow {
  /** The window in milliseconds before `notAfter`. */
  readonly ms: number;
  /** What the window follows: the user's days, one third of the lifetime, or the same after a fallback. */
  readonly rule: "days" | "third" | "fallback";
  /** The certificate's lifetime in ms, when known. */
  readonly lifetimeMs: number | undefined;
}

/**
 * The window for a certificate valid `notBefore`..`notAfter` under `renewBeforeDays` (undefined: unset), or undefined
 * when renewal is off (0).
 */
export function renewalWindow(
  notBefore: string | undefined,
  notAfter: string,
  renewBeforeDays: number | undefined,
): RenewalWindow | undefined {
  if (renewBeforeDays !== undefined && renewBeforeDays <= 0) return undefined;
  const lifetime = notBefore === undefined ? undefined : lifetimeMs(notBefore, notAfter);
  if (lifetime === undefined)
    return { ms: (renewBeforeDays ?? LEGACY_WINDOW_DAYS) * DAY_MS, rule: "days", lifetimeMs: undefined };
  if (renewBeforeDays === undefined) return { ms: lifetime / 3, rule: "third", lifetimeMs: lifetime };
  // Compared with notAfter − notBefore (the lifetime less its inclusive last second), so a window that passes is
  // strictly shorter than that span and the certificate is never due at its notBefore.
  if (renewBeforeDays * DAY_MS >= lifetime - 1000) return { ms: lifetime / 3, rule: "fallback", lifetimeMs: lifetime };
  return { ms: renewBeforeDays * DAY_MS, rule: "days", lifetimeMs: lifetime };
}

/** The instant the renewal starts (ISO 8601); undefined when off or the dates do not parse. */
export function renewalDue(
  notBefore: string | undefined,
  notAfter: string | undefined,
  renewBeforeDays: number | undefined,
): string | undefined {
  if (notAfter === undefined || Number.isNaN(Date.parse(notAfter))) return undefined;
  const window = renewalWindow(notBefore, notAfter, renewBeforeDays);
  if (window === undefined) return undefined;
  return new Date(Math.ceil(Date.parse(notAfter) - window.ms)).toISOString();
}

/** `66.7` or `30`: days as a preview line shows them (one decimal, none when it is zero). */
export function formatDays(ms: number): string {
  return String(Number((ms / DAY_MS).toFixed(1)));
}

/**
 * The preview warning for a `renewBeforeDays` at or above the lifetime, or undefined when the setting is usable.
 * Printed by diff on every run while it applies, so the setting gets fixed.
 */
export function windowWarning(
  commonName: string | undefined,
  renewBeforeDays: number | undefined,
  window: RenewalWindow | undefined,
): string | undefined {
  if (window?.rule !== "fallback" || window.lifetimeMs === undefined || renewBeforeDays === undefined) return undefined;
  return (
    `warning: certificate for ${commonName ?? "the order's domain"}: renewBeforeDays ${renewBeforeDays} is at or above ` +
    `its ${formatDays(window.lifetimeMs)}-day lifetime, so every run would order again; renewing when one third of ` +
    `the lifetime remains (${formatDays(window.ms)} days before notAfter) instead. Lower renewBeforeDays, or unset it.`
  );
}

/** What the decision reads from the recorded (or, in diff, the freshly observed) state. */
export interface RenewalFacts {
  /** `state` as recorded or observed. */
  readonly state: DvOrderState | undefined;
  /** The certificate's `notBefore` (ISO 8601), when issued and known. */
  readonly notBefore: string | undefined;
  /** The certificate's `notAfter` (ISO 8601), when issued. */
  readonly notAfter: string | undefined;
  /** `renewBeforeDays` as set; undefined when unset (one third of the lifetime); 0 turns renewal off. */
  readonly renewBeforeDays: number | undefined;
  /** The domain, for the message. */
  readonly commonName: string | undefined;
  /** True for an adopted order (`orderId` input): it cannot be re-placed, so it is never renewed. */
  readonly adopted: boolean;
  /**
   * Set when refresh found a newer order for the domain that replaces this one (a renewal that has placed its new
   * order): this order waits in the state for deletion, and the message says so instead of "renewing".
   */
  readonly supersededBy?: string | undefined;
}

/** The decision: keep the order, or replace it, with the one line preview prints and the property that shows why. */
export type RenewalDecision =
  | { readonly renew: false; readonly warning?: string | undefined }
  | {
      readonly renew: true;
      readonly reason: string;
      readonly property: "notAfter" | "state";
      readonly warning?: string | undefined;
    };

/** `2027-03-01`: the day part of an ISO 8601 instant, as the preview line shows it. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Decide whether the order is due for replacement at `now`. */
export function renewalDecision(facts: RenewalFacts, now: Date): RenewalDecision {
  if ((facts.renewBeforeDays !== undefined && facts.renewBeforeDays <= 0) || facts.adopted) return { renew: false };
  const subject = `certificate for ${facts.commonName ?? "the order's domain"}`;
  const decided = ((): RenewalDecision => {
    if (facts.state === "verify_fail")
      return {
        renew: true,
        property: "state",
        reason: `${subject}: the CA rejected validation (verify_fail); ordering a new one`,
      };
    if (facts.state === "unknow" || facts.state === "payed")
      return { renew: true, property: "state", reason: `${subject} was revoked or cancelled; ordering a new one` };
    if (facts.state !== "certificate" || facts.notAfter === undefined) return { renew: false };
    const end = Date.parse(facts.notAfter);
    if (Number.isNaN(end)) return { renew: false };
    if (now.getTime() >= end)
      return { renew: true, property: "notAfter", reason: `${subject} expired ${day(facts.notAfter)}; renewing now` };
    const window = renewalWindow(facts.notBefore, facts.notAfter, facts.renewBeforeDays);
    if (window === undefined || now.getTime() < end - window.ms) return { renew: false };
    const ahead =
      window.rule === "days"
        ? `renewing ${formatDays(window.ms)} days ahead`
        : `renewing ${formatDays(window.ms)} days ahead (one third of its ${formatDays(window.lifetimeMs ?? 0)}-day lifetime)`;
    return { renew: true, property: "notAfter", reason: `${subject} expires ${day(facts.notAfter)}; ${ahead}` };
  })();
  if (decided.renew && facts.supersededBy !== undefined) {
    return {
      ...decided,
      reason: `${subject}: order ${facts.supersededBy}, placed by a renewal of this resource, already replaces this one, which is deleted once that renewal finishes; no further order is placed for it`,
    };
  }
  const window =
    facts.state === "certificate" && facts.notAfter !== undefined
      ? renewalWindow(facts.notBefore, facts.notAfter, facts.renewBeforeDays)
      : undefined;
  const warning = windowWarning(facts.commonName, facts.renewBeforeDays, window);
  return warning === undefined ? decided : { ...decided, warning };
}
