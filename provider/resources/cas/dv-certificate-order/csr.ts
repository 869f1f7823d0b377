/**
 * CSR inspection for `check`, with @peculiar/x509 (PKCS#10 parsing, SAN extension, self-signature). This module is
 * loaded lazily (`await import`) by the check so that programs and previews that never check a CSR do not load x509.
 */
import { createPublicKey } from "node:crypto";
import { type Pkcs10CertificateRequest as CsrType } from "@peculiar/x509";
import { x509 } from "../../../util/x509"; // loads reflect-metadata and sets Node's WebCrypto first
import { expectPem, type PemExpectation } from "../../common/pem";

const { Pkcs10CertificateRequest, SubjectAlternativeNameExtension } = x509;
type Pkcs10CertificateRequest = CsrType;

/** What CreateCertificateWithCsrRequest takes from a CSR, and whether CAS would accept it. */
export interface CsrFacts {
  /** The subject CN, lower-cased, as written (the domain the order is for), or undefined when the CSR has none. */
  readonly commonName: string | undefined;
  /** Every CN attribute of the subject, as written (a CSR may carry several; CAS reads one). */
  readonly commonNames: readonly string[];
  /** How many subjectAltName entries the request asks for (DNS and others). */
  readonly sanCount: number;
  /** Every DNS name the certificate will carry: the CN first, then the SANs (lower-cased, deduplicated). */
  readonly dnsNames: readonly string[];
  /** subjectAltName entries that are not DNS names (`ip:…`, `email:…`): a DV order cannot validate them. */
  readonly otherNames: readonly string[];
  /** `RSA 2048`, `EC P-256`, … */
  readonly keyDescription: string;
  /** True for RSA ≥ 2048 bits or ECC on P-256/P-384/P-521 (the key types CAS documents). */
  readonly keyAccepted: boolean;
  /** True when the request's self-signature verifies with its own public key (the requester holds the key). */
  readonly signatureValid: boolean;
  /**
   * Everything the request asks for except its signature (public key, subject, extensions). Two CSRs with the same
   * identity ask for the same certificate; ECDSA signatures differ on every signing, so this is what diffs compare.
   */
  readonly identity: string;
}

/**
 * What `csr` holds (RFC 7468 §7, RFC 2986): one PEM certificate request and nothing else. A second request or text
 * after the first would be sent as part of `Csr`, and CAS orders only what it reads first.
 */
export const CSR_PEM: PemExpectation = {
  first: ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"],
  noun: "a PEM certificate request",
  what: "one PEM certificate request (-----BEGIN CERTIFICATE REQUEST-----) and nothing else",
};
const ACCEPTED_CURVES: Readonly<Record<string, string>> = {
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521",
};

/** Parse a PEM CSR. Returns a reason (no PEM body is ever quoted) when it is not a readable PKCS#10 request. */
export async function inspectCsr(pem: string): Promise<CsrFacts | { readonly unreadable: string }> {
  const blocks = expectPem(pem, CSR_PEM);
  if (typeof blocks === "string") return { unreadable: blocks };
  let csr: Pkcs10CertificateRequest;
  try {
    csr = new Pkcs10CertificateRequest(blocks[0]?.der ?? Buffer.alloc(0));
  } catch {
    return { unreadable: "has a PEM header but its body is not a valid PKCS#10 certificate request" };
  }
  const spki = Buffer.from(csr.publicKey.rawData);
  const key = describeKey(spki);
  const commonNames = csr.subjectName.getField("CN");
  // Not trimmed: the CN is signed into the request as written, and CAS reads it so.
  const commonName = commonNames[0]?.toLowerCase() || undefined;
  const sanExtension = csr.getExtension("2.5.29.17");
  const sans = sanExtension === null ? [] : new SubjectAlternativeNameExtension(sanExtension.rawData).names.items;
  const dnsNames = [
    ...new Set([
      ...(commonName === undefined ? [] : [commonName]),
      ...sans.filter((n) => n.type === "dns").map((n) => n.value.toLowerCase()),
    ]),
  ];
  const otherNames = sans.filter((n) => n.type !== "dns").map((n) => `${n.type}:${n.value}`);
  const identity = [
    spki.toString("base64"),
    csr.subject,
    ...csr.extensions.map((e) => Buffer.from(e.rawData).toString("base64")),
  ].join("|");
  return {
    commonName,
    commonNames,
    sanCount: sans.length,
    dnsNames,
    otherNames,
    ...key,
    signatureValid: await verifies(csr),
    identity,
  };
}

function describeKey(spki: Buffer): { keyDescription: string; keyAccepted: boolean } {
  try {
    const key = createPublicKey({ key: spki, format: "der", type: "spki" });
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === "rsa") {
      const bits = details.modulusLength ?? 0;
      return { keyDescription: `RSA ${bits}`, keyAccepted: bits >= 2048 };
    }
    if (key.asymmetricKeyType === "ec") {
      const curve = details.namedCurve ?? "unknown curve";
      return { keyDescription: `EC ${ACCEPTED_CURVES[curve] ?? curve}`, keyAccepted: curve in ACCEPTED_CURVES };
    }
    return { keyDescription: key.asymmetricKeyType ?? "unknown", keyAccepted: false };
  } catch {
    return { keyDescription: "unreadable key", keyAccepted: false };
  }
}

async function verifies(csr: Pkcs10CertificateRequest): Promise<boolean> {
  // The shared loader set Node's WebCrypto as x509's provider (the global `crypto` a host may lack or replace).
  try {
    return await csr.verify();
  } catch {
    return false;
  }
}
