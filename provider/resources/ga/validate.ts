/**
 * Check rules shared by both GA resources. Each reader records a failure naming the property, the value and the rule,
 * skips values that are unknown during preview, and returns the normalized value.
 */
import { CAS_REGIONS, MAX_ID, type CheckReport, quote, readHostname, readString } from "../common/check";
import { UNKNOWN } from "../common/dynamic";
import { ACCELERATOR_ID, GA_CERTIFICATE_ID, LISTENER_ID } from "./ids";

/** Default for `timeoutSeconds`: how long one write may take to settle (Terraform uses 3 minutes per operation). */
export const DEFAULT_TIMEOUT_SECONDS = 600;
/** Upper bound for `timeoutSeconds` (one day). */
export const MAX_TIMEOUT_SECONDS = 86_400;

function readPattern(
  report: CheckReport,
  property: string,
  value: unknown,
  pattern: RegExp,
  rule: string,
): string | undefined {
  const text = readString(report, property, value, true);
  if (text === undefined || text === UNKNOWN) return text;
  if (!pattern.test(text)) {
    report.fail(property, `${property} ${quote(text)} ${rule}`);
    return undefined;
  }
  return text;
}

/** `acceleratorId`: required, `ga-` followed by lower-case letters and digits. */
export function readAcceleratorId(report: CheckReport, value: unknown): string | undefined {
  return readPattern(
    report,
    "acceleratorId",
    value,
    ACCELERATOR_ID,
    "must be a GA instance id such as ga-bp1odcab8tmno0hdq1234",
  );
}

/** `listenerId`: required, `lsr-` followed by lower-case letters and digits. */
export function readListenerId(report: CheckReport, value: unknown): string | undefined {
  return readPattern(
    report,
    "listenerId",
    value,
    LISTENER_ID,
    "must be a GA listener id such as lsr-bp1bpn0kn908w4nbw1234",
  );
}

/** The hooks both GA checks read the accelerator and the listener by (`../common/declared-check.ts` `readInputs`). */
export const LISTENER_HOOKS = {
  acceleratorId: (report: CheckReport, _property: string, value: unknown): string | undefined =>
    readAcceleratorId(report, value),
  listenerId: (report: CheckReport, _property: string, value: unknown): string | undefined =>
    readListenerId(report, value),
};

/**
 * A certificate id in `<certId>-<region>` form (the CAS `CertIdentifier`, seed 004 `Certificates.N.Id`: "IDs of server
 * certificates", example `6092**-cn-hangzhou`) whose region is one CAS serves certificates from ({@link CAS_REGIONS})
 * and whose number is a CAS CertId (a 64-bit integer, as every documented `integer` id); GA would reject any other
 * only at `up`.
 */
export function readCertificateId(report: CheckReport, property: string, value: unknown): string | undefined {
  if (typeof value === "number") {
    const example = Number.isSafeInteger(value) && value > 0 ? `"${value}-cn-hangzhou"` : '"6092123-cn-hangzhou"';
    report.fail(property, `${property} ${quote(value)} must be a string "<certId>-<region>" such as ${example}`);
    return undefined;
  }
  const id = readPattern(
    report,
    property,
    value,
    GA_CERTIFICATE_ID,
    'must be "<certId>-<region>", the CAS certificate identifier, such as "6092123-cn-hangzhou"',
  );
  const [, certId, region] = id === undefined || id === UNKNOWN ? [] : (GA_CERTIFICATE_ID.exec(id) ?? []);
  if (certId !== undefined && BigInt(certId) > MAX_ID) {
    report.fail(property, `${property} ${quote(id)} has a certId above 2^63 - 1, the largest CAS id`);
    return undefined;
  }
  if (region !== undefined && !(CAS_REGIONS as readonly string[]).includes(region)) {
    const served = CAS_REGIONS.map((r) => `"${r}"`).join(" or ");
    report.fail(property, `${property} ${quote(id)} names region "${region}"; CAS serves certificates from ${served}`);
    return undefined;
  }
  return id;
}

/**
 * A domain (seed 004 `Certificates.N.Domain`, "the domain name specified by the certificate"): a hostname by the
 * shared rules of `../common/hostname`, optionally a `*.` wildcard (GA binds wildcard domains; believed, not on the
 * seed page), lower-cased, U-labels converted to A-labels.
 */
export function readDomain(report: CheckReport, property: string, value: unknown): string | undefined {
  return readHostname(report, property, value, { required: true, allowWildcard: true });
}
