import { adviceFor } from "./documented-codes";
import { PRODUCT_NAMES, type Product } from "./products";

/** What went wrong, coarsely: decides retries and how callers react. */
export type ErrorKind =
  /** The service answered with an error body (`Code`, `Message`). */
  | "api"
  /** The request may or may not have reached the service: reset, timeout, unreadable reply. */
  | "network"
  /** The request certainly never reached the service: connection refused, DNS failure, no credentials. */
  | "unsent"
  /** The service answered 2xx with a body this package cannot understand. */
  | "invalid-response";

/** Fields of an {@link AlibabaCloudError}. */
export interface AlibabaCloudErrorInit {
  readonly product: Product;
  readonly action: string;
  readonly kind: ErrorKind;
  readonly code: string;
  readonly httpStatus?: number;
  readonly requestId?: string;
  readonly serviceMessage: string;
  readonly retryable: boolean;
  readonly notFound: boolean;
  /** What the user has to do, for a terminal documented code (appended to the message). */
  readonly hint?: string;
}

/**
 * The one error type of every Alibaba Cloud call this package makes.
 *
 * Thrown by {@link AlibabaClient.call} after retries are exhausted or for errors that are not retryable. The message
 * reads well in `pulumi up` output (`ESA CreateCustomHostname failed: InvalidParameter (HTTP 400): … [RequestId …]`)
 * and never contains a request parameter marked secret, a credential or a request URL (network errors from the
 * HTTP layer embed the full URL with its query string, which can hold a private key, so their text is not reused).
 */
export class AlibabaCloudError extends Error {
  /** Product called. */
  readonly product: Product;
  /** API action called, e.g. `CreateCustomHostname`. */
  readonly action: string;
  /** Coarse class of the failure. */
  readonly kind: ErrorKind;
  /** The API's `Code` (e.g. `Throttling.User`), or a transport code such as `ECONNRESET` or `RequestTimeout`. */
  readonly code: string;
  /** HTTP status of the reply, when there was one. */
  readonly httpStatus: number | undefined;
  /** The service's request id, when there was one (quote it to Alibaba Cloud support). */
  readonly requestId: string | undefined;
  /** The service's own message, with secret values scrubbed. */
  readonly serviceMessage: string;
  /** True when retrying can help (throttling, busy codes, 5xx, network failures). */
  readonly retryable: boolean;
  /** True when the code says the object does not exist. */
  readonly notFound: boolean;
  /**
   * True when the request may have been applied although no success reply arrived (reset, timeout, 5xx). A call
   * that is not idempotent must not be repeated blindly after such an error: look the object up first.
   */
  readonly ambiguous: boolean;
  /** What the user has to do, for a terminal documented code; also the end of `message`. */
  readonly hint: string | undefined;

  constructor(init: AlibabaCloudErrorInit) {
    const status = init.httpStatus === undefined ? "" : ` (HTTP ${init.httpStatus})`;
    const request = init.requestId === undefined ? "" : ` [RequestId ${init.requestId}]`;
    const hint = init.hint === undefined ? "" : `. ${init.hint}`;
    super(
      `${PRODUCT_NAMES[init.product]} ${init.action} failed: ${init.code}${status}: ${init.serviceMessage}${request}${hint}`,
    );
    this.name = "AlibabaCloudError";
    this.product = init.product;
    this.action = init.action;
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.requestId = init.requestId;
    this.serviceMessage = init.serviceMessage;
    this.retryable = init.retryable;
    this.notFound = init.notFound;
    this.hint = init.hint;
    this.ambiguous =
      init.kind === "network" || (init.kind === "api" && (init.httpStatus ?? 0) >= 500 && !isThrottlingCode(init.code));
  }
}

/** True for any value that is an {@link AlibabaCloudError}, also across module copies (duck-typed on `name`). */
export function isAlibabaCloudError(value: unknown): value is AlibabaCloudError {
  return value instanceof Error && value.name === "AlibabaCloudError" && "code" in value && "product" in value;
}

/** Throttling in any of its spellings: `Throttling`, `Throttling.User`, `Throttling.Api`, `Rejected.Throttling`, ESA's `TooManyRequests`. */
export function isThrottlingCode(code: string): boolean {
  return code.includes("Throttling") || code === "TooManyRequests";
}

/** Codes meaning "this object does not exist" (CAS quota codes are 404s too, but they are not about the object). */
const NOT_FOUND_PATTERN =
  /(^|\.)(NotFound|NotExist)$|^NotExist\.|^NotFound$|^Invalid[A-Za-z]*\.NotFound$|^SiteNotFound$/;
const NOT_FOUND_EXCEPTIONS = new Set(["NotFoundPackage", "NotRemainCount", "InvalidAccessKeyId.NotFound"]);

/** Classify a service error code as not-found; `extra` adds codes a specific operation documents. */
export function isNotFoundCode(code: string, extra: readonly string[] = []): boolean {
  if (NOT_FOUND_EXCEPTIONS.has(code)) return false;
  return extra.includes(code) || NOT_FOUND_PATTERN.test(code);
}

/**
 * Retryable service codes: throttling, `ServiceUnavailable`, the product's busy codes, the codes its documentation
 * says to try again later (documented-codes.ts), and any 5xx. A documented terminal code is never retried.
 */
export function isRetryableCode(
  code: string,
  httpStatus: number | undefined,
  busyCodes: readonly string[],
  product?: Product,
): boolean {
  const documented = product === undefined ? undefined : adviceFor(product, code);
  if (documented !== undefined) return documented.retryable;
  if (isThrottlingCode(code) || code === "ServiceUnavailable" || busyCodes.includes(code)) return true;
  return httpStatus !== undefined && httpStatus >= 500;
}

/** What replaces a secret value, or any piece of one, in a message. */
export const REDACTED = "[REDACTED]";

/** Shortest secret (or line of one) that is scrubbed: shorter strings are too likely to be ordinary words. */
const MIN_SECRET_LENGTH = 4;
/** Shortest run of key-like characters that is scrubbed when it is a piece of a secret (a truncated PEM line). */
const MIN_FRAGMENT_LENGTH = 12;
/** Runs of the characters base64, base64url, hex and access keys are made of. */
const KEYLIKE_RUN = /[A-Za-z0-9+/=_-]{12,}/g;

function replaceAll(text: string, needle: string): string {
  return needle.length >= MIN_SECRET_LENGTH ? text.split(needle).join(REDACTED) : text;
}

/**
 * Remove every secret value from `text`, and every piece of one a service could echo: the whole value, each of its
 * lines (a PEM key line by line, whatever the message did with the line breaks: kept, joined, escaped as `\n`),
 * and any run of 12 or more key-like characters that occurs inside a secret (a line cut short, lines joined without
 * separators). Used for every message built from a service's reply; access-key secrets and security tokens are
 * passed in by the client along with the operation's secret parameters.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const values = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  if (values.length === 0) return text;
  let out = text;
  for (const secret of values) {
    out = replaceAll(out, secret);
    for (const line of secret.split(/\r?\n/)) out = replaceAll(out, line.trim());
  }
  // Whitespace-free forms, so a run spanning two joined lines is found too.
  const compact = values.map((secret) => secret.replace(/\s+/g, ""));
  return out.replace(KEYLIKE_RUN, (run) =>
    run.length >= MIN_FRAGMENT_LENGTH && compact.some((secret) => secret.includes(run)) ? REDACTED : run,
  );
}
