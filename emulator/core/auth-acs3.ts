/**
 * ACS3-HMAC-SHA256 (Alibaba's V3 signature), implemented from the published algorithm. Pure functions: the
 * verifier in auth.ts feeds them the decoded request.
 */
import { createHash, createHmac } from "node:crypto";
import { CoreErrors } from "./errors";
import { percentEncode, type ParamMap } from "./params";

/** The only V3 algorithm the emulator accepts (the default of every Alibaba SDK). */
export const ACS3_ALGORITHM = "ACS3-HMAC-SHA256";

/** Headers a V3 request must sign; anything less lets a replayed request be re-targeted. */
export const ACS3_REQUIRED_SIGNED_HEADERS: readonly string[] = [
  "host",
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
];

/** Request headers by lower-case name; a repeated header keeps all its values (Node's `headersDistinct`). */
export type HeaderMap = Readonly<Record<string, readonly string[] | undefined>>;

/** The parsed `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header. */
export interface Acs3Authorization {
  readonly algorithm: string;
  readonly accessKeyId: string;
  /** Lower-case names, sorted, as the canonical request lists them. */
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Everything the canonical request is built from. */
export interface Acs3CanonicalInput {
  readonly method: string;
  /** The request path as sent (`/` for RPC APIs). */
  readonly pathname: string;
  /** Decoded query parameters only (form-body parameters are covered by the payload hash instead). */
  readonly query: ParamMap;
  readonly headers: HeaderMap;
  readonly signedHeaders: readonly string[];
  /** The `x-acs-content-sha256` value. */
  readonly hashedPayload: string;
}

/** Hex SHA-256 of `data`. */
export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Parse the Authorization header; throws `IncompleteSignature` when a part is missing or malformed. */
export function parseAcs3Authorization(header: string): Acs3Authorization {
  const trimmed = header.trim();
  const space = trimmed.indexOf(" ");
  if (space < 0) throw CoreErrors.incompleteSignature("The Authorization header is malformed.");
  const algorithm = trimmed.slice(0, space);
  const parts = new Map<string, string>();
  for (const piece of trimmed.slice(space + 1).split(",")) {
    const eq = piece.indexOf("=");
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const accessKeyId = parts.get("Credential");
  const signed = parts.get("SignedHeaders");
  const signature = parts.get("Signature");
  if (accessKeyId === undefined || accessKeyId === "" || signed === undefined || signature === undefined) {
    throw CoreErrors.incompleteSignature("Credential, SignedHeaders and Signature are all required.");
  }
  const signedHeaders = signed
    .split(";")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "")
    .sort();
  return { algorithm, accessKeyId, signedHeaders, signature };
}

/** `name=encode(value)` pairs sorted by name (UTF-16 order, like the clients' `Array.prototype.sort`). */
export function acs3CanonicalQuery(query: ParamMap): string {
  return Object.keys(query)
    .sort()
    .map((name) => `${name}=${percentEncode(query[name] ?? "")}`)
    .join("&");
}

/** The value a signed header contributes: values trimmed, repeated values sorted and joined with `,`. */
export function acs3HeaderValue(values: readonly string[] | undefined): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return values
    .map((v) => v.trim())
    .sort()
    .join(",");
}

/** `name:value\n` for each signed header, in signed-header order. */
export function acs3CanonicalHeaders(headers: HeaderMap, signedHeaders: readonly string[]): string {
  return signedHeaders.map((name) => `${name}:${acs3HeaderValue(headers[name]) ?? ""}\n`).join("");
}

/** The canonical request (method, URI, query, headers, signed-header list, payload hash, newline-separated). */
export function acs3CanonicalRequest(input: Acs3CanonicalInput): string {
  return [
    input.method.toUpperCase(),
    input.pathname,
    acs3CanonicalQuery(input.query),
    acs3CanonicalHeaders(input.headers, input.signedHeaders),
    input.signedHeaders.join(";"),
    input.hashedPayload,
  ].join("\n");
}

/** `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request. */
export function acs3StringToSign(canonicalRequest: string): string {
  return `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
}

/** Hex HMAC-SHA256 keyed with the raw secret (no `&` suffix, unlike V1). */
export function acs3Sign(secret: string, stringToSign: string): string {
  return createHmac("sha256", secret).update(stringToSign).digest("hex");
}
