/**
 * Provider-side shapes of `esa.CustomHostname`: the normalized inputs `check` returns (plain values, ids as strings,
 * defaults filled in) and the outputs stored in state. The public `CustomHostnameArgs` lives in `../custom-hostname.ts`.
 */
import { type CertType, type SslFlag } from "../../../transport/operations/esa";
import { CAS_REGIONS, type CasRegion, type Unknown } from "../../common/check";

export type { CertType, SslFlag };
export { CAS_REGIONS, type CasRegion };

/** `SslFlag` values the API documents. */
export const SSL_FLAGS: readonly SslFlag[] = ["on", "off"];
/** `CertType` values the API documents. */
export const CERT_TYPES: readonly CertType[] = ["free", "upload", "cas"];

/** What `create`/`update` wait for before returning. */
export type WaitFor = "none" | "active" | "certificateIssued";
/** Allowed {@link WaitFor} values. */
export const WAIT_FOR_VALUES: readonly WaitFor[] = ["none", "active", "certificateIssued"];
/** Default wait bound: DNS propagation plus a Let's Encrypt issuance usually fit well inside 30 minutes. */
export const DEFAULT_WAIT_TIMEOUT_SECONDS = 1800;
/** Longest wait a user can ask for (one day). */
export const MAX_WAIT_TIMEOUT_SECONDS = 86_400;

/** Certificate statuses after which ESA accepts `ApplyCustomHostnameCertificate` (and only these). */
export const REAPPLY_CERT_STATUSES: readonly string[] = ["ApplyFailed", "Expiring", "Expired"];

/**
 * How long before its recorded `certNotAfter` a free certificate counts as expiring without a refresh, so a plain
 * `pulumi up` re-applies it: 30 days, Let's Encrypt's renewal point for its 90-day certificates (one third of the
 * lifetime), which ESA's free certificates are. ESA documents no threshold for `Expiring`; the update asks ESA for the
 * live status first and applies only when ESA would accept it.
 */
export const FREE_CERT_RENEW_BEFORE_MS = 30 * 86_400_000;

/** Normalized inputs, as `check` returns them and as stored in state (a type alias, so it is a plain property bag). */
export type CustomHostnameInputs = {
  /** `SiteId`, decimal string (replaces on change). */
  readonly siteId: string;
  /** `Hostname`: lower-cased, trimmed, without a trailing dot. */
  readonly hostname: string;
  /** `RecordId`, decimal string. */
  readonly recordId: string;
  /** `SslFlag`, defaulted (`on` when a certType is set). */
  readonly sslFlag: SslFlag;
  /** `CertType`; absent with SSL off. */
  readonly certType?: CertType;
  /** `Certificate` (PEM, trimmed), `upload` only. */
  readonly certificate?: string;
  /** `PrivateKey` (PEM, trimmed, secret), `upload` only. */
  readonly privateKey?: string;
  /** `CasId`, decimal string, `cas` only. */
  readonly casId?: string;
  /** `CasRegion`, `cas` only. */
  readonly casRegion?: CasRegion;
  /** As the user gave it; `casId`/`casRegion` are derived from it. */
  readonly certIdentifier?: string;
  /** What create/update wait for (provider-only), defaulted to `none`. */
  readonly waitFor: WaitFor;
  /** Bound of that wait, defaulted to 1800; unknown only at preview (create and update always see a number). */
  readonly waitTimeoutSeconds: number | Unknown;
  /** The re-apply trigger, as a string. */
  readonly applyCertificateTrigger?: string;
  /** Whether create adopts a same-named hostname, defaulted to false. */
  readonly adoptExisting: boolean;
};

/** Fields computed by ESA (from `GetCustomHostname`). */
export type CustomHostnameComputed = {
  /** `HostnameId`, decimal string (the resource id). */
  readonly hostnameId: string;
  /** `Status`: pending, active, conflicted, offline, configuring. */
  readonly status?: string;
  /** `VerifyHost`: ownership TXT record name. */
  readonly verifyHost?: string;
  /** `VerifyCode`: ownership TXT record value. */
  readonly verifyCode?: string;
  /** `CertStatus`: OK, Applying, ApplyFailed, Expiring, Expired. */
  readonly certStatus?: string;
  /** `CertId`: ESA's id of the deployed certificate. */
  readonly certId?: string;
  /** `CertApplyCode` of a failed free-certificate application. */
  readonly certApplyCode?: string;
  /** `CertApplyMessage` of a failed free-certificate application. */
  readonly certApplyMessage?: string;
  /** `CertTxtKey`: free-certificate DCV TXT name. */
  readonly certTxtKey?: string;
  /** `CertTxtValue`: free-certificate DCV TXT value. */
  readonly certTxtValue?: string;
  /** `CertHttpKey`: free-certificate DCV HTTP-01 URL. */
  readonly certHttpKey?: string;
  /** `CertHttpValue`: body to serve at that URL. */
  readonly certHttpValue?: string;
  /** `CertNotAfter`: expiry, ISO-8601 UTC. */
  readonly certNotAfter?: string;
  /** `ConflictWith`: what owns the name when conflicted. */
  readonly conflictWith?: string;
  /** `OfflineReason`: why the hostname is offline. */
  readonly offlineReason?: string;
  /** `RecordName`: the bound record's name. */
  readonly recordName?: string;
  /** `SiteName`: the site's name. */
  readonly siteName?: string;
};

/** Everything stored as the resource's outputs: the inputs echoed plus the computed fields. */
export type CustomHostnameOutputs = CustomHostnameInputs & CustomHostnameComputed;
