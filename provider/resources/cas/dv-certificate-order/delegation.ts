/**
 * Delegated domain validation (the pattern Cloudflare for SaaS calls delegated DCV): the customer publishes one CNAME
 * once, `_dnsauth.<domain>` → `<label>.<zone>`, in a zone the platform controls; on every renewal the platform writes
 * the order's TXT value at `<label>.<zone>`. Resolvers follow the CNAME for the CA's TXT lookup, so the CA sees the
 * platform's record. Pure: the records are derived from the domain, the zone and the order's validation value.
 */
import { createHash } from "node:crypto";

/** A DNS record to publish. */
export interface DnsRecord {
  /** The absolute record name, without a trailing dot. */
  readonly name: string;
  /** The record type. */
  readonly type: "CNAME" | "TXT";
  /** The record value (a target name for CNAME, the text for TXT). */
  readonly value: string;
}

/** The prefix CAS validates DNS orders at (`RecordDomain`). */
export const DNSAUTH_PREFIX = "_dnsauth";

/** Hex digits of the label: 32 (128 bits of SHA-256) keep collisions out of reach and stay far below 63 characters. */
const LABEL_HEX_DIGITS = 32;

/** The validated domain: the common name, lower-cased, without a wildcard `*.` and a trailing dot. */
export function validatedDomain(commonName: string): string {
  return commonName.trim().toLowerCase().replace(/\.$/, "").replace(/^\*\./, "");
}

/**
 * The delegation label of a domain: `dcv-` and the first 32 hex digits of SHA-256 over the validated domain (see
 * {@link validatedDomain}). It depends on the domain only, so it never changes across renewals or orders; it is a
 * valid DNS label (36 characters of `[a-z0-9-]`).
 */
export function delegationLabel(commonName: string): string {
  const digest = createHash("sha256").update(validatedDomain(commonName)).digest("hex");
  return `dcv-${digest.slice(0, LABEL_HEX_DIGITS)}`;
}

/** The name under the zone that the customer's CNAME points at. */
export function delegatedName(commonName: string, zone: string): string {
  return `${delegationLabel(commonName)}.${zone.toLowerCase().replace(/\.$/, "")}`;
}

/** The stable record the customer publishes once: `_dnsauth.<domain>` CNAME `<label>.<zone>`. */
export function delegationCname(commonName: string, zone: string): DnsRecord {
  return {
    name: `${DNSAUTH_PREFIX}.${validatedDomain(commonName)}`,
    type: "CNAME",
    value: delegatedName(commonName, zone),
  };
}

/** The per-order record the platform writes: TXT at `<label>.<zone>` with the order's validation value. */
export function delegatedRecord(commonName: string, zone: string, recordValue: string): DnsRecord {
  return { name: delegatedName(commonName, zone), type: "TXT", value: recordValue };
}
