/**
 * The ESA service's slice of the emulator world. Everything here is plain JSON (the core persists it verbatim),
 * so ids are decimal strings, times are epoch milliseconds and absent values are `null` rather than `undefined`.
 */

/** Plan families as ListSites' `PlanSubscribeType` names them without the `plan` suffix. */
export type PlanType = "basic" | "standard" | "advanced" | "enterprise";
export const PLAN_TYPES: readonly PlanType[] = ["basic", "standard", "advanced", "enterprise"];

/** ListSites `Coverage`: service location. */
export type Coverage = "domestic" | "global" | "overseas";
export const COVERAGES: readonly Coverage[] = ["domestic", "global", "overseas"];

/** ListSites `AccessType`: DNS setup. */
export type AccessType = "NS" | "CNAME";

/** Custom hostname `Status` values (Get/List doc). `configuring` is documented but transient, so never stored. */
export type HostnameStatus = "pending" | "active" | "conflicted" | "offline";
export const HOSTNAME_STATUSES: readonly HostnameStatus[] = ["pending", "active", "conflicted", "offline"];

/** `ConflictWith` values (Get doc). */
export const CONFLICT_WITH = [
  "existing_custom_hostname",
  "existing_record",
  "existing_load_balancer",
  "existing_origin_pool",
  "existing_site",
] as const;

/** `OfflineReason` values (Get doc). */
export const OFFLINE_REASONS = [
  "expiration_arrears",
  "internally_disabled",
  "missing_icp",
  "content_violation",
  "proactively_disabled",
] as const;

export type CertType = "free" | "upload" | "cas";
export type CertStatus = "OK" | "Applying" | "ApplyFailed" | "Expiring" | "Expired";

/** A site (zone) on a plan. */
export interface EsaSite {
  siteId: string;
  siteName: string;
  status: "active";
  planType: PlanType;
  /** The plan instance's name as ListSites `PlanName` shows it, e.g. `plan-7096621098`. */
  planName: string;
  instanceId: string;
  customHostnameQuota: number;
  coverage: Coverage;
  accessType: AccessType;
  resourceGroupId: string;
  tags: Record<string, string>;
  createTime: number;
}

/** A DNS record of a site. */
export interface EsaRecord {
  recordId: string;
  siteId: string;
  /** Lower-case FQDN. */
  recordName: string;
  /** As ListRecords returns it: `A/AAAA`, `CNAME`, `TXT`, `MX`, … */
  recordType: string;
  /** `Data.Value`. */
  value: string;
  proxied: boolean;
  ttl: number;
  createTime: number;
}

/** A free-certificate failure queued by the `failCertificate` control. */
export interface QueuedCertFailure {
  code: number;
  message: string;
}

/** A SaaS custom hostname and its certificate life cycle. */
export interface EsaCustomHostname {
  hostnameId: string;
  siteId: string;
  hostname: string;
  recordId: string;
  status: HostnameStatus;
  conflictWith: string | null;
  offlineReason: string | null;
  verifyHost: string;
  verifyCode: string;
  /** First tick at which an ownership proof was visible while `pending` (drives automatic activation). */
  ownershipSeenAt: number | null;
  sslFlag: "on" | "off";
  certType: CertType | null;
  casId: string | null;
  casRegion: string | null;
  certificate: string | null;
  privateKey: string | null;
  certStatus: CertStatus | null;
  certId: string | null;
  certNotAfter: number | null;
  certApplyCode: number | null;
  certApplyMessage: string | null;
  certTxtKey: string | null;
  certTxtValue: string | null;
  certHttpKey: string | null;
  certHttpValue: string | null;
  /** Free certificate: how many applications were started (salts the ACME tokens). */
  certAttempt: number;
  /** Free certificate: when the current application started. */
  certApplyStartedAt: number | null;
  /** Free certificate: first tick at which DCV (active hostname or published challenge) was satisfied. */
  certDcvReadyAt: number | null;
  /** Free certificate: a failure the next/current application ends with. */
  queuedCertFailure: QueuedCertFailure | null;
  createTime: number;
  updateTime: number;
}

/** What a new custom hostname is made of; everything else starts empty. */
export type HostnameIdentity = Pick<
  EsaCustomHostname,
  "hostnameId" | "siteId" | "hostname" | "recordId" | "verifyHost" | "verifyCode"
>;

/** A new custom hostname, pending, with SSL off and no certificate history (CreateCustomHostname then applies SSL). */
export function newCustomHostname(identity: HostnameIdentity, now: number): EsaCustomHostname {
  return {
    ...identity,
    status: "pending",
    conflictWith: null,
    offlineReason: null,
    ownershipSeenAt: null,
    sslFlag: "off",
    certType: null,
    casId: null,
    casRegion: null,
    certificate: null,
    privateKey: null,
    certStatus: null,
    certId: null,
    certNotAfter: null,
    certApplyCode: null,
    certApplyMessage: null,
    certTxtKey: null,
    certTxtValue: null,
    certHttpKey: null,
    certHttpValue: null,
    certAttempt: 0,
    certApplyStartedAt: null,
    certDcvReadyAt: null,
    queuedCertFailure: null,
    createTime: now,
    updateTime: now,
  };
}

/** How VerifyCustomHostname reports "not verified yet" (see handlers/verification.ts for the reasoning). */
export type VerifyUnpassedStyle = "error-200" | "passed-false";

/** Emulator-only knobs, changed through the `configure` control. */
export interface EsaSettings {
  verifyUnpassedStyle: VerifyUnpassedStyle;
  /** Simulated ms an ownership proof must stay visible before a pending hostname activates by itself. */
  autoVerifyDelayMs: number;
}

/**
 * Back-end steps that can fail transiently, each with its documented code:
 * `checkQuota` → `CustomHostname.CheckQuotaFailed`, `applyCert` → `CustomHostname.ApplyCertFailed`,
 * `setCert` → `CustomHostname.SetCertFailed`, `queryCas` → `CustomHostname.QueryCasCertFailed`,
 * `internal` → `InternalException` (any ESA action).
 */
export const BACKEND_STEPS = ["checkQuota", "applyCert", "setCert", "queryCas", "internal"] as const;
export type BackendStep = (typeof BACKEND_STEPS)[number];

/** The conditions in force. Plain JSON like the rest of the state. */
export interface EsaConditions {
  /** Failing back-end steps, each until a simulated time (`null`: until cleared). */
  failingSteps: Partial<Record<BackendStep, number | null>>;
  /** Sites being configured (`Site.ServiceBusy` on CreateCustomHostname), by SiteId. */
  busySites: Record<string, number | null>;
  /** Records being configured (`Record.ServiceBusy` on UpdateCustomHostname), by RecordId. */
  busyRecords: Record<string, number | null>;
  /** Sites whose plan instance is unpaid (`Instance.NotOnline`), by SiteId. */
  unpaidSites: Record<string, true>;
  /** Sites taken offline, with the reasons (two or more: `CustomHostname.OfflineForMultiReason` on create). */
  offlineSites: Record<string, string[]>;
  /** Access keys without ESA permission (`NoPermission` on every ESA action). */
  deniedAccessKeys: Record<string, true>;
}

/** The whole ESA slice. Maps are keyed by the object's decimal-string id. */
export interface EsaState {
  sites: Record<string, EsaSite>;
  records: Record<string, EsaRecord>;
  hostnames: Record<string, EsaCustomHostname>;
  settings: EsaSettings;
  /** Service conditions set by the `setCondition` control (model/conditions.ts). Absent in older state files. */
  conditions?: EsaConditions;
}

/** Default delay before automatic activation: long enough that an explicit VerifyCustomHostname is faster. */
export const DEFAULT_AUTO_VERIFY_DELAY_MS = 60_000;

/** A fresh state without any seed objects. */
export function emptyEsaState(): EsaState {
  return {
    sites: {},
    records: {},
    hostnames: {},
    settings: { verifyUnpassedStyle: "error-200", autoVerifyDelayMs: DEFAULT_AUTO_VERIFY_DELAY_MS },
  };
}

/** Compares two decimal-string ids numerically (they can exceed 2^31, stay below 2^53). */
export function compareIds(a: string, b: string): number {
  return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
}

/** Values of an id-keyed map in ascending id order (stable paging). */
export function sortedById<T>(map: Record<string, T>): T[] {
  return Object.keys(map)
    .sort(compareIds)
    .map((k) => map[k] as T);
}
