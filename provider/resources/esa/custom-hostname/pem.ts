/**
 * The rules of an uploaded certificate and key (`Certificate` and `PrivateKey` of Create/UpdateCustomHostname, seeds
 * 001 and 002, both PEM), checked with Node's X.509 and key parsers (OpenSSL underneath) so a bad upload fails at
 * preview instead of at `CreateCustomHostname`. Reasons never contain key material.
 *
 * - `certificate` holds PEM certificates only (`../../common/pem`, RFC 7468): the leaf first, then its chain.
 * - The chain (RFC 5246 §7.4.2, RFC 8446 §4.4.2: "the sender's certificate MUST come first", "each following
 *   certificate SHOULD directly certify the one immediately preceding it"; RFC 5280 §6.1 path validation): each block
 *   is issued by the next one (issuer name and signature), no block repeats, and a self-signed root, if given, comes
 *   last. A chain in the wrong order is reported as that, not as a key or name mismatch.
 * - `privateKey` is one unencrypted PEM key (PKCS #8 `PRIVATE KEY`, RFC 7468 §10, or OpenSSL's traditional
 *   `RSA PRIVATE KEY` / `EC PRIVATE KEY`) and belongs to the leaf (its public key is the leaf's).
 * - The leaf may serve TLS: an extended key usage, if present, includes serverAuth (RFC 5280 §4.2.1.12).
 * - The leaf covers the hostname as TLS clients match names (RFC 9525 §6.3): its DNS subjectAltNames only (no
 *   fallback to the subject CN, which RFC 9525 removed and browsers ignore), `*` only as a whole leftmost label
 *   covering one label, and a wildcard hostname needs that same wildcard name.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from "node:crypto";
import { expectPem, splitPem, type PemExpectation } from "../../common/pem";

/** What `certificate` holds: PEM certificate blocks only, leaf first. */
export const CERTIFICATE_PEM: PemExpectation = {
  first: ["CERTIFICATE"],
  rest: ["CERTIFICATE"],
  noun: "a PEM certificate",
  what: "PEM certificates only (-----BEGIN CERTIFICATE----- blocks: the leaf first, then its chain)",
};

/** What `privateKey` holds: one unencrypted key block. */
export const PRIVATE_KEY_PEM: PemExpectation = {
  first: ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"],
  noun: "a PEM private key",
  what: "one unencrypted PEM private key (-----BEGIN PRIVATE KEY-----, or RSA / EC PRIVATE KEY)",
};

/** The certificates of `certificate`, leaf first, or a reason it cannot be used. */
export function parseChain(pem: string): X509Certificate[] | string {
  const blocks = expectPem(pem, CERTIFICATE_PEM);
  if (typeof blocks === "string") return blocks;
  const chain: X509Certificate[] = [];
  for (const block of blocks) {
    try {
      chain.push(new X509Certificate(block.der));
    } catch {
      return `has block ${block.position} that is not a parseable X.509 certificate (RFC 5280 §4.1)`;
    }
  }
  return chain;
}

/** The leaf certificate (first PEM block; a chain may follow), or a reason the value cannot be used. */
export function parseCertificate(pem: string): X509Certificate | string {
  const chain = parseChain(pem);
  return typeof chain === "string" ? chain : (chain[0] ?? "has no certificate");
}

/** The private key, or a reason it cannot be used (naming block labels, never quoting the key). */
export function parsePrivateKey(pem: string): KeyObject | string {
  const blocks = splitPem(pem);
  if (typeof blocks !== "string") {
    if (blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY"))
      return "is encrypted (ENCRYPTED PRIVATE KEY); ESA needs an unencrypted PEM private key";
    if (blocks.length > 1 && blocks.some((b) => b.label === "EC PARAMETERS"))
      return "holds an EC PARAMETERS block besides the key (openssl ecparam -genkey writes it); give the key block alone";
  }
  const key = expectPem(pem, PRIVATE_KEY_PEM);
  if (typeof key === "string") return key;
  try {
    return createPrivateKey(pem);
  } catch {
    return "is not a parseable PEM private key (PKCS #8, RFC 5958; or PKCS #1 / SEC 1)";
  }
}

/** True when the private key belongs to the certificate. */
export function keyMatches(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.checkPrivateKey(key);
  } catch {
    return false;
  }
}

/** The DNS subjectAltNames of a certificate, lower-cased. */
export function dnsNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? "")
    .split(/,\s*/)
    .filter((entry) => entry.startsWith("DNS:"))
    .map((entry) => entry.slice(4).replace(/^"|"$/g, "").toLowerCase());
}

/** True when the certificate is valid for `hostname` as TLS clients match names (RFC 9525 §6.3; see the module). */
export function certificateCovers(cert: X509Certificate, hostname: string): boolean {
  if (hostname.startsWith("*.")) return dnsNames(cert).includes(hostname);
  try {
    return (
      cert.checkHost(hostname, {
        subject: "never",
        wildcards: true,
        partialWildcards: false,
        multiLabelWildcards: false,
      }) !== undefined
    );
  } catch {
    return false;
  }
}

/** True when `parent` issued `child`: its subject is the child's issuer and its key verifies the child's signature. */
export function issued(parent: X509Certificate, child: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

/** A self-signed certificate (a root): it issued itself. */
export function selfSigned(cert: X509Certificate): boolean {
  return issued(cert, cert);
}

/** `block 2 of 3 (subject "CN=R3")`: how a chain failure names a block (subjects are public). */
function block(chain: readonly X509Certificate[], index: number): string {
  return `block ${index + 1} of ${chain.length} (subject ${JSON.stringify(chain[index]?.subject.replace(/\n/g, ", ") ?? "")})`;
}

const ORDER_RULE =
  "the leaf comes first, then each certificate's issuer, a root (if given) last (RFC 5246 §7.4.2, RFC 8446 §4.4.2)";

/** Why the chain's order or links are wrong, or undefined. */
export function chainProblem(chain: readonly X509Certificate[]): string | undefined {
  for (let i = 1; i < chain.length; i++) {
    const repeated = chain.findIndex((c) => c.fingerprint256 === chain[i]?.fingerprint256);
    if (repeated < i) return `has ${block(chain, i)} repeating block ${repeated + 1}; give each certificate once`;
  }
  for (let i = 0; i + 1 < chain.length; i++) {
    const child = chain[i];
    const next = chain[i + 1];
    if (child === undefined || next === undefined || issued(next, child)) continue;
    if (selfSigned(child))
      return `is a chain in the wrong order: ${block(chain, i)} is self-signed (a root), so no certificate may follow it; ${ORDER_RULE}`;
    const issuer = chain.findIndex((c, j) => j !== i && issued(c, child));
    if (issuer >= 0)
      return `is a chain in the wrong order: ${block(chain, i)} is issued by block ${issuer + 1}, not by the block after it; ${ORDER_RULE}`;
    return `is a broken chain: ${block(chain, i)} is not issued by ${block(chain, i + 1)} (its issuer is ${JSON.stringify(child.issuer.replace(/\n/g, ", "))}); add the missing intermediate or remove the block (RFC 5280 §6.1)`;
  }
  return undefined;
}

/** Extended key usages that let a certificate serve TLS: serverAuth and anyExtendedKeyUsage (RFC 5280 §4.2.1.12). */
const SERVER_USAGES = ["1.3.6.1.5.5.7.3.1", "2.5.29.37.0"];

/**
 * Why the leaf cannot serve TLS, or undefined: an extended key usage extension without serverAuth (RFC 5280
 * §4.2.1.12: the certificate "MUST only be used for one of the purposes indicated"; TLS clients refuse it).
 */
export function serverUsageProblem(leaf: X509Certificate): string | undefined {
  const usages = leaf.keyUsage;
  if (usages === undefined || usages.length === 0 || usages.some((u) => SERVER_USAGES.includes(u))) return undefined;
  return `(subject ${JSON.stringify(leaf.subject.replace(/\n/g, ", "))}) is not for TLS servers: its extended key usage (${usages.join(", ")}) lacks serverAuth (RFC 5280 §4.2.1.12)`;
}

/** One failed upload rule: the input it is about and why. */
export interface UploadProblem {
  readonly property: "certificate" | "privateKey";
  readonly reason: string;
}

/**
 * The rules between a parsed chain, its key and the hostname: the key belongs to the first block (a key that belongs
 * to a later block is a chain-order problem), the chain is in order, and the leaf covers the hostname.
 */
export function uploadProblems(
  chain: readonly X509Certificate[],
  key: KeyObject | undefined,
  hostname: string | undefined,
  describeKey: string,
): UploadProblem[] {
  const problems: UploadProblem[] = [];
  const keyIndex = key === undefined ? 0 : chain.findIndex((c) => keyMatches(c, key));
  if (keyIndex < 0) {
    const which = chain.length === 1 ? "the certificate" : `any of the ${chain.length} certificates`;
    problems.push({
      property: "privateKey",
      reason: `privateKey ${describeKey} does not belong to ${which} (its public key differs)`,
    });
  } else if (keyIndex > 0) {
    problems.push({
      property: "certificate",
      reason: `certificate is a chain in the wrong order: privateKey belongs to ${block(chain, keyIndex)}, which must come first; ${ORDER_RULE}`,
    });
  }
  if (keyIndex <= 0) {
    const order = chainProblem(chain);
    if (order !== undefined) problems.push({ property: "certificate", reason: `certificate ${order}` });
  }
  const leaf = chain[Math.max(keyIndex, 0)];
  const usage = leaf === undefined ? undefined : serverUsageProblem(leaf);
  if (usage !== undefined) problems.push({ property: "certificate", reason: `certificate ${usage}` });
  if (leaf !== undefined && hostname !== undefined && !certificateCovers(leaf, hostname)) {
    const names = dnsNames(leaf);
    const shown =
      names.length === 0
        ? "no DNS subjectAltName (TLS clients match names only there, RFC 9525 §6.3)"
        : `names ${JSON.stringify(names.join(", ").slice(0, 120))}`;
    problems.push({
      property: "certificate",
      reason: `certificate (subject ${JSON.stringify(leaf.subject.replace(/\n/g, ", "))}, ${shown}) does not cover hostname ${JSON.stringify(hostname)}`,
    });
  }
  return problems;
}
