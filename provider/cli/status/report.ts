/**
 * The status report: what `--json` prints (schema version 1) and what the table and the Prometheus text are rendered
 * from. Every field is an id, a state, a date, a DNS name or a sentence built from those: never a key, a certificate
 * body, a credential or a contact detail.
 */

/** Who issued a certificate, in cert-manager's issuer terms (`issuer_name`, `issuer_kind`, `issuer_group`). */
export interface Issuer {
  /** CAS: the order's product code (e.g. `digicert-free-1-free`); ESA: `free`. */
  readonly name: string;
  /** `CAS` or `ESA`. */
  readonly kind: "CAS" | "ESA";
  /** `alibabacloud.com`. */
  readonly group: string;
}

/**
 * Where a certificate's renewal stands.
 * - `scheduled`: issued, renewal time not reached;
 * - `due`: past its renewal time, and no renewal in flight (an alarm);
 * - `in-flight`: a renewal's new order is placed and a run is working on it, or nothing failed yet;
 * - `stalled`: a renewal's (or first issuance's) order is placed and the last run failed on it (an alarm);
 * - `issuing`: the first order is placed, not issued yet;
 * - `revoked`: the order was revoked or cancelled (an alarm; the next `up` orders a new one);
 * - `off`: renewal is off (`renewBeforeDays: 0`, or an adopted order).
 */
export type RenewalStatus = "scheduled" | "due" | "in-flight" | "stalled" | "issuing" | "revoked" | "off";

/** Where a certificate's validity stands against `--warn-days`. */
export type ExpiryStatus = "valid" | "expiring" | "expired" | "none";

/** One order of a certificate resource: the current one, or a replaced one waiting for deletion. */
export interface OrderRow {
  readonly orderId: string;
  /** `domain_verify`, `process`, `verify_fail`, `certificate`, `payed`, `unknow` (CAS's `DescribeCertificateState`). */
  readonly state: string;
  readonly certId: string | undefined;
  readonly notAfter: string | undefined;
  readonly renewalDue: string | undefined;
  /** True when the order has not recorded `renewalDue` yet and the report computed it the same way. */
  readonly renewalDueEstimated: boolean;
  /** `current`, or `replaced` (pending deletion: a renewal replaced it). */
  readonly role: "current" | "replaced";
}

/** Whether a consumer serves the newest certificate the stack holds for its domain. */
export type ConsumerVerdict =
  /** It serves the newest (or one as new). */
  | "current"
  /** It serves an older one (an alarm, unless a run is switching it right now). */
  | "older"
  /** A run in progress is switching it. */
  | "switching"
  /** What it serves is not known here (a secret upload; a certificate the stack does not hold): `--live` tells. */
  | "unknown"
  /** The stack holds no certificate for its domain. */
  | "external";

/** One domain served with a certificate. */
export interface ConsumerRow {
  readonly name: string;
  readonly kind: string;
  readonly domain: string;
  /** What it serves: `certId` for CAS certificates, else a fingerprint prefix, else `unknown`. */
  readonly serves: string;
  readonly servesNotAfter: string | undefined;
  /** The newest certificate the stack holds for the domain (its CAS certId, or order id when it has none). */
  readonly newest: string | undefined;
  readonly newestNotAfter: string | undefined;
  readonly verdict: ConsumerVerdict;
  readonly reason: string;
  /** The certificate resource the newest certificate belongs to. */
  readonly certificate: string | undefined;
}

/** One certificate resource (`cas.DvCertificateOrder`, or an ESA hostname's free certificate). */
export interface CertificateReport {
  /** The resource's name in the program. */
  readonly name: string;
  readonly urn: string;
  readonly type: "cas.DvCertificateOrder" | "esa.CustomHostname (free)";
  readonly domain: string | undefined;
  readonly issuer: Issuer;
  /** The certificate in effect: the newest issued one of the resource. */
  readonly certId: string | undefined;
  readonly notAfter: string | undefined;
  readonly renewalDue: string | undefined;
  readonly renewalDueEstimated: boolean;
  /** Whole and fractional days from now to `notAfter` (negative once expired), one decimal. */
  readonly daysLeft: number | undefined;
  readonly renewal: RenewalStatus;
  readonly expiry: ExpiryStatus;
  /** One sentence: where it stands and why. */
  readonly reason: string;
  readonly orders: readonly OrderRow[];
  /** Names of the consumers whose domain this certificate is the newest for. */
  readonly consumers: readonly string[];
}

/** Why the exit status is non-zero. */
export type AlarmKind =
  | "renewal-overdue"
  | "renewal-stalled"
  | "issuance-stalled"
  | "revoked"
  | "expiring"
  | "expired"
  | "consumer-older"
  | "drift"
  | "live-read-failed";

/** One alarm: which object, and why. */
export interface Alarm {
  readonly kind: AlarmKind;
  /** The resource's name (a certificate or a consumer). */
  readonly subject: string;
  readonly message: string;
}

/** The whole report. */
export interface StatusReport {
  readonly schemaVersion: 1;
  readonly stack: string | undefined;
  readonly project: string | undefined;
  /** The time the report was made for (the provider's clock). */
  readonly now: string;
  readonly warnDays: number;
  /** True when checked against the cloud (`--live`). */
  readonly live: boolean;
  /** A run is working on the stack right now (pending operations in a fresh checkpoint). */
  readonly runInProgress: boolean;
  readonly certificates: readonly CertificateReport[];
  readonly consumers: readonly ConsumerRow[];
  readonly alarms: readonly Alarm[];
  /** Facts worth saying that are no alarm (a lost run's leftovers, a live read's findings). */
  readonly notes: readonly string[];
}
