/**
 * Look-ups of one custom hostname. ESA documents no not-found code for `GetCustomHostname`, so "gone" is never
 * concluded from a Get error alone: it is confirmed with an exact-name `ListCustomHostnames`. Every other error
 * (throttling and 5xx are already retried by the transport) is thrown, never mistaken for "gone".
 */
import { type ReadResult } from "@pulumi/pulumi/dynamic";
import { isAlibabaCloudError } from "../../../transport/errors";
import { type CustomHostnameModel } from "../../../transport/operations/esa";
import { type PropertyBag, readResult } from "../../common/dynamic";
import { type AlibabaApi } from "../../common/host";
import { findByName, getHostname } from "./api";
import { inputsFromModel, outputsOf, storedState } from "./mapping";
import { listedWithoutTls } from "./site-listing";

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
export async function fetchLive(
  api: AlibabaApi,
  hostnameId: string,
  where: HostnameLocation,
): Promise<CustomHostnameModel | undefined> {
  try {
    return await getHostname(api, hostnameId);
  } catch (error: unknown) {
    if (!maybeGone(error) || where.siteId === undefined || where.hostname === undefined) throw error;
    const listed = await findByName(api, where.siteId, where.hostname);
    if (listed === undefined || listed.hostnameId !== hostnameId) return undefined;
    throw error;
  }
}

/**
 * `read` (refresh, and `CustomHostname.get`); inputs are rebuilt from live state. A hostname stored with SSL off is
 * read from its site's shared ListCustomHostnames listing when that shows it with SSL off (one call per site per
 * refresh round; see ./site-listing). Otherwise GetCustomHostname (1 call): a List item has no `CasId`, `CertId`,
 * `Certificate` or `PrivateKey`, so it cannot show drift of a CAS or uploaded certificate, and those are inputs
 * refresh must rebuild. An empty result (the engine drops the resource) only when absence is confirmed by a failed
 * Get and an exact-name List (2 calls).
 */
export async function readCustomHostname(
  api: AlibabaApi,
  id: string,
  props: PropertyBag | undefined,
): Promise<ReadResult<PropertyBag>> {
  const stored = storedState(props ?? {});
  const model = (await listedWithoutTls(api, id, stored)) ?? (await fetchLive(api, id, stored));
  if (model === undefined) return {};
  const inputs = inputsFromModel(model, stored);
  return readResult(model.hostnameId, outputsOf(inputs, model), inputs, props ?? {});
}
