/**
 * Property values as the Pulumi provider protocol carries them (a `google.protobuf.Struct` turned into JavaScript),
 * and the plain property bags the resources' verbs take (the dynamic-provider host's shapes).
 *
 * Two markers differ between the two (Pulumi's `sdk/go/common/resource/plugin/rpc.go`, the Node SDK's
 * `runtime/rpc.ts`):
 * - a secret is an object `{[SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value}`, sent to a provider that answers
 *   `acceptSecrets` (this one does: it keeps each value's secretness instead of the engine guessing it by name);
 * - an unknown value (preview) is the string `UNKNOWN`, the same string the verbs already expect: nothing to translate.
 *
 * On the way in, {@link unwrapSecrets} removes the secret markers and remembers where they were ({@link SecretShape});
 * on the way out, {@link markSecrets} puts them back over the outputs, as the engine's own `annotateSecrets`
 * (`provider_plugin.go`) does for providers that do not accept secrets, plus every property the declaration names as
 * secret. The invariant, tested over generated values: a value that came in secret never goes out in plaintext under
 * the same property, and a property the declaration calls secret never goes out in plaintext at all.
 */

/** The key that marks a special value in a Struct (`sig.Key` in Pulumi's `sdk/go/common/resource/sig`). */
export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
/** The signature of a secret value (`sig.Secret`). */
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** A JSON value as `Struct.toJavaScript()` gives it and `Struct.fromJavaScript()` takes it. */
export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
/** A property bag on the wire. */
export type WireBag = { [key: string]: WireValue };

/**
 * Where a bag held secrets: per property, `true` when the whole value is secret (or an array or a scalar holds one),
 * or the shape of an object whose members hold some.
 */
export type SecretShape = { readonly [key: string]: true | SecretShape };

/** True for a plain object (not an array, not null). */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a secret marker object. */
export function isSecretValue(value: unknown): value is { readonly value?: unknown } {
  return isObject(value) && value[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE;
}

/** A value wrapped as a secret. */
export function secretValue(value: WireValue): WireValue {
  return { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

/**
 * Set an own, enumerable property. Plain assignment to a key named `__proto__` sets the prototype instead, and a
 * property of that name (a tag key, a map key a program chose) would silently vanish from the state.
 */
function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** An own property's value (never one inherited: `bag["__proto__"]` of a bag without one is Object.prototype). */
function own<T>(bag: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(bag, key) ? bag[key] : undefined;
}

/** A value with every secret marker inside it removed, and whether it held one. */
function unwrapValue(value: unknown): { plain: unknown; secret: true | SecretShape | undefined } {
  if (isSecretValue(value)) return { plain: unwrapValue(value.value).plain, secret: true };
  if (Array.isArray(value)) {
    const items = value.map(unwrapValue);
    return { plain: items.map((item) => item.plain), secret: items.some((i) => i.secret !== undefined) || undefined };
  }
  if (isObject(value)) {
    const { plain, secrets } = unwrapSecrets(value);
    return { plain, secret: Object.keys(secrets).length > 0 ? secrets : undefined };
  }
  return { plain: value, secret: undefined };
}

/** A bag without secret markers, and where they were. */
export function unwrapSecrets(bag: Readonly<Record<string, unknown>>): {
  plain: Record<string, unknown>;
  secrets: SecretShape;
} {
  const plain: Record<string, unknown> = {};
  const secrets: Record<string, true | SecretShape> = {};
  for (const [key, value] of Object.entries(bag)) {
    const unwrapped = unwrapValue(value);
    put(plain, key, unwrapped.plain);
    if (unwrapped.secret !== undefined) put(secrets, key, unwrapped.secret);
  }
  return { plain, secrets };
}

/**
 * A plain value as a wire value: `undefined` members and items are dropped (a Struct has no undefined; the
 * dynamic-provider host failed whole operations on one), anything that is not JSON becomes its string form.
 */
export function toWire(value: unknown): WireValue | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toWire).filter((item): item is WireValue => item !== undefined);
  if (isObject(value)) return toWireBag(value);
  return String(value);
}

/** A plain bag as a wire bag (see {@link toWire}). */
export function toWireBag(bag: Readonly<Record<string, unknown>>): WireBag {
  const out: WireBag = {};
  for (const [key, value] of Object.entries(bag)) {
    const wire = toWire(value);
    if (wire !== undefined) put(out, key, wire);
  }
  return out;
}

/** Merge two shapes: a property secret in either is secret in the result. */
export function mergeShapes(a: SecretShape, b: SecretShape): SecretShape {
  const out: Record<string, true | SecretShape> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const earlier = own(out, key);
    put(
      out,
      key,
      earlier === undefined ? value : earlier === true || value === true ? true : mergeShapes(earlier, value),
    );
  }
  return out;
}

/** The shape that makes each of `keys` secret as a whole. */
export function shapeOf(keys: readonly string[]): SecretShape {
  return Object.fromEntries(keys.map((key) => [key, true as const]));
}

/**
 * A wire bag with secret markers put back where `shape` says: a property marked `true` is wrapped whole; one with a
 * nested shape is marked member by member when it is still an object, else wrapped whole (a secret inside something
 * that changed shape stays secret). A value already marked is not marked twice.
 */
export function markSecrets(bag: WireBag, shape: SecretShape): WireBag {
  const out: WireBag = { ...bag };
  for (const [key, secret] of Object.entries(shape)) {
    const value = own(out, key);
    if (value === undefined || isSecretValue(value)) continue;
    if (secret !== true && isObject(value)) {
      put(out, key, markSecrets(value, secret));
    } else {
      put(out, key, secretValue(value));
    }
  }
  return out;
}
