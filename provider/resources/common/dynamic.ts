/**
 * Facts of Pulumi's dynamic-provider protocol that every resource needs.
 */
import { isDeepStrictEqual } from "node:util";

/** The string the engine sends for values not known yet during preview (`@pulumi/pulumi/runtime/rpc` `unknownValue`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when a value (or anything inside it) is unknown at preview time. */
export function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}

/** The property bag the host passes to provider methods: the resource's properties plus the serialized provider. */
export type PropertyBag = Readonly<Record<string, unknown>>;

/** Drop `__provider` (several KB of provider source) before properties go anywhere else. */
export function withoutProvider(bag: PropertyBag): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(bag)) if (key !== "__provider") rest[key] = value;
  return rest;
}

/**
 * Remove `undefined` values, recursively: the host sends outputs through protobuf `Struct.fromJavaScript`, which
 * fails the whole operation with "Unexpected struct type" on an `undefined` anywhere.
 */
export function plainJson<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (typeof item === "object" && item !== null && !Array.isArray(item)) {
      out[key] = plainJson(item as Record<string, unknown>);
    } else {
      out[key] = item;
    }
  }
  return out as T;
}

/**
 * The error shape the dynamic-provider host turns into a partial failure (`ErrorResourceInitFailed`): the engine
 * records the object with this id and properties, so a cloud object created before a later step failed is never
 * orphaned, and the next `pulumi up` retries the resource with an update. `properties` must include `__provider`
 * (the host does not add it), or a later delete cannot find the provider.
 */
export class PartialFailureError extends Error {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];

  constructor(message: string, id: string, properties: Record<string, unknown>, reasons: string[]) {
    super(message);
    this.name = "PartialFailureError";
    this.id = id;
    this.properties = plainJson(properties);
    this.reasons = reasons;
  }
}

/**
 * The partial failure of a resource that exists in the cloud: `outputs` (what is known of it) are recorded over the
 * property bag the host passed in, which carries `__provider`. `reasons` (one, or one per failed part) default to the
 * message.
 */
export function partialFailure(
  message: string,
  id: string,
  bag: PropertyBag,
  outputs: object,
  reasons: string | readonly string[] = message,
): PartialFailureError {
  return new PartialFailureError(
    message,
    id,
    { ...bag, ...outputs },
    typeof reasons === "string" ? [reasons] : [...reasons],
  );
}

/**
 * The output properties to pre-declare on a resource: `CustomResource` creates an output only for a key present
 * in its props, so every key is passed as `undefined` and the provider's result fills it in.
 */
export function declareOutputs(keys: readonly string[]): Record<string, undefined> {
  return Object.fromEntries(keys.map((key) => [key, undefined]));
}

/** The message of any thrown value. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A `read` result whose rebuilt `inputs` are returned only when one of them differs from the value the stored
 * outputs echo (`stored`, the props the host passed to `read`). When a read returns no inputs the engine keeps the
 * recorded ones (`RefreshStep` in the engine's `pkg/resource/deploy/step.go`), which in that case hold the same
 * values; returning them anyway made the host marshal every resource's inputs once more on every refresh, most of
 * what refreshing 300 unchanged hostnames cost over a resource that returns none.
 */
export function readResult<Props, Inputs extends object>(
  id: string,
  props: Props,
  inputs: Inputs,
  stored: PropertyBag,
): { id: string; props: Props; inputs?: Inputs } {
  const changed = Object.entries(inputs).some(([key, value]) => !isDeepStrictEqual(value, stored[key]));
  return changed ? { id, props, inputs } : { id, props };
}
