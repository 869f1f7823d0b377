/**
 * Checks of an uploaded certificate and key, with Node's own X.509 and key parsers (OpenSSL underneath), so a bad
 * upload fails at preview instead of at `CreateCustomHostname`. Reasons never contain key material.
 */
import { X509Certificate, createPrivateKey, type KeyObject } from "node:crypto";

const CERT_BEGIN = "-----BEGIN CERTIFICATE-----";
const KEY_BEGIN = /-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/;

/** The leaf certificate (first PEM block; a chain may follow), or a reason it cannot be used. */
export function parseCertificate(pem: string): X509Certificate | string {
  if (!pem.includes(CERT_BEGIN)) return `is not a PEM certificate (no "${CERT_BEGIN}" line)`;
  try {
    return new X509Certificate(pem);
  } catch {
    return "is not a parseable PEM X.509 certificate";
  }
}

/** The private key, or a reason it cannot be used (never quoting the key). */
export function parsePrivateKey(pem: string): KeyObject | string {
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem))
    return "is encrypted; ESA needs an unencrypted PEM private key";
  if (!KEY_BEGIN.test(pem)) return 'is not a PEM private key (no "-----BEGIN … PRIVATE KEY-----" line)';
  try {
    return createPrivateKey(pem);
  } catch {
    return "is not a parseable PEM private key";
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

/**
 * True when the certificate is valid for `hostname` as TLS clients match names (RFC 6125, via OpenSSL's
 * `checkHost`). A wildcard hostname (`*.shop.example`) needs that exact wildcard name in the certificate.
 */
export function certificateCovers(cert: X509Certificate, hostname: string): boolean {
  if (hostname.startsWith("*.")) {
    const names = (cert.subjectAltName ?? "").split(/,\s*/).map((entry) => entry.replace(/^DNS:/, "").toLowerCase());
    return names.includes(hostname);
  }
  return cert.checkHost(hostname) !== undefined;
}
