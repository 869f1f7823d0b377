/** Certificate checks for uploaded certificates and the free (ACME) certificate's DCV tokens. */
import { X509Certificate, createHash, createPrivateKey, type KeyObject } from "node:crypto";
import { certificateDomainNotMatch, certificateInvalid, certificateKeyNotMatch, privateKeyInvalid } from "../errors";
import { certNameCovers } from "./hostname";

/** What ESA keeps from a verified upload. */
export interface UploadedCertificate {
  notAfter: number;
  /** ESA-internal certificate id: the SHA-256 fingerprint's first 32 hex digits (the doc's CertId is 32 hex). */
  certId: string;
}

/** DNS names a certificate is valid for: its dNSName SANs, or the subject CN when it has none (RFC 6125 fallback). */
export function certificateNames(cert: X509Certificate): string[] {
  const san = cert.subjectAltName;
  if (san) {
    const dns = san
      .split(/,\s*/)
      .filter((entry) => entry.startsWith("DNS:"))
      .map((entry) => entry.slice(4).replace(/^"|"$/g, ""));
    if (dns.length > 0) return dns;
  }
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject);
  return cn?.[1] ? [cn[1]] : [];
}

/**
 * Validates an upload the way ESA must before it can serve it: the certificate and key parse, the key belongs to
 * the certificate (node's `checkPrivateKey`), and the certificate covers `hostname`. Only the leaf (first PEM block)
 * is examined; a chain may follow it.
 */
export function verifyUpload(certificatePem: string, privateKeyPem: string, hostname: string): UploadedCertificate {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificatePem);
  } catch {
    throw certificateInvalid();
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw privateKeyInvalid();
  }
  let matches: boolean;
  try {
    matches = cert.checkPrivateKey(key);
  } catch {
    matches = false;
  }
  if (!matches) throw certificateKeyNotMatch();
  if (!certificateNames(cert).some((name) => certNameCovers(name, hostname))) {
    throw certificateDomainNotMatch(hostname);
  }
  return {
    notAfter: Date.parse(cert.validTo),
    certId: cert.fingerprint256.replace(/:/g, "").toLowerCase().slice(0, 32),
  };
}

function digest(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** The ownership TXT value: `verify_` + 32 hex, deterministic per hostname id (doc example `verify_16ab…`). */
export function verifyCodeFor(hostnameId: string): string {
  return `verify_${digest(`esa-verify:${hostnameId}`).toString("hex").slice(0, 32)}`;
}

/** ACME-style DCV material for one free-certificate application. */
export interface DcvChallenge {
  txtKey: string;
  txtValue: string;
  /** Absent for wildcard hostnames: HTTP-01 cannot validate wildcards. */
  httpKey: string | null;
  httpValue: string | null;
}

/** DCV records for application number `attempt` (a new application gets new tokens, as with a new ACME order). */
export function dcvChallenge(hostnameId: string, hostname: string, attempt: number): DcvChallenge {
  const base = hostname.startsWith("*.") ? hostname.slice(2) : hostname;
  const token = digest(`esa-acme-token:${hostnameId}:${attempt}`).toString("base64url");
  const thumbprint = digest(`esa-acme-account:${hostnameId}`).toString("base64url");
  const wildcard = base !== hostname;
  return {
    txtKey: `_acme-challenge.${base}`,
    txtValue: digest(`esa-acme-dns:${hostnameId}:${attempt}`).toString("base64url"),
    httpKey: wildcard ? null : `http://${base}/.well-known/acme-challenge/${token}`,
    httpValue: wildcard ? null : `${token}.${thumbprint}`,
  };
}

/** The ESA-internal id of an issued free certificate (32 hex, like the doc's `baba2c9e…`). */
export function freeCertId(hostnameId: string, attempt: number): string {
  return digest(`esa-free-cert:${hostnameId}:${attempt}`).toString("hex").slice(0, 32);
}
