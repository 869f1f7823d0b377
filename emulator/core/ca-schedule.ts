/**
 * The issuance limits every certificate authority the emulator plays follows, as a schedule over the emulator's
 * clock: how long a leaf may be valid and how long domain-control validation (DCV) data may be reused, by the instant
 * of issuance. The default is CA/B Forum ballot SC-081v3 ("Introduce Schedule of Reducing Validity and Data Reuse
 * Periods"), which amended the TLS Baseline Requirements (BR):
 *
 * | Issued              | Max validity (BR §6.3.2) | Max DCV reuse (BR §4.2.1) |
 * |---------------------|--------------------------|---------------------------|
 * | before 2026-03-15   | 398 days                 | 398 days                  |
 * | from 2026-03-15     | 200 days                 | 200 days                  |
 * | from 2027-03-15     | 100 days                 | 100 days                  |
 * | from 2029-03-15     | 47 days                  | 10 days                   |
 *
 * The ballot gives dates, not instants; the emulator starts each step at 00:00:00 UTC of its date.
 *
 * How the BRs count (both in BR §1.6.1 "Validity Period" and §6.3.2): the validity period runs from notBefore
 * through notAfter **inclusive** (as RFC 5280 §4.1.2.5 defines it: both instants are in the period), and "a day is
 * measured as 86,400 seconds; any amount of time greater than this, including fractional seconds and/or leap
 * seconds, shall represent an additional day". X.509 times have whole seconds, so a certificate valid for N days has
 * notAfter = notBefore + N × 86,400 s − 1 s ({@link notAfterFor}).
 */
import { isRecord } from "./json";

/** One step of a schedule: the limits in force from `from` until the next step's `from`. */
export interface CaScheduleEntry {
  /** ISO 8601 instant (UTC) from which this step applies; the first step also applies to every earlier instant. */
  readonly from: string;
  /** The longest validity period a leaf issued in this step may have, in days (BR §6.3.2). Integer ≥ 1. */
  readonly validityDays: number;
  /** How many days before issuance a domain validation may have been completed and still be reused (BR §4.2.1). Integer ≥ 0; 0 never reuses. */
  readonly dcvReuseDays: number;
}

/** The limits in force at one instant. */
export interface CaLimits {
  readonly validityDays: number;
  readonly dcvReuseDays: number;
}

/** 86,400 seconds: a BR day (§6.3.2), in milliseconds. */
export const DAY_MS = 86_400_000;

/** Ballot SC-081v3's schedule (see the module comment). The default of every emulator. */
export const SC081_SCHEDULE: readonly CaScheduleEntry[] = Object.freeze([
  // Before SC-081: the 398-day limits of BR §6.3.2 (ballot SC31) and §4.2.1 (ballot SC42). Older, longer limits
  // are not modelled: the first step applies to every earlier instant.
  { from: "1970-01-01T00:00:00.000Z", validityDays: 398, dcvReuseDays: 398 },
  { from: "2026-03-15T00:00:00.000Z", validityDays: 200, dcvReuseDays: 200 },
  { from: "2027-03-15T00:00:00.000Z", validityDays: 100, dcvReuseDays: 100 },
  { from: "2029-03-15T00:00:00.000Z", validityDays: 47, dcvReuseDays: 10 },
]);

/** The step of `schedule` (non-empty, ascending) in force at `atMs`. */
export function limitsAt(schedule: readonly CaScheduleEntry[], atMs: number): CaLimits {
  let current = schedule[0];
  for (const entry of schedule) {
    if (Date.parse(entry.from) <= atMs) current = entry;
    else break;
  }
  if (current === undefined) throw new Error("A CA schedule needs at least one entry.");
  return { validityDays: current.validityDays, dcvReuseDays: current.dcvReuseDays };
}

/**
 * notAfter of a certificate whose validity period is `days` days from `notBeforeMs` (a whole second): the period
 * is inclusive of both ends (RFC 5280 §4.1.2.5), so the last second is `days` × 86,400 s − 1 s after notBefore.
 */
export function notAfterFor(notBeforeMs: number, days: number): number {
  return notBeforeMs + days * DAY_MS - 1000;
}

/**
 * The validity period of a certificate in BR days: (notAfter − notBefore + 1 s), any part of a day counting as a
 * whole one (BR §6.3.2). The inverse of {@link notAfterFor} for whole-second times.
 */
export function validityPeriodDays(notBeforeMs: number, notAfterMs: number): number {
  return Math.ceil((notAfterMs - notBeforeMs + 1000) / DAY_MS);
}

/**
 * True when a domain validation completed at `validatedAtMs` may be reused for a certificate issued at `issueAtMs`:
 * BR §4.2.1 allows reuse of a validation completed "no more than" the reuse period before issuing, counted in
 * 86,400-second days, with the period in force at issuance.
 */
export function dcvReusable(schedule: readonly CaScheduleEntry[], validatedAtMs: number, issueAtMs: number): boolean {
  const age = issueAtMs - validatedAtMs;
  return age >= 0 && age <= limitsAt(schedule, issueAtMs).dcvReuseDays * DAY_MS;
}

/** Days are whole numbers in the BRs; the upper bound keeps notAfter a valid date (about 100 years). */
const MAX_DAYS = 36_525;

function days(value: unknown, where: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > MAX_DAYS) {
    throw new Error(`${where} must be an integer from ${min} to ${MAX_DAYS}, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** The calendar date of `text` exists (`Date.parse` rolls 2026-02-30 over into March instead of failing). */
function realDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO 8601 date (`2026-03-15`) or date-time with a zone (`2026-03-15T00:00:00Z`), as a normalised instant. */
function instant(value: unknown, where: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
  const ms = typeof value === "string" && iso.test(value) && realDate(value) ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) {
    throw new Error(
      `${where} must be an ISO 8601 date or UTC date-time such as "2027-03-15" or "2027-03-15T00:00:00Z", got ${JSON.stringify(value)}.`,
    );
  }
  return new Date(ms).toISOString();
}

/**
 * Validate a schedule given by a user (start option, control API, command line): a non-empty list of
 * `{from, validityDays, dcvReuseDays}` with strictly ascending `from`. Throws an `Error` naming the entry and field.
 */
export function parseCaSchedule(value: unknown, where = "caSchedule"): CaScheduleEntry[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${where} must be a non-empty list of entries.`);
  const entries = value.map((raw: unknown, i): CaScheduleEntry => {
    const at = `${where}[${i}]`;
    if (!isRecord(raw)) throw new Error(`${at} must be an object {from, validityDays, dcvReuseDays}.`);
    const unknown = Object.keys(raw).filter((k) => !["from", "validityDays", "dcvReuseDays"].includes(k));
    if (unknown.length > 0) throw new Error(`${at} has unknown field(s): ${unknown.join(", ")}.`);
    return {
      from: instant(raw["from"], `${at}.from`),
      validityDays: days(raw["validityDays"], `${at}.validityDays`, 1),
      dcvReuseDays: days(raw["dcvReuseDays"], `${at}.dcvReuseDays`, 0),
    };
  });
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    if (previous !== undefined && Date.parse(entry.from) <= Date.parse(previous.from)) {
      throw new Error(`${where}[${i}].from (${entry.from}) must be later than ${where}[${i - 1}].from.`);
    }
  });
  return entries;
}
