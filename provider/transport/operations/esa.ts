import { type Reader } from "../decode";
import { decodeEmpty, defineOperation, type EmptyResult } from "../operation";

/** ESA 2024-09-10 operations used by `esa.CustomHostname` (and the seed discovery actions). */

/** `SslFlag` values. */
export type SslFlag = "on" | "off";
/** `CertType` values. */
export type CertType = "free" | "upload" | "cas";

/** SSL parameters shared by Create/UpdateCustomHostname. */
export interface CustomHostnameSslParams {
  readonly SslFlag?: SslFlag;
  readonly CertType?: CertType;
  readonly Certificate?: string;
  readonly PrivateKey?: string;
  readonly CasId?: string;
  readonly CasRegion?: string;
}

/** `CreateCustomHostname` parameters. */
export interface CreateCustomHostnameRequest extends CustomHostnameSslParams {
  readonly [name: string]: string | undefined;
  readonly SiteId: string;
  readonly Hostname: string;
  readonly RecordId: string;
  readonly SslFlag: SslFlag;
}

/** `CreateCustomHostname` reply. */
export interface CreateCustomHostnameResult {
  readonly hostnameId: string;
  readonly hostname: string | undefined;
}

/** Create a SaaS custom hostname. Limited to 100 calls per hour per user; no client token, so not idempotent. */
export const CreateCustomHostname = defineOperation<CreateCustomHostnameRequest, CreateCustomHostnameResult>({
  product: "esa",
  action: "CreateCustomHostname",
  method: "POST",
  wireParams: {
    SiteId: true,
    Hostname: true,
    RecordId: true,
    SslFlag: true,
    CertType: true,
    Certificate: true,
    PrivateKey: true,
    CasId: true,
    CasRegion: true,
  },
  idempotent: false,
  secretParams: ["PrivateKey"],
  decode: (body) => ({ hostnameId: body.id("HostnameId"), hostname: body.optStr("Hostname") }),
});

/** `UpdateCustomHostname` parameters. */
export interface UpdateCustomHostnameRequest extends CustomHostnameSslParams {
  readonly [name: string]: string | undefined;
  readonly HostnameId: string;
  readonly RecordId?: string;
}

/** Update the record binding and/or the SSL block of a custom hostname (full-state, so repeatable). */
export const UpdateCustomHostname = defineOperation<UpdateCustomHostnameRequest, EmptyResult>({
  product: "esa",
  action: "UpdateCustomHostname",
  method: "POST",
  wireParams: {
    HostnameId: true,
    RecordId: true,
    SslFlag: true,
    CertType: true,
    Certificate: true,
    PrivateKey: true,
    CasId: true,
    CasRegion: true,
  },
  idempotent: true,
  secretParams: ["PrivateKey"],
  decode: decodeEmpty,
});

/** Parameters of the actions that take only a hostname id. */
export interface HostnameIdRequest {
  readonly [name: string]: string;
  readonly HostnameId: string;
}

/** A write that takes only the HostnameId and answers nothing (Delete, ApplyCustomHostnameCertificate). */
function hostnameWrite(action: string, options: { readonly idempotent: boolean }) {
  return defineOperation<HostnameIdRequest, EmptyResult>({
    product: "esa",
    action,
    method: "POST",
    wireParams: { HostnameId: true },
    idempotent: options.idempotent,
    secretParams: [],
    decode: decodeEmpty,
  });
}

/** Delete a custom hostname. */
export const DeleteCustomHostname = hostnameWrite("DeleteCustomHostname", { idempotent: true });

/** A custom hostname as Get/List return it (List omits the certificate fields). */
export interface CustomHostnameModel {
  readonly hostnameId: string;
  readonly hostname: string;
  readonly siteId: string | undefined;
  readonly siteName: string | undefined;
  readonly recordId: string | undefined;
  readonly recordName: string | undefined;
  /** `pending`, `active`, `conflicted`, `offline`, `configuring`. */
  readonly status: string | undefined;
  readonly conflictWith: string | undefined;
  readonly offlineReason: string | undefined;
  readonly verifyHost: string | undefined;
  readonly verifyCode: string | undefined;
  readonly sslFlag: string | undefined;
  readonly certType: string | undefined;
  readonly casId: string | undefined;
  readonly certId: string | undefined;
  readonly certificate: string | undefined;
  readonly privateKey: string | undefined;
  /** `OK`, `Applying`, `ApplyFailed`, `Expiring`, `Expired`. */
  readonly certStatus: string | undefined;
  readonly certApplyCode: string | undefined;
  readonly certApplyMessage: string | undefined;
  readonly certTxtKey: string | undefined;
  readonly certTxtValue: string | undefined;
  readonly certHttpKey: string | undefined;
  readonly certHttpValue: string | undefined;
  readonly certNotAfter: string | undefined;
  readonly createTime: string | undefined;
  readonly updateTime: string | undefined;
}

function decodeCustomHostname(m: Reader): CustomHostnameModel {
  return {
    hostnameId: m.id("HostnameId"),
    hostname: m.str("Hostname"),
    siteId: m.optId("SiteId"),
    siteName: m.optStr("SiteName"),
    recordId: m.optId("RecordId"),
    recordName: m.optStr("RecordName"),
    status: m.optStr("Status"),
    conflictWith: m.optStr("ConflictWith"),
    offlineReason: m.optStr("OfflineReason"),
    verifyHost: m.optStr("VerifyHost"),
    verifyCode: m.optStr("VerifyCode"),
    sslFlag: m.optStr("SslFlag"),
    certType: m.optStr("CertType"),
    casId: m.optId("CasId"),
    certId: m.optStr("CertId"),
    certificate: m.optStr("Certificate"),
    privateKey: m.optStr("PrivateKey"),
    certStatus: m.optStr("CertStatus"),
    certApplyCode: m.optStr("CertApplyCode"),
    certApplyMessage: m.optStr("CertApplyMessage"),
    certTxtKey: m.optStr("CertTxtKey"),
    certTxtValue: m.optStr("CertTxtValue"),
    certHttpKey: m.optStr("CertHttpKey"),
    certHttpValue: m.optStr("CertHttpValue"),
    certNotAfter: m.optStr("CertNotAfter"),
    createTime: m.optStr("CreateTime"),
    updateTime: m.optStr("UpdateTime"),
  };
}

/** Read one custom hostname. No not-found code is documented; callers confirm absence with ListCustomHostnames. */
export const GetCustomHostname = defineOperation<HostnameIdRequest, CustomHostnameModel>({
  product: "esa",
  action: "GetCustomHostname",
  method: "POST",
  wireParams: { HostnameId: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ["CustomHostname.NotFound", "InvalidHostnameId.NotFound"],
  decode: (body) => decodeCustomHostname(body.object("CustomHostnameModel")),
});

/** `ListCustomHostnames` parameters. */
export interface ListCustomHostnamesRequest {
  readonly [name: string]: string | number | undefined;
  readonly SiteId: string;
  readonly Hostname?: string;
  readonly NameMatchType?: "exact" | "prefix" | "suffix" | "fuzzy";
  readonly RecordId?: string;
  readonly Status?: string;
  readonly PageNumber?: number;
  readonly PageSize?: number;
}

/** One page of custom hostnames. */
export interface ListCustomHostnamesResult {
  readonly hostnames: readonly CustomHostnameModel[];
  readonly totalCount: number;
  readonly pageNumber: number;
  readonly pageSize: number;
}

/** List a site's custom hostnames, filtered and paged. */
export const ListCustomHostnames = defineOperation<ListCustomHostnamesRequest, ListCustomHostnamesResult>({
  product: "esa",
  action: "ListCustomHostnames",
  method: "POST",
  wireParams: {
    SiteId: true,
    Hostname: true,
    NameMatchType: true,
    RecordId: true,
    Status: true,
    PageNumber: true,
    PageSize: true,
  },
  idempotent: true,
  secretParams: [],
  decode: (body) => ({
    hostnames: body.objects("Hostnames").map(decodeCustomHostname),
    totalCount: body.optNum("TotalCount") ?? 0,
    pageNumber: body.optNum("PageNumber") ?? 1,
    pageSize: body.optNum("PageSize") ?? 0,
  }),
});

/** `VerifyCustomHostname` reply. */
export interface VerifyCustomHostnameResult {
  readonly passed: boolean;
}

/** Ask ESA to check the ownership TXT record now. */
export const VerifyCustomHostname = defineOperation<HostnameIdRequest, VerifyCustomHostnameResult>({
  product: "esa",
  action: "VerifyCustomHostname",
  method: "POST",
  wireParams: { HostnameId: true },
  idempotent: true,
  secretParams: [],
  decode: (body) => ({ passed: body.optBool("Passed") === true }),
});

/** Request a fresh free certificate; only valid when CertStatus is ApplyFailed, Expiring or Expired. */
export const ApplyCustomHostnameCertificate = hostnameWrite("ApplyCustomHostnameCertificate", { idempotent: false });

/** `ListSites` parameters (subset used here). */
export interface ListSitesRequest {
  readonly [name: string]: string | number | undefined;
  readonly SiteName?: string;
  readonly SiteSearchType?: string;
  readonly PageNumber?: number;
  readonly PageSize?: number;
}

/** A site as ListSites returns it. */
export interface SiteSummary {
  readonly siteId: string;
  readonly siteName: string;
  readonly status: string | undefined;
  readonly planName: string | undefined;
}

/** List ESA sites (used to discover seeded sites and by examples). */
export const ListSites = defineOperation<
  ListSitesRequest,
  { readonly sites: readonly SiteSummary[]; readonly totalCount: number }
>({
  product: "esa",
  action: "ListSites",
  method: "GET",
  wireParams: { SiteName: true, SiteSearchType: true, PageNumber: true, PageSize: true },
  idempotent: true,
  secretParams: [],
  decode: (body) => ({
    sites: body.objects("Sites").map((s) => ({
      siteId: s.id("SiteId"),
      siteName: s.str("SiteName"),
      status: s.optStr("Status"),
      planName: s.optStr("PlanName"),
    })),
    totalCount: body.optNum("TotalCount") ?? 0,
  }),
});

/** `ListRecords` parameters (subset used here). */
export interface ListRecordsRequest {
  readonly [name: string]: string | number | undefined;
  readonly SiteId: string;
  readonly RecordName?: string;
  readonly RecordMatchType?: string;
  readonly PageNumber?: number;
  readonly PageSize?: number;
}

/** A DNS record of a site. */
export interface RecordSummary {
  readonly recordId: string;
  readonly recordName: string;
  readonly recordType: string | undefined;
}

/** List a site's records. */
export const ListRecords = defineOperation<
  ListRecordsRequest,
  { readonly records: readonly RecordSummary[]; readonly totalCount: number }
>({
  product: "esa",
  action: "ListRecords",
  method: "GET",
  wireParams: { SiteId: true, RecordName: true, RecordMatchType: true, PageNumber: true, PageSize: true },
  idempotent: true,
  secretParams: [],
  decode: (body) => ({
    records: body.objects("Records").map((r) => ({
      recordId: r.id("RecordId"),
      recordName: r.str("RecordName"),
      recordType: r.optStr("RecordType"),
    })),
    totalCount: body.optNum("TotalCount") ?? 0,
  }),
});
