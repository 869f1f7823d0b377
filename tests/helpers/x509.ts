/**
 * The one x509 toolkit of the tests: key pairs, self-signed certificates and CSRs, built with @peculiar/x509 over
 * Node's WebCrypto, loaded through the package's own loader (`provider/util/x509`, which loads reflect-metadata and
 * sets the crypto provider). Every tier uses it instead of setting up crypto by hand.
 */
import { webcrypto } from "node:crypto";
import type * as X509 from "@peculiar/x509";
import { x509 } from "../../provider/util/x509";

export { x509 };

/** The key types the tests need: ECDSA P-256 (fast) or RSA (slow; CAS accepts 2048 bits and more). */
export type KeyType = "ECDSA" | "RSA";

/** The WebCrypto algorithm of a key type, which signs with SHA-256. */
export function signingAlgorithm(
  type: KeyType = "ECDSA",
  rsaBits = 2048,
): webcrypto.RsaHashedKeyGenParams | (webcrypto.EcKeyGenParams & { hash: string }) {
  return type === "RSA"
    ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256", publicExponent: new Uint8Array([1, 0, 1]), modulusLength: rsaBits }
    : { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
}

/** A fresh, exportable signing key pair. */
export async function generateKeys(type: KeyType = "ECDSA", rsaBits = 2048): Promise<webcrypto.CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(signingAlgorithm(type, rsaBits), true, [
    "sign",
    "verify",
  ])) as webcrypto.CryptoKeyPair;
}

/** DER bytes as a PEM block with 64-character lines. */
export function pemOf(label: string, der: ArrayBuffer): string {
  const body = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

/** A certificate and its unencrypted PKCS#8 key, PEM. */
export interface TestCertificate {
  readonly certificate: string;
  readonly privateKey: string;
}

/** Options of {@link selfSignedCertificate}. */
export interface CertificateOptions {
  /** Subject CN. */
  readonly cn: string;
  /** DNS subjectAltNames; none: no SAN extension. */
  readonly dnsNames?: readonly string[];
  /** Start of validity. @default one day before now */
  readonly notBefore?: Date;
  /** End of validity. @default one year after now */
  readonly notAfter?: Date;
  /** Hexadecimal serial number. @default the current time */
  readonly serialNumber?: string;
}

/** A self-signed ECDSA P-256 certificate with its key. */
export async function selfSignedCertificate(options: CertificateOptions): Promise<TestCertificate> {
  const keys = await generateKeys("ECDSA");
  const dnsNames = options.dnsNames ?? [];
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: options.serialNumber ?? Date.now().toString(16),
    name: `CN=${options.cn}`,
    notBefore: options.notBefore ?? new Date(Date.now() - 86_400_000),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * 86_400_000),
    signingAlgorithm: signingAlgorithm("ECDSA"),
    keys,
    extensions:
      dnsNames.length === 0
        ? []
        : [new x509.SubjectAlternativeNameExtension(dnsNames.map((value) => ({ type: "dns" as const, value })))],
  });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return { certificate: cert.toString("pem"), privateKey: pemOf("PRIVATE KEY", pkcs8) };
}

/** Options of {@link certificateRequest}. */
export interface CsrOptions {
  /** The subject as a distinguished name, e.g. `CN=shop.example.com` or `O=No Common Name Ltd`. */
  readonly subject: string;
  /** subjectAltNames (DNS or IP); none: no SAN extension. */
  readonly names?: readonly { readonly type: "dns" | "ip"; readonly value: string }[] | undefined;
  /** @default "ECDSA" */
  readonly keyType?: KeyType | undefined;
  /** RSA modulus length. @default 2048 */
  readonly rsaBits?: number | undefined;
}

/** A generated CSR and the key pair behind it. */
export interface TestCsr {
  readonly pem: string;
  readonly csr: X509.Pkcs10CertificateRequest;
  readonly keys: webcrypto.CryptoKeyPair;
}

/** A PKCS#10 request signed by a fresh key. */
export async function certificateRequest(options: CsrOptions): Promise<TestCsr> {
  const keys = await generateKeys(options.keyType, options.rsaBits);
  const names = options.names ?? [];
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: options.subject,
    keys,
    signingAlgorithm: signingAlgorithm(options.keyType, options.rsaBits),
    extensions: names.length === 0 ? [] : [new x509.SubjectAlternativeNameExtension([...names])],
  });
  return { pem: csr.toString("pem"), csr, keys };
}

/** A leaf certificate with the chain that issued it, each PEM, and the leaf's unencrypted PKCS#8 key. */
export interface TestChain {
  /** The leaf (end-entity) certificate. */
  readonly leaf: string;
  /** The intermediate CA that issued the leaf. */
  readonly intermediate: string;
  /** The self-signed root that issued the intermediate. */
  readonly root: string;
  /** The leaf's private key. */
  readonly privateKey: string;
}

/** A CA certificate's extensions: basicConstraints CA, keyCertSign. */
function caExtensions(): X509.Extension[] {
  return [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ];
}

/** A three-level ECDSA P-256 chain (root → intermediate → leaf) for `dnsNames`; the first name is the leaf's CN. */
export async function certificateChain(options: {
  readonly dnsNames: readonly string[];
  readonly notBefore?: Date;
  readonly notAfter?: Date;
}): Promise<TestChain> {
  const notBefore = options.notBefore ?? new Date(Date.now() - 86_400_000);
  const notAfter = options.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
  const [rootKeys, intermediateKeys, leafKeys] = await Promise.all([generateKeys(), generateKeys(), generateKeys()]);
  const serial = (n: number): string => `${Date.now().toString(16)}0${n}`;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(1),
    name: "CN=Test Root CA",
    notBefore,
    notAfter,
    signingAlgorithm: signingAlgorithm(),
    keys: rootKeys,
    extensions: caExtensions(),
  });
  const intermediate = await x509.X509CertificateGenerator.create({
    serialNumber: serial(2),
    subject: "CN=Test Intermediate CA",
    issuer: root.subject,
    notBefore,
    notAfter,
    signingAlgorithm: signingAlgorithm(),
    publicKey: intermediateKeys.publicKey,
    signingKey: rootKeys.privateKey,
    extensions: caExtensions(),
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(3),
    subject: `CN=${options.dnsNames[0] ?? "leaf"}`,
    issuer: intermediate.subject,
    notBefore,
    notAfter,
    signingAlgorithm: signingAlgorithm(),
    publicKey: leafKeys.publicKey,
    signingKey: intermediateKeys.privateKey,
    extensions: [
      new x509.SubjectAlternativeNameExtension(options.dnsNames.map((value) => ({ type: "dns" as const, value }))),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", leafKeys.privateKey);
  return {
    leaf: leaf.toString("pem"),
    intermediate: intermediate.toString("pem"),
    root: root.toString("pem"),
    privateKey: pemOf("PRIVATE KEY", pkcs8),
  };
}
