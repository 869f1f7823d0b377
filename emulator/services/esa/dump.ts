/** `GET /__emulator/objects` summary: every site, record and hostname, private keys redacted. */
import type { ServiceContext } from "../../core/contract";
import { sortedById, type EsaState } from "./state";
import { isoSeconds } from "./views";

export function dumpEsaObjects(state: EsaState, _ctx: ServiceContext): unknown {
  return {
    sites: sortedById(state.sites).map((s) => ({
      siteId: s.siteId,
      siteName: s.siteName,
      status: s.status,
      planType: s.planType,
      customHostnameQuota: s.customHostnameQuota,
      coverage: s.coverage,
    })),
    records: sortedById(state.records).map((r) => ({
      recordId: r.recordId,
      siteId: r.siteId,
      recordName: r.recordName,
      recordType: r.recordType,
      data: r.value,
      proxied: r.proxied,
    })),
    hostnames: sortedById(state.hostnames).map((h) => ({
      hostnameId: h.hostnameId,
      siteId: h.siteId,
      hostname: h.hostname,
      recordId: h.recordId,
      status: h.status,
      conflictWith: h.conflictWith,
      offlineReason: h.offlineReason,
      verifyHost: h.verifyHost,
      verifyCode: h.verifyCode,
      sslFlag: h.sslFlag,
      certType: h.certType,
      certStatus: h.certStatus,
      certId: h.certId,
      certNotAfter: h.certNotAfter === null ? null : isoSeconds(h.certNotAfter),
      casId: h.casId,
      casRegion: h.casRegion,
      certificate: h.certificate === null ? null : "[PEM]",
      privateKey: h.privateKey === null ? null : "[REDACTED]",
    })),
    settings: { ...state.settings },
  };
}
