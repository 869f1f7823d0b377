/**
 * The resource operations of the native provider over plain values: each takes what a gRPC request carries (its
 * Structs already turned into JavaScript) and answers what the response carries, calling the resource's own verbs
 * (`./resources`) in between. No gRPC here, so every rule is unit-tested on plain objects; `./server` only decodes
 * and encodes.
 *
 * What the translation keeps, in both directions:
 * - secrets: unwrapped on the way in; on the way out every property that came in secret, and every property the
 *   declaration calls secret, is marked secret again (`./wire`);
 * - unknowns: the same string on both sides, passed through untouched;
 * - `__provider`: the dynamic provider's key never reaches a verb nor leaves this provider (a stack moved from the
 *   dynamic classes still carries it in its recorded outputs until the next write or refresh);
 * - the hidden name input (GA's `__resourceName`): filled from the request's resource name on every call, never
 *   answered, so it never lands in state (the dynamic classes must store it: their host is never told the name).
 */
import { UNKNOWN, messageOf, type PropertyBag } from "../resources/common/dynamic";
import { PROVIDER_KEY } from "../resources/common/diff";
import { resourceOf, type NativeResource } from "./resources";
import {
  isObject,
  markSecrets,
  mergeShapes,
  shapeOf,
  toWireBag,
  unwrapSecrets,
  type SecretShape,
  type WireBag,
} from "./wire";

/** Which resource a request is about: its type token and its name (from the URN when the request has none). */
export interface Target {
  readonly type: string;
  readonly urn: string;
  /** The request's `name` field; older engines leave it empty. */
  readonly name?: string;
}

/** The resource's name in the program: the request's, else the URN's last part (`urn:pulumi:s::p::type::name`). */
export function nameOf(target: Target): string {
  if (target.name !== undefined && target.name !== "") return target.name;
  return target.urn.split("::").slice(3).join("::");
}

/** A bag as a verb takes it, and where its secrets were. */
interface Incoming {
  readonly bag: PropertyBag;
  readonly secrets: SecretShape;
}

/** A wire bag on its way to a verb: secrets unwrapped, `__provider` dropped, the hidden name input filled. */
function incoming(resource: NativeResource, target: Target, wire: Readonly<Record<string, unknown>>): Incoming {
  const { plain, secrets } = unwrapSecrets(wire);
  delete plain[PROVIDER_KEY];
  if (resource.nameInput !== undefined) plain[resource.nameInput] = nameOf(target);
  return { bag: plain, secrets };
}

/** A verb's bag on its way out: no `__provider`, no hidden name input, and every secret marked. */
function outgoing(resource: NativeResource, bag: object, secrets: SecretShape): WireBag {
  const plain: Record<string, unknown> = { ...bag };
  delete plain[PROVIDER_KEY];
  if (resource.nameInput !== undefined) delete plain[resource.nameInput];
  return markSecrets(toWireBag(plain), mergeShapes(secrets, shapeOf(resource.secrets)));
}

/**
 * A resource created (or updated) but not finished: the engine records it with this id and these properties, so the
 * object is never forgotten, and the next `pulumi up` resumes it with an update (`ErrorResourceInitFailed`).
 */
export class NativePartialFailure extends Error {
  constructor(
    message: string,
    readonly id: string,
    readonly properties: WireBag,
    readonly reasons: readonly string[],
  ) {
    super(message);
    this.name = "NativePartialFailure";
  }
}

/** The verbs' partial failure (`common/dynamic.ts` `PartialFailureError`), by its shape. */
function partialFailureOf(error: unknown): { id: string; properties: object; reasons: readonly string[] } | undefined {
  if (!(error instanceof Error) || !("id" in error) || !("properties" in error) || !("reasons" in error)) return;
  const { id, properties, reasons } = error;
  if (typeof id !== "string" || id === "" || !isObject(properties) || !Array.isArray(reasons)) return undefined;
  return { id, properties, reasons: reasons.map(String) };
}

/** Run a create or update; a partial failure becomes a {@link NativePartialFailure} with its secrets marked. */
async function writing<T>(resource: NativeResource, secrets: SecretShape, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error: unknown) {
    const partial = partialFailureOf(error);
    if (partial === undefined) throw error;
    throw new NativePartialFailure(
      messageOf(error),
      partial.id,
      outgoing(resource, partial.properties, secrets),
      partial.reasons,
    );
  }
}

/**
 * What a preview's create or update answers: the inputs, and every computed output unknown, except (update) the
 * outputs that name the object. An in-place update keeps the id, so an output whose recorded value is the id (the CAS
 * order's `orderId`, ESA's `hostnameId`) keeps it: left unknown, every resource reading it (the waiter's `orderId`)
 * would be previewed as replaced when the update only records an issuance.
 */
function previewOutputs(
  resource: NativeResource,
  inputs: PropertyBag,
  existing?: { readonly id: string; readonly olds: PropertyBag },
): Record<string, unknown> {
  if (existing === undefined) {
    return { ...inputs, ...Object.fromEntries(resource.computed.map((name) => [name, UNKNOWN])) };
  }
  const { id, olds } = existing;
  // An input the program left unset is an output like a computed one (the CAS order's `orderId`).
  const naming = [...resource.computed, ...resource.inputs.filter((name) => !(name in inputs))].filter(
    (name) => olds[name] === id,
  );
  return {
    ...inputs,
    ...Object.fromEntries(resource.computed.map((name) => [name, UNKNOWN])),
    ...Object.fromEntries(naming.map((name) => [name, id])),
  };
}

/** `Check`: the checked inputs (secrets kept) and the failures. */
export async function check(
  target: Target,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): Promise<{ inputs: WireBag; failures: readonly { property: string; reason: string }[] }> {
  const resource = resourceOf(target.type);
  const old = incoming(resource, target, olds);
  const next = incoming(resource, target, news);
  const result = await resource.verbs.check(old.bag, next.bag);
  return { inputs: outgoing(resource, result.inputs ?? next.bag, next.secrets), failures: result.failures ?? [] };
}

/** `Diff`: the recorded outputs `olds` against the checked inputs `news`. */
export async function diff(
  target: Target,
  id: string,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): Promise<{ changes: boolean | undefined; replaces: readonly string[]; deleteBeforeReplace: boolean }> {
  const resource = resourceOf(target.type);
  const result = await resource.verbs.diff(
    id,
    incoming(resource, target, olds).bag,
    incoming(resource, target, news).bag,
  );
  return {
    changes: result.changes,
    replaces: result.replaces ?? [],
    deleteBeforeReplace: result.deleteBeforeReplace === true,
  };
}

/** `Create`: the new object's id and outputs. A preview calls no API. */
export async function create(
  target: Target,
  properties: Readonly<Record<string, unknown>>,
  preview: boolean,
): Promise<{ id: string; properties: WireBag }> {
  const resource = resourceOf(target.type);
  const inputs = incoming(resource, target, properties);
  if (preview) return { id: "", properties: outgoing(resource, previewOutputs(resource, inputs.bag), inputs.secrets) };
  const result = await writing(resource, inputs.secrets, () => resource.verbs.create(inputs.bag));
  return { id: result.id, properties: outgoing(resource, result.outs ?? inputs.bag, inputs.secrets) };
}

/** `Update`: the new outputs. A preview calls no API. */
export async function update(
  target: Target,
  id: string,
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  preview: boolean,
): Promise<{ properties: WireBag }> {
  const resource = resourceOf(target.type);
  const old = incoming(resource, target, olds);
  const next = incoming(resource, target, news);
  const secrets = mergeShapes(old.secrets, next.secrets);
  if (preview) {
    return { properties: outgoing(resource, previewOutputs(resource, next.bag, { id, olds: old.bag }), secrets) };
  }
  const result = await writing(resource, secrets, () => resource.verbs.update(id, old.bag, next.bag));
  return { properties: outgoing(resource, result.outs ?? next.bag, secrets) };
}

/** What a read found: gone (`id` empty), or the live outputs and, when they changed or on import, the inputs. */
export interface ReadAnswer {
  readonly id: string;
  readonly properties: WireBag;
  readonly inputs: WireBag | undefined;
}

/**
 * `Read` (refresh, `get`, `pulumi import`, and a pending create imported by `refresh --import-pending-creates`).
 * An import sends the id alone, or (a pending create) the inputs without outputs: the verbs read the inputs then,
 * where the recorded outputs would be (they hold the same keys), as the dynamic-provider host does. An import must
 * answer inputs (the engine refuses one without: "provider does not support importing"), so when the read rebuilt
 * none, the outputs' input properties are the inputs.
 */
export async function read(
  target: Target,
  id: string,
  properties: Readonly<Record<string, unknown>>,
  inputs: Readonly<Record<string, unknown>>,
): Promise<ReadAnswer> {
  const resource = resourceOf(target.type);
  const importing = Object.keys(properties).length === 0;
  const recorded = incoming(resource, target, importing ? inputs : properties);
  const given = incoming(resource, target, inputs);
  const secrets = mergeShapes(recorded.secrets, given.secrets);
  const result = await resource.verbs.read(id, recorded.bag);
  if (result.id === undefined || result.id === "") return { id: "", properties: {}, inputs: undefined };
  const props = result.props ?? recorded.bag;
  const rebuilt =
    result.inputs ??
    (importing
      ? Object.fromEntries(Object.entries(props).filter(([key]) => resource.inputs.includes(key)))
      : undefined);
  return {
    id: result.id,
    properties: outgoing(resource, props, secrets),
    inputs: rebuilt === undefined ? undefined : outgoing(resource, rebuilt, secrets),
  };
}

/** `Delete`: gone when it returns (the verbs wait where the API is asynchronous). */
export async function remove(target: Target, id: string, properties: Readonly<Record<string, unknown>>): Promise<void> {
  const resource = resourceOf(target.type);
  await resource.verbs.delete(id, incoming(resource, target, properties).bag);
}
