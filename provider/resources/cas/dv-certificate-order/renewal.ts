/**
 * The renewal window of `cas.DvCertificateOrder`: whether the recorded order must be replaced by a new one, decided
 * from the recorded state and the clock alone (diff makes no API call). Pure, so the decision table is unit-tested
 * with a fake clock.
 */
import { type DvOrderState } from "./types";

/** Milliseconds in a day: `renewBeforeDays` counts whole 24-hour days before `notAfter`. */
const DAY_MS = 86_400_000;

/** What the decision reads from the recorded state. */
export interface RenewalFacts {
  /** `state` as refresh (or create) recorded it. */
  readonly state: DvOrderState | undefined;
  /** The recorded `notAfter` (ISO 8601), when issued. */
  readonly notAfter: string | undefined;
  /** The recorded or new `renewBeforeDays`; 0 turns renewal off. */
  readonly renewBeforeDays: number;
  /** The domain, for the message. */
  readonly commonName: string | undefined;
  /** True for an adopted order (`orderId` input): it cannot be re-placed, so it is never renewed. */
  readonly adopted: boolean;
}

/** The decision: keep the order, or replace it, with the one line preview prints and the property that shows why. */
export type RenewalDecision =
  | { readonly renew: false }
  | { readonly renew: true; readonly reason: string; readonly property: "notAfter" | "state" };

/** The instant the renewal starts: `notAfter` minus `renewBeforeDays`; undefined when off or not issued. */
export function renewalDue(notAfter: string | undefined, renewBeforeDays: number): string | undefined {
  if (notAfter === undefined || renewBeforeDays <= 0) return undefined;
  const end = Date.parse(notAfter);
  if (Number.isNaN(end)) return undefined;
  return new Date(end - renewBeforeDays * DAY_MS).toISOString();
}

/** `2027-03-01`: the day part of an ISO 8601 instant, as the preview line shows it. */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** Decide whether the order is due for replacement at `now`. */
export function renewalDecision(facts: RenewalFacts, now: Date): RenewalDecision {
  if (facts.renewBeforeDays <= 0 || facts.adopted) return { renew: false };
  const subject = `certificate for ${facts.commonName ?? "the order's domain"}`;
  if (facts.state === "verify_fail")
    return {
      renew: true,
      property: "state",
      reason: `${subject}: the CA rejected validation (verify_fail); ordering a new one`,
    };
  if (facts.state === "unknow")
    return { renew: true, property: "state", reason: `${subject} was revoked or cancelled; ordering a new one` };
  if (facts.state !== "certificate" || facts.notAfter === undefined) return { renew: false };
  const end = Date.parse(facts.notAfter);
  if (Number.isNaN(end)) return { renew: false };
  if (now.getTime() >= end)
    return { renew: true, property: "notAfter", reason: `${subject} expired ${day(facts.notAfter)}; renewing now` };
  const due = renewalDue(facts.notAfter, facts.renewBeforeDays);
  if (due !== undefined && now.getTime() >= Date.parse(due)) {
    return {
      renew: true,
      property: "notAfter",
      reason: `${subject} expires ${day(facts.notAfter)}; renewing ${facts.renewBeforeDays} days ahead`,
    };
  }
  return { renew: false };
}
