import { CoreErrors } from "./errors";

/** A decoded parameter map. Created without a prototype so names such as `__proto__` are plain keys. */
export type ParamMap = Record<string, string>;

/** An empty {@link ParamMap}. */
export function emptyParams(): ParamMap {
  return Object.create(null) as ParamMap;
}

/**
 * Decode one `application/x-www-form-urlencoded` name or value as the gateway does: `+` is a space, then strict
 * percent-decoding (a literal plus travels as `%2B`). The official SDKs differ in how they send a space: Node's
 * `querystring.stringify` sends `%20`, Python's `urllib.parse.urlencode` sends `+`, and both sign the `%20` form, so
 * only this reading verifies both. Throws `InvalidParameter` on a malformed escape.
 */
export function decodeStrict(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw CoreErrors.invalidParameterEncoding();
  }
}

/** Parse `a=1&b=2` (a query string or a form body). A repeated name keeps its last value. */
export function parseUrlEncoded(text: string): ParamMap {
  const out = emptyParams();
  if (text === "") return out;
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const name = decodeStrict(eq < 0 ? pair : pair.slice(0, eq));
    out[name] = eq < 0 ? "" : decodeStrict(pair.slice(eq + 1));
  }
  return out;
}

/** Split a request target (`/path?query`) into its path and raw (still encoded) query. */
export function splitTarget(target: string): { pathname: string; rawQuery: string } {
  const q = target.indexOf("?");
  return q < 0 ? { pathname: target, rawQuery: "" } : { pathname: target.slice(0, q), rawQuery: target.slice(q + 1) };
}

/** True when a `Content-Type` header announces a form body. */
export function isFormContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.trim().toLowerCase().startsWith("application/x-www-form-urlencoded");
}

/** Merge maps left to right (later ones win), into a fresh prototype-less map. */
export function mergeParams(...maps: readonly ParamMap[]): ParamMap {
  return Object.assign(emptyParams(), ...maps) as ParamMap;
}

/**
 * Alibaba's signing percent-encoding: `encodeURIComponent` plus `!'()*`, which it leaves alone but the signers
 * escape. The wire form cannot be reused for signing because the clients send `!'()*` unescaped.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
