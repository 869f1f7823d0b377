/** GetCustomHostname and ListCustomHostnames. */
import type { ActionDefinition, ApiCall } from "../../../core/contract";
import { MATCH_TYPES, idParam, nameMatches, optional, optionalEnum, optionalIdParam, page, paging } from "../params";
import { compareIds, HOSTNAME_STATUSES, type EsaState } from "../state";
import { hostnameGetView, hostnameListView } from "../views";
import { requireHostname, requireSite } from "../lookups";

function getCustomHostname(call: ApiCall, state: EsaState): Record<string, unknown> {
  return { CustomHostnameModel: hostnameGetView(state, requireHostname(state, call.params)) };
}

function listCustomHostnames(call: ApiCall, state: EsaState): Record<string, unknown> {
  const p = call.params;
  const siteId = idParam(p, "SiteId");
  const hostname = optional(p, "Hostname")?.toLowerCase();
  const how = optionalEnum(p, "NameMatchType", MATCH_TYPES) ?? "exact";
  const recordId = optionalIdParam(p, "RecordId");
  const status = optionalEnum(p, "Status", HOSTNAME_STATUSES);
  const paged = paging(p, 100, 500);
  requireSite(state, siteId);

  // Filtered before sorting: an exact-name look-up sorts its one match, not every hostname of every site.
  const found = Object.values(state.hostnames)
    .filter(
      (h) =>
        h.siteId === siteId &&
        (hostname === undefined || nameMatches(h.hostname, hostname, how)) &&
        (recordId === undefined || h.recordId === recordId) &&
        (status === undefined || h.status === status),
    )
    .sort((a, b) => compareIds(a.hostnameId, b.hostnameId));
  const { items, ...rest } = page(found, paged);
  return { Hostnames: items.map((h) => hostnameListView(state, h)), ...rest };
}

/** The custom hostname reads by action name. */
export const hostnameReadActions: Readonly<Record<string, ActionDefinition<EsaState>>> = {
  GetCustomHostname: { handler: getCustomHostname, required: ["HostnameId"], write: false },
  ListCustomHostnames: { handler: listCustomHostnames, required: ["SiteId"], write: false },
};
