/**
 * Every simple value rule of a declaration (`common/value-rules.ts`, read by `common/declared-check.ts`) accepts its
 * valid values, normalized, and rejects every other value with one failure naming the property, the value as typed and
 * the rule; an input whose value a message never shows (secret, sensitive, personal) is described, never quoted.
 * Values are generated (fast-check); the rules are those of `common/check.ts`: ids are the APIs' 64-bit integers,
 * hostnames RFC 1123 names, timeouts whole seconds.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CheckReport } from "../../../provider/resources/common/check";
import { type InputDeclaration } from "../../../provider/resources/common/declaration";
import { readInput, readInputs, startCheck } from "../../../provider/resources/common/declared-check";
import { render } from "../../../provider/resources/common/render";
import {
  BOOLEAN_VALUE,
  enumValue,
  hostnameValue,
  ID_VALUE,
  STRING_VALUE,
  timeoutValue,
  type ValueRule,
} from "../../../provider/resources/common/value-rules";

/** An input of the given rule (the other fields do not matter to the reader). */
function input(value: ValueRule, extra: Partial<InputDeclaration> = {}): InputDeclaration {
  return { doc: "", argsType: "", schema: { type: "string" }, change: "update", value, ...extra };
}

/** How a message would show a value: a string trimmed, anything else rendered. */
function shown(value: unknown): string {
  return typeof value === "string" ? value.trim() : render(value);
}

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,20}$/);

/** One kind: its rule, values it accepts with what they read as, values it refuses, and the rule's words. */
interface Kind {
  readonly rule: ValueRule;
  readonly valid: fc.Arbitrary<readonly [typed: unknown, read: unknown]>;
  readonly invalid: fc.Arbitrary<unknown>;
  readonly ruleWords: RegExp;
}

const KINDS: Readonly<Record<string, Kind>> = {
  id: {
    rule: ID_VALUE,
    valid: fc.oneof(
      fc.bigInt({ min: 1n, max: 9_223_372_036_854_775_807n }).map((n) => [String(n), String(n)] as const),
      fc.integer({ min: 1 }).map((n) => [n, String(n)] as const),
    ),
    invalid: fc.oneof(
      fc.integer({ max: 0 }),
      fc.stringMatching(/^(0\d+|-\d+|\d+[a-z]+|[a-z]+)$/),
      fc.bigInt({ min: 9_223_372_036_854_775_808n, max: 2n ** 80n }).map(String),
      fc.boolean(),
    ),
    ruleWords: /positive integer|largest id/,
  },
  string: {
    rule: STRING_VALUE,
    valid: fc.string({ minLength: 1 }).map((s) => [s, s.trim()] as const),
    invalid: fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { minLength: 1 })),
    ruleWords: /must be a string/,
  },
  hostname: {
    rule: hostnameValue(false),
    valid: fc
      .array(label, { minLength: 2, maxLength: 4 })
      .map((labels) => [labels.join(".").toUpperCase(), labels.join(".")] as const),
    invalid: fc.oneof(
      fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => `*.${labels.join(".")}.com`),
      fc.array(label, { minLength: 1, maxLength: 3 }).map((labels) => `${labels.join("..")}_x..com`),
      fc.integer(),
    ),
    ruleWords: /hostname|wildcard|must be a string/,
  },
  enum: {
    rule: enumValue(["on", "off"]),
    valid: fc.constantFrom("on", "off", " on ").map((v) => [v, v.trim()] as const),
    invalid: fc.oneof(
      label.filter((v) => v !== "on" && v !== "off"),
      fc.integer(),
    ),
    ruleWords: /must be one of "on", "off"|must be a string/,
  },
  boolean: {
    rule: BOOLEAN_VALUE,
    valid: fc.boolean().map((b) => [b, b] as const),
    invalid: fc.oneof(fc.string(), fc.integer(), fc.constantFrom("true", "false", 0, 1)),
    ruleWords: /must be true or false/,
  },
  timeout: {
    rule: timeoutValue(86_400),
    valid: fc.integer({ min: 1, max: 86_400 }).map((n) => [n, n] as const),
    invalid: fc.oneof(
      fc.integer({ max: 0 }),
      fc.integer({ min: 86_401 }),
      fc.double({ min: 1.01, max: 100, noNaN: true }).filter((d) => !Number.isInteger(d)),
      fc.integer({ min: 1, max: 100 }).map(String),
    ),
    ruleWords: /whole number of seconds between 1 and 86400/,
  },
};

describe("unit: every declared simple rule accepts its values and names the rule for others", () => {
  for (const [kind, { rule, valid, invalid, ruleWords }] of Object.entries(KINDS)) {
    it(`${kind}: valid values read normalized, with no failure`, () => {
      fc.assert(
        fc.property(valid, ([typed, read]) => {
          const report = new CheckReport();
          assert.deepEqual(readInput(report, "x", input(rule), typed), read);
          assert.deepEqual(report.failures, []);
        }),
      );
    });

    it(`${kind}: any other value fails once, naming the property, the value as typed and the rule`, () => {
      fc.assert(
        fc.property(invalid, (typed) => {
          const report = new CheckReport();
          assert.equal(readInput(report, "x", input(rule), typed), undefined);
          assert.equal(report.failures.length, 1);
          const [failure] = report.failures;
          assert.equal(failure?.property, "x");
          assert.match(failure?.reason ?? "", /^x /);
          const asTyped = [render(typed), typeof typed === "string" ? render(typed.trim()) : render(typed)];
          assert.ok(
            asTyped.some((shown) => failure?.reason.includes(shown)),
            `${failure?.reason} quotes ${asTyped[0]}`,
          );
          assert.match(failure?.reason ?? "", ruleWords);
        }),
      );
    });

    for (const flag of ["secret", "sensitive", "personal"] as const) {
      it(`${kind}: a ${flag} input that fails never shows its value, yet names the property and the rule`, () => {
        // A distinctive value of the refused kind, so finding it in a message is never a coincidence.
        const hidden = invalid.filter((v) => shown(v).length >= 6);
        fc.assert(
          fc.property(hidden, (typed) => {
            const declaration = { inputs: { x: input(rule, { [flag]: true }) }, outputs: {} };
            const { report } = startCheck(declaration, {});
            readInputs(report, declaration, { x: typed }, { hooks: {} });
            assert.equal(report.failures.length, 1);
            const [failure] = report.failures;
            // The engine prints `property <name> value {<value>}`: no property for an input it must not print.
            assert.equal(failure?.property, "");
            assert.match(failure?.reason ?? "", /^x /);
            assert.match(failure?.reason ?? "", ruleWords);
            const text = shown(typed);
            assert.ok(!(failure?.reason ?? "").includes(text), `${failure?.reason} shows ${text}`);
          }),
        );
      });
    }
  }

  it("a secret input that is required and missing says so, as any input does", () => {
    const report = new CheckReport();
    readInput(report, "x", input(STRING_VALUE, { secret: true, required: true }), "");
    assert.deepEqual(report.failures, [{ property: "x", reason: 'x is required: got an empty string ("")' }]);
  });
});
