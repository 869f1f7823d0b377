/**
 * Self-signed certificates for the esa.CustomHostname tests of every tier (generated with @peculiar/x509 over
 * WebCrypto).
 */
import { webcrypto } from "node:crypto";
import type * as X509 from "@peculiar/x509";
import { x509 as sharedX509 } from "../../provider/util/x509";

/** A certificate and its key, PEM. */
export interface TestCertificate {
  readonly certificate: string;
  readonly privateKey: string;
}

/** @peculiar/x509, loaded through the package's shared loader (it loads reflect-metadata first). */
function loadX509(): Promise<typeof X509> {
  return Promise.resolve(sharedX509);
}

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };

/** A self-signed ECDSA P-256 certificate for `names` (SANs; the first is the CN), valid for `days` from yesterday. */
export async function selfSignedCertificate(names: readonly string[], days = 365): Promise<TestCertificate> {
  const lib = await loadX509();
  const keys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
  const cert = await lib.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16),
    name: `CN=${names[0] ?? "test"}`,
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + days * 86_400_000),
    signingAlgorithm: ALG,
    keys: keys as Parameters<typeof lib.X509CertificateGenerator.createSelfSigned>[0]["keys"],
    extensions: [new lib.SubjectAlternativeNameExtension(names.map((value) => ({ type: "dns" as const, value })))],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey("pkcs8", keys.privateKey)).toString("base64");
  const body = pkcs8.replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return {
    certificate: cert.toString("pem"),
    privateKey: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`,
  };
}
