/**
 * What the report needs from a certificate PEM, read with Node's own X.509 parser (`node:crypto` X509Certificate,
 * OpenSSL underneath): which names it covers, its validity, and a fingerprint to tell two certificates apart. Only the
 * first (leaf) certificate of a chain is read.
 */
import { X509Certificate } from "node:crypto";

/** The leaf of a PEM chain, or undefined when the text holds no certificate Node can parse. */
function leafOf(pem: string): X509Certificate | undefined {
  const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (first === undefined) return undefined;
  try {
    return new X509Certificate(first);
  } catch {
    return undefined;
  }
}

/** The facts of one leaf certificate. */
export interface LeafFacts {
  /** SHA-256 fingerprint, colon-separated hex (as OpenSSL prints it). */
  readonly fingerprint: string;
  /** ISO 8601. */
  readonly notBefore: string;
  /** ISO 8601. */
  readonly notAfter: string;
  /** The DNS names it presents, lower-cased: its subjectAltName dNSNames, else its subject CN (RFC 6125 §6.4.4). */
  readonly names: readonly string[];
}

/** Read a PEM; undefined when it is not a certificate. */
export function leafFacts(pem: string): LeafFacts | undefined {
  const leaf = leafOf(pem);
  if (leaf === undefined) return undefined;
  const sans = (leaf.subjectAltName ?? "")
    .split(/,\s*/)
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4).toLowerCase());
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(leaf.subject)?.[1]?.toLowerCase();
  return {
    fingerprint: leaf.fingerprint256,
    notBefore: new Date(leaf.validFrom).toISOString(),
    notAfter: new Date(leaf.validTo).toISOString(),
    names: sans.length > 0 ? sans : cn === undefined ? [] : [cn],
  };
}

/**
 * Whether a presented DNS `name` covers `host` (RFC 6125 §6.4): equal ignoring case and a trailing dot, or a `*.`
 * wildcard standing for exactly one whole left-most label (§6.4.3; partial wildcards such as `w*.example.com` are not
 * matched, as the CA/B Forum Baseline Requirements §7.1.4.2 forbid them in public certificates).
 */
export function nameCovers(name: string, host: string): boolean {
  const n = name.toLowerCase().replace(/\.$/, "");
  const h = host.toLowerCase().replace(/\.$/, "");
  if (n === h) return true;
  if (!n.startsWith("*.")) return false;
  const dot = h.indexOf(".");
  return dot > 0 && h.slice(dot + 1) === n.slice(2);
}
