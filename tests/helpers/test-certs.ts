/**
 * Self-signed certificates for the esa.CustomHostname tests of every tier (generated with @peculiar/x509 over
 * WebCrypto).
 */
import { webcrypto } from "node:crypto";
import type * as X509 from "@peculiar/x509";

/** A certificate and its key, PEM. */
export interface TestCertificate {
  readonly certificate: string;
  readonly privateKey: string;
}

/** tsyringe (inside @peculiar/x509) needs a Reflect metadata API; this minimal one is all its decorators use. */
function installReflectMetadata(): void {
  const r = Reflect as unknown as Record<string, unknown>;
  if (typeof r["getMetadata"] === "function") return;
  const store = new WeakMap<object, Map<unknown, unknown>>();
  const own = (target: object): Map<unknown, unknown> => {
    const found = store.get(target) ?? new Map<unknown, unknown>();
    store.set(target, found);
    return found;
  };
  const lookup = (key: unknown, target: object | null): unknown => {
    for (let t = target; t; t = Object.getPrototypeOf(t) as object | null) {
      const m = store.get(t);
      if (m?.has(key)) return m.get(key);
    }
    return undefined;
  };
  r["defineMetadata"] = (key: unknown, value: unknown, target: object) => own(target).set(key, value);
  r["metadata"] = (key: unknown, value: unknown) => (target: object) => own(target).set(key, value);
  r["getOwnMetadata"] = (key: unknown, target: object) => store.get(target)?.get(key);
  r["hasOwnMetadata"] = (key: unknown, target: object) => store.get(target)?.has(key) ?? false;
  r["getMetadata"] = lookup;
  r["hasMetadata"] = (key: unknown, target: object) => lookup(key, target) !== undefined;
}

let x509: Promise<typeof X509> | undefined;
function loadX509(): Promise<typeof X509> {
  installReflectMetadata();
  x509 ??= import("@peculiar/x509").then((m) => {
    m.cryptoProvider.set(webcrypto as unknown as Parameters<typeof m.cryptoProvider.set>[0]);
    return m;
  });
  return x509;
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
