/**
 * The shapes and documented facts of `cas.DvCertificateOrder` that check, diff, mapping and the verbs share: product
 * codes, order states, the provider-side inputs and outputs, and which inputs replace the order. The public
 * `DvCertificateOrderArgs` lives in `../dv-certificate-order.ts`, which re-exports these types.
 */
import { type Unknown } from "../../common/check";

/** The DV product codes CreateCertificateWithCsrRequest documents for `ProductCode`. */
export type DvProductCode =
  /** DigiCert DV, 3-month free trial (China site only). The API's default. */
  | "digicert-free-1-free"
  /** DigiCert DV, 1-year free trial (China site only). */
  | "symantec-free-1-free"
  /** DigiCert wildcard DV. */
  | "symantec-dv-1-starter"
  /** GeoTrust single-domain DV. */
  | "geotrust-dv-1-starter"
  /** GeoTrust wildcard DV. */
  | "geotrust-dv-w-starter"
  /** GlobalSign single-domain DV. */
  | "globalsign-dv-1-personal"
  /** GlobalSign wildcard DV. */
  | "globalsign-dv-w-advanced";

/**
 * `DescribeCertificateState.Type`: `domain_verify` (waiting for your DNS record or file), `process` (CA review),
 * `verify_fail` (review failed), `certificate` (issued), `payed` (cancelled, pending application), `unknow` (sic;
 * any other state, e.g. after the certificate was revoked).
 */
export type DvOrderState = "domain_verify" | "process" | "verify_fail" | "certificate" | "payed" | "unknow";

/** Every {@link DvOrderState}, in the documentation's order. */
export const ORDER_STATES: readonly DvOrderState[] = [
  "domain_verify",
  "process",
  "verify_fail",
  "certificate",
  "payed",
  "unknow",
];

/** The provider-side inputs: `DvCertificateOrderArgs` resolved and normalized by `check`. Behaviour inputs may be
 * {@link Unknown} only at preview (check and diff); create, read, update and delete always see plain values. */
export interface DvCertificateOrderInputs {
  readonly csr?: string;
  readonly username?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly validateType?: "DNS" | "FILE";
  readonly productCode?: DvProductCode;
  readonly tags?: Readonly<Record<string, string>> | Unknown;
  readonly orderId?: string;
  readonly waitForIssuance: boolean | Unknown;
  readonly issuanceTimeoutSeconds: number | Unknown;
  readonly revokeOnDelete: boolean | Unknown;
  /**
   * Days before `notAfter` the order is replaced by a new one (0: never); undefined: when one third of the
   * certificate's lifetime remains. See `./renewal`.
   */
  readonly renewBeforeDays?: number | Unknown;
  /** The platform's delegation zone, only with DNS validation; see `./delegation`. */
  readonly validationDelegation?: ValidationDelegation | Unknown;
}

/** `validationDelegation`: the DNS zone the platform controls, where the per-order TXT records are written. */
export interface ValidationDelegation {
  /** The zone, lower-cased, without a trailing dot, e.g. `dcv.example-saas.com`. */
  readonly zone: string;
}

/** A DNS record the user publishes (or the platform writes), as the delegation outputs give it. */
export interface DnsRecordOutput {
  readonly name: string;
  readonly type: "CNAME" | "TXT";
  readonly value: string;
}

/** The state of a `DvCertificateOrder`: its inputs plus what CAS reports. Absent fields are not known yet. */
export interface DvCertificateOrderOutputs extends DvCertificateOrderInputs {
  /** The CAS OrderId (decimal string; above 2^53, so never a number). Also the resource id. */
  readonly orderId: string;
  /** The order's state, see {@link DvOrderState}. */
  readonly state: DvOrderState;
  /** The domain the order is for: the CSR's CN, lower-cased. */
  readonly commonName?: string;
  /** DNS validation, while `domain_verify`: the full record name to create, e.g. `_dnsauth.example.com`. */
  readonly recordDomain?: string;
  /** DNS validation: the record type (`TXT` or `CNAME`). */
  readonly recordType?: string;
  /** DNS validation: the record value. */
  readonly recordValue?: string;
  /** FILE validation, while `domain_verify`: the domain whose web server must serve the file. */
  readonly domain?: string;
  /** FILE validation: the path of the file, e.g. `/.well-known/pki-validation/fileauth.txt`. */
  readonly uri?: string;
  /** FILE validation: the file content. */
  readonly content?: string;
  /** Once issued: the certificate chain, PEM (leaf first). Public; CAS holds no private key for CSR orders. */
  readonly certificate?: string;
  /** Once issued: the CAS certificate id (decimal string). */
  readonly certId?: string;
  /** Once issued: `<certId>-<region>` (e.g. `12345-cn-hangzhou`), the form GA takes and ESA splits into CasId/CasRegion. */
  readonly certIdentifier?: string;
  /** Once issued: the start of validity, ISO 8601 (UTC); with `notAfter`, the lifetime the renewal window follows. */
  readonly notBefore?: string;
  /** Once issued: the end of validity, ISO 8601 (UTC). */
  readonly notAfter?: string;
  /** Once issued and renewal is on: when the renewal starts (see `./renewal`), ISO 8601. */
  readonly renewalDue?: string;
  /**
   * Set by refresh when a newer order of this resource (same create token) replaces this due order: a renewal placed
   * it, and this order waits in the state for deletion.
   */
  readonly supersededBy?: string;
  /** With `validationDelegation`: the CNAME the customer publishes once, `_dnsauth.<domain>` → `<label>.<zone>`. */
  readonly delegationCname?: DnsRecordOutput;
  /** With `validationDelegation`, while `domain_verify`: the TXT the platform writes at `<label>.<zone>`. */
  readonly delegatedRecord?: DnsRecordOutput;
}

/** Every documented `ProductCode`, in documentation order. */
export const PRODUCT_CODES: readonly DvProductCode[] = [
  "digicert-free-1-free",
  "symantec-free-1-free",
  "symantec-dv-1-starter",
  "geotrust-dv-1-starter",
  "geotrust-dv-w-starter",
  "globalsign-dv-1-personal",
  "globalsign-dv-w-advanced",
];

/** The product codes that accept wildcard names (`*.example.com`). */
export const WILDCARD_PRODUCT_CODES: readonly DvProductCode[] = [
  "symantec-dv-1-starter",
  "geotrust-dv-w-starter",
  "globalsign-dv-w-advanced",
];

/** The API's default `ProductCode` (used when the input is unset). */
export const DEFAULT_PRODUCT_CODE: DvProductCode = "digicert-free-1-free";

/** `ValidateType` values. */
export const VALIDATE_TYPES = ["DNS", "FILE"] as const;

/** Tag rules (`Tags.N`, N = 1..20). */
export const TAGS = { maxCount: 20, maxKeyLength: 128, maxValueLength: 128 } as const;

/** Applicant fields. */
export const CONTACT = {
  maxUsernameLength: 64,
  maxEmailLength: 128,
  phone: /^\+?\d{5,20}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
} as const;

/**
 * Defaults of the behaviour inputs (see the Args TSDoc). `renewBeforeDays` has none: unset means "when one third of
 * the certificate's lifetime remains" (`./renewal`).
 */
export const BEHAVIOUR_DEFAULTS = {
  waitForIssuance: false,
  issuanceTimeoutSeconds: 3600,
  revokeOnDelete: false,
} as const;

/** Largest `renewBeforeDays`: a year (no public certificate is valid longer than 398 days). */
export const MAX_RENEW_BEFORE_DAYS = 365;

/** Longest issuance wait a user may ask for: two days. */
export const MAX_ISSUANCE_TIMEOUT_SECONDS = 172_800;

/** Why a tag key breaks the documented rules, or undefined when it is fine. */
export function tagKeyProblem(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (key.length === 0 || key.length > TAGS.maxKeyLength) return `must be 1 to ${TAGS.maxKeyLength} characters`;
  if (lower.startsWith("acs:") || lower.startsWith("aliyun")) return 'must not start with "acs:" or "aliyun"';
  if (lower.includes("http://") || lower.includes("https://")) return 'must not contain "http://" or "https://"';
  return undefined;
}
