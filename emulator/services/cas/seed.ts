import type { ServiceContext } from "../../core/contract";
import { certificateFacts, issueWithNewKey, type CertificateFacts } from "./model/x509";
import { ensureCa } from "./lifecycle";
import { findProduct, productCodes } from "./model/products";
import type { CasPackage, CasState } from "./state";
import { isValidDomain } from "./params";

/**
 * The default CAS seed: DV resource plans for every documented product code (wildcard ones included), nothing used.
 *
 * Seed shape: `{ packages?: [{ productCode, total, used? }], certificates?: [{ certId, commonName?, sans?, name?,
 * pem?, key? }] }`. Certificates are "uploaded" certificates that exist from the start (GA tests reference them);
 * without `pem` the emulator CA issues one for a fresh P-256 key.
 */
export const defaultCasSeed = {
  packages: [
    { productCode: "digicert-free-1-free", total: 20, used: 0 },
    { productCode: "symantec-free-1-free", total: 5, used: 0 },
    { productCode: "symantec-dv-1-starter", total: 2, used: 0 },
    { productCode: "geotrust-dv-1-starter", total: 2, used: 0 },
    { productCode: "geotrust-dv-w-starter", total: 2, used: 0 },
    { productCode: "globalsign-dv-1-personal", total: 2, used: 0 },
    { productCode: "globalsign-dv-w-advanced", total: 2, used: 0 },
  ],
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(message: string): never {
  throw new Error(`cas: ${message}`);
}

function onlyKeys(where: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${where}: unknown field "${key}"`);
}

function count(where: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0)
    fail(`${where} must be a non-negative integer`);
  return value;
}

function optionalString(where: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") fail(`${where} must be a string`);
  return value;
}

/** Validate a package entry (also used by the `setQuota` control). */
export function parsePackage(where: string, raw: unknown): CasPackage {
  if (!isRecord(raw)) fail(`${where} must be an object`);
  onlyKeys(where, raw, ["productCode", "total", "used"]);
  const productCode = raw["productCode"];
  if (typeof productCode !== "string" || findProduct(productCode) === undefined) {
    fail(`${where}.productCode must be one of ${productCodes().join(", ")}`);
  }
  const total = count(`${where}.total`, raw["total"]);
  const used = raw["used"] === undefined ? 0 : count(`${where}.used`, raw["used"]);
  if (used > total) fail(`${where}.used must not exceed total`);
  return { productCode, total, used };
}

interface SeedCertificate {
  readonly certId: string;
  readonly name: string | undefined;
  readonly pem: string | undefined;
  readonly key: string;
  readonly commonName: string | undefined;
  readonly sans: readonly string[] | undefined;
}

function parseCertId(where: string, value: unknown): string {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === "string" && /^[1-9]\d{0,17}$/.test(value)) return value;
  return fail(`${where} must be a positive integer (number or decimal string)`);
}

function parseCertificate(where: string, raw: unknown): SeedCertificate {
  if (!isRecord(raw)) fail(`${where} must be an object`);
  onlyKeys(where, raw, ["certId", "commonName", "sans", "name", "pem", "key"]);
  const commonName = optionalString(`${where}.commonName`, raw["commonName"])?.toLowerCase();
  const pem = optionalString(`${where}.pem`, raw["pem"]);
  if (pem === undefined && commonName === undefined) fail(`${where} needs a commonName or a pem`);
  if (commonName !== undefined && !isValidDomain(commonName)) fail(`${where}.commonName is not a domain name`);
  let sans: string[] | undefined;
  if (raw["sans"] !== undefined) {
    const list = raw["sans"];
    if (!Array.isArray(list) || !list.every((s): s is string => typeof s === "string" && isValidDomain(s))) {
      fail(`${where}.sans must be a list of domain names`);
    }
    sans = list.map((s) => s.toLowerCase());
  }
  return {
    certId: parseCertId(`${where}.certId`, raw["certId"]),
    name: optionalString(`${where}.name`, raw["name"]),
    pem,
    key: optionalString(`${where}.key`, raw["key"]) ?? "",
    commonName,
    sans,
  };
}

function factsOf(where: string, pem: string): CertificateFacts {
  try {
    return certificateFacts(pem);
  } catch {
    return fail(`${where}.pem is not a PEM certificate`);
  }
}

/** Merge a CAS seed section into `state` (validated as a whole first, so a bad seed changes nothing). */
export function applyCasSeed(state: CasState, seed: unknown, ctx: ServiceContext): void {
  if (seed === undefined || seed === null) return;
  if (!isRecord(seed)) fail("the cas section must be an object");
  onlyKeys("cas", seed, ["packages", "certificates"]);
  const rawPackages = seed["packages"] ?? [];
  const rawCertificates = seed["certificates"] ?? [];
  if (!Array.isArray(rawPackages)) fail("packages must be a list");
  if (!Array.isArray(rawCertificates)) fail("certificates must be a list");
  const packages = rawPackages.map((p: unknown, i) => parsePackage(`packages[${i}]`, p));
  const certificates = rawCertificates.map((c: unknown, i) => parseCertificate(`certificates[${i}]`, c));
  const seen = new Set<string>();
  for (const [i, c] of certificates.entries()) {
    if (seen.has(c.certId) || state.certificates[c.certId] !== undefined)
      fail(`certificates[${i}]: duplicate certId ${c.certId}`);
    seen.add(c.certId);
  }
  const facts = certificates.map((c, i) => (c.pem === undefined ? undefined : factsOf(`certificates[${i}]`, c.pem)));

  for (const pkg of packages) state.packages[pkg.productCode] = pkg;
  const now = ctx.clock.now();
  certificates.forEach((c, i) => {
    let pem = c.pem;
    let key = c.key;
    let known = facts[i];
    if (pem === undefined || known === undefined) {
      const commonName = c.commonName ?? "";
      const sans = [...new Set([commonName, ...(c.sans ?? [])])];
      const issued = issueWithNewKey(ensureCa(state, now), commonName, sans, now);
      pem = issued.pem;
      key = issued.key;
      known = certificateFacts(pem);
    }
    state.certificates[c.certId] = {
      certId: c.certId,
      orderId: null,
      instanceId: `cas-upload-${Number(c.certId).toString(36)}`,
      source: "uploaded",
      name: c.name ?? `cert-${c.certId}`,
      pem,
      key,
      ...known,
      revoked: false,
    };
  });
}
