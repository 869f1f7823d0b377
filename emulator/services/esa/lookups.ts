/** Look-ups shared by the custom-hostname handlers; each throws the documented/chosen not-found error. */
import { hostnameNotFound, recordNotFound, recordNotProxied, siteNotFound } from "./errors";
import { idParam } from "./params";
import type { EsaCustomHostname, EsaRecord, EsaSite, EsaState } from "./state";

export function requireSite(state: EsaState, siteId: string): EsaSite {
  const site = state.sites[siteId];
  if (!site) throw siteNotFound(siteId);
  return site;
}

/** The record a hostname attaches to: it must belong to the hostname's site and be proxied (ESA serves it). */
export function requireSourceRecord(state: EsaState, siteId: string, recordId: string): EsaRecord {
  const record = state.records[recordId];
  if (!record || record.siteId !== siteId) throw recordNotFound(recordId, siteId);
  if (!record.proxied) throw recordNotProxied(record.recordName);
  return record;
}

/** The hostname named by the `HostnameId` parameter. */
export function requireHostname(state: EsaState, params: Readonly<Record<string, string>>): EsaCustomHostname {
  const h = state.hostnames[idParam(params, "HostnameId")];
  if (!h) throw hostnameNotFound();
  return h;
}
