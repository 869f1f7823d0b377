/**
 * Identifier formats of GA listener additional certificates, shared by check, the engine and both resources.
 */
import { CERT_IDENTIFIER } from "../common/check";

/** A GA instance id as the API returns it, e.g. `ga-bp1odcab8tmno0hdq1234`. */
export const ACCELERATOR_ID = /^ga-[a-z0-9]+$/;

/** A GA listener id, e.g. `lsr-bp1bpn0kn908w4nbw1234`. */
export const LISTENER_ID = /^lsr-[a-z0-9]+$/;

/** A GA certificate id: the CAS `<certId>-<region>` identifier (shared rule). */
export const GA_CERTIFICATE_ID = CERT_IDENTIFIER;

/** Documented: at most 10 certificates (Associate) or domains (Dissociate) per call. */
export const MAX_PER_CALL = 10;

/**
 * Documented quota `gaplus_quota_additional_certs_per_listener`: 3 additional certificates per HTTPS listener by
 * default, at most 10 after a quota increase. A resource that names more distinct certificates can never apply.
 */
export const MAX_CERTIFICATES_PER_LISTENER = 10;

/** The id of one binding, `<acceleratorId>:<listenerId>:<domain>` (the form Terraform and the Pulumi bridge use). */
export function bindingId(acceleratorId: string, listenerId: string, domain: string): string {
  return `${acceleratorId}:${listenerId}:${domain}`;
}

/** The id of a listener's binding set, `<acceleratorId>:<listenerId>`. */
export function listenerSetId(acceleratorId: string, listenerId: string): string {
  return `${acceleratorId}:${listenerId}`;
}

/** The parts of a binding or listener-set id. */
export interface ParsedId {
  /** The GA instance id. */
  readonly acceleratorId: string;
  /** The listener id. */
  readonly listenerId: string;
  /** The lower-cased domain of a binding id; undefined for a listener-set id. */
  readonly domain: string | undefined;
}

/** Parse `<acceleratorId>:<listenerId>[:<domain>]`; undefined when the text has another shape. */
export function parseId(id: string): ParsedId | undefined {
  const [acceleratorId, listenerId, domain, ...rest] = id.split(":");
  if (acceleratorId === undefined || listenerId === undefined || rest.length > 0) return undefined;
  if (!ACCELERATOR_ID.test(acceleratorId) || !LISTENER_ID.test(listenerId)) return undefined;
  if (domain === "") return undefined;
  return { acceleratorId, listenerId, domain: domain?.toLowerCase() };
}
