/**
 * Readers of stored state, shared by every resource: the property bags the host passes to provider methods (olds,
 * props). `check` normalized them when they were written, so a required value that is missing or malformed means
 * state written by something else (fail loudly), and an optional one reads as absent.
 */
import { type PropertyBag } from "./dynamic";

/** A required string property. */
export function text(bag: PropertyBag, key: string): string {
  const value = bag[key];
  if (typeof value !== "string" || value === "") throw new Error(`property ${key} is missing or not a string`);
  return value;
}

/** An optional positive number property (`timeoutSeconds`). */
export function optionalNumber(bag: PropertyBag, key: string): number | undefined {
  const value = bag[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** An optional `{ [string]: string }` property (`certificates`); undefined when absent or of another shape. */
export function stringMap(bag: PropertyBag, key: string): Record<string, string> | undefined {
  const value = bag[key];
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}

/** A copy of `map` with its keys in sorted order (stable state and diffs). */
export function sortedMap(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** An optional stored id or text: a string (empty reads as absent) or a number, as a string; otherwise absent. */
export function optionalText(bag: PropertyBag, key: string): string | undefined {
  const value = bag[key];
  if (typeof value === "string") return value === "" ? undefined : value;
  return typeof value === "number" ? String(value) : undefined;
}

/** An optional stored boolean; any other value reads as absent. */
export function optionalBoolean(bag: PropertyBag, key: string): boolean | undefined {
  const value = bag[key];
  return typeof value === "boolean" ? value : undefined;
}
