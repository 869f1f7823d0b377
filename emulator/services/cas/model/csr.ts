import "reflect-metadata"; // before @peculiar/x509 (tsyringe needs Reflect metadata at load time)
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { Pkcs10CertificateRequest, SubjectAlternativeNameExtension } from "@peculiar/x509";
import { decodeOid, fromPem, readChildren, readNode } from "./der";
import { CasErrors } from "../errors";
import { isValidDomain } from "../params";

/** What CreateCertificateWithCsrRequest takes from a CSR. */
export interface ParsedCsr {
  /** The CN, lower-cased: the domain the certificate is for. */
  readonly commonName: string;
  /** The CN first, then the other DNS SANs of the extension request (deduplicated, lower-cased). */
  readonly sans: readonly string[];
  readonly keyAlgorithm: "RSA" | "ECC";
  /** DER SubjectPublicKeyInfo: the issued certificate carries exactly this key. */
  readonly spki: Buffer;
}

/** Signature algorithms a PKCS#10 request may be signed with → the node:crypto digest to verify with. */
const SIGNATURE_HASHES: Readonly<Record<string, string>> = {
  "1.2.840.113549.1.1.5": "sha1", // sha1WithRSAEncryption
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.4.1": "sha1", // ecdsa-with-SHA1
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};

const ACCEPTED_CURVES = new Set(["prime256v1", "secp384r1", "secp521r1"]);
const MAX_SANS = 100;

function bad(detail: string): never {
  throw CasErrors.invalidParameter(`Csr: ${detail}`);
}

/** The key type rule of the doc: RSA of at least 2048 bits, or ECC (NIST curves). */
function keyAlgorithmOf(key: KeyObject): "RSA" | "ECC" {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") {
    if ((details.modulusLength ?? 0) < 2048) bad("the RSA key must be at least 2048 bits.");
    return "RSA";
  }
  if (key.asymmetricKeyType === "ec" && details.namedCurve !== undefined && ACCEPTED_CURVES.has(details.namedCurve)) {
    return "ECC";
  }
  return bad("the key algorithm must be RSA or ECC.");
}

/** Check the request's self-signature (proof that the requester holds the private key). */
function verifySelfSignature(der: Buffer, key: KeyObject): void {
  const [info, algorithm, signature] = readChildren(readNode(der));
  const algorithmOid = algorithm === undefined ? undefined : readChildren(algorithm)[0];
  if (info === undefined || algorithmOid === undefined || signature === undefined || signature.tag !== 0x03) {
    bad("the request is malformed.");
  }
  const hash = SIGNATURE_HASHES[decodeOid(algorithmOid.content)];
  if (hash === undefined) bad("unsupported signature algorithm.");
  const ok = verify(hash, info.raw, key, signature.content.subarray(1));
  if (!ok) bad("the signature does not verify.");
}

/** The DNS SANs of the extension request (only dNSName entries are acceptable in a DV request). */
function requestedSans(csr: Pkcs10CertificateRequest): string[] {
  const ext = csr.getExtension("2.5.29.17");
  if (ext === null) return [];
  const names = new SubjectAlternativeNameExtension(ext.rawData).names.items;
  return names.map((n) => {
    if (n.type !== "dns") bad("only DNS names are allowed in subjectAltName.");
    return n.value.toLowerCase();
  });
}

/**
 * Parse and check a PEM CSR as CreateCertificateWithCsrRequest does: well-formed, self-signature valid, RSA ≥ 2048 or
 * ECC, a CN that is a domain name, SANs that are domain names. Throws `InvalidParameter` otherwise.
 */
export function parseCsr(pem: string): ParsedCsr {
  const der = fromPem(pem, ["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]);
  if (der === undefined) bad("not a PEM certificate request.");
  let csr: Pkcs10CertificateRequest;
  let key: KeyObject;
  try {
    csr = new Pkcs10CertificateRequest(der);
    key = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: "der", type: "spki" });
  } catch {
    return bad("the request is malformed.");
  }
  const keyAlgorithm = keyAlgorithmOf(key);
  verifySelfSignature(der, key);
  const commonName = csr.subjectName.getField("CN")[0]?.toLowerCase();
  if (commonName === undefined || commonName === "") bad("the CN field (the domain name) is missing.");
  if (!isValidDomain(commonName)) bad(`the CN "${commonName}" is not a valid domain name.`);
  const sans = [...new Set([commonName, ...requestedSans(csr)])];
  if (sans.length > MAX_SANS) bad(`at most ${MAX_SANS} domain names are allowed.`);
  for (const san of sans) if (!isValidDomain(san)) bad(`"${san}" is not a valid domain name.`);
  return { commonName, sans, keyAlgorithm, spki: Buffer.from(csr.publicKey.rawData) };
}
