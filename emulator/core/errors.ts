import { randomUUID } from "node:crypto";
import { ApiError, type Product } from "./contract";

/** The JSON error body Alibaba's gateways return (and `@alicloud/openapi-client` decodes into `e.code`/`e.data`). */
export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

/** Product names as they appear in the diagnose URL of the real services. */
const DIAGNOSE_PRODUCT: Readonly<Record<Product, string>> = { esa: "ESA", cas: "cas", ga: "Ga" };

/** A new request id: an upper-case UUID, the format the real services use. */
export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** The host name of a `Host` header (port and IPv6 brackets removed); the real services echo it as `HostId`. */
export function hostIdOf(hostHeader: string | undefined): string {
  if (hostHeader === undefined || hostHeader === "") return "";
  if (hostHeader.startsWith("[")) {
    const end = hostHeader.indexOf("]");
    return end > 0 ? hostHeader.slice(1, end) : hostHeader;
  }
  const colon = hostHeader.lastIndexOf(":");
  return colon >= 0 ? hostHeader.slice(0, colon) : hostHeader;
}

/** Build the error body for `err`; `product` is unknown when the version could not be resolved. */
export function errorBody(err: ApiError, requestId: string, hostId: string, product: Product | undefined): ErrorBody {
  const productName = product === undefined ? "" : DIAGNOSE_PRODUCT[product];
  const recommend =
    `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}` +
    `&product=${encodeURIComponent(productName)}&requestId=${encodeURIComponent(requestId)}`;
  return { RequestId: requestId, HostId: hostId, Code: err.code, Message: err.message, Recommend: recommend };
}

/**
 * The errors the core itself raises. Codes and messages follow Alibaba's published common error table
 * (`Missing{Parameter}`, `InvalidTimeStamp.*`, `SignatureNonceUsed`, `SignatureDoesNotMatch`, …). Where the table has
 * no entry (`MissingAuthorization`, `MissingSecurityToken`, `ContentSha256Mismatch`, `InvalidVersion`) the name follows
 * the same patterns.
 */
export const CoreErrors = {
  missingParameter: (name: string) =>
    new ApiError(
      400,
      "MissingParameter",
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalidParameterEncoding: () =>
    new ApiError(400, "InvalidParameter", "The request contains a malformed percent-encoded sequence."),
  invalidVersion: (version: string) =>
    new ApiError(400, "InvalidVersion", `Specified parameter Version "${version}" is not valid.`),
  invalidAction: (action: string) =>
    new ApiError(
      404,
      "InvalidAction.NotFound",
      `Specified api "${action}" is not found, please check your url and method.`,
    ),
  missingAuthorization: () => new ApiError(400, "MissingAuthorization", "Authorization is mandatory for this action."),
  /**
   * A mandatory parameter (a V1 common one, or one an action declares `required`) is absent: the gateway's
   * `Missing<Name>` "<Name> is mandatory for this action.", as seen on the wire from GA (`MissingListenerId`,
   * alibaba-api-facts.md §4.3, certimate#781) and ESA (`MissingData`, NewFuture/DDNS#490).
   */
  missingMandatory: (name: string) => new ApiError(400, `Missing${name}`, `${name} is mandatory for this action.`),
  incompleteSignature: (detail: string) =>
    new ApiError(400, "IncompleteSignature", `The request signature does not conform to Aliyun standards. ${detail}`),
  invalidSignatureMethod: (method: string) =>
    new ApiError(400, "InvalidSignatureMethod", `Specified signature method "${method}" is not supported.`),
  invalidSignatureVersion: (version: string) =>
    new ApiError(400, "InvalidSignatureVersion", `Specified signature version "${version}" is not supported.`),
  accessKeyNotFound: () => new ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found."),
  timestampFormat: () =>
    new ApiError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."),
  timestampExpired: () =>
    new ApiError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
  nonceUsed: () => new ApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
  contentSha256Mismatch: () =>
    new ApiError(400, "ContentSha256Mismatch", "The x-acs-content-sha256 header does not match the request body."),
  signatureDoesNotMatch: (serverStringToSign: string | undefined) =>
    new ApiError(
      400,
      "SignatureDoesNotMatch",
      "Specified signature does not match our calculation." +
        (serverStringToSign === undefined ? "" : ` server string to sign is:${serverStringToSign}`),
    ),
  missingSecurityToken: () =>
    new ApiError(400, "MissingSecurityToken", "SecurityToken is mandatory for this access key (STS credential)."),
  securityTokenMismatch: () =>
    new ApiError(
      400,
      "InvalidSecurityToken.MismatchWithAccessKey",
      "The security token you provided does not match the access key.",
    ),
  throttling: () => new ApiError(400, "Throttling.User", "Request was denied due to user flow control."),
  serviceUnavailable: () =>
    new ApiError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
  internalError: () =>
    new ApiError(
      500,
      "InternalError",
      "The request processing has failed due to some unknown error, exception or failure.",
    ),
  requestTooLarge: () => new ApiError(413, "RequestEntityTooLarge", "The request body is too large."),
} as const;
