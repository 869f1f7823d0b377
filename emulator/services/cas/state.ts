/**
 * The CAS (SSL Certificates Service, API 2020-04-07) slice of the emulator world. Plain JSON only: ids are decimal
 * strings (OrderIds exceed 2^53), times are epoch milliseconds of simulated time, PEM texts are strings.
 */
import type { CaScheduleEntry } from "../../core/ca-schedule";

/** A DV resource plan ("certificate package") for one product code. */
export interface CasPackage {
  readonly productCode: string;
  /** Units bought. */
  total: number;
  /** Units consumed by applications (`UsedCount`); released again by the documented refund paths. */
  used: number;
}

/** `DescribeCertificateState.Type` values an order can be in, plus `revoked` (after CancelCertificateForPackageRequest). */
export type CasOrderState = "domain_verify" | "process" | "verify_fail" | "certificate" | "payed" | "revoked";

/** One `Tags.N` entry of CreateCertificateWithCsrRequest. */
export interface CasTag {
  readonly key: string;
  readonly value: string;
}

/** A certificate application order created by CreateCertificateWithCsrRequest. */
export interface CasOrder {
  /** Decimal string; above 2^53, so it is never held as a JS number. */
  readonly orderId: string;
  readonly instanceId: string;
  /** Numeric id of the matching purchase order (`AliyunOrderId`). */
  readonly aliyunOrderId: number;
  readonly productCode: string;
  /** The CSR's CN, lower-cased (may be a wildcard `*.example.com`). */
  readonly domain: string;
  /** DNS names the certificate will carry: the CN first, then the CSR's SANs. */
  readonly sans: readonly string[];
  readonly csr: string;
  readonly keyAlgorithm: "RSA" | "ECC";
  readonly validateType: "DNS" | "FILE";
  readonly username: string;
  readonly phone: string;
  readonly email: string;
  readonly tags: readonly CasTag[];
  /** The DNS TXT value / file content the CA looks for. */
  readonly token: string;
  readonly createdAt: number;
  state: CasOrderState;
  /** When the validation record was first seen (start of the CA review); null outside `process`. */
  processSince: number | null;
  /** The issued certificate, once `certificate` (kept after revocation). */
  certId: string | null;
  /** True once the unit this order consumed went back to its package (never refunded twice). */
  quotaReleased: boolean;
  /**
   * When the order reused an earlier domain validation instead of a new DNS or file check (BR §4.2.1): that
   * validation's time. Such an order starts in `process`, never in `domain_verify`. Absent in older state files.
   */
  reusedValidationAt?: number | null;
}

/**
 * A completed domain validation, kept for reuse (BR §4.2.1). DNS (BR §3.2.2.4.7, a TXT at `_dnsauth.<name>`) proves
 * control of `name` as an Authorization Domain Name, so it covers `name`, `*.name` and every name under it; FILE (BR
 * §3.2.2.4.18) proves only the FQDN `name` itself and never a wildcard.
 */
export interface CasValidation {
  readonly method: "DNS" | "FILE";
  /** The validated name: the order's CN without `*.`, lower case. */
  readonly name: string;
  /** Simulated epoch ms at which the CA saw the record. */
  readonly validatedAt: number;
}

/** Where a certificate came from: issued by the emulator CA for an order, or declared by a seed as uploaded. */
export type CasCertificateSource = "issued" | "uploaded";

/** A certificate CAS holds (what GetUserCertificateDetail and the CERT/UPLOAD listings show). */
export interface CasCertificate {
  readonly certId: string;
  readonly orderId: string | null;
  readonly instanceId: string;
  readonly source: CasCertificateSource;
  readonly name: string;
  /** Leaf certificate only; the chain is appended when the API returns it. */
  readonly pem: string;
  /** Private key PEM: always "" for CSR orders (CAS never sees the key); secret for uploaded ones. */
  readonly key: string;
  readonly commonName: string;
  readonly sans: readonly string[];
  readonly notBefore: number;
  readonly notAfter: number;
  readonly issuer: string;
  readonly algorithm: "RSA" | "ECC";
  /** SHA-1 of the DER, upper-case hex (the format CAS shows). */
  readonly fingerprint: string;
  /** SHA-256 of the DER, upper-case hex. */
  readonly sha2: string;
  /** Serial number, lower-case hex. */
  readonly serialNo: string;
  revoked: boolean;
  /** Simulated epoch ms of the revocation (absent in state files older than the serving timeline). */
  revokedAt?: number | null;
}

/** The emulator's own root CA; created on first use and kept as PEM so state files round-trip. */
export interface CasCa {
  readonly commonName: string;
  readonly certPem: string;
  /** PKCS#8 PEM of the CA key (never returned by an API action or the objects dump; present in `GET /__emulator/state` and the state file). */
  readonly keyPem: string;
  /** Subject key identifier (hex), used as the authority key identifier of issued certificates. */
  readonly keyId: string;
  readonly notBefore: number;
  readonly notAfter: number;
}

/** The whole CAS slice. */
export interface CasState {
  packages: Record<string, CasPackage>;
  /** Keyed by OrderId (decimal string). */
  orders: Record<string, CasOrder>;
  /** Keyed by CertId (decimal string). */
  certificates: Record<string, CasCertificate>;
  ca: CasCa | null;
  /** Emulator-only knobs, changed through the `configure` control. Absent in older state files (defaults apply). */
  settings?: CasSettings;
  /**
   * The latest completed validation per method and name (key `<method>:<name>`), for DCV reuse. The emulator holds
   * one account, so reuse is per account. Absent in older state files (nothing to reuse).
   */
  validations?: Record<string, CasValidation>;
}

/** Emulator-only knobs of CAS. */
export interface CasSettings {
  /**
   * Whether DescribeCertificateState of an issued order carries `CertId`. The newest official models (Python
   * 3.9.4) have it, "returned when the certificate is issued"; the npm SDK 3.0.0 model does not, so a client must
   * cope without it. @default true
   */
  describeStateCertId: boolean;
  /**
   * The CA's issuance schedule (leaf validity and DCV reuse by date), set with the `schedule` control; absent means
   * the emulator's `caSchedule` start option (ballot SC-081v3 by default).
   */
  caSchedule?: CaScheduleEntry[];
}

/** A fresh, empty CAS slice. */
export function emptyCasState(): CasState {
  return { packages: {}, orders: {}, certificates: {}, ca: null };
}
