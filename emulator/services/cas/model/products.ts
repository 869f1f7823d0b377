/**
 * The DV product codes CreateCertificateWithCsrRequest documents (SDK 3.0.0 `ProductCode` remarks), with the facts
 * the listings need. Only these can hold a package: the operation is DV-only.
 */

/** What the emulator knows about one DV product code. */
export interface CasProduct {
  readonly code: string;
  readonly name: string;
  readonly brand: string;
  /** True for the wildcard products (the only ones that accept a `*.` CN or SAN). */
  readonly wildcard: boolean;
  /** `CertType` in ListUserCertificateOrder: the China-site free trials are `FREE`, the rest `DV`. */
  readonly certType: "FREE" | "DV";
  /**
   * The validity the product is sold with, in days, before the CA/B Forum cap (core/ca-schedule.ts) shortens it: the
   * 3-month free trial is 90 days ("valid for three months", Alibaba's certificate guide); the others are 1-year
   * products (365 days, chosen for "1 year"), which since ballot SC-081 the CA issues for the cap instead.
   */
  readonly validityDays: number;
}

/** A 3-month product's validity period. */
const THREE_MONTHS = 90;
/** A 1-year product's validity period (before the cap). */
const ONE_YEAR = 365;

const PRODUCT_LIST: readonly CasProduct[] = [
  {
    code: "digicert-free-1-free",
    name: "DigiCert DV 3-month free trial",
    brand: "DigiCert",
    wildcard: false,
    certType: "FREE",
    validityDays: THREE_MONTHS,
  },
  {
    code: "symantec-free-1-free",
    name: "DigiCert DV 1-year free trial",
    brand: "DigiCert",
    wildcard: false,
    certType: "FREE",
    validityDays: ONE_YEAR,
  },
  {
    code: "symantec-dv-1-starter",
    name: "DigiCert wildcard DV",
    brand: "DigiCert",
    wildcard: true,
    certType: "DV",
    validityDays: ONE_YEAR,
  },
  {
    code: "geotrust-dv-1-starter",
    name: "GeoTrust single-domain DV",
    brand: "GeoTrust",
    wildcard: false,
    certType: "DV",
    validityDays: ONE_YEAR,
  },
  {
    code: "geotrust-dv-w-starter",
    name: "GeoTrust wildcard DV",
    brand: "GeoTrust",
    wildcard: true,
    certType: "DV",
    validityDays: ONE_YEAR,
  },
  {
    code: "globalsign-dv-1-personal",
    name: "GlobalSign single-domain DV",
    brand: "GlobalSign",
    wildcard: false,
    certType: "DV",
    validityDays: ONE_YEAR,
  },
  {
    code: "globalsign-dv-w-advanced",
    name: "GlobalSign wildcard DV",
    brand: "GlobalSign",
    wildcard: true,
    certType: "DV",
    validityDays: ONE_YEAR,
  },
];

/** The documented default ProductCode of CreateCertificateWithCsrRequest and DescribePackageState. */
export const DEFAULT_PRODUCT_CODE = "digicert-free-1-free";

/** The product for `code`, or undefined when the code is not a documented DV product. */
export function findProduct(code: string): CasProduct | undefined {
  return PRODUCT_LIST.find((p) => p.code === code);
}

/** All documented DV product codes, in documentation order. */
export function productCodes(): readonly string[] {
  return PRODUCT_LIST.map((p) => p.code);
}
