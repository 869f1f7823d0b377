/**
 * Shared by both CAS resources: the line a stalled wait for issuance prints while an order is in `domain_verify`,
 * naming what the CA looks for and, when DNS can tell, which record is missing.
 *
 * With delegated validation the CA looks up TXT `_dnsauth.<domain>`; the customer's CNAME there leads to the
 * platform's TXT `<label>.<zone>`. Two records, two owners: the message names both by their full names, and a DNS
 * check says which one is missing (the customer's CNAME, or the platform's TXT) or whether both are in place and the
 * CA has simply not looked yet. Without delegation it names the full TXT name (never the bare `_dnsauth` label CAS
 * returns) and whether the TXT is there.
 */
import { type CertificateState } from "../../transport/operations/cas";
import { type DnsLookup, type LookupResult } from "../../util/dns";
import { fullRecordName } from "./issuance";

/** The delegation as the order's `delegationCname` output gives it: `_dnsauth.<domain>` CNAME `<label>.<zone>`. */
export interface DelegationRecords {
  /** The customer's CNAME name, `_dnsauth.<domain>`. */
  readonly cnameName: string;
  /** Its target, the platform's TXT name `<label>.<zone>`. */
  readonly txtName: string;
}

/** What is known besides the polled state. */
export interface DcvContext {
  /** The order's domain (its CN), when known. */
  readonly domain: string | undefined;
  /** Set under delegated validation. */
  readonly delegation: DelegationRecords | undefined;
}

/** Normalize a DNS name for comparison: lower case, no trailing dot (RFC 4343: names compare case-insensitively). */
function dnsName(name: string): string {
  return name.trim().replace(/\.$/, "").toLowerCase();
}

function failed(result: LookupResult): string | undefined {
  return !result.found && result.reason === "failed" ? result.detail : undefined;
}

/** What DNS shows of a TXT name that must carry `value`. */
function txtFinding(name: string, value: string, txt: LookupResult): string {
  const failure = failed(txt);
  if (failure !== undefined) return `could not look up TXT ${name} (${failure})`;
  if (!txt.found) return `TXT ${name} is missing`;
  return txt.values.includes(value)
    ? `TXT ${name} is in place; waiting for the CA to check it`
    : `TXT ${name} has ${txt.values.length} other value(s), not the order's`;
}

/**
 * The instruction for an order in `domain_verify` by DNS, with what DNS shows; undefined for other states and for
 * FILE validation (the default line applies).
 */
export async function dcvInstruction(
  state: CertificateState,
  context: DcvContext,
  dns: DnsLookup,
): Promise<string | undefined> {
  if (state.type !== "domain_verify" || state.recordDomain === undefined) return undefined;
  const value = state.recordValue ?? "";
  const delegation = context.delegation;
  if (delegation === undefined) {
    if (context.domain === undefined) return undefined;
    const name = fullRecordName(state.recordDomain, context.domain);
    return `publish DNS TXT ${name} = "${value}" (DNS check: ${txtFinding(name, value, await dns.txt(name))})`;
  }
  const { cnameName, txtName } = delegation;
  const needed = `the CA looks up TXT ${cnameName}, which the customer's CNAME ${cnameName} → ${txtName} leads to the platform's TXT ${txtName} = "${value}"`;
  const [cname, txt] = await Promise.all([dns.cname(cnameName), dns.txt(txtName)]);
  const cnameFailure = failed(cname);
  const findings: string[] = [];
  if (cnameFailure !== undefined) findings.push(`could not look up CNAME ${cnameName} (${cnameFailure})`);
  else if (!cname.found) findings.push(`the customer's CNAME ${cnameName} is missing (the customer must publish it)`);
  else if (!cname.values.map(dnsName).includes(dnsName(txtName)))
    findings.push(`the customer's CNAME ${cnameName} points to ${cname.values.join(", ")}, not ${txtName}`);
  findings.push(txtFinding(txtName, value, txt));
  return `${needed} (DNS check: ${findings.join("; ")})`;
}

/** The delegation records from a `delegationCname` value (`{name, type: "CNAME", value}`), when it is one. */
export function delegationRecordsOf(value: unknown): DelegationRecords | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { name, value: target } = value as { name?: unknown; value?: unknown };
  if (typeof name !== "string" || typeof target !== "string" || name === "" || target === "") return undefined;
  return { cnameName: dnsName(name), txtName: dnsName(target) };
}
