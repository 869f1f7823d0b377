/**
 * Narrowing helpers for unvalidated JSON (seed sections and control-API bodies). Errors are `ApiError(400)` so the
 * control API reports them as bad input; `applySeed` callers see the same message.
 */
import { ApiError } from "../../../core/contract";

/** A JSON object as a string-keyed record. */
export type JsonObject = Readonly<Record<string, unknown>>;

/** The error raised for malformed seed or control input. */
export function badInput(message: string): ApiError {
  return new ApiError(400, "InvalidParameter", message);
}

/** `value` as a plain object, else a `badInput` naming `where`. */
export function asObject(value: unknown, where: string): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw badInput(`${where} must be an object.`);
  return value as JsonObject;
}

/** `value` as an array, else a `badInput` naming `where`. */
export function asArray(value: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(value)) throw badInput(`${where} must be an array.`);
  return value;
}

/** A required non-empty string field. */
export function stringField(obj: JsonObject, name: string, where: string): string {
  const value = obj[name];
  if (typeof value !== "string" || value === "") throw badInput(`${where}.${name} must be a non-empty string.`);
  return value;
}

/** An optional string field (absent or `undefined` → `undefined`). */
export function optionalStringField(obj: JsonObject, name: string, where: string): string | undefined {
  if (obj[name] === undefined) return undefined;
  return stringField(obj, name, where);
}

/** A required integer field within `[min, max]`. */
export function intField(obj: JsonObject, name: string, where: string, min: number, max: number): number {
  const value = obj[name];
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${where}.${name} must be an integer between ${min} and ${max}.`);
  }
  return value;
}
