/** ListSites and ListRecords: read-only views of the seeded sites and their DNS records. */
import type { ActionDefinition, ApiCall } from "../../../core/contract";
import { invalidParameter, siteNotFound } from "../errors";
import { MATCH_TYPES, idParam, nameMatches, optional, optionalBool, optionalEnum, page, paging } from "../params";
import { COVERAGES, PLAN_TYPES, sortedById, type EsaSite, type EsaState } from "../state";
import { recordView, siteView } from "../views";

/** ListSites `TagFilter` arrives JSON-encoded (the SDK's "shrink" of `[{Key, Value}]`). */
function tagFilter(call: ApiCall): { Key: string; Value?: string }[] {
  const raw = optional(call.params, "TagFilter");
  if (raw === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw invalidParameter("TagFilter", "It must be a JSON array of {Key, Value}.");
  }
  if (!Array.isArray(parsed)) throw invalidParameter("TagFilter", "It must be a JSON array of {Key, Value}.");
  return parsed.map((entry: unknown) => {
    const e = entry as { Key?: unknown; Value?: unknown } | null;
    if (typeof e?.Key !== "string") throw invalidParameter("TagFilter", "Every entry needs a string Key.");
    return typeof e.Value === "string" ? { Key: e.Key, Value: e.Value } : { Key: e.Key };
  });
}

function listSites(call: ApiCall, state: EsaState): Record<string, unknown> {
  const p = call.params;
  const siteName = optional(p, "SiteName");
  const searchType = optionalEnum(p, "SiteSearchType", MATCH_TYPES) ?? "exact";
  const status = optional(p, "Status");
  const coverage = optionalEnum(p, "Coverage", COVERAGES);
  const accessType = optionalEnum(p, "AccessType", ["NS", "CNAME"]);
  const onlyEnterprise = optionalBool(p, "OnlyEnterprise");
  const planSubscribeType = optionalEnum(
    p,
    "PlanSubscribeType",
    PLAN_TYPES.map((t) => `${t}plan`),
  );
  const resourceGroupId = optional(p, "ResourceGroupId");
  const orderBy = optionalEnum(p, "OrderBy", ["gmtCreate", "visitTime"]);
  const tags = tagFilter(call);
  const paged = paging(p, 500, 500);

  const matches = (s: EsaSite): boolean =>
    (siteName === undefined || nameMatches(s.siteName, siteName, searchType)) &&
    (status === undefined || s.status === status) &&
    (coverage === undefined || s.coverage === coverage) &&
    (accessType === undefined || s.accessType === accessType) &&
    (onlyEnterprise !== true || s.planType === "enterprise") &&
    (planSubscribeType === undefined || `${s.planType}plan` === planSubscribeType) &&
    (resourceGroupId === undefined || s.resourceGroupId === resourceGroupId) &&
    tags.every((t) => t.Key in s.tags && (t.Value === undefined || s.tags[t.Key] === t.Value));

  // Both documented orderings resolve to creation time here: the emulator has no visitor traffic.
  const sites = sortedById(state.sites)
    .filter(matches)
    .sort((a, b) => (orderBy === undefined ? 0 : b.createTime - a.createTime));
  const { items, ...rest } = page(sites, paged);
  return { Sites: items.map(siteView), ...rest };
}

function listRecords(call: ApiCall, state: EsaState): Record<string, unknown> {
  const p = call.params;
  const siteId = idParam(p, "SiteId");
  const recordName = optional(p, "RecordName");
  const matchType = optionalEnum(p, "RecordMatchType", MATCH_TYPES) ?? "exact";
  const type = optional(p, "Type")?.toUpperCase();
  const proxied = optionalBool(p, "Proxied");
  const sourceType = optionalEnum(p, "SourceType", ["OSS", "S3", "LB", "OP", "Domain"]);
  const bizName = optionalEnum(p, "BizName", ["image_video", "api", "web"]);
  const paged = paging(p, 500, 500);
  const site = state.sites[siteId];
  if (!site) throw siteNotFound(siteId);

  const records = sortedById(state.records).filter(
    (r) =>
      r.siteId === siteId &&
      (recordName === undefined || nameMatches(r.recordName, recordName, matchType)) &&
      // `A`, `AAAA` and `A/AAAA` all select ESA's combined A/AAAA type.
      (type === undefined || r.recordType === type || (r.recordType === "A/AAAA" && ["A", "AAAA"].includes(type))) &&
      (proxied === undefined || r.proxied === proxied) &&
      (sourceType === undefined || (r.recordType === "CNAME" && sourceType === "Domain")) &&
      (bizName === undefined || (r.proxied && bizName === "web")),
  );
  const { items, ...rest } = page(records, paged);
  return { Records: items.map((r) => recordView(r, site)), ...rest };
}

/** The site and DNS record reads by action name. */
export const siteActions: Readonly<Record<string, ActionDefinition<EsaState>>> = {
  ListSites: { handler: listSites, required: [], write: false },
  ListRecords: { handler: listRecords, required: ["SiteId"], write: false },
};
