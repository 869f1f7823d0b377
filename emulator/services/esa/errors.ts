/**
 * ESA errors, as {@link ApiError}s the core renders as `{RequestId, HostId, Code, Message, Recommend}`.
 *
 * | Code | HTTP | Source |
 * |---|---|---|
 * | `InvalidParameter` | 400 | documented (every custom-hostname operation) |
 * | `MissingParameter` | 400 | Alibaba common error; used for the conditionally required CertType/Certificate/PrivateKey/CasId/CasRegion |
 * | `CustomHostname.NotFound` | 404 | documented (Apply/Delete tables) |
 * | `CustomHostname.VerifyUnpassed` | 200 | documented (Verify table; see handlers/lifecycle.ts) |
 * | `TooManyRequests` | 429 | code from TF's ESA retry list; status chosen (CreateCustomHostname 100/hour) |
 * | `SiteNotFound` | 404 | code from TF's ESA not-found list; status chosen |
 * | `Record.NotFound` | 404 | code from third-party code; status chosen |
 * | `Record.NotProxied` | 400 | chosen: a SaaS origin record must be proxied (cf. documented `Record.ProxiedAsCustomHostnameSource`) |
 * | `CustomHostname.AlreadyExist` | 400 | chosen (Alibaba style, cf. CDN `DomainAlreadyExist` 400) |
 * | `CustomHostname.ConflictWithSite` | 400 | chosen: hostname is a site's own zone |
 * | `CustomHostname.ConflictWithRecord` | 400 | chosen: hostname is an existing DNS record of a site |
 * | `CustomHostname.WildcardNotSupported` | 400 | chosen: wildcard hostnames need an Enterprise plan |
 * | `CustomHostname.QuotaExceeded` | 400 | chosen: the plan's custom-hostname quota is used up |
 * | `CustomHostname.CertTypeNotSupported` | 400 | chosen: ApplyCustomHostnameCertificate on a non-free certificate |
 * | `CustomHostname.CertStatusNotAllowed` | 400 | chosen: ApplyCustomHostnameCertificate outside ApplyFailed/Expiring/Expired |
 * | `Certificate.Invalid` | 400 | chosen: uploaded Certificate is not a parseable PEM X.509 certificate |
 * | `PrivateKey.Invalid` | 400 | chosen: uploaded PrivateKey is not a parseable PEM key |
 * | `Certificate.KeyNotMatch` | 400 | chosen: PrivateKey does not belong to Certificate |
 * | `Certificate.DomainNotMatch` | 400 | chosen: Certificate's SAN/CN does not cover the hostname |
 * | `CasCertificate.NotFound` | 404 | chosen: CasId is not an issued/uploaded CAS certificate |
 */
import { ApiError } from "../../core/contract";

/** The documented generic validation failure; the message names the parameter so tests and users can tell why. */
export function invalidParameter(name: string, why: string): ApiError {
  return new ApiError(400, "InvalidParameter", `The specified parameter ${name} is invalid. ${why}`);
}

/** A parameter that is required only in combination with another one (the core handles the always-required ones). */
export function missingParameter(name: string, because: string): ApiError {
  return new ApiError(
    400,
    "MissingParameter",
    `The input parameter "${name}" that is mandatory for processing this request is not supplied (${because}).`,
  );
}

export function siteNotFound(siteId: string): ApiError {
  return new ApiError(404, "SiteNotFound", `The site ${siteId} does not exist or does not belong to you.`);
}

export function recordNotFound(recordId: string, siteId: string): ApiError {
  return new ApiError(404, "Record.NotFound", `The record ${recordId} does not exist in site ${siteId}.`);
}

export function recordNotProxied(recordName: string): ApiError {
  return new ApiError(
    400,
    "Record.NotProxied",
    `The record ${recordName} is not proxied. Only proxied records can be the source of a custom hostname.`,
  );
}

export function hostnameNotFound(): ApiError {
  return new ApiError(404, "CustomHostname.NotFound", "The custom hostname does not exist. Modify it and try again.");
}

export function hostnameAlreadyExists(hostname: string): ApiError {
  return new ApiError(400, "CustomHostname.AlreadyExist", `The custom hostname ${hostname} already exists.`);
}

export function conflictWithSite(hostname: string): ApiError {
  return new ApiError(
    400,
    "CustomHostname.ConflictWithSite",
    `The custom hostname ${hostname} conflicts with a site that has been added to ESA.`,
  );
}

export function conflictWithRecord(hostname: string): ApiError {
  return new ApiError(
    400,
    "CustomHostname.ConflictWithRecord",
    `The custom hostname ${hostname} conflicts with an existing DNS record of a site.`,
  );
}

export function wildcardNotSupported(): ApiError {
  return new ApiError(
    400,
    "CustomHostname.WildcardNotSupported",
    "Wildcard custom hostnames are supported only by the Enterprise plan.",
  );
}

export function quotaExceeded(quota: number): ApiError {
  return new ApiError(
    400,
    "CustomHostname.QuotaExceeded",
    `The number of custom hostnames has reached the quota of the plan (${quota}).`,
  );
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

export function certificateInvalid(): ApiError {
  return new ApiError(400, "Certificate.Invalid", "The certificate is not a valid PEM-encoded X.509 certificate.");
}

export function privateKeyInvalid(): ApiError {
  return new ApiError(400, "PrivateKey.Invalid", "The private key is not a valid PEM-encoded private key.");
}

export function certificateKeyNotMatch(): ApiError {
  return new ApiError(400, "Certificate.KeyNotMatch", "The private key does not match the certificate.");
}

export function certificateDomainNotMatch(hostname: string): ApiError {
  return new ApiError(400, "Certificate.DomainNotMatch", `The certificate does not cover the hostname ${hostname}.`);
}

export function casCertificateNotFound(casId: string): ApiError {
  return new ApiError(
    404,
    "CasCertificate.NotFound",
    `The SSL certificate ${casId} does not exist in Certificate Management Service.`,
  );
}
