/**
 * Readers of stored state, shared by every resource: the property bags the host passes to provider methods (olds,
 * props). `check` normalized them when they were written, so a required value that is missing or malformed means
 * state written by something else (fail loudly), and an optional one reads as absent.
 */
import { enumValuesOf, type InputDeclaration, type ResourceDeclaration, type SchemaType } from "./declaration";
import { type ProviderSettings } from "./declared-types";
import { plainJson, type PropertyBag } from "./dynamic";

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

/** A value read from stored state by {@link storedValues}. */
export type StoredValue = string | number | boolean | undefined;

/** One stored value read by its declared schema type (see {@link storedValues}). */
function storedValue(
  declaration: Pick<ResourceDeclaration, "types">,
  schema: SchemaType,
  bag: PropertyBag,
  key: string,
): StoredValue {
  const values = enumValuesOf(declaration, schema);
  if (values !== undefined) {
    const value = optionalText(bag, key);
    return value !== undefined && values.includes(value) ? value : undefined;
  }
  // A union of a string and a number (an id, a trigger) is kept as text, the form check normalizes it to.
  if ("oneOf" in schema) return optionalText(bag, key);
  if (!("type" in schema)) return undefined;
  if (schema.type === "string") return optionalText(bag, key);
  if (schema.type === "integer" || schema.type === "number") return optionalNumber(bag, key);
  if (schema.type === "boolean") return optionalBoolean(bag, key);
  return undefined;
}

/**
 * Every declared input and output of a stored property bag, each read by its schema type in the declaration: text
 * (an id stored as a number reads as its decimal string), a number, a boolean, or one of an enumeration's values;
 * a value of another shape reads as absent, like every optional reader here. Maps and objects read as absent: a
 * resource with such fields reads them itself.
 */
export function storedValues(
  declaration: Pick<ResourceDeclaration, "inputs" | "outputs" | "types">,
  bag: PropertyBag,
): Record<string, StoredValue> {
  const schemas = new Map<string, SchemaType>();
  for (const [key, output] of Object.entries(declaration.outputs)) schemas.set(key, output.schema);
  for (const [key, input] of Object.entries(declaration.inputs)) schemas.set(key, input.schema);
  const out: Record<string, StoredValue> = {};
  for (const [key, schema] of schemas) out[key] = storedValue(declaration, schema, bag, key);
  return out;
}

/**
 * The declared inputs of a stored property bag, each read by its type ({@link storedValues}), an absent one at its
 * declared default value (`defaultValue`), so a recorded input and its documented default compare equal.
 */
export function storedInputs(
  declaration: Pick<ResourceDeclaration, "inputs" | "outputs" | "types">,
  bag: PropertyBag,
): Record<string, StoredValue> {
  const read = storedValues(declaration, bag);
  return Object.fromEntries(
    Object.entries(declaration.inputs).map(([name, input]) => [name, read[name] ?? input.defaultValue]),
  );
}

/**
 * The provider-only inputs (`change: "provider"`) of stored state (`stored`, read by {@link storedValues}), each at
 * its declared default when absent. The cloud holds none of them, so a refresh that rebuilds the inputs from the live
 * object keeps these as stored.
 */
export function storedSettings<D extends Pick<ResourceDeclaration, "inputs">>(
  declaration: D,
  stored: Readonly<Record<string, unknown>>,
): ProviderSettings<D> {
  const inputs: Readonly<Record<string, InputDeclaration>> = declaration.inputs;
  const settings: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(inputs))
    if (input.change === "provider") settings[name] = stored[name] ?? input.defaultValue;
  // Stored values were read by their declared schema type, defaults are declared values: the declared types hold.
  return plainJson(settings) as ProviderSettings<D>;
}
