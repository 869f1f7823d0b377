import { UNKNOWN } from "./dynamic";

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

/** Collects check failures for one resource. */
export class CheckReport {
  readonly failures: CheckFailure[] = [];
  private readonly sensitive: ReadonlySet<string>;

  constructor(options: CheckReportOptions = {}) {
    this.sensitive = new Set(options.sensitive ?? []);
  }

  fail(property: string, reason: string): void {
    if (!this.sensitive.has(rootProperty(property))) {
      this.failures.push({ property, reason });
      return;
    }
    this.failures.push({ property: "", reason: reason.startsWith(property) ? reason : `${property}: ${reason}` });
  }
}

/** `tags` of `tags["k"]` or `tags.k`: the input a failure is about. */
function rootProperty(property: string): string {
  return /^[^[.]*/.exec(property)?.[0] ?? property;
}

/** True when the value is the preview-time unknown sentinel: rules depending on it are skipped, never failed. */
export function isUnknown(value: unknown): value is Unknown {
  return value === UNKNOWN;
}

/** Quote a user value in a failure message (shortened; never call this with a secret). */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const shown = text === undefined ? String(value) : text;
  return shown.length > 80 ? `"${shown.slice(0, 77)}..."` : `"${shown}"`;
}

/** Describe a secret value without revealing it. */
export function describeSecret(value: unknown): string {
  return typeof value === "string" ? `(secret, ${value.length} characters)` : `(secret, a ${typeof value})`;
}

/**
 * Read an id input that may be given as a string or a number. Alibaba ids can exceed 2^53, where a JS number has
 * already lost digits, so a number that is not a safe integer is a failure telling the user to pass a string.
 */
export function readId(report: CheckReport, property: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null || value === "") {
    if (required) report.fail(property, `${property} is required`);
    return undefined;
  }
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value) || value <= 0) {
      report.fail(
        property,
        `${property} ${value} is not a safe positive integer; pass ids above 2^53 as strings (e.g. "98987582437920968")`,
      );
      return undefined;
    }
    return String(value);
  }
  if (typeof value === "string" && /^[1-9]\d*$/.test(value.trim())) return value.trim();
  report.fail(property, `${property} ${quote(value)} must be a positive integer id (digits only)`);
  return undefined;
}

/** Read a required or optional string input, trimmed. */
export function readString(
  report: CheckReport,
  property: string,
  value: unknown,
  required: boolean,
): string | undefined {
  if (value === undefined || value === null || value === "") {
    if (required) report.fail(property, `${property} is required`);
    return undefined;
  }
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value !== "string") {
    report.fail(property, `${property} must be a string, got ${typeof value}`);
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
  if (!(allowed as readonly string[]).includes(text)) {
    report.fail(property, `${property} ${quote(text)} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}`);
    return undefined;
  }
  return text as T;
}

/** The preview-time unknown sentinel as a type: a reader returns it where the value is not known yet. */
export type Unknown = typeof UNKNOWN;

/**
 * Read a timeout input in whole seconds, the one rule every resource uses: a number that is an integer from 1 to
 * `max`. Absent (or invalid, after recording a failure) is `undefined`, so the caller applies its documented default;
 * unknown at preview is kept as {@link UNKNOWN}, so the diff shows the value as changing until it is known.
 */
export function readTimeoutSeconds(
  report: CheckReport,
  property: string,
  value: unknown,
  max: number,
): number | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return UNKNOWN;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    report.fail(
      property,
      `${property} ${quote(value)} must be a whole number of seconds between 1 and ${max} (accepted: integers from 1 to ${max})`,
    );
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
    report.fail(property, `${property} ${quote(value)} must be true or false`);
    return undefined;
  }
  return value;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Validate a DNS hostname (RFC 1123, at most 253 characters, at least two labels); `*.` as the first label only when
 * `allowWildcard`. Returns the lower-cased name, or undefined after recording a failure.
 */
export function readHostname(
  report: CheckReport,
  property: string,
  value: unknown,
  options: { required: boolean; allowWildcard: boolean },
): string | undefined {
  const text = readString(report, property, value, options.required);
  if (text === undefined || text === UNKNOWN) return text;
  const name = text.toLowerCase().replace(/\.$/, "");
  const labels = name.split(".");
  const wildcard = labels[0] === "*";
  const rest = wildcard ? labels.slice(1) : labels;
  if (wildcard && !options.allowWildcard) {
    report.fail(property, `${property} ${quote(text)} is a wildcard; wildcards are not supported here`);
    return undefined;
  }
  if (
    name.length > 253 ||
    rest.length < 2 ||
    !rest.every((l) => LABEL.test(l)) ||
    /^\d+$/.test(rest[rest.length - 1] ?? "")
  ) {
    report.fail(
      property,
      `${property} ${quote(text)} is not a valid hostname (letters, digits and hyphens in dot-separated labels of at most 63 characters, at least two labels, at most 253 characters${options.allowWildcard ? ", optionally starting with *." : ""})`,
    );
    return undefined;
  }
  return name;
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
