/**
 * Response shapes, field for field as the `@alicloud/esa20240910` models name them. Ids go out as JSON numbers (the
 * real API does; all ids are below 2^53). Absent values are omitted, never sent as null.
 */
import { recordCname } from "./lifecycle";
import type { EsaCustomHostname, EsaRecord, EsaSite, EsaState } from "./state";

type Json = Record<string, unknown>;

/** ISO-8601 UTC without milliseconds, the format every ESA time field uses (`2026-04-19T11:15:20Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Drops null/undefined members so optional fields are simply absent. */
function compact(obj: Json): Json {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined));
}

/** `ListSitesResponseBodySites`. */
export function siteView(site: EsaSite): Json {
  return compact({
    SiteId: Number(site.siteId),
    SiteName: site.siteName,
    Status: site.status,
    AccessType: site.accessType,
    Coverage: site.coverage,
    CnameZone: site.accessType === "CNAME" ? `${site.siteName}.cname.esa-emulator.test` : null,
    NameServerList: site.accessType === "NS" ? "male1-1.ialicdn.com,female1-1.ialicdn.com" : null,
    InstanceId: site.instanceId,
    PlanName: site.planName,
    PlanSpecName: `${site.planType}plan`,
    ResourceGroupId: site.resourceGroupId,
    Tags: site.tags,
    CreateTime: isoSeconds(site.createTime),
    UpdateTime: isoSeconds(site.createTime),
    VisitTime: isoSeconds(site.createTime),
  });
}

/** `ListRecordsResponseBodyRecords`. */
export function recordView(record: EsaRecord, site: EsaSite): Json {
  return compact({
    RecordId: Number(record.recordId),
    RecordName: record.recordName,
    RecordType: record.recordType,
    Data: { Value: record.value },
    Proxied: record.proxied,
    Ttl: record.ttl,
    SiteId: Number(site.siteId),
    SiteName: site.siteName,
    RecordCname: record.proxied ? recordCname(record.recordName) : null,
    RecordSourceType: record.recordType === "CNAME" ? "Domain" : null,
    BizName: record.proxied ? "web" : null,
    CreateTime: isoSeconds(record.createTime),
    UpdateTime: isoSeconds(record.createTime),
  });
}

/** Fields ListCustomHostnames and GetCustomHostname share. */
function hostnameCommon(state: EsaState, h: EsaCustomHostname): Json {
  return {
    HostnameId: Number(h.hostnameId),
    Hostname: h.hostname,
    SiteId: Number(h.siteId),
    SiteName: state.sites[h.siteId]?.siteName,
    RecordId: Number(h.recordId),
    RecordName: state.records[h.recordId]?.recordName,
    Status: h.status,
    ConflictWith: h.conflictWith,
    OfflineReason: h.offlineReason,
    VerifyHost: h.verifyHost,
    VerifyCode: h.verifyCode,
    SslFlag: h.sslFlag,
    CertType: h.certType,
    CertStatus: h.certStatus,
    CertApplyCode: h.certApplyCode,
    CertApplyMessage: h.certApplyMessage,
    CertTxtKey: h.certTxtKey,
    CertTxtValue: h.certTxtValue,
    CertHttpKey: h.certHttpKey,
    CertHttpValue: h.certHttpValue,
    CertNotAfter: h.certNotAfter === null ? null : isoSeconds(h.certNotAfter),
    CreateTime: isoSeconds(h.createTime),
    UpdateTime: isoSeconds(h.updateTime),
  };
}

/** `ListCustomHostnamesResponseBodyHostnames`: no CasId, CertId, Certificate or PrivateKey. */
export function hostnameListView(state: EsaState, h: EsaCustomHostname): Json {
  return compact(hostnameCommon(state, h));
}

/** `GetCustomHostnameResponseBodyCustomHostnameModel`, including the uploaded PrivateKey, as the real API does. */
export function hostnameGetView(state: EsaState, h: EsaCustomHostname): Json {
  return compact({
    ...hostnameCommon(state, h),
    CasId: h.casId === null ? null : Number(h.casId),
    CertId: h.certId,
    Certificate: h.certificate,
    PrivateKey: h.privateKey,
  });
}
