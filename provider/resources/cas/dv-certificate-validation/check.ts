/** `check` of `cas.DvCertificateValidation`: validate and normalize; no API call. */
import { type CheckResult } from "@pulumi/pulumi/dynamic";
import { isUnknown, readHostname, type CheckReport, type Unknown } from "../../common/check";
import { readInputs, startCheck } from "../../common/declared-check";
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { withoutRefused } from "../../common/private-keys";
import { render } from "../../common/render";
import { DECLARATION, INPUT_NAMES } from "./declaration";
import { type DelegationCname, type DvCertificateValidationInputs as Inputs } from "./types";

export { INPUT_NAMES };

/** `orderId` is a required id; `timeoutSeconds` whole seconds from 1 to two days. Unknown values stay unknown. */
export async function checkValidation(_olds: PropertyBag, bag: PropertyBag): Promise<CheckResult<Inputs>> {
  const { report, news, refused } = startCheck(DECLARATION, bag);
  const read = readInputs(report, DECLARATION, news, {
    hooks: { delegationCname: (r, _property, value) => checkDelegationCname(r, value) },
  });
  return {
    inputs: withoutRefused(plainJson({ ...read, orderId: read.orderId ?? "" }) as Inputs, refused),
    failures: report.failures,
  };
}

/**
 * `delegationCname`: the order's output of that name, `{name: "_dnsauth.<domain>", type: "CNAME", value:
 * "<label>.<zone>"}`, or absent (the order has no delegation: its output is undefined). Names are DNS hostnames
 * (RFC 1123), compared case-insensitively, so they are lower-cased.
 */
function checkDelegationCname(report: CheckReport, value: unknown): DelegationCname | Unknown | undefined {
  if (value === undefined || value === null) return undefined;
  if (isUnknown(value)) return value;
  if (typeof value !== "object" || Array.isArray(value)) {
    report.fail(
      "delegationCname",
      `delegationCname ${render(value)} must be the order's delegationCname output {name, type: "CNAME", value}`,
    );
    return undefined;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record))
    if (!["name", "type", "value"].includes(key))
      report.fail(
        "delegationCname",
        `delegationCname has an unknown key ${render(key)}: it must have only name, type and value (the order's delegationCname output)`,
      );
  if (isUnknown(record["name"]) || isUnknown(record["value"])) return value as DelegationCname;
  const type = record["type"];
  if (type !== undefined && type !== "CNAME" && !isUnknown(type))
    report.fail("delegationCname.type", `delegationCname.type ${render(type)} must be "CNAME"`);
  const name = readDnsauthName(report, record["name"]);
  const target = readHostname(report, "delegationCname.value", record["value"], {
    required: true,
    allowWildcard: false,
  });
  if (name === undefined || target === undefined || isUnknown(target)) return undefined;
  return { name, type: "CNAME", value: target };
}

/** The CNAME's name: `_dnsauth.` (where CAS validates) followed by the domain, a hostname. */
function readDnsauthName(report: CheckReport, value: unknown): string | undefined {
  const prefix = "_dnsauth.";
  if (typeof value !== "string" || !value.trim().toLowerCase().startsWith(prefix)) {
    report.fail(
      "delegationCname.name",
      `delegationCname.name ${render(value)} must be "${prefix}<domain>", the name CAS validates at`,
    );
    return undefined;
  }
  const domain = readHostname(report, "delegationCname.name", value.trim().slice(prefix.length), {
    required: true,
    allowWildcard: false,
  });
  return domain === undefined || isUnknown(domain) ? undefined : `${prefix}${domain}`;
}
