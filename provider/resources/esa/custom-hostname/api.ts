/**
 * Every Alibaba Cloud call `esa.CustomHostname` makes (ESA API 2024-09-10), each taking the client seam
 * {@link AlibabaApi} so tests pass a fake. Retries of throttling and transient errors are the transport's. Every
 * write goes through {@link written}, so no shared site listing from before it answers a later refresh read.
 */
import { type CallOptions } from "../../../transport/client";
import { isAlibabaCloudError } from "../../../transport/errors";
import {
  ApplyCustomHostnameCertificate,
  CreateCustomHostname,
  DeleteCustomHostname,
  GetCustomHostname,
  ListCustomHostnames,
  UpdateCustomHostname,
  VerifyCustomHostname,
  type CreateCustomHostnameRequest,
  type CustomHostnameModel,
  type UpdateCustomHostnameRequest,
} from "../../../transport/operations/esa";
import { unlessNotFound, type AlibabaApi } from "../../common/host";
import { noteHostnameWrite } from "./site-listing";

/** Run an ESA write, dropping the shared site listings when it is sent and again when it has ended. */
async function written<T>(write: () => Promise<T>): Promise<T> {
  noteHostnameWrite();
  try {
    return await write();
  } finally {
    noteHostnameWrite();
  }
}

/** `CreateCustomHostname`: the new `HostnameId`. `options` reach the transport (create turns its retries off). */
export async function createHostname(
  api: AlibabaApi,
  request: CreateCustomHostnameRequest,
  options?: CallOptions,
): Promise<string> {
  return (await written(() => api.call(CreateCustomHostname, request, options))).hostnameId;
}

/** `GetCustomHostname`. */
export function getHostname(api: AlibabaApi, hostnameId: string): Promise<CustomHostnameModel> {
  return api.call(GetCustomHostname, { HostnameId: hostnameId });
}

/**
 * The hostname named exactly `hostname` on the site (one `ListCustomHostnames` call with `NameMatchType=exact`),
 * or `undefined`. A site that no longer exists has no hostnames either.
 */
export async function findByName(
  api: AlibabaApi,
  siteId: string,
  hostname: string,
): Promise<CustomHostnameModel | undefined> {
  try {
    const page = await api.call(ListCustomHostnames, {
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

/** `UpdateCustomHostname`. */
export async function updateHostname(api: AlibabaApi, request: UpdateCustomHostnameRequest): Promise<void> {
  await written(() => api.call(UpdateCustomHostname, request));
}

/** `ApplyCustomHostnameCertificate`: ask ESA for a new free certificate. */
export async function applyCertificate(api: AlibabaApi, hostnameId: string): Promise<void> {
  await written(() => api.call(ApplyCustomHostnameCertificate, { HostnameId: hostnameId }));
}

/** `VerifyCustomHostname`: true when ESA says ownership is proven. `Passed: false` and `VerifyUnpassed` both mean "not yet". */
export async function verifyHostname(api: AlibabaApi, hostnameId: string): Promise<boolean> {
  try {
    return (await written(() => api.call(VerifyCustomHostname, { HostnameId: hostnameId }))).passed;
  } catch (error: unknown) {
    if (isAlibabaCloudError(error) && error.code === "CustomHostname.VerifyUnpassed") return false;
    throw error;
  }
}

/** `DeleteCustomHostname`; not-found is success (nothing left to delete). */
export async function deleteHostname(api: AlibabaApi, hostnameId: string): Promise<void> {
  await unlessNotFound(written(() => api.call(DeleteCustomHostname, { HostnameId: hostnameId })));
}
