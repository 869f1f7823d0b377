/**
 * The native provider's translation of secrets between the wire and the verbs (provider/native/wire.ts), over
 * generated property bags: a value that arrives secret leaves secret under the same property, whatever the verbs did
 * with its shape; a property declared secret always leaves secret; nothing else is marked; and the translation loses
 * no value.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  SECRET_SIGNATURE,
  SECRET_SIGNATURE_KEY,
  isSecretValue,
  markSecrets,
  mergeShapes,
  shapeOf,
  toWire,
  toWireBag,
  unwrapSecrets,
  type WireValue,
} from "../../../provider/native/wire";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";

/** Leaves that cannot collide with each other by accident: every secret leaf is a unique marked string. */
const leaf: fc.Arbitrary<WireValue> = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));

/** A JSON value in which some values (leaves or whole subtrees) are wrapped as secrets. */
const withSecrets: fc.Arbitrary<WireValue> = fc.letrec<{ value: WireValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), tie("value"), { maxKeys: 4 }),
    tie("value").map((value) => ({ [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value })),
  ),
})).value;

const bagWithSecrets = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), withSecrets, { maxKeys: 5 });

/** Every string, number or boolean leaf that sits inside a secret marker (the values that must stay hidden). */
function secretLeaves(value: unknown, inside = false): unknown[] {
  if (isSecretValue(value)) return secretLeaves(value.value, true);
  if (Array.isArray(value)) return value.flatMap((item) => secretLeaves(item, inside));
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap((v) => secretLeaves(v, inside));
  return inside && value !== null ? [value] : [];
}

/** Every leaf outside any secret marker (what a reader of the state sees in plaintext). */
function plainLeaves(value: unknown): unknown[] {
  if (isSecretValue(value)) return [];
  if (Array.isArray(value)) return value.flatMap(plainLeaves);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(plainLeaves);
  return value === null ? [] : [value];
}

/** Drop every secret marker (what the verbs see). */
function stripped(value: unknown): unknown {
  if (isSecretValue(value)) return stripped(value.value);
  if (Array.isArray(value)) return value.map(stripped);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripped(v)]));
  return value;
}

describe("unit: native provider wire values (secrets, unknowns)", () => {
  it("unwrapping removes every marker and keeps every value (generated bags)", () => {
    fc.assert(
      fc.property(bagWithSecrets, (bag) => {
        const { plain } = unwrapSecrets(bag);
        assert.deepEqual(plain, stripped(bag));
        assert.equal(JSON.stringify(plain).includes(SECRET_SIGNATURE), false);
      }),
    );
  });

  it("a value that came in secret leaves secret under the same property, even echoed in another shape", () => {
    fc.assert(
      fc.property(bagWithSecrets, fc.boolean(), (bag, reshape) => {
        const { plain, secrets } = unwrapSecrets(bag);
        // A verb may echo a value as it came, or wrap it in a new shape (an object turned into a list of its values).
        const echoed = toWireBag(
          Object.fromEntries(
            Object.entries(plain).map(([key, value]) => [
              key,
              reshape && typeof value === "object" && value !== null ? Object.values(value) : value,
            ]),
          ),
        );
        const out = markSecrets(echoed, secrets);
        for (const [key, value] of Object.entries(bag)) {
          const hidden = secretLeaves(value);
          const visible = plainLeaves(out[key]);
          for (const secret of hidden) {
            // The same leaf may also be in plaintext elsewhere in the input: only values never given in the clear count.
            if (plainLeaves(value).includes(secret)) continue;
            assert.ok(!visible.includes(secret), `${key}: ${JSON.stringify(secret)} left in plaintext`);
          }
        }
      }),
    );
  });

  it("marks nothing that did not come secret, and round-trips: unwrap(mark(x)) is x", () => {
    fc.assert(
      fc.property(bagWithSecrets, (bag) => {
        const { plain, secrets } = unwrapSecrets(bag);
        const wire = toWireBag(plain);
        const out = markSecrets(wire, secrets);
        assert.deepEqual(unwrapSecrets(out).plain, wire);
        assert.deepEqual(markSecrets(wire, {}), wire, "no shape, no marker");
        for (const key of Object.keys(wire)) {
          if (!(key in secrets)) assert.deepEqual(out[key], wire[key], `${key} left as it was`);
        }
      }),
    );
  });

  it("a property declared secret always leaves secret, and is never marked twice", () => {
    fc.assert(
      fc.property(bagWithSecrets, fc.string({ minLength: 1, maxLength: 8 }), withSecrets, (bag, key, value) => {
        const given = toWireBag({ ...unwrapSecrets(bag).plain, [key]: unwrapSecrets({ v: value }).plain["v"] });
        const out = markSecrets(markSecrets(toWireBag(given), shapeOf([key])), shapeOf([key]));
        const marked = out[key];
        assert.ok(isSecretValue(marked), `${key} is secret`);
        assert.ok(!isSecretValue(marked.value), "one marker, not two");
        assert.deepEqual(plainLeaves(marked), []);
      }),
    );
  });

  it("merged shapes keep a secret from either side", () => {
    fc.assert(
      fc.property(bagWithSecrets, bagWithSecrets, (a, b) => {
        const merged = mergeShapes(unwrapSecrets(a).secrets, unwrapSecrets(b).secrets);
        for (const key of [...Object.keys(unwrapSecrets(a).secrets), ...Object.keys(unwrapSecrets(b).secrets)])
          assert.ok(key in merged, key);
      }),
    );
  });

  it("passes the preview's unknown value through, also inside a secret", () => {
    const { plain, secrets } = unwrapSecrets({
      hostname: UNKNOWN,
      privateKey: { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value: UNKNOWN },
    });
    assert.deepEqual(plain, { hostname: UNKNOWN, privateKey: UNKNOWN });
    assert.deepEqual(markSecrets(toWireBag(plain), secrets), {
      hostname: UNKNOWN,
      privateKey: { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value: UNKNOWN },
    });
  });

  it("drops undefined anywhere (a Struct has none) and keeps JSON as it is", () => {
    assert.deepEqual(toWireBag({ a: undefined, b: { c: undefined, d: 1 }, e: [1, undefined, "x"], f: null }), {
      b: { d: 1 },
      e: [1, "x"],
      f: null,
    });
    fc.assert(fc.property(fc.jsonValue(), (value) => assert.deepEqual(toWire(value), value)));
  });

  it("keeps a property named __proto__ as a property, in every direction (a map key a program chose)", () => {
    const bag = JSON.parse('{"__proto__": {"k": "v"}, "tags": {"__proto__": "x"}}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(toWireBag(bag)), ["__proto__", "tags"]);
    assert.deepEqual(toWireBag(bag), bag);
    const marked = markSecrets(toWireBag(bag), shapeOf(["__proto__"]));
    assert.ok(isSecretValue(Object.getOwnPropertyDescriptor(marked, "__proto__")?.value));
    const { plain, secrets } = unwrapSecrets(marked);
    assert.deepEqual(plain, bag);
    assert.deepEqual(Object.keys(secrets), ["__proto__"]);
    // A shape naming __proto__ marks nothing in a bag that has no such property, and merging keeps it own.
    assert.deepEqual(markSecrets({ a: 1 }, shapeOf(["__proto__"])), { a: 1 });
    assert.deepEqual(Object.keys(mergeShapes({}, shapeOf(["__proto__"]))), ["__proto__"]);
  });
});
