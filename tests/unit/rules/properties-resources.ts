/**
 * Properties every resource's `check` keeps, over valid inputs from each input's grammar and hostile edits of them:
 * it never throws and never opens a connection; it never shows or returns a private key or personal value; every
 * failure names its input (at the top level, where the engine looks its value up) and the rule, showing the value as
 * typed; a value unknown at preview is never failed; what it returns is a fixpoint (checking it again changes
 * nothing, so diffs are stable); and a private key anywhere outside a secret input is refused.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { render } from "../../../provider/resources/common/render";
import { anyValue, cryptoMaterial, keyTextArb } from "./generators";
import { withoutNetwork } from "./no-network";
import { runProperty, type RuleProperty } from "./property";
import { RESOURCES, type Bag, type Checked, type ResourceSpec } from "./resources";
import { leaks } from "./secrets";

/** Words that state a rule; every failure reason has one. */
const RULE =
  /\b(must|required|needs?|only|at most|at least|exactly|not|no|cannot|disagrees|refused|inside|repeats|expired|wrong order|broken|empty|does not|is a wildcard)\b/;

/** Unknown input names a program may pass by mistake. */
const STRAY_NAMES = ["privatKey", "notes", "__secret", "hostName"];

/** Every string inside a value (map keys included). */
function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(strings);
  return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)]);
}

/** Run `check` with the network closed: it must neither throw nor connect. */
async function checkOffline(spec: ResourceSpec, bag: Bag): Promise<Checked> {
  const { value, attempts } = await withoutNetwork(async () => {
    try {
      return await spec.check({}, bag);
    } catch (error) {
      return assert.fail(`${spec.name} check threw ${String(error)}`);
    }
  });
  assert.deepEqual(attempts, [], `${spec.name} check opened a connection`);
  return value;
}

/** What check returned except its secret inputs (which may hold the key they were given). */
function plainInputs(spec: ResourceSpec, inputs: unknown): unknown {
  if (typeof inputs !== "object" || inputs === null) return inputs;
  return Object.fromEntries(Object.entries(inputs).filter(([key]) => !spec.secret.includes(key)));
}

/** The failure rules of the module comment, for one check of `bag`. */
function assertFailuresWellFormed(spec: ResourceSpec, bag: Bag, result: Checked): void {
  const names = new Set([...spec.inputs, ...Object.keys(bag)]);
  for (const { property, reason } of result.failures ?? []) {
    assert.ok(property === "" || names.has(property), `unknown property ${property}`);
    assert.doesNotMatch(property, /[[.]/, "a nested path: the engine would print {<nil>}");
    if (property !== "") assert.ok(reason.startsWith(property), `"${reason}" does not start with ${property}`);
    else {
      const first = /^([A-Za-z_$][\w$]*)/.exec(reason)?.[1];
      assert.ok(
        reason.startsWith('"') || reason.startsWith("an input name") || (first !== undefined && names.has(first)),
        `"${reason}" names no input`,
      );
    }
    assert.match(reason, RULE, `"${reason}" states no rule`);
    assert.ok(!reason.includes("<nil>") && !reason.includes("[object Object]"), reason);
  }
  for (const [name, value] of Object.entries(bag)) {
    if (typeof value !== "number") continue;
    const own = (result.failures ?? []).filter((f) => f.property === name);
    if (own.length > 0)
      assert.ok(
        own.some((f) => f.reason.includes(render(value))),
        `${name} ${render(value)} not shown`,
      );
  }
}

/**
 * Personal values never appear in a failure. Only values long enough to be recognized are looked for, and not when
 * the same text was also given to another input (whose own value a failure may show).
 */
function assertNoPersonalValue(spec: ResourceSpec, bag: Bag, result: Checked): void {
  const shown = (result.failures ?? []).map((f) => f.reason).join("\n");
  const elsewhere = Object.entries(bag)
    .filter(([name]) => !spec.personal.includes(name))
    .flatMap(([, value]) => strings(value))
    .join("\n");
  for (const name of spec.personal) {
    const value = bag[name];
    const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
    if (text.length >= 8 && !elsewhere.includes(text)) assert.ok(!shown.includes(text), `${name} was shown`);
  }
}

/** An edit: an input (or a stray name) set to any value, or to a private key. */
const edit = (spec: ResourceSpec): fc.Arbitrary<{ name: string; value: unknown; key?: string }> =>
  fc
    .tuple(
      fc.constantFrom(...spec.inputs, ...STRAY_NAMES),
      fc.oneof(
        { weight: 4, arbitrary: anyValue.map((value) => ({ value })) },
        { weight: 1, arbitrary: keyTextArb().map((k) => ({ value: k.text, key: k.key })) },
      ),
    )
    .map(([name, v]) => ({ name, ...v }));

function perResource(specs: readonly ResourceSpec[], make: (spec: ResourceSpec) => RuleProperty): RuleProperty[] {
  return specs.map(make);
}

/** The resource properties; each makes (once) and awaits the shared crypto material when it runs. */
export function resourceProperties(specs: readonly ResourceSpec[] = RESOURCES): RuleProperty[] {
  return [
    ...perResource(specs, (spec) => ({
      name: `${spec.name}: check never throws or connects, never shows a secret, and every failure names its input and rule`,
      kind: spec.name,
      runs: 150,
      run: async (numRuns) =>
        runProperty(
          fc.asyncProperty(
            spec.valid(await cryptoMaterial()),
            fc.array(edit(spec), { minLength: 1, maxLength: 3 }),
            async (valid, edits) => {
              const bag = { ...(await spec.build(valid)) };
              for (const e of edits) bag[e.name] = e.value;
              const result = await checkOffline(spec, bag);
              assertFailuresWellFormed(spec, bag, result);
              assertNoPersonalValue(spec, bag, result);
              const shown = (result.failures ?? []).map((f) => `${f.property} ${f.reason}`).join("\n");
              const returned = strings(plainInputs(spec, result.inputs));
              // An unknown in what check returns at `up` makes the engine fail before it prints the failures.
              if (!strings(bag).includes(UNKNOWN))
                assert.ok(!strings(result.inputs).includes(UNKNOWN), "check invented an unknown");
              for (const key of edits.flatMap((e) => (e.key === undefined ? [] : [e.key]))) {
                assert.ok(!leaks(shown, key), "a failure shows a private key");
                assert.ok(!returned.some((s) => leaks(s, key)), "check returned a private key in a plain input");
              }
            },
          ),
          numRuns,
        ),
    })),
    ...perResource(specs, (spec) => ({
      name: `${spec.name}: valid inputs pass, and checking what check returned changes nothing`,
      kind: spec.name,
      runs: 60,
      run: async (numRuns) =>
        runProperty(
          fc.asyncProperty(spec.valid(await cryptoMaterial()), async (valid) => {
            const bag = await spec.build(valid);
            const first = await checkOffline(spec, bag);
            assert.deepEqual(first.failures ?? [], [], "a valid bag failed");
            const again = await checkOffline(spec, first.inputs as Bag);
            assert.deepEqual(again.failures ?? [], []);
            assert.deepEqual(again.inputs, first.inputs, "check is not a fixpoint");
          }),
          numRuns,
        ),
    })),
    ...perResource(specs, (spec) => ({
      name: `${spec.name}: an input unknown at preview is never failed`,
      kind: spec.name,
      runs: 60,
      run: async (numRuns) =>
        runProperty(
          fc.asyncProperty(
            spec.valid(await cryptoMaterial()),
            fc.array(fc.constantFrom(...spec.inputs), { minLength: 1 }),
            async (valid, unknown) => {
              const bag = { ...(await spec.build(valid)) };
              for (const name of unknown) bag[name] = UNKNOWN;
              const { failures } = await checkOffline(spec, bag);
              assert.deepEqual(failures ?? [], []);
            },
          ),
          numRuns,
        ),
    })),
    ...perResource(specs, (spec) => ({
      name: `${spec.name}: a private key in any input but a secret one is refused, hidden and not returned`,
      kind: spec.name,
      runs: 60,
      run: async (numRuns) => {
        const material = await cryptoMaterial();
        const places = [
          ...spec.inputs.filter((n) => !spec.secret.includes(n)).map((n) => (value: string) => ({ [n]: value })),
          ...STRAY_NAMES.map((n) => (value: string) => ({ [n]: value })),
          ...spec.nests,
        ];
        return runProperty(
          fc.asyncProperty(
            spec.valid(material),
            fc.constantFrom(...places),
            keyTextArb(),
            async (valid, place, key) => {
              const bag = { ...(await spec.build(valid)), ...place(key.text) };
              const result = await checkOffline(spec, bag);
              const refusal = (result.failures ?? []).find((f) => /holds .*(key|Key)/.test(f.reason));
              assert.ok(refusal !== undefined, `${key.kind} was not refused: ${JSON.stringify(result.failures)}`);
              assert.equal(refusal.property, "", "the engine would print the input's value");
              for (const failure of result.failures ?? []) assert.ok(!leaks(failure.reason, key.key), "shown");
              assert.ok(!strings(plainInputs(spec, result.inputs)).some((s) => leaks(s, key.key)), "returned");
              assert.ok(
                !strings(result.inputs).includes(UNKNOWN),
                "a refused input returned as unknown fails `pulumi up`",
              );
            },
          ),
          numRuns,
        );
      },
    })),
  ];
}
