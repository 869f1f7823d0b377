/**
 * Reading a listener's additional certificates: ListListenerCertificates(Role=additional), every page.
 */
import { type AlibabaClient, type CallOptions } from "../../../transport/client";
import { isAlibabaCloudError } from "../../../transport/errors";
import { ListListenerCertificates } from "../../../transport/operations/ga";
import { type LiveBinding } from "./types";

/** The part of the client the engine uses (tests pass a fake). */
export type GaApi = Pick<AlibabaClient, "call">;

/** The largest page the API allows, so most listeners take one call. */
const PAGE_SIZE = 50;

/** Codes after which the listener, and so every binding on it, is confirmed gone. */
const GONE_CODES = new Set(["NotExist.Listener", "NotExist.Accelerator"]);

/** True when `error` confirms the listener or its accelerator no longer exists. */
export function isListenerGone(error: unknown): boolean {
  return isAlibabaCloudError(error) && GONE_CODES.has(error.code);
}

/**
 * Every additional binding of a listener, keyed by lower-case domain. Throws the transport's error (after its
 * retries, shaped by `options`) on failure, including `NotExist.*` (test with {@link isListenerGone}). API calls:
 * ⌈bindings / 50⌉, at least 1.
 */
export async function listBindings(
  api: GaApi,
  acceleratorId: string,
  listenerId: string,
  options: CallOptions = {},
): Promise<Map<string, LiveBinding>> {
  const bindings = new Map<string, LiveBinding>();
  let nextToken: string | undefined;
  do {
    const page = await api.call(
      ListListenerCertificates,
      {
        AcceleratorId: acceleratorId,
        ListenerId: listenerId,
        Role: "additional",
        MaxResults: PAGE_SIZE,
        ...(nextToken === undefined ? {} : { NextToken: nextToken }),
      },
      options,
    );
    for (const cert of page.certificates) {
      if (cert.isDefault || cert.domain === undefined) continue;
      const domain = cert.domain.toLowerCase();
      bindings.set(domain, { domain, certificateId: cert.certificateId, state: cert.state ?? "active" });
    }
    nextToken = page.nextToken === "" ? undefined : page.nextToken;
  } while (nextToken !== undefined);
  return bindings;
}
