/** Narrowing helpers for unvalidated JSON (control bodies, seed files, state files). */
import { ApiError, API_VERSIONS, type Product } from "./contract";

/** The error every malformed control input produces (HTTP 400). */
export function controlError(message: string): ApiError {
  return new ApiError(400, "InvalidControlInput", message);
}

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `value` as an object, or a 400 naming `what`. */
export function expectRecord(value: unknown, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw controlError(`${what} must be a JSON object.`);
  return value;
}

/** An optional string field. */
export function optString(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw controlError(`"${key}" must be a string.`);
  return v;
}

/** A required non-empty string field. */
export function reqString(obj: Record<string, unknown>, key: string): string {
  const v = optString(obj, key);
  if (v === undefined || v === "") throw controlError(`"${key}" is required.`);
  return v;
}

/** An optional finite number field within [min, max]. */
export function optNumber(
  obj: Record<string, unknown>,
  key: string,
  range: { min?: number; max?: number; integer?: boolean } = {},
): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v)) throw controlError(`"${key}" must be a finite number.`);
  if (range.integer === true && !Number.isInteger(v)) throw controlError(`"${key}" must be an integer.`);
  if (range.min !== undefined && v < range.min) throw controlError(`"${key}" must be >= ${range.min}.`);
  if (range.max !== undefined && v > range.max) throw controlError(`"${key}" must be <= ${range.max}.`);
  return v;
}

/** An optional boolean field. */
export function optBoolean(obj: Record<string, unknown>, key: string): boolean | undefined {
  const v = obj[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "boolean") throw controlError(`"${key}" must be a boolean.`);
  return v;
}

/** True when `value` names a product. */
export function isProduct(value: unknown): value is Product {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(API_VERSIONS, value);
}

/** An optional product field. */
export function optProduct(obj: Record<string, unknown>, key: string): Product | undefined {
  const v = optString(obj, key);
  if (v === undefined) return undefined;
  if (!isProduct(v)) throw controlError(`"${key}" must be one of ${Object.keys(API_VERSIONS).join(", ")}.`);
  return v;
}
