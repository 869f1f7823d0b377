/**
 * Refresh of hostnames with SSL off through shared `ListCustomHostnames` pages. A List item carries every field of
 * `GetCustomHostname` except `CasId`, `CertId`, `Certificate` and `PrivateKey` (the response models of npm
 * `@alicloud/esa20240910` 2.43.0 and PyPI `alibabacloud_esa20240910` 3.16.0), and a hostname with SSL off has none
 * of those, so for it one item is the whole truth. Concurrent refreshes of one site share one listing (see
 * common/shared-reads.ts): 300 such hostnames cost one call, not 300. A hostname with SSL on still costs its Get.
 *
 * A site may hold far more hostnames than the stack manages. Page 1 (500 hostnames) is always fetched; a further
 * page only while the reads sharing the listing are at least as many as the pages still to fetch, so a listing never
 * costs more calls than the Gets it replaces (plus the first page). A hostname the listing did not reach, or
 * that it shows with SSL on, is read with its Get as before, and absence is never concluded from a listing.
 */
import { type CustomHostnameModel, ListCustomHostnames } from "../../../transport/operations/esa";
import { type AlibabaApi } from "../../common/host";
import { SharedReads } from "../../common/shared-reads";
import { readSetting } from "../../../settings/read";
import { SETTINGS } from "../../../settings/table";

/** The most hostnames one `ListCustomHostnames` page returns (documented `PageSize` maximum). */
export const LIST_PAGE_SIZE = 500;
/** How long a finished site listing answers later reads: one refresh round, short against out-of-band changes. */
export const SITE_LISTING_REUSE_MS = 5000;
/**
 * Default gather window before a site listing starts: none. A listing covers the whole site, so reads arriving while
 * it is fetched join it and later ones take it from the reuse window; waiting first would only delay every refresh.
 */
export const DEFAULT_SITE_LISTING_GATHER_MS = SETTINGS.esaGatherMs.default;

/** The hostnames a listing reached, by HostnameId. */
type SiteListing = ReadonlyMap<string, CustomHostnameModel>;

/** False when env `ALICLOUD_CERTS_ESA_LIST_READS=off`: every refresh reads its hostname with GetCustomHostname. */
export function listReadsEnabled(): boolean {
  return readSetting(SETTINGS.esaListReads);
}

/** Process-wide site listings (module state of the host process, like GA's listener listings). */
export const siteReads = new SharedReads<SiteListing>({
  gatherMs: () => readSetting(SETTINGS.esaGatherMs),
  reuseMs: () => SITE_LISTING_REUSE_MS,
});

/**
 * Record an ESA write being sent or ended: no listing from before it answers a later read. Writes name a hostname,
 * not its site, so every site's listing is dropped; writes are rare next to refresh reads.
 */
export function noteHostnameWrite(): void {
  for (const siteId of siteReads.keys.keys()) siteReads.noteWrite(siteId);
}

/** Every page the readers' number justifies (see the module comment). */
async function listSite(api: AlibabaApi, siteId: string, sharing: () => number): Promise<SiteListing> {
  const byId = new Map<string, CustomHostnameModel>();
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await api.call(ListCustomHostnames, {
      SiteId: siteId,
      PageNumber: pageNumber,
      PageSize: LIST_PAGE_SIZE,
    });
    for (const hostname of page.hostnames) byId.set(hostname.hostnameId, hostname);
    const pages = Math.ceil(page.totalCount / LIST_PAGE_SIZE);
    const left = pages - pageNumber;
    if (page.hostnames.length === 0 || left <= 0 || left > sharing()) return byId;
  }
}

/**
 * The hostname as its site's shared listing shows it, when that is all a read needs: `undefined` unless the stored
 * state and the listed hostname both have SSL off (then the caller reads it with its Get). A failed listing is
 * `undefined` too: the Get reports what is wrong, or finds the hostname gone.
 */
export async function listedWithoutTls(
  api: AlibabaApi,
  hostnameId: string,
  stored: { readonly siteId?: string | undefined; readonly sslFlag?: string | undefined },
): Promise<CustomHostnameModel | undefined> {
  if (!listReadsEnabled() || stored.sslFlag !== "off" || stored.siteId === undefined) return undefined;
  const siteId = stored.siteId;
  const listing = await siteReads.read(siteId, (sharing) => listSite(api, siteId, sharing)).catch(() => undefined);
  const listed = listing?.get(hostnameId);
  return listed?.sslFlag === "off" ? listed : undefined;
}
