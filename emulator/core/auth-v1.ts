/**
 * Legacy RPC signature V1 (HMAC-SHA1), implemented from the published algorithm. Pure functions: the verifier in
 * auth.ts feeds them the decoded parameters.
 */
import { createHmac } from "node:crypto";
import { percentEncode, type ParamMap } from "./params";

/** Common parameters of a V1 request; they are stripped before a service sees the call. */
export const V1_COMMON_PARAMS: readonly string[] = [
  "Action",
  "Version",
  "Format",
  "Timestamp",
  "SignatureNonce",
  "SignatureMethod",
  "SignatureVersion",
  "AccessKeyId",
  "SecurityToken",
  "Signature",
];

/** Parameters a V1 request must carry, in the order they are checked. */
export const V1_REQUIRED_PARAMS: readonly string[] = [
  "AccessKeyId",
  "Signature",
  "SignatureMethod",
  "SignatureVersion",
  "SignatureNonce",
  "Timestamp",
];

/** Sorted `encode(name)=encode(value)` over every parameter except `Signature`. */
export function v1CanonicalizedQuery(params: ParamMap): string {
  return Object.keys(params)
    .filter((name) => name !== "Signature")
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? "")}`)
    .join("&");
}

/** `METHOD&%2F&encode(canonicalized query)`. */
export function v1StringToSign(method: string, params: ParamMap): string {
  return `${method.toUpperCase()}&${percentEncode("/")}&${percentEncode(v1CanonicalizedQuery(params))}`;
}

/** Base64 HMAC-SHA1 keyed with `secret + "&"`. */
export function v1Sign(secret: string, stringToSign: string): string {
  return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}
