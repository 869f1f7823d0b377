/**
 * The custom hostname's writes: CreateCustomHostname (validation order: parameters → site → record → name conflicts →
 * plan limits → SSL), UpdateCustomHostname (the record and/or the SSL block; Hostname and SiteId are immutable) and
 * DeleteCustomHostname.
 */
import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { conflictWithExistingResource, quotaExceeded, wildcardRequiresEnterprisePlan } from "../errors";
import { requireHostname, requireSite, requireSourceRecord } from "../lookups";
import { verifyCodeFor } from "../model/certificates";
import { checkInstanceOnline, checkRecordNotBusy, checkSiteAcceptsHostnames, checkStep } from "../model/conditions";
import { parseHostname } from "../model/hostname";
import { checkSslSyntax, planSsl } from "../model/ssl";
import { idParam, optionalIdParam, present } from "../params";
import { newCustomHostname, type EsaState } from "../state";

/** Real HostnameIds are ~1e15 (doc examples); small sequence numbers are lifted into that range, below 2^53. */
const HOSTNAME_ID_BASE = 7_200_000_000_000_000n;

function newHostnameId(ctx: ServiceContext): string {
  const n = BigInt(ctx.nextId("esa.hostname"));
  return (n < 1_000_000_000_000n ? HOSTNAME_ID_BASE + n : n).toString();
}

/**
 * Rejects names that are already something else: a custom hostname, a site's zone, or a DNS record of a site. The
 * documented answer is one code for all of them; the caller tells them apart by looking the name up.
 */
function checkNameFree(state: EsaState, hostname: string): void {
  const taken =
    Object.values(state.hostnames).some((h) => h.hostname === hostname) ||
    Object.values(state.sites).some((s) => s.siteName === hostname) ||
    Object.values(state.records).some((r) => r.recordName === hostname);
  if (taken) throw conflictWithExistingResource();
}

function createCustomHostname(call: ApiCall, state: EsaState, ctx: ServiceContext): Record<string, unknown> {
  const p = call.params;
  const siteId = idParam(p, "SiteId");
  const recordId = idParam(p, "RecordId");
  const parsed = parseHostname(present(p, "Hostname"));
  checkSslSyntax(p);
  const site = requireSite(state, siteId);
  checkInstanceOnline(state, siteId);
  const offlineReason = checkSiteAcceptsHostnames(state, siteId, ctx);
  requireSourceRecord(state, siteId, recordId);
  checkNameFree(state, parsed.hostname);
  if (parsed.wildcard && site.planType !== "enterprise") throw wildcardRequiresEnterprisePlan();
  checkStep(state, "checkQuota", ctx);
  const used = Object.values(state.hostnames).filter((h) => h.siteId === siteId).length;
  if (used >= site.customHostnameQuota) throw quotaExceeded();
  const ssl = planSsl(p, parsed.hostname, undefined, ctx, state);

  const now = ctx.clock.now();
  const hostnameId = newHostnameId(ctx);
  const h = newCustomHostname(
    {
      hostnameId,
      siteId,
      hostname: parsed.hostname,
      recordId,
      // The ownership TXT lives under the base name for wildcards too (a TXT owner name cannot hold `*`).
      verifyHost: `_esa_custom_hostname.${parsed.base}`,
      verifyCode: verifyCodeFor(hostnameId),
    },
    now,
  );
  ssl?.(h);
  // A site offline for exactly one reason still takes the name; the hostname starts offline with that reason.
  if (offlineReason !== undefined) {
    h.status = "offline";
    h.offlineReason = offlineReason;
  }
  state.hostnames[hostnameId] = h;
  return { HostnameId: Number(hostnameId), Hostname: h.hostname };
}

function updateCustomHostname(call: ApiCall, state: EsaState, ctx: ServiceContext): Record<string, unknown> {
  const p = call.params;
  const recordId = optionalIdParam(p, "RecordId");
  checkSslSyntax(p);
  const h = requireHostname(state, p);
  checkInstanceOnline(state, h.siteId);
  if (recordId !== undefined) requireSourceRecord(state, h.siteId, recordId);
  checkRecordNotBusy(state, recordId ?? h.recordId, ctx);
  // UpdateCustomHostname documents the certificate step codes with HTTP 404 (CreateCustomHostname: 400).
  const ssl = planSsl(p, h.hostname, h, ctx, state, 404);

  // Everything is validated; only now mutate, so a failed call changes nothing.
  if (recordId !== undefined && recordId !== h.recordId) {
    h.recordId = recordId;
    h.updateTime = ctx.clock.now();
  }
  ssl?.(h);
  return {};
}

function deleteCustomHostname(call: ApiCall, state: EsaState): Record<string, unknown> {
  const h = requireHostname(state, call.params);
  delete state.hostnames[h.hostnameId];
  return {};
}

/** The custom hostname writes by action name. */
export const hostnameWriteActions: Readonly<Record<string, ActionDefinition<EsaState>>> = {
  // Limited to 100 calls per hour per user (doc).
  CreateCustomHostname: {
    handler: createCustomHostname,
    required: ["SiteId", "Hostname", "RecordId", "SslFlag"],
    write: true,
    secretParams: ["PrivateKey"],
    rateLimit: {
      limit: 100,
      windowMs: 3_600_000,
      status: 429,
      code: "TooManyRequests",
      message: "Too many requests: CreateCustomHostname can be called at most 100 times per hour. Try again later.",
    },
  },
  UpdateCustomHostname: {
    handler: updateCustomHostname,
    required: ["HostnameId"],
    write: true,
    secretParams: ["PrivateKey"],
  },
  DeleteCustomHostname: { handler: deleteCustomHostname, required: ["HostnameId"], write: true },
};
