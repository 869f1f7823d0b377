/**
 * The declaration-driven reader of `check` (`common/declared-check.ts`): each value rule reads exactly as the reader of
 * its kind in `common/check.ts` (same value, same failures, over generated values), absent or invalid inputs read as
 * their declared default, hooks read hooked inputs, inputs a resource reads itself are left alone, and ESA's check
 * reads a newly declared simple input with no edit of its own.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  CheckReport,
  readBoolean,
  readEnum,
  readHostname,
  readId,
  readString,
  readTimeoutSeconds,
} from "../../../provider/resources/common/check";
import { type InputDeclaration } from "../../../provider/resources/common/declaration";
import { readDeclared, readInput, readInputs } from "../../../provider/resources/common/declared-check";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import {
  BOOLEAN_VALUE,
  enumValue,
  hookValue,
  hostnameValue,
  ID_VALUE,
  STRING_VALUE,
  timeoutValue,
  type ValueRule,
} from "../../../provider/resources/common/value-rules";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { DECLARATION as CAS_ORDER } from "../../../provider/resources/cas/dv-certificate-order/declaration";
import { checkValidation } from "../../../provider/resources/cas/dv-certificate-validation/check";
import { DECLARATION as CAS_VALIDATION } from "../../../provider/resources/cas/dv-certificate-validation/declaration";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { checkBinding } from "../../../provider/resources/ga/listener-additional-certificate/check";
import { DECLARATION as GA_ONE } from "../../../provider/resources/ga/listener-additional-certificate/declaration";
import { checkBindingSet } from "../../../provider/resources/ga/listener-additional-certificates/check";
import { DECLARATION as GA_SET } from "../../../provider/resources/ga/listener-additional-certificates/declaration";
import { DECLARATION as ESA } from "../../../provider/resources/esa/custom-hostname/declaration";

/** An input of the given rule (the other fields do not matter to the reader). */
function input(value: ValueRule, extra: Partial<InputDeclaration> = {}): InputDeclaration {
  return { doc: "", argsType: "", schema: { type: "string" }, change: "update", value, ...extra };
}

/** What users type: anything, the unknown sentinel, and the shapes each kind accepts. */
const typed = fc.oneof(
  fc.anything(),
  fc.constant(UNKNOWN),
  fc.constantFrom("", " 12 ", "007", "on", "shop.Example.com.", "*.example.com", "none", true, false, 0, 60, 1.5),
  fc.integer(),
  fc.string(),
);

/** Each rule and the reader of `common/check.ts` it must behave as. */
const KINDS: readonly [string, ValueRule, (report: CheckReport, value: unknown, required: boolean) => unknown][] = [
  ["id", ID_VALUE, (r, v, req) => readId(r, "x", v, req)],
  ["string", STRING_VALUE, (r, v, req) => readString(r, "x", v, req)],
  ["hostname", hostnameValue(true), (r, v, req) => readHostname(r, "x", v, { required: req, allowWildcard: true })],
  ["enum", enumValue(["on", "off"]), (r, v, req) => readEnum(r, "x", v, ["on", "off"], req)],
  ["boolean", BOOLEAN_VALUE, (r, v) => readBoolean(r, "x", v)],
  ["timeout", timeoutValue(86_400), (r, v) => readTimeoutSeconds(r, "x", v, 86_400)],
];

describe("unit: check reads inputs by their declared rule", () => {
  for (const [kind, rule, reader] of KINDS) {
    it(`a ${kind} input reads as the ${kind} reader, with the same failures`, () => {
      fc.assert(
        fc.property(typed, fc.boolean(), (value, required) => {
          // The boolean and timeout readers have no "required"; the declared reader adds the missing-value rule.
          const optionalOnly = kind === "boolean" || kind === "timeout";
          const declared = input(rule, required && !optionalOnly ? { required: true } : {});
          const viaRule = new CheckReport();
          const direct = new CheckReport();
          assert.deepEqual(readInput(viaRule, "x", declared, value), reader(direct, value, required && !optionalOnly));
          assert.deepEqual(viaRule.failures, direct.failures);
        }),
        { numRuns: 300 },
      );
    });
  }

  it("a required boolean or timeout that is absent fails as missing", () => {
    for (const rule of [BOOLEAN_VALUE, timeoutValue(60)]) {
      const report = new CheckReport();
      assert.equal(readInput(report, "x", input(rule, { required: true }), null), undefined);
      assert.deepEqual(report.failures, [{ property: "x", reason: "x is required: got null" }]);
    }
  });

  it("an input with no rule, or a hook with no hook given, is a programming error, not a silent skip", () => {
    assert.throws(() => readInput(new CheckReport(), "x", input(hookValue<string>()), "a"), /no declared value rule/);
    const declaration = { inputs: { x: input(hookValue<string>()) } };
    const hooks = {} as { x: () => undefined };
    assert.throws(() => readInputs(new CheckReport(), declaration, { x: "a" }, { hooks }), /no hook/);
  });

  it("reads every input but the excepted ones, in declaration order, at the declared default when absent or invalid", () => {
    const declaration = {
      inputs: {
        id: input(ID_VALUE, { required: true }),
        flag: input(BOOLEAN_VALUE, { defaultValue: false }),
        wait: input(timeoutValue(100), { defaultValue: 30 }),
        mode: input(enumValue(["a", "b"]), { defaultValue: "a" }),
        note: input(hookValue<string>()),
        own: input(ID_VALUE),
      },
    };
    fc.assert(
      fc.property(
        fc.record({ id: typed, flag: typed, wait: typed, mode: typed, note: typed, own: typed }, { requiredKeys: [] }),
        (news) => {
          const report = new CheckReport();
          const seen: string[] = [];
          const read = readInputs(report, declaration, news, {
            except: ["own"],
            hooks: {
              note: (_r, property, value) => {
                seen.push(property);
                return typeof value === "string" ? `note:${value}` : undefined;
              },
            },
          });
          assert.deepEqual(Object.keys(read), ["id", "flag", "wait", "mode", "note"]);
          assert.equal(read.flag, readBoolean(new CheckReport(), "flag", news.flag) ?? false);
          assert.equal(read.wait, readTimeoutSeconds(new CheckReport(), "wait", news.wait, 100) ?? 30);
          assert.equal(read.mode, readEnum(new CheckReport(), "mode", news.mode, ["a", "b"], false) ?? "a");
          assert.equal(read.note, typeof news.note === "string" ? `note:${news.note}` : undefined);
          assert.deepEqual(seen, ["note"]);
          // The excepted input is the resource's own: it is neither read nor failed.
          assert.ok(!("own" in read));
          assert.ok(report.failures.every((f) => f.property !== "own"));
          // Failures come in declaration order.
          const order = ["id", "flag", "wait", "mode"];
          const failed = report.failures.map((f) => order.indexOf(f.property));
          assert.deepEqual(
            failed,
            [...failed].sort((a, b) => a - b),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("readDeclared reads one input of a declaration as readInputs would", () => {
    fc.assert(
      fc.property(typed, (value) => {
        const news = { waitFor: value };
        const one = readDeclared(new CheckReport(), ESA, "waitFor", news);
        const all = readInputs(new CheckReport(), ESA, news, {
          except: ["sslFlag", "certType", "certificate", "privateKey", "casId", "casRegion", "certIdentifier"],
          hooks: { applyCertificateTrigger: () => undefined, adoptExisting: () => false },
        });
        assert.equal(one, all.waitFor);
      }),
    );
  });

  it("esa.CustomHostname: a simple input added to the declaration alone is accepted and read by check", () => {
    const inputs: Record<string, InputDeclaration> = ESA.inputs;
    const base = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };
    inputs["retainOnDelete"] = input(BOOLEAN_VALUE, { change: "provider" });
    try {
      assert.deepEqual(checkInputs({ ...base, retainOnDelete: true }).failures, []);
      assert.equal(
        (checkInputs({ ...base, retainOnDelete: true }).inputs as Record<string, unknown>)["retainOnDelete"],
        true,
      );
      const bad = checkInputs({ ...base, retainOnDelete: "yes" }).failures;
      assert.deepEqual(bad, [
        { property: "retainOnDelete", reason: 'retainOnDelete "yes" must be true or false, got a string' },
      ]);
      assert.ok(!("retainOnDelete" in checkInputs(base).inputs), "absent, with no declared default: not set");
    } finally {
      delete inputs["retainOnDelete"];
    }
  });

  for (const [name, declaration, check, base] of [
    [
      "ga.ListenerAdditionalCertificate",
      GA_ONE,
      checkBinding,
      { domain: "shop.example.com", certificateId: "6092123-cn-hangzhou" },
    ],
    ["ga.ListenerAdditionalCertificates", GA_SET, checkBindingSet, { certificates: {} }],
    ["cas.DvCertificateValidation", CAS_VALIDATION, checkValidation, { orderId: "98987582437920968" }],
    ["cas.DvCertificateOrder", CAS_ORDER, checkOrder, { orderId: "98987582437920968" }],
  ] as const) {
    it(`${name}: a simple input added to the declaration alone is accepted and read by check`, async () => {
      const inputs: Record<string, InputDeclaration> = declaration.inputs;
      const ga = { acceleratorId: "ga-bp1odcab8tmno0hdq1234", listenerId: "lsr-bp1bpn0kn908w4nbw1234" };
      const bag = name.startsWith("ga.") ? { ...ga, ...base } : base;
      inputs["retainOnDelete"] = input(BOOLEAN_VALUE, { change: "provider" });
      try {
        const good = await check({}, { ...bag, retainOnDelete: true });
        assert.deepEqual(good.failures ?? [], []);
        assert.equal((good.inputs as Record<string, unknown>)["retainOnDelete"], true);
        assert.deepEqual((await check({}, { ...bag, retainOnDelete: "yes" })).failures, [
          { property: "retainOnDelete", reason: 'retainOnDelete "yes" must be true or false, got a string' },
        ]);
      } finally {
        delete inputs["retainOnDelete"];
      }
    });
  }
});
