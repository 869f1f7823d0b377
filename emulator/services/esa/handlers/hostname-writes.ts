/** CreateCustomHostname: validation order is parameters → site → record → name conflicts → plan limits → SSL. */
import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { verifyCodeFor } from "../model/certificates";
import { checkInstanceOnline, checkSiteAcceptsHostnames, checkStep } from "../model/conditions";
import { conflictWithExistingResource, quotaExceeded, wildcardRequiresEnterprisePlan } from "../errors";
import { parseHostname } from "../model/hostname";
import { idParam, present } from "../params";
import { checkSslSyntax, planSsl } from "../model/ssl";
import { newCustomHostname, type EsaState } from "../state";
import { requireSite, requireSourceRecord } from "../lookups";

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

/** `CreateCustomHostname`, limited to 100 calls per hour per user (doc). */
export const createCustomHostnameAction: ActionDefinition<EsaState> = {
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
};
