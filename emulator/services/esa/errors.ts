/**
 * ESA errors, as {@link ApiError}s the core renders as `{RequestId, HostId, Code, Message, Recommend}`. Where a seed
 * page's error table (000 Apply, 001 Update, 002 Create) documents a code for a situation, that code is answered,
 * generic `InvalidParameter` included; a code of our own only where none fits (docs/emulator.md §7.3).
 *
 * | Code | HTTP | Source |
 * |---|---|---|
 * | `InvalidParameter` | 400 | documented (Create/Update/Apply): malformed values, a missing conditionally required parameter (CertType, Certificate, PrivateKey, CasId, CasRegion), an upload that is not a PEM certificate/key, a key that does not match, a certificate that does not cover the hostname, a CasId CAS does not hold, a source record that is not proxied |
 * | `CustomHostname.NotFound` | 404 | documented (Update/Apply tables) |
 * | `CustomHostname.VerifyUnpassed` | 200 | documented (Verify table; see handlers/verification.ts) |
 * | `TooManyRequests` | 429 | code from TF's ESA retry list; status chosen (CreateCustomHostname 100/hour) |
 * | `SiteNotFound` | 404 | code from TF's ESA not-found list; status chosen |
 * | `Record.NotFound` | 404 | code from third-party code; status chosen |
 * | `CustomHostname.ConflictWithExistingResource` | 400 | documented (Create table): a custom hostname, site or record holds the name |
 * | `CustomHostname.WildcardDomainRequireEnterprisePlan` | 400 | documented (Create table) |
 * | `QuotaExceed.CustomHostname` | 400 | documented (Create table) |
 * | `CustomHostname.CheckQuotaFailed` / `QueryCasCertFailed` | 400 | documented (Create table); model/conditions.ts |
 * | `CustomHostname.ApplyCertFailed` / `SetCertFailed` | 400 on Create, 404 on Update | documented (both tables) |
 * | `CustomHostname.OfflineForMultiReason` | 400 | documented (Create table): the site is offline for 2+ reasons |
 * | `Site.ServiceBusy` | 400 | documented (Create table) |
 * | `Record.ServiceBusy` | 400 | documented (Update table) |
 * | `Instance.NotOnline` | 400 | documented (Create/Update/Apply tables): unpaid plan |
 * | `InternalException` | 400 | documented (Create/Update/Apply tables) |
 * | `NoPermission` | 400 | documented (Update/Apply tables); answered on every ESA action (chosen for the others) |
 * | `CustomHostname.CertTypeNotSupported` | 400 | chosen: ApplyCustomHostnameCertificate on a hostname whose SSL is off or not free (a state, not a parameter) |
 * | `CustomHostname.CertStatusNotAllowed` | 400 | chosen: ApplyCustomHostnameCertificate outside ApplyFailed/Expiring/Expired (a state) |
 */
import { ApiError } from "../../core/contract";

/** The documented generic validation failure; the message names the parameter so tests and users can tell why. */
export function invalidParameter(name: string, why: string): ApiError {
  return new ApiError(400, "InvalidParameter", `The specified parameter ${name} is invalid. ${why}`);
}

/**
 * A parameter required only with another one's value, missing: the tables document `InvalidParameter` for it (the
 * core answers `Missing<Name>` only for the always-required ones, as the gateway does).
 */
export function missingConditional(name: string, because: string): ApiError {
  return invalidParameter(name, `It is required when ${because}.`);
}

export function siteNotFound(siteId: string): ApiError {
  return new ApiError(404, "SiteNotFound", `The site ${siteId} does not exist or does not belong to you.`);
}

export function recordNotFound(recordId: string, siteId: string): ApiError {
  return new ApiError(404, "Record.NotFound", `The record ${recordId} does not exist in site ${siteId}.`);
}

/** A record ESA does not proxy cannot be a hostname's source: the RecordId is invalid for it. */
export function recordNotProxied(recordName: string): ApiError {
  return invalidParameter(
    "RecordId",
    `The record ${recordName} is not proxied; only proxied records can be the source of a custom hostname.`,
  );
}

export function hostnameNotFound(): ApiError {
  return new ApiError(404, "CustomHostname.NotFound", "The custom hostname does not exist. Modify it and try again.");
}

/**
 * Documented (Create table) for a name held by a site, a record, a load balancer, an origin pool, a custom hostname
 * or a Layer 4 record; the message is the documented one and, like the real service, does not say which.
 */
export function conflictWithExistingResource(): ApiError {
  return new ApiError(
    400,
    "CustomHostname.ConflictWithExistingResource",
    "The custom hostname conflicts with existing resources, such as sites, records, load balancers, source address pools, custom hostnames and Layer 4 proxy records.",
  );
}

export function wildcardRequiresEnterprisePlan(): ApiError {
  return new ApiError(
    400,
    "CustomHostname.WildcardDomainRequireEnterprisePlan",
    "Wildcard custom hostnames require an Enterprise plan.",
  );
}

export function quotaExceeded(): ApiError {
  return new ApiError(
    400,
    "QuotaExceed.CustomHostname",
    "The number of custom hostnames exceeds the plan quota. Contact the sales team to increase your quota.",
  );
}

export function siteServiceBusy(): ApiError {
  return new ApiError(400, "Site.ServiceBusy", "This website is being configured. Try again later.");
}

export function recordServiceBusy(): ApiError {
  return new ApiError(400, "Record.ServiceBusy", "The record is being configured. Try again later.");
}

export function instanceNotOnline(): ApiError {
  return new ApiError(
    400,
    "Instance.NotOnline",
    "Your plan is unavailable due to an overdue payment. Complete the payment first.",
  );
}

export function internalException(): ApiError {
  return new ApiError(
    400,
    "InternalException",
    "Failed to call the service. Try again later or contact technical support.",
  );
}

export function noPermission(): ApiError {
  return new ApiError(
    400,
    "NoPermission",
    "You do not have permissions to access or operate on the resource.Contact your account administrator to attach the AliyunESAFullAccess policy to the current user.",
  );
}

export function offlineForMultiReason(reasons: readonly string[]): ApiError {
  return new ApiError(
    400,
    "CustomHostname.OfflineForMultiReason",
    `Unable to activate the custom hostname because it is offline due to multiple reasons (${reasons.join(", ")}).`,
  );
}

/** The documented code and message of each transient back-end step (see model/conditions.ts). */
const STEP_ERRORS = {
  checkQuota: ["CustomHostname.CheckQuotaFailed", "Fail to check quota for custom hostname. Please try again later."],
  applyCert: [
    "CustomHostname.ApplyCertFailed",
    "Fail to apply a free cert for custom hostname. Please try again later.",
  ],
  setCert: ["CustomHostname.SetCertFailed", "Fail to deploy a cert for custom hostname. Please try again later."],
  queryCas: ["CustomHostname.QueryCasCertFailed", "Fail to query CAS certificate details. Please try again later."],
} as const;

export function backendStepFailed(step: keyof typeof STEP_ERRORS, status: number): ApiError {
  const [code, message] = STEP_ERRORS[step];
  return new ApiError(status, code, message);
}

export function verifyUnpassed(): ApiError {
  return new ApiError(
    200,
    "CustomHostname.VerifyUnpassed",
    "The custom hostname ownership verification failed. Complete the verification and try again.",
  );
}

export function certTypeNotSupported(): ApiError {
  return new ApiError(
    400,
    "CustomHostname.CertTypeNotSupported",
    "A certificate can be applied for only when SSL is on and the certificate type is free.",
  );
}

export function certStatusNotAllowed(status: string | null): ApiError {
  return new ApiError(
    400,
    "CustomHostname.CertStatusNotAllowed",
    `A new certificate can be applied for only when the certificate status is ApplyFailed, Expiring or Expired (current: ${status ?? "none"}).`,
  );
}

/** The uploaded Certificate does not parse as a PEM X.509 certificate. */
export function certificateInvalid(): ApiError {
  return invalidParameter("Certificate", "It is not a PEM-encoded X.509 certificate.");
}

/** The uploaded PrivateKey does not parse as a PEM private key (the key itself is never echoed). */
export function privateKeyInvalid(): ApiError {
  return invalidParameter("PrivateKey", "It is not a PEM-encoded private key.");
}

/** The uploaded PrivateKey is not the key of the uploaded Certificate. */
export function certificateKeyNotMatch(): ApiError {
  return invalidParameter("PrivateKey", "It does not match the public key of Certificate.");
}

/** The uploaded Certificate covers neither the hostname nor a wildcard of it (RFC 6125 matching). */
export function certificateDomainNotMatch(hostname: string): ApiError {
  return invalidParameter("Certificate", `It does not cover the hostname ${hostname}.`);
}

/** CasId names no issued or uploaded, non-revoked CAS certificate. */
export function casCertificateNotFound(casId: string): ApiError {
  return invalidParameter("CasId", `Certificate Management Service holds no usable certificate ${casId}.`);
}
