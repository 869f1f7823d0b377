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

/** `UpdateCustomHostname` (./writes.ts sends it once and reads a lost answer back). */
export async function updateHostname(
  api: AlibabaApi,
  request: UpdateCustomHostnameRequest,
  options?: CallOptions,
): Promise<void> {
  await written(() => api.call(UpdateCustomHostname, request, options));
}

/** `ApplyCustomHostnameCertificate`: ask ESA for a new free certificate (./writes.ts reads a lost answer back). */
export async function applyCertificate(api: AlibabaApi, hostnameId: string, options?: CallOptions): Promise<void> {
  await written(() => api.call(ApplyCustomHostnameCertificate, { HostnameId: hostnameId }, options));
}

/**
 * `VerifyCustomHostname`: true when ESA says ownership is proven. `Passed: false` and `VerifyUnpassed` both mean
 * "not yet". It is a write (a passing Verify activates the hostname), sent once: after a lost answer the hostname is
 * read back (GetCustomHostname; `active` means it passed), and a definite rejection that may pass (throttling, a busy
 * code) is "not yet", so the wait's own pacing and deadline decide when to try again.
 */
export async function verifyHostname(api: AlibabaApi, hostnameId: string): Promise<boolean> {
  try {
    const request = { HostnameId: hostnameId };
    return (await written(() => api.call(VerifyCustomHostname, request, { retry: { maxAttempts: 1 } }))).passed;
  } catch (error: unknown) {
    if (!isAlibabaCloudError(error)) throw error;
    if (error.code === "CustomHostname.VerifyUnpassed") return false;
    if (error.ambiguous) return (await getHostname(api, hostnameId)).status === "active";
    if (error.retryable) return false;
    throw error;
  }
}

/** `DeleteCustomHostname`; not-found is success (nothing left to delete). ./writes.ts reads a lost answer back. */
export async function deleteHostname(api: AlibabaApi, hostnameId: string, options?: CallOptions): Promise<void> {
  await unlessNotFound(written(() => api.call(DeleteCustomHostname, { HostnameId: hostnameId }, options)));
}
