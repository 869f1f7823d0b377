/**
 * What to tell the user after CreateCustomHostname answers `CustomHostname.ConflictWithExistingResource`. ESA
 * documents one code for a name held by a site, a record, a load balancer, an origin pool, a custom hostname or a
 * Layer 4 record, so the holder is found by looking the name up: a custom hostname of that name can be adopted
 * (`adoptExisting`), anything else has to be freed first.
 */
import { type AlibabaClient } from "../../../transport/client";
import { isAlibabaCloudError } from "../../../transport/errors";
import { ListCustomHostnames, ListRecords, ListSites } from "../../../transport/operations/esa";

/** The documented code for "the name is already taken". */
export const CONFLICT_CODE = "CustomHostname.ConflictWithExistingResource";

/** True for the documented conflict error. */
export function isNameConflict(error: unknown): boolean {
  return isAlibabaCloudError(error) && error.code === CONFLICT_CODE;
}

/** How many sites are searched for another holder of the name (one ListRecords and one ListCustomHostnames each). */
const MAX_SITES_SEARCHED = 20;

type Client = Pick<AlibabaClient, "call">;

/** The id of the entry named `hostname` (DNS names compare case-insensitively), from `[name, id]` pairs. */
function idNamed(hostname: string, entries: readonly (readonly [name: string, id: string])[]): string | undefined {
  return entries.find(([name]) => name.toLowerCase() === hostname.toLowerCase())?.[1];
}

/** The custom hostname named `hostname` on the site: one exact-name ListCustomHostnames. */
async function customHostnameIn(client: Client, siteId: string, hostname: string): Promise<string | undefined> {
  const exact = { SiteId: siteId, Hostname: hostname, NameMatchType: "exact" as const, PageSize: 100 };
  const page = await client.call(ListCustomHostnames, exact);
  return idNamed(
    hostname,
    page.hostnames.map((h) => [h.hostname, h.hostnameId] as const),
  );
}

/** The DNS record named `hostname` on the site: one exact-name ListRecords. */
async function recordIn(client: Client, siteId: string, hostname: string): Promise<string | undefined> {
  const page = await client.call(ListRecords, {
    SiteId: siteId,
    RecordName: hostname,
    RecordMatchType: "exact",
    PageSize: 100,
  });
  return idNamed(
    hostname,
    page.records.map((r) => [r.recordName, r.recordId] as const),
  );
}

/** Sites to search, the hostname's own site first. */
async function sitesToSearch(client: Client, siteId: string): Promise<{ ids: string[]; zone: Map<string, string> }> {
  const page = await client.call(ListSites, { PageSize: MAX_SITES_SEARCHED });
  const zone = new Map(page.sites.map((s) => [s.siteId, s.siteName.toLowerCase()]));
  const ids = [siteId, ...page.sites.map((s) => s.siteId).filter((id) => id !== siteId)].slice(0, MAX_SITES_SEARCHED);
  return { ids, zone };
}

/**
 * The sentence that follows the conflict error: who holds `hostname` and what to do. Look-up failures never hide
 * the original error; they make the hint generic instead.
 */
export async function conflictHint(client: Client, siteId: string, hostname: string): Promise<string> {
  const adopt = "To manage it with this resource, set adoptExisting: true.";
  try {
    const own = await customHostnameIn(client, siteId, hostname);
    if (own !== undefined)
      return `A custom hostname ${hostname} already exists in site ${siteId} (HostnameId ${own}). ${adopt}`;
    const { ids, zone } = await sitesToSearch(client, siteId);
    for (const id of ids) {
      if (zone.get(id) === hostname.toLowerCase()) {
        return `${hostname} is the zone of ESA site ${id}; a site's own name cannot be a custom hostname. Choose another hostname.`;
      }
      const recordId = await recordIn(client, id, hostname);
      if (recordId !== undefined) {
        return `${hostname} is a DNS record of ESA site ${id} (RecordId ${recordId}). Delete that record or choose another hostname.`;
      }
      if (id === siteId) continue;
      const other = await customHostnameIn(client, id, hostname);
      if (other !== undefined) {
        return `${hostname} is already a custom hostname of another site, ${id} (HostnameId ${other}); adoptExisting only adopts within siteId ${siteId}. Delete it there or set siteId to ${id} and adoptExisting: true.`;
      }
    }
    return `No site, record or custom hostname of that name was found in ${ids.length} site(s) searched, so a load balancer, an origin pool or a Layer 4 record (or an object of another account) holds ${hostname}. Free the name in the ESA console or choose another hostname.`;
  } catch {
    return `The holder could not be looked up. If it is a custom hostname in site ${siteId}, set adoptExisting: true; otherwise free the name in the ESA console.`;
  }
}
