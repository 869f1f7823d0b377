/**
 * What every resource declaration must say, and what is derived from it: each input is either replaced or updated
 * (never both, never neither), documents its API parameter or says it has none, and documents its default unless it
 * is always required; secret inputs are never quoted and stay secret as outputs; the stored-state reader keeps
 * exactly the values of the declared types (checked over generated bags); and the provider-side types have exactly
 * the declared fields (checked by the compiler).
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  computedNames,
  enumValuesOf,
  inputNames,
  outputNames,
  replacingInputs,
  secretInputs,
  secretOutputs,
  unquotedInputs,
  updatableInputs,
  type InputName,
  type OutputName,
  type ResourceDeclaration,
  type SchemaType,
} from "../../../provider/resources/common/declaration";
import { storedValues } from "../../../provider/resources/common/stored";
import { type DvCertificateOrderArgs } from "../../../provider/resources/cas/dv-certificate-order";
import { type DECLARATION as CAS_ORDER } from "../../../provider/resources/cas/dv-certificate-order/declaration";
import { type DvCertificateOrderOutputs } from "../../../provider/resources/cas/dv-certificate-order/types";
import { type DvCertificateValidationArgs } from "../../../provider/resources/cas/dv-certificate-validation";
import { type DECLARATION as CAS_VALIDATION } from "../../../provider/resources/cas/dv-certificate-validation/declaration";
import { type DvCertificateValidationOutputs } from "../../../provider/resources/cas/dv-certificate-validation/types";
import { type DECLARATION as ESA } from "../../../provider/resources/esa/custom-hostname/declaration";
import { type ListenerAdditionalCertificateArgs } from "../../../provider/resources/ga/listener-additional-certificate";
import { type DECLARATION as GA_ONE } from "../../../provider/resources/ga/listener-additional-certificate/declaration";
import { type ListenerAdditionalCertificateOutputs } from "../../../provider/resources/ga/listener-additional-certificate/types";
import { type ListenerAdditionalCertificatesArgs } from "../../../provider/resources/ga/listener-additional-certificates";
import { type DECLARATION as GA_SET } from "../../../provider/resources/ga/listener-additional-certificates/declaration";
import { type ListenerAdditionalCertificatesOutputs } from "../../../provider/resources/ga/listener-additional-certificates/types";
import { type CustomHostnameOutputs } from "../../../provider/resources/esa/custom-hostname/types";
import { type CustomHostnameArgs } from "../../../provider/resources/esa/custom-hostname";
import { DECLARATIONS } from "../../../scripts/generate/index";

/** True only when the two unions of keys are the same (a compile error otherwise, where it is assigned). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The fields of a provider-side type, without the hidden ones (`__resourceName`), which no declaration lists. */
type Fields<T> = Exclude<keyof T, `__${string}`>;
/** Every name a declaration gives: its inputs and its outputs. */
type Declared<D extends ResourceDeclaration> = InputName<D> | OutputName<D>;

/** A value a stored field of `schema` may hold, and the value the reader gives back for it. */
function storedArbitrary(d: ResourceDeclaration, schema: SchemaType): fc.Arbitrary<[unknown, unknown]> {
  const values = enumValuesOf(d, schema);
  if (values !== undefined) return fc.constantFrom(...values).map((v) => [v, v]);
  if ("oneOf" in schema)
    return fc.oneof(
      fc.string({ minLength: 1 }).map((s): [unknown, unknown] => [s, s]),
      fc.integer({ min: 1 }).map((n): [unknown, unknown] => [n, String(n)]),
    );
  if ("type" in schema && schema.type === "boolean") return fc.boolean().map((b) => [b, b]);
  if ("type" in schema && (schema.type === "integer" || schema.type === "number"))
    return fc.integer().map((n) => [n, n]);
  if ("type" in schema && schema.type === "string") return fc.string({ minLength: 1 }).map((s) => [s, s]);
  return fc.constant([undefined, undefined]);
}

describe("unit: resource declarations", () => {
  it("the provider-side types and the public Args have exactly the declared fields (compile time)", () => {
    const esaState: Same<keyof CustomHostnameOutputs, InputName<typeof ESA> | OutputName<typeof ESA>> = true;
    const esaArgs: Same<keyof CustomHostnameArgs, InputName<typeof ESA>> = true;
    const casOrderState: Same<
      keyof DvCertificateOrderOutputs,
      InputName<typeof CAS_ORDER> | OutputName<typeof CAS_ORDER>
    > = true;
    const casOrderArgs: Same<keyof DvCertificateOrderArgs, InputName<typeof CAS_ORDER>> = true;
    const validationState: Same<Fields<DvCertificateValidationOutputs>, Declared<typeof CAS_VALIDATION>> = true;
    const validationArgs: Same<keyof DvCertificateValidationArgs, InputName<typeof CAS_VALIDATION>> = true;
    const gaOneState: Same<Fields<ListenerAdditionalCertificateOutputs>, Declared<typeof GA_ONE>> = true;
    const gaOneArgs: Same<keyof ListenerAdditionalCertificateArgs, InputName<typeof GA_ONE>> = true;
    const gaSetState: Same<Fields<ListenerAdditionalCertificatesOutputs>, Declared<typeof GA_SET>> = true;
    const gaSetArgs: Same<keyof ListenerAdditionalCertificatesArgs, InputName<typeof GA_SET>> = true;
    assert.ok(esaState && esaArgs && casOrderState && casOrderArgs && validationState && validationArgs);
    assert.ok(gaOneState && gaOneArgs && gaSetState && gaSetArgs);
  });

  for (const d of DECLARATIONS) {
    describe(`${d.namespace}.${d.className}`, () => {
      it("each input is replaced or updated in place, and the two sets cover the inputs", () => {
        const replacing = replacingInputs(d);
        const updatable = updatableInputs(d);
        assert.deepEqual([...replacing, ...updatable].sort(), inputNames(d).sort());
        assert.ok(!replacing.some((name) => updatable.includes(name)));
      });

      it("each input documents its default unless always required, and what it maps to", () => {
        for (const [name, input] of Object.entries(d.inputs)) {
          assert.ok(input.doc.length > 0, `${name}: doc`);
          if (input.required !== true) assert.ok(input.default !== undefined, `${name}: @default`);
          if (input.api === undefined)
            assert.match(
              String(input.doc),
              /No API parameter|no API call|Not sent to any API|touches no API|provider/i,
              name,
            );
        }
      });

      it("secret inputs are never quoted, and an output of the same name is secret", () => {
        const unquoted = unquotedInputs(d);
        for (const name of secretInputs(d)) {
          assert.ok(unquoted.includes(name), name);
          if (name in d.outputs) assert.ok(secretOutputs(d).includes(name), name);
        }
      });

      it("computed outputs are the outputs that are not inputs", () => {
        const inputs = new Set(inputNames(d));
        assert.deepEqual(
          computedNames(d),
          outputNames(d).filter((name) => !inputs.has(name)),
        );
      });

      it("the stored-state reader reads back every declared value of its type, and nothing else", () => {
        const fields = new Map<string, SchemaType>();
        for (const [name, output] of Object.entries(d.outputs)) fields.set(name, output.schema);
        for (const [name, input] of Object.entries(d.inputs)) fields.set(name, input.schema);
        const entries = [...fields].map(([name, schema]) =>
          fc.option(storedArbitrary(d, schema), { nil: undefined }).map((pair) => [name, pair] as const),
        );
        fc.assert(
          fc.property(fc.tuple(...entries), fc.string(), fc.anything(), (pairs, extraKey, extra) => {
            const bag: Record<string, unknown> = {};
            for (const [name, pair] of pairs) if (pair !== undefined) bag[name] = pair[0];
            if (!fields.has(extraKey)) bag[extraKey] = extra;
            const read = storedValues(d, bag);
            assert.deepEqual(Object.keys(read).sort(), [...fields.keys()].sort());
            for (const [name, pair] of pairs) {
              const schema = fields.get(name);
              const simple = schema !== undefined && !("type" in schema && ["object", "array"].includes(schema.type));
              if (simple) assert.deepEqual(read[name], pair?.[1], name);
            }
          }),
          { numRuns: 50 },
        );
      });

      it("the stored-state reader drops a value of another type", () => {
        for (const [name, input] of Object.entries(d.inputs)) {
          const wrong = enumValuesOf(d, input.schema) !== undefined ? "not-a-declared-value" : { nested: true };
          assert.equal(storedValues(d, { [name]: wrong })[name], undefined, name);
        }
      });
    });
  }
});
