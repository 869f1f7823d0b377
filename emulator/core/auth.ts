/** Request authentication: picks ACS3 or V1, checks key, time, payload hash, signature, STS token and nonce. */
import { timingSafeEqual } from "node:crypto";
import {
  ACS3_ALGORITHM,
  ACS3_REQUIRED_SIGNED_HEADERS,
  acs3CanonicalRequest,
  acs3HeaderValue,
  acs3Sign,
  acs3StringToSign,
  parseAcs3Authorization,
  sha256Hex,
  type HeaderMap,
} from "./auth-acs3";
import { V1_REQUIRED_PARAMS, v1Sign, v1StringToSign } from "./auth-v1";
import { CoreErrors } from "./errors";
import type { NonceCache } from "./nonce-cache";
import type { ParamMap } from "./params";

/** An access key the emulator accepts. With `securityToken` it is an STS key and every call must carry the token. */
export interface Credential {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
}

/** The parts of a request authentication needs. */
export interface AuthRequest {
  readonly method: string;
  readonly pathname: string;
  /** Decoded query parameters. */
  readonly query: ParamMap;
  /** Decoded form-body parameters (empty when the body is not a form). */
  readonly form: ParamMap;
  readonly headers: HeaderMap;
  readonly rawBody: Buffer;
}

/** Which signature scheme a request used. */
export type AuthScheme = "ACS3" | "V1";

/** A successfully authenticated caller. */
export interface AuthResult {
  readonly accessKeyId: string;
  readonly scheme: AuthScheme;
}

/** What authentication depends on besides the request. */
export interface AuthDeps {
  findCredential(accessKeyId: string): Credential | undefined;
  readonly nonces: NonceCache;
  /** REAL wall time (ms): request timestamps are checked against it, never against simulated time. */
  wallNow(): number;
}

/** Alibaba's documented window for timestamps and nonce reuse. */
export const REPLAY_WINDOW_MS = 15 * 60 * 1000;

/** Which scheme a request claims, before any check; `undefined` when it carries no signature at all. */
export function detectScheme(req: AuthRequest): AuthScheme | undefined {
  if (req.headers["authorization"] !== undefined) return "ACS3";
  const v1Markers = ["Signature", "SignatureMethod", "SignatureVersion", "AccessKeyId"];
  return v1Markers.some((name) => req.query[name] !== undefined) ? "V1" : undefined;
}

/** Authenticate `req` or throw the {@link ApiError} the real gateway would answer with. */
export function authenticate(req: AuthRequest, deps: AuthDeps): AuthResult {
  const scheme = detectScheme(req);
  if (scheme === undefined) throw CoreErrors.missingAuthorization();
  return scheme === "ACS3" ? verifyAcs3(req, deps) : verifyV1(req, deps);
}

function verifyAcs3(req: AuthRequest, deps: AuthDeps): AuthResult {
  const auth = parseAcs3Authorization(acs3HeaderValue(req.headers["authorization"]) ?? "");
  if (auth.algorithm !== ACS3_ALGORITHM) {
    throw CoreErrors.incompleteSignature(`Unsupported signature algorithm "${auth.algorithm}".`);
  }
  const signed = new Set(auth.signedHeaders);
  for (const name of ACS3_REQUIRED_SIGNED_HEADERS) {
    if (!signed.has(name)) throw CoreErrors.incompleteSignature(`Header "${name}" must be signed.`);
  }
  // Alibaba: every x-acs-* header that is present must be signed, so none can be added in transit.
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith("x-acs-") && !signed.has(name)) {
      throw CoreErrors.incompleteSignature(`Header "${name}" is present but not signed.`);
    }
  }
  for (const name of auth.signedHeaders) {
    if (acs3HeaderValue(req.headers[name]) === undefined) {
      throw CoreErrors.incompleteSignature(`Signed header "${name}" is missing.`);
    }
  }
  const credential = deps.findCredential(auth.accessKeyId);
  if (credential === undefined) throw CoreErrors.accessKeyNotFound();
  checkTimestamp(acs3HeaderValue(req.headers["x-acs-date"]) ?? "", deps.wallNow());

  const hashedPayload = acs3HeaderValue(req.headers["x-acs-content-sha256"]) ?? "";
  if (hashedPayload.toLowerCase() !== sha256Hex(req.rawBody)) throw CoreErrors.contentSha256Mismatch();

  const stringToSign = acs3StringToSign(
    acs3CanonicalRequest({
      method: req.method,
      pathname: req.pathname,
      query: req.query,
      headers: req.headers,
      signedHeaders: auth.signedHeaders,
      hashedPayload,
    }),
  );
  // The string to sign holds only a hash, so echoing it (as the real gateway does) reveals nothing secret.
  if (!safeEqual(auth.signature.toLowerCase(), acs3Sign(credential.accessKeySecret, stringToSign))) {
    throw CoreErrors.signatureDoesNotMatch(stringToSign);
  }
  checkSecurityToken(credential, acs3HeaderValue(req.headers["x-acs-security-token"]));
  claimNonce(deps, credential.accessKeyId, acs3HeaderValue(req.headers["x-acs-signature-nonce"]) ?? "");
  return { accessKeyId: credential.accessKeyId, scheme: "ACS3" };
}

function verifyV1(req: AuthRequest, deps: AuthDeps): AuthResult {
  for (const name of V1_REQUIRED_PARAMS) {
    if (req.query[name] === undefined || req.query[name] === "") throw CoreErrors.missingMandatory(name);
  }
  const q = req.query as Readonly<Record<string, string>>;
  if (q["SignatureMethod"] !== "HMAC-SHA1") throw CoreErrors.invalidSignatureMethod(q["SignatureMethod"] ?? "");
  if (q["SignatureVersion"] !== "1.0") throw CoreErrors.invalidSignatureVersion(q["SignatureVersion"] ?? "");
  const credential = deps.findCredential(q["AccessKeyId"] ?? "");
  if (credential === undefined) throw CoreErrors.accessKeyNotFound();
  checkTimestamp(q["Timestamp"] ?? "", deps.wallNow());

  // The signed set is every query parameter except Signature plus the form-body parameters.
  const signedParams: ParamMap = Object.assign(Object.create(null) as ParamMap, req.form, req.query);
  const expected = v1Sign(credential.accessKeySecret, v1StringToSign(req.method, signedParams));
  // No string to sign in the message: for V1 it contains every parameter, including private keys.
  if (!safeEqual(q["Signature"] ?? "", expected)) throw CoreErrors.signatureDoesNotMatch(undefined);
  checkSecurityToken(credential, req.query["SecurityToken"]);
  claimNonce(deps, credential.accessKeyId, q["SignatureNonce"] ?? "");
  return { accessKeyId: credential.accessKeyId, scheme: "V1" };
}

/** ISO 8601 UTC as the clients send it (`2025-01-01T00:00:00Z`; milliseconds tolerated). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function checkTimestamp(value: string, wallNow: number): void {
  const at = TIMESTAMP.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw CoreErrors.timestampFormat();
  if (Math.abs(wallNow - at) > REPLAY_WINDOW_MS) throw CoreErrors.timestampExpired();
}

function checkSecurityToken(credential: Credential, sent: string | undefined): void {
  if (credential.securityToken === undefined) {
    if (sent !== undefined) throw CoreErrors.securityTokenMismatch();
    return;
  }
  if (sent === undefined || sent === "") throw CoreErrors.missingSecurityToken();
  if (!safeEqual(sent, credential.securityToken)) throw CoreErrors.securityTokenMismatch();
}

function claimNonce(deps: AuthDeps, accessKeyId: string, nonce: string): void {
  if (nonce === "") throw CoreErrors.missingMandatory("SignatureNonce");
  if (!deps.nonces.claim(`${accessKeyId}\n${nonce}`, deps.wallNow())) throw CoreErrors.nonceUsed();
}

/** Constant-time string comparison (length differences are not secret). */
function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}
