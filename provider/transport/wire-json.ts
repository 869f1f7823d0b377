import { isInteger, isSafeNumber, parse } from "lossless-json";

/** A JSON value as this package sees it: integers beyond 2^53 stay decimal strings, never rounded numbers. */
export type WireJson = null | boolean | number | string | WireJson[] | { [key: string]: WireJson };

/**
 * Parse a response body without losing digits. CAS order ids exceed 2^53 (the documented example is
 * 98987582437920968) and `JSON.parse` silently rounds them; lossless-json hands us the digits instead, and
 * we keep any integer that is not a safe JS number as its exact decimal string. (lossless-json is maintained
 * and small; hand-rolling a JSON number tokenizer is where such bugs come from.)
 */
export function parseWireJson(text: string): WireJson {
  return parse(text, undefined, (digits: string) => {
    if (isSafeNumber(digits)) return Number(digits);
    return isInteger(digits) ? digits : Number(digits);
  }) as WireJson;
}

/** A JSON object (not array, not null). */
export type WireObject = { [key: string]: WireJson };

/** Narrow a JSON value to an object. */
export function isWireObject(value: unknown): value is WireObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
