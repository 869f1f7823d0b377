/**
 * An independent ACS3-HMAC-SHA256 verifier for tests, written from Alibaba's published V3 algorithm (not from the
 * client's signer): canonical request → string to sign → HMAC-SHA256 with the raw secret.
 */
import { createHash, createHmac } from "node:crypto";

/** What a loopback server captured of one request. */
export interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  /** Decoded query parameters. */
  readonly query: Record<string, string>;
  /** Lower-cased header names. */
  readonly headers: Record<string, string>;
  readonly body: string;
}

function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Verify the Authorization header of a captured request; returns a reason when it does not verify. */
export function verifyAcs3(request: CapturedRequest, secret: string): { ok: true } | { ok: false; reason: string } {
  const auth = request.headers["authorization"] ?? "";
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (match === null) return { ok: false, reason: `malformed Authorization: ${auth}` };
  const [, , signedHeaderList = "", signature = ""] = match;
  const signedHeaders = signedHeaderList.split(";");
  for (const required of [
    "host",
    "x-acs-action",
    "x-acs-version",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-content-sha256",
  ]) {
    if (!signedHeaders.includes(required)) return { ok: false, reason: `${required} is not signed` };
  }
  const payloadHash = createHash("sha256").update(request.body).digest("hex");
  if (request.headers["x-acs-content-sha256"] !== payloadHash) return { ok: false, reason: "payload hash mismatch" };
  const canonicalQuery = Object.keys(request.query)
    .sort()
    .map((key) => `${encode(key)}=${encode(request.query[key] ?? "")}`)
    .join("&");
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(request.headers[name] ?? "").trim()}\n`).join("");
  const canonicalRequest = [
    request.method,
    request.path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaderList,
    payloadHash,
  ].join("\n");
  const stringToSign = `ACS3-HMAC-SHA256\n${createHash("sha256").update(canonicalRequest).digest("hex")}`;
  const expected = createHmac("sha256", secret).update(stringToSign).digest("hex");
  return expected === signature ? { ok: true } : { ok: false, reason: "signature mismatch" };
}
