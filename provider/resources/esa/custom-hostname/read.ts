/**
 * Look-ups of one custom hostname. ESA documents no not-found code for `GetCustomHostname`, so "gone" is never
 * concluded from a Get error alone: it is confirmed with an exact-name `ListCustomHostnames`. Every other error
 * (throttling and 5xx are already retried by the transport) is thrown, never mistaken for "gone".
 */
import { isAlibabaCloudError } from "../../../transport/errors";
import { GetCustomHostname, ListCustomHostnames, type CustomHostnameModel } from "../../../transport/operations/esa";
import { type ReadResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { hostClient } from "../../common/host";
import { inputsFromModel, outputsOf, storedState } from "./mapping";

/** `GetCustomHostname`. */
export function getHostname(hostnameId: string): Promise<CustomHostnameModel> {
  return hostClient().call(GetCustomHostname, { HostnameId: hostnameId });
}

/**
 * The hostname named exactly `hostname` on the site (one `ListCustomHostnames` call with `NameMatchType=exact`),
 * or `undefined`. A site that no longer exists has no hostnames either.
 */
export async function findByName(siteId: string, hostname: string): Promise<CustomHostnameModel | undefined> {
  try {
    const page = await hostClient().call(ListCustomHostnames, {
      SiteId: siteId,
      Hostname: hostname,
      NameMatchType: "exact",
      PageSize: 100,
    });
    return page.hostnames.find((h) => h.hostname.toLowerCase() === hostname.toLowerCase());
  } catch (error: unknown) {
    if (isAlibabaCloudError(error) && error.code === "SiteNotFound") return undefined;
    throw error;
  }
}

/** True for a Get error that may mean "no such hostname" (to be confirmed, never trusted alone). */
function maybeGone(error: unknown): boolean {
  return isAlibabaCloudError(error) && error.kind === "api" && (error.notFound || error.code === "InvalidParameter");
}

/** Where to confirm absence: the site and name stored with the resource. */
export interface HostnameLocation {
  readonly siteId?: string | undefined;
  readonly hostname?: string | undefined;
}

/**
 * The live hostname, or `undefined` when it is confirmed gone: Get failed with a not-found-like code AND the exact
 * List on its site shows no hostname with this id. Without a stored site and name absence cannot be confirmed, so
 * the Get error is thrown.
 */
export async function fetchLive(hostnameId: string, where: HostnameLocation): Promise<CustomHostnameModel | undefined> {
  try {
    return await getHostname(hostnameId);
  } catch (error: unknown) {
    if (!maybeGone(error) || where.siteId === undefined || where.hostname === undefined) throw error;
    const listed = await findByName(where.siteId, where.hostname);
    if (listed === undefined || listed.hostnameId !== hostnameId) return undefined;
    throw error;
  }
}

/**
 * `read` (refresh, and `CustomHostname.get`): GetCustomHostname (1 call); inputs are rebuilt from live state. An
 * empty result (the engine drops the resource) only when absence is confirmed by an exact-name List (2 calls).
 */
export async function readCustomHostname(id: string, props: PropertyBag | undefined): Promise<ReadResult<PropertyBag>> {
  const stored = storedState(props ?? {});
  const model = await fetchLive(id, stored);
  if (model === undefined) return {};
  const inputs = inputsFromModel(model, stored);
  return { id: model.hostnameId, props: outputsOf(inputs, model), inputs };
}
