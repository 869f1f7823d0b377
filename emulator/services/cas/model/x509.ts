import "reflect-metadata"; // before @peculiar/x509 (tsyringe needs Reflect metadata at load time)
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  type KeyObject,
} from "node:crypto";
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
  type Extension,
} from "@peculiar/x509";
import {
  bitString,
  explicit,
  fromPem,
  integer,
  oid,
  readChildren,
  readNode,
  sequence,
  set,
  time,
  toPem,
  utf8String,
} from "./der";
import { DAY_MS, notAfterFor } from "../../../core/ca-schedule";
import type { CasCa, CasCertificate } from "../state";

/** Common name of the emulator's root CA (the issuer of every certificate the emulator issues). */
export const CA_COMMON_NAME = "Alibaba Cloud Emulator Root CA";

const ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
const OID_COMMON_NAME = "2.5.4.3";
const OID_ORGANIZATION = "2.5.4.10";
const CA_VALIDITY_MS = 20 * 365 * DAY_MS;

/** X.500 Name with the given RDNs, each a single UTF8String attribute. */
function x500Name(rdns: readonly (readonly [string, string])[]): Buffer {
  return sequence(...rdns.map(([type, value]) => set(sequence(oid(type), utf8String(value)))));
}

/** The subject key identifier of an SPKI: SHA-1 over the subjectPublicKey bits (RFC 5280 §4.2.1.2 method 1). */
export function keyIdentifier(spkiDer: Buffer): string {
  const [, bits] = readChildren(readNode(spkiDer));
  if (bits === undefined || bits.tag !== 0x03) throw new Error("malformed SubjectPublicKeyInfo");
  return createHash("sha1").update(bits.content.subarray(1)).digest("hex");
}

/** A positive 128-bit serial with the high bit cleared, so it encodes in 16 bytes. */
function randomSerial(): Buffer {
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x01;
  return serial;
}

/** Whole seconds: X.509 times carry no milliseconds, and the API's ms fields must match the certificate. */
function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}

interface CertificateBody {
  readonly issuer: Buffer;
  readonly subject: Buffer;
  readonly spki: Buffer;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly extensions: readonly Extension[];
}

/** Assemble TBSCertificate, sign it with the (P-256) CA key, and wrap it into a Certificate. */
function signCertificate(body: CertificateBody, signer: KeyObject): Buffer {
  const algorithm = sequence(oid(ECDSA_WITH_SHA256));
  const tbs = sequence(
    explicit(0, integer(2)),
    integer(randomSerial()),
    algorithm,
    body.issuer,
    sequence(time(body.notBefore), time(body.notAfter)),
    body.subject,
    body.spki,
    explicit(3, sequence(...body.extensions.map((e) => Buffer.from(e.rawData)))),
  );
  return sequence(tbs, algorithm, bitString(sign("sha256", tbs, signer)));
}

/** Generate the emulator's self-signed root (ECDSA P-256), valid for 20 years from `nowMs`. */
export function createCa(nowMs: number): CasCa {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const spki = publicKey.export({ type: "spki", format: "der" });
  const keyId = keyIdentifier(spki);
  const name = x500Name([
    [OID_ORGANIZATION, "Alibaba Cloud Emulator"],
    [OID_COMMON_NAME, CA_COMMON_NAME],
  ]);
  // Backdated a day so certificates issued "now" in simulated time are always inside the root's validity.
  const notBefore = floorToSecond(nowMs - DAY_MS);
  const notAfter = floorToSecond(nowMs + CA_VALIDITY_MS);
  const der = signCertificate(
    {
      issuer: name,
      subject: name,
      spki,
      notBefore,
      notAfter,
      extensions: [
        new BasicConstraintsExtension(true, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        new SubjectKeyIdentifierExtension(keyId),
        new AuthorityKeyIdentifierExtension(keyId),
      ],
    },
    privateKey,
  );
  return {
    commonName: CA_COMMON_NAME,
    certPem: toPem(der, "CERTIFICATE"),
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    keyId,
    notBefore,
    notAfter,
  };
}

/** What a leaf certificate is issued for. */
export interface LeafRequest {
  /** DER SubjectPublicKeyInfo of the requester's key (from the CSR). */
  readonly spki: Buffer;
  readonly commonName: string;
  /** DNS names for the SAN extension (must include the CN). */
  readonly sans: readonly string[];
  readonly keyAlgorithm: "RSA" | "ECC";
  /** The instant of issuance (simulated epoch ms); notBefore is its second, never earlier (no backdating). */
  readonly notBefore: number;
  /** The validity period in days, notBefore through notAfter inclusive (RFC 5280 §4.1.2.5; BR §6.3.2). */
  readonly validityDays: number;
}

/** Issue a TLS server certificate for `request`, signed by `ca`; returns the leaf PEM. */
export function issueLeaf(ca: CasCa, request: LeafRequest): string {
  const issuerName = subjectNameOf(ca.certPem);
  // The second of issuance: X.509 times have no milliseconds, and flooring never moves notBefore before it.
  const notBefore = floorToSecond(request.notBefore);
  // RSA keys also do key transport in TLS 1.2 (keyEncipherment); EC keys only sign.
  const usages =
    request.keyAlgorithm === "RSA"
      ? KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment
      : KeyUsageFlags.digitalSignature;
  const der = signCertificate(
    {
      issuer: issuerName,
      subject: x500Name([[OID_COMMON_NAME, request.commonName]]),
      spki: request.spki,
      notBefore,
      notAfter: notAfterFor(notBefore, request.validityDays),
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(usages, true),
        new ExtendedKeyUsageExtension([ExtendedKeyUsage.serverAuth]),
        new SubjectAlternativeNameExtension(request.sans.map((value) => ({ type: "dns" as const, value }))),
        new SubjectKeyIdentifierExtension(keyIdentifier(request.spki)),
        new AuthorityKeyIdentifierExtension(ca.keyId),
      ],
    },
    createPrivateKey(ca.keyPem),
  );
  return toPem(der, "CERTIFICATE");
}

/**
 * Seeded "uploaded" certificates stand for certificates bought elsewhere (any CA, private ones included): a year, so
 * they outlive simulated-time tests. They are not issued under the emulator CA's schedule.
 */
export const UPLOADED_VALIDITY_DAYS = 365;

/** Issue a certificate for a freshly generated P-256 key (seeded "uploaded" certificates without a PEM). */
export function issueWithNewKey(
  ca: CasCa,
  commonName: string,
  sans: readonly string[],
  notBefore: number,
): { pem: string; key: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const pem = issueLeaf(ca, {
    spki: publicKey.export({ type: "spki", format: "der" }),
    commonName,
    sans,
    keyAlgorithm: "ECC",
    notBefore,
    validityDays: UPLOADED_VALIDITY_DAYS,
  });
  return { pem, key: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}

/** The DER subject Name of a PEM certificate (TBSCertificate field 6: version, serial, alg, issuer, validity, subject). */
function subjectNameOf(pem: string): Buffer {
  const [tbs] = readChildren(readNode(fromPemStrict(pem)));
  const subject = tbs === undefined ? undefined : readChildren(tbs)[5];
  if (subject === undefined) throw new Error("malformed certificate");
  return subject.raw;
}

function fromPemStrict(pem: string): Buffer {
  const der = fromPem(pem, ["CERTIFICATE"]);
  if (der === undefined) throw new Error("not a PEM certificate");
  return der;
}

/** The facts CAS shows about a certificate, read from its PEM (the stored certificate's fields of that name). */
export type CertificateFacts = Pick<
  CasCertificate,
  "commonName" | "sans" | "notBefore" | "notAfter" | "issuer" | "algorithm" | "fingerprint" | "sha2" | "serialNo"
>;

/** Parse a PEM certificate (throws when it is not one). */
export function certificateFacts(pem: string): CertificateFacts {
  const der = fromPemStrict(pem);
  const cert = new X509Certificate(der);
  const san = cert.getExtension(SubjectAlternativeNameExtension);
  const sans = san === null ? [] : san.names.items.filter((n) => n.type === "dns").map((n) => n.value.toLowerCase());
  const commonName = (cert.subjectName.getField("CN")[0] ?? sans[0] ?? "").toLowerCase();
  return {
    commonName,
    sans: sans.length > 0 ? sans : [commonName],
    notBefore: cert.notBefore.getTime(),
    notAfter: cert.notAfter.getTime(),
    issuer: cert.issuerName.getField("CN")[0] ?? cert.issuer,
    algorithm:
      createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: "der", type: "spki" }).asymmetricKeyType ===
      "ec"
        ? "ECC"
        : "RSA",
    fingerprint: createHash("sha1").update(der).digest("hex").toUpperCase(),
    sha2: createHash("sha256").update(der).digest("hex").toUpperCase(),
    serialNo: cert.serialNumber.toLowerCase(),
  };
}
