/**
 * Key and CSR generation with @peculiar/x509 on Node's WebCrypto (no hand-written ASN.1). Import `reflect-metadata`
 * before this module (x509's dependency tsyringe needs the Reflect metadata API): see index.ts.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** A key pair as PEM: PKCS#8 private key (keep it secret) and SPKI public key. */
export interface PemKeyPair {
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
}

/** Generate an ECDSA P-256 key pair (what CAS accepts besides RSA ≥ 2048). */
export function generateKeyPair(): PemKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

const ECDSA = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/**
 * A PEM CSR for `commonName` (plus `extraNames` as DNS subjectAltNames) signed with the given P-256 key. ECDSA
 * signatures are randomized, so the PEM differs on every call; the provider compares CSRs by what they ask for.
 */
export async function createCsr(
  keys: PemKeyPair,
  commonName: string,
  extraNames: readonly string[] = [],
): Promise<string> {
  const subtle = webcrypto.subtle;
  const pkcs8 = createPrivateKey(keys.privateKeyPem).export({ type: "pkcs8", format: "der" });
  const spki = createPublicKey(keys.publicKeyPem).export({ type: "spki", format: "der" });
  const privateKey = await subtle.importKey("pkcs8", pkcs8, ECDSA, false, ["sign"]);
  const publicKey = await subtle.importKey("spki", spki, ECDSA, true, ["verify"]);
  const names = [commonName, ...extraNames].map((value) => ({ type: "dns" as const, value }));
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${commonName}`,
    keys: { privateKey, publicKey } as unknown as Parameters<
      typeof x509.Pkcs10CertificateRequestGenerator.create
    >[0]["keys"],
    signingAlgorithm: ECDSA,
    extensions: [new x509.SubjectAlternativeNameExtension(names)],
  });
  return csr.toString("pem");
}
