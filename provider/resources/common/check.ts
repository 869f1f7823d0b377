import { UNKNOWN } from "./dynamic";
import { parseHostname } from "./hostname";
import { wholeNumberProblem } from "./number";
import { describeType, render } from "./render";

/**
 * One failed rule, as `check` returns it: the property, and a reason naming the value (never a secret one) and the
 * rule. `property` is empty for a sensitive input (see {@link CheckReport}); the reason then starts with its name.
 */
export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

/** What a resource tells its {@link CheckReport}. */
export interface CheckReportOptions {
  /**
   * Inputs holding a secret or personal data (a private key, an e-mail address). The engine prints a failure that
   * names a property as `property <name> value {<the value>}`, in plain text even when the value came through
   * `pulumi.secret`; a failure on these inputs is therefore reported without `property`, naming the input in the
   * reason instead, and the engine prints only the reason.
   * @default none
   */
  readonly sensitive?: readonly string[];
}

/**
 * Collects check failures for one resource. A failure is reported under its input's top-level name: the engine
 * prints `property <name> value {<inputs[name]>}`, looking the name up as a key of the inputs, so a nested path
 * (`certificates["a.com"]`) would print `{<nil>}`; the path is named in the reason instead.
 */
export class CheckReport {
  private readonly recorded: { property: string; reason: string }[] = [];
  private readonly sensitive: Set<string>;

  constructor(options: CheckReportOptions = {}) {
    this.sensitive = new Set(options.sensitive ?? []);
  }

  /** Record that `property` (or a path inside it: `tags["k"]`, `validationDelegation.zone`) breaks a rule. */
  fail(property: string, reason: string): void {
    this.recorded.push({ property, reason });
  }

  /**
   * Treat an input as sensitive from now on, for failures recorded before and after: used when an input turns out
   * to hold a private key, so no failure makes the engine print it.
   */
  hide(property: string): void {
    this.sensitive.add(rootProperty(property));
  }

  /** The failures as `check` returns them. */
  get failures(): CheckFailure[] {
    return this.recorded.map(({ property, reason }) => {
      const root = rootProperty(property);
      const named = property === "" || reason.startsWith(property) ? reason : `${property}: ${reason}`;
      return { property: this.sensitive.has(root) ? "" : root, reason: named };
    });
  }
}

/** `tags` of `tags["k"]` or `tags.k`: the input a failure is about. */
export function rootProperty(property: string): string {
  return /^[^[.]*/.exec(property)?.[0] ?? property;
}

/** True when the value is the preview-time unknown sentinel: rules depending on it are skipped, never failed. */
export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/**
 * A user value in a failure message, as typed (see `./render`): `"12"` for the string, `12` for the number, `NaN`,
 * `""`, `{"a": 1}`. Never call this with a secret or personal value.
 */
export function quote(value: unknown): string {
  return render(value);
}

/** Describe a secret value without revealing it. */
export function describeSecret(value: unknown): string {
  return typeof value === "string" ? `(secret, ${value.length} characters)` : `(secret, ${describeType(value)})`;
}

/**
 * Why a required value is missing, naming what was typed: nothing, `null`, or the empty string (which is a value,
 * so "is required" alone would be a puzzle for someone who wrote `""`).
 */
export function missingReason(property: string, value: unknown): string {
  if (value === null) return `${property} is required: got null`;
  if (value === "") return `${property} is required: got an empty string ("")`;
  return `${property} is required`;
}

/**
 * Largest id the APIs take: their ids are documented as `integer`, which the official SDKs type as a 64-bit `Long`
 * (CAS's own example OrderId, 98987582437920968, is above 2^53, so the limit is 64 bits, not JavaScript's 53).
 */
export const MAX_ID = 9_223_372_036_854_775_807n;

/**
 * Read an id input that may be given as a string or a number: a positive integer of at most 64 bits, written in
 * decimal digits with no sign or leading zero. A number that is not a safe integer has already lost digits (ids can
 * exceed 2^53), so it fails telling the user to pass a string.
 */
export function readId(report: CheckReport, property: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null || value === "") {
    if (required) report.fail(property, missingReason(property, value));
    return undefined;
  }
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value <= 0) {
      report.fail(
        property,
        `${property} ${render(value)} is not a safe positive integer; pass ids above 2^53 as strings (e.g. "98987582437920968")`,
      );
      return undefined;
    }
    return String(value);
  }
  const text = typeof value === "string" ? value.trim() : undefined;
  if (text === undefined || !/^[1-9]\d*$/.test(text)) {
    report.fail(
      property,
      `${property} ${render(value)} must be a positive integer id (digits only, no sign or leading zero)`,
    );
    return undefined;
  }
  if (BigInt(text) > MAX_ID) {
    report.fail(
      property,
      `${property} ${render(value)} is larger than the largest id: an id must be at most 2^63 - 1 (a 64-bit integer)`,
    );
    return undefined;
  }
  return text;
}

/** Read a required or optional string input, trimmed. */
export function readString(
  report: CheckReport,
  property: string,
  value: unknown,
  required: boolean,
): string | undefined {
  if (value === undefined || value === null || value === "") {
    if (required) report.fail(property, missingReason(property, value));
    return undefined;
  }
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value !== "string") {
    report.fail(property, `${property} must be a string, got ${typeof value} ${render(value)}`);
    return undefined;
  }
  return value.trim();
}

/** Read an enumerated string input. */
export function readEnum<T extends string>(
  report: CheckReport,
  property: string,
  value: unknown,
  allowed: readonly T[],
  required: boolean,
): T | undefined {
  const text = readString(report, property, value, required);
  if (text === undefined || text === UNKNOWN) return text as T | undefined;
  const match = allowed.find((a) => a === text);
  if (match === undefined) {
    report.fail(property, `${property} ${render(text)} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
    return undefined;
  }
  return match;
}

/** The preview-time unknown sentinel as a type: a reader returns it where the value is not known yet. */
export type Unknown = typeof UNKNOWN;

/**
 * Read a timeout input in whole seconds, the one rule every resource uses: a number that is an integer from 1 to
 * `max` (`./number`). Absent (or invalid, after recording a failure) is `undefined`, so the caller applies its
 * documented default; unknown at preview is kept as {@link UNKNOWN}, so the diff shows the value as changing until it
 * is known.
 */
export function readTimeoutSeconds(
  report: CheckReport,
  property: string,
  value: unknown,
  max: number,
): number | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return UNKNOWN;
  const problem = wholeNumberProblem(property, value, { min: 1, max, unit: "seconds" });
  if (problem !== undefined || typeof value !== "number") {
    report.fail(property, problem ?? `${property} must be a number`);
    return undefined;
  }
  return value;
}

/** The wait bound in ms of a checked or stored timeout in seconds; `defaultSeconds` when it is absent or not a number. */
export function timeoutMs(value: unknown, defaultSeconds: number): number {
  return (typeof value === "number" && value > 0 ? value : defaultSeconds) * 1000;
}

/** Read a boolean input: absent is `undefined` (the caller's default), unknown at preview is kept as {@link UNKNOWN}. */
export function readBoolean(report: CheckReport, property: string, value: unknown): boolean | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value !== "boolean") {
    report.fail(property, `${property} ${render(value)} must be true or false, got ${describeType(value)}`);
    return undefined;
  }
  return value;
}

/**
 * Read a DNS hostname by the rules of `./hostname` (RFC 1035/1123 syntax, IDNA A-labels, wildcards only as `*.`
 * when `allowWildcard`). Returns the normalized name (lower case, A-labels, no final dot), or undefined after
 * recording a failure that names the rule.
 */
export function readHostname(
  report: CheckReport,
  property: string,
  value: unknown,
  options: { required: boolean; allowWildcard: boolean },
): string | undefined {
  const text = readString(report, property, value, options.required);
  if (text === undefined || text === UNKNOWN) return text;
  const parsed = parseHostname(text, { allowWildcard: options.allowWildcard });
  if ("problem" in parsed) {
    const what = parsed.problem.startsWith("is a wildcard") ? "" : "is not a valid hostname: it ";
    report.fail(property, `${property} ${render(value)} ${what}${parsed.problem}`);
    return undefined;
  }
  return parsed.name;
}

/**
 * CAS certificate identifier `<certId>-<region>` such as `123-cn-hangzhou` or `123-ap-southeast-1` (what GA takes and
 * ESA splits into CasId + CasRegion). Group 1 is the numeric id, group 2 the region.
 */
export const CERT_IDENTIFIER = /^([1-9]\d*)-([a-z]{2,}(?:-[a-z0-9]+)+)$/;

/**
 * The regions CAS serves certificates from, the `<region>` of a `<certId>-<region>` identifier: the China site's and
 * the international site's (ESA documents them as its `CasRegion` values). One list for ESA's `casRegion` and
 * `certIdentifier` checks and for GA certificate ids.
 */
export const CAS_REGIONS = ["cn-hangzhou", "ap-southeast-1"] as const;
/** A region CAS serves certificates from. */
export type CasRegion = (typeof CAS_REGIONS)[number];
