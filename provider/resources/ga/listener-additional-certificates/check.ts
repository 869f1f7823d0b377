/** `check` of `ga.ListenerAdditionalCertificates`: validate and normalize; no API call. */
import { type CheckResult } from "@pulumi/pulumi/dynamic";
import { isUnknown, quote, readTimeoutSeconds, type CheckReport } from "../../common/check";
import { readInputs, startCheck } from "../../common/declared-check";
import { plainJson, withoutProvider, type PropertyBag } from "../../common/dynamic";
import { canonicalDnsName } from "../../common/coverage";
import { withoutRefused } from "../../common/private-keys";
import { DECLARATION, INPUT_NAMES } from "./declaration";
import { sortedMap } from "../../common/stored";
import { MAX_CERTIFICATES_PER_LISTENER } from "../ids";
import { LISTENER_HOOKS, MAX_TIMEOUT_SECONDS, readCertificateId, readDomain } from "../validate";
import { type ListenerAdditionalCertificatesInputs as Inputs } from "./types";

/** A key of `certificates`: a domain; an empty or blank key says so rather than "is required". */
function readDomainKey(report: CheckReport, property: string, key: string): string | undefined {
  if (key.trim() === "") {
    report.fail(
      property,
      `${property} is an empty key; each key of certificates is a domain such as "shop.example.com"`,
    );
    return undefined;
  }
  return readDomain(report, property, key);
}

/** Read `certificates`: an object of hostname → `<certId>-<region>`, keys normalized, no duplicates. */
function readCertificates(report: CheckReport, value: unknown): Record<string, string> | string | undefined {
  if (value === undefined || value === null) return {};
  if (isUnknown(value)) return value;
  if (typeof value !== "object" || Array.isArray(value)) {
    report.fail(
      "certificates",
      `certificates must be an object mapping each domain to "<certId>-<region>", got ${quote(value)}`,
    );
    return undefined;
  }
  const out: Record<string, string> = {};
  const spelledAs = new Map<string, string>();
  for (const [rawKey, raw] of Object.entries(value as Record<string, unknown>)) {
    const property = `certificates[${JSON.stringify(rawKey)}]`;
    const domain = readDomainKey(report, property, rawKey);
    const certificateId = readCertificateId(report, property, raw);
    if (domain === undefined || certificateId === undefined) continue;
    // Compared as DNS compares names (case, trailing dot, IDNA A-labels), whatever form the reader normalized to.
    const key = canonicalDnsName(domain);
    const earlier = spelledAs.get(key);
    if (earlier !== undefined) {
      report.fail(
        property,
        `${property} repeats a domain: certificates lists ${quote(earlier)} and ${quote(rawKey)}: each domain at most once (domains compare as DNS names: ignoring case and a trailing dot, internationalized labels in their xn-- form)`,
      );
      continue;
    }
    spelledAs.set(key, rawKey);
    out[domain] = certificateId;
  }
  const distinct = new Set(Object.values(out).filter((id) => !isUnknown(id)));
  if (distinct.size > MAX_CERTIFICATES_PER_LISTENER) {
    report.fail(
      "certificates",
      `certificates names ${distinct.size} distinct certificates; a GA HTTPS listener takes at most ${MAX_CERTIFICATES_PER_LISTENER} additional certificates (quota gaplus_quota_additional_certs_per_listener, 3 by default)`,
    );
  }
  return sortedMap(out);
}

export { INPUT_NAMES };

/** Validate and normalize (trim; lower-case, sorted domains). No API call. */
export async function checkBindingSet(_olds: PropertyBag, given: PropertyBag): Promise<CheckResult<Inputs>> {
  const { report, news, refused } = startCheck(DECLARATION, given);
  const read = readInputs(report, DECLARATION, news, {
    // Read here with no default: state records an absent timeout as absent.
    except: ["timeoutSeconds"],
    hooks: { ...LISTENER_HOOKS, certificates: (r, _property, value) => readCertificates(r, value) },
  });
  const timeoutSeconds = readTimeoutSeconds(report, "timeoutSeconds", news["timeoutSeconds"], MAX_TIMEOUT_SECONDS);
  if (report.failures.length > 0)
    return { inputs: withoutRefused(withoutProvider(news), refused) as Inputs, failures: report.failures };
  return { inputs: plainJson({ ...read, timeoutSeconds }) as Inputs };
}
