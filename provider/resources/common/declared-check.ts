/**
 * `check` driven by the declaration. {@link startCheck} is how every check begins (the report that never quotes a
 * secret or personal input, the private-key screen, the misspelled-name rule); {@link readInputs} reads each simple
 * input by its declared value rule (`./value-rules.ts`) with the reader of `./check.ts` for that kind: required when
 * declared `required: true`, at its `defaultValue` when absent (or invalid, once its failure is recorded), the unknown
 * sentinel kept at preview. An input whose rule is a `hook` is read by the resource's named hook, which the compiler
 * asks for; inputs a resource reads itself because a rule spans several of them are named in `except`.
 */
import {
  CheckReport,
  describeSecret,
  missingReason,
  readBoolean,
  readEnum,
  readHostname,
  readId,
  readString,
  readTimeoutSeconds,
} from "./check";
import {
  computedNames,
  inputNames,
  secretInputs,
  unquotedInputs,
  type InputDeclaration,
  type InputName,
  type ResourceDeclaration,
} from "./declaration";
import { type InputValue } from "./declared-types";
import { type PropertyBag } from "./dynamic";
import { rejectUnknownInputs } from "./input-names";
import { type HookRule, type ValueRule } from "./value-rules";
import { screenPrivateKeys } from "./private-keys";

/** What every check starts from: its report, the bag with refused private keys replaced, and their inputs. */
export interface StartedCheck {
  readonly report: CheckReport;
  readonly news: PropertyBag;
  readonly refused: readonly string[];
}

/**
 * Start a check of `bag`: a report that never quotes a secret, sensitive or personal input; every private key outside
 * a secret input refused and replaced (`./private-keys.ts`); every name that is not an input or output refused, with
 * a suggestion (`./input-names.ts`).
 */
export function startCheck(
  declaration: Pick<ResourceDeclaration, "inputs" | "outputs">,
  bag: PropertyBag,
): StartedCheck {
  const report = new CheckReport({ sensitive: unquotedInputs(declaration) });
  const { news, refused } = screenPrivateKeys(report, bag, secretInputs(declaration));
  rejectUnknownInputs(report, news, { inputs: inputNames(declaration), outputs: computedNames(declaration) });
  return { report, news, refused };
}

/** A named hook: reads one input (recording its failures) and returns its normalized value, or undefined. */
export type InputHook<V> = (report: CheckReport, property: string, value: unknown, news: PropertyBag) => V | undefined;

/** The inputs of `D` whose value rule is a hook. */
export type HookedInputName<D extends Pick<ResourceDeclaration, "inputs">> = {
  [K in InputName<D>]: D["inputs"][K] extends { readonly value: { readonly kind: "hook" } } ? K : never;
}[InputName<D>];

/** What the reader gives for one input: its declared default when absent or invalid, else undefined. */
export type ReadValue<E> = E extends { readonly defaultValue: string | number | boolean }
  ? InputValue<E>
  : InputValue<E> | undefined;

/** The values {@link readInputs} gives for the inputs `K` of `D`. */
export type ReadInputs<D extends Pick<ResourceDeclaration, "inputs">, K extends InputName<D>> = {
  readonly [P in K]: ReadValue<D["inputs"][P]>;
};

/** What {@link readInputs} reads besides the declared rules. */
export interface ReadOptions<D extends Pick<ResourceDeclaration, "inputs">, X extends InputName<D>> {
  /**
   * The inputs the resource reads itself, because a rule spans several of them.
   * @default none
   */
  readonly except?: readonly X[];
  /** The hook of every hooked input not in `except`. */
  readonly hooks: { readonly [K in Exclude<HookedInputName<D>, X>]: InputHook<InputValue<D["inputs"][K]>> };
}

/** True when nothing was given: absent or `null`. */
function absent(value: unknown): boolean {
  return value === undefined || value === null;
}

/** The rule of a simple value, in the words a failure uses when it cannot show the value. */
function ruleText(rule: Exclude<ValueRule, HookRule<unknown>>): string {
  switch (rule.kind) {
    case "id":
      return "must be a positive integer id (digits only, no sign or leading zero, at most 2^63 - 1)";
    case "string":
      return "must be a string";
    case "hostname":
      return `must be a valid hostname (RFC 1123${rule.wildcard ? ", a leading *. allowed" : ", no wildcard"})`;
    case "enum":
      return `must be one of ${rule.values.map((v) => `"${v}"`).join(", ")}`;
    case "boolean":
      return "must be true or false";
    case "timeout":
      return `must be a whole number of seconds between 1 and ${rule.max}`;
  }
}

/**
 * One input read by its declared value rule (not a hook); failures go to `report`. The readers of `./check.ts` quote
 * the value as typed; for an input whose value a message never shows (secret, sensitive or personal), a failure
 * instead describes it (`describeSecret`: its type and length) and states the rule.
 */
export function readInput(report: CheckReport, property: string, input: InputDeclaration, value: unknown): unknown {
  if (input.secret !== true && input.sensitive !== true && input.personal !== true)
    return readQuoting(report, property, input, value);
  const scratch = new CheckReport();
  const read = readQuoting(scratch, property, input, value);
  const rule = input.value;
  if (scratch.failures.length > 0 && rule !== undefined && rule.kind !== "hook") {
    // A missing value names nothing typed; any other failure would quote the value.
    const missing = missingReason(property, value);
    const reason = scratch.failures.every((f) => f.reason === missing)
      ? missing
      : `${property} ${describeSecret(value)} ${ruleText(rule)}`;
    report.fail(property, reason);
  }
  return read;
}

/** {@link readInput}, with the reader's own message, which quotes the value. */
function readQuoting(report: CheckReport, property: string, input: InputDeclaration, value: unknown): unknown {
  const rule = input.value;
  const required = input.required === true;
  switch (rule?.kind) {
    case "id":
      return readId(report, property, value, required);
    case "string":
      return readString(report, property, value, required);
    case "hostname":
      return readHostname(report, property, value, { required, allowWildcard: rule.wildcard });
    case "enum":
      return readEnum(report, property, value, rule.values, required);
    case "boolean":
    case "timeout":
      if (required && absent(value)) {
        report.fail(property, missingReason(property, value));
        return undefined;
      }
      return rule.kind === "boolean"
        ? readBoolean(report, property, value)
        : readTimeoutSeconds(report, property, value, rule.max);
    default:
      throw new Error(`${property} has no declared value rule to read it by`);
  }
}

/** The input `name` of `news`, read by its declared value rule, at its declared default when absent or invalid. */
export function readDeclared<D extends Pick<ResourceDeclaration, "inputs">, K extends InputName<D>>(
  report: CheckReport,
  declaration: D,
  name: K,
  news: PropertyBag,
): ReadValue<D["inputs"][K]> {
  const input: InputDeclaration = declaration.inputs[name];
  // Read by the rule its declared type is derived from (`./declared-types.ts`).
  return (readInput(report, name, input, news[name]) ?? input.defaultValue) as ReadValue<D["inputs"][K]>;
}

/**
 * Every input of `declaration` but those in `except`, in declaration order: a simple one by its value rule, a hooked
 * one by its hook; absent or invalid ones at their declared default.
 */
export function readInputs<D extends Pick<ResourceDeclaration, "inputs">, X extends InputName<D> = never>(
  report: CheckReport,
  declaration: D,
  news: PropertyBag,
  options: ReadOptions<D, X>,
): ReadInputs<D, Exclude<InputName<D>, X>> {
  const except = new Set<string>(options.except ?? []);
  const hooks: Readonly<Record<string, InputHook<unknown> | undefined>> = options.hooks;
  const inputs: Readonly<Record<string, InputDeclaration>> = declaration.inputs;
  const read: Record<string, unknown> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (except.has(name)) continue;
    const hook = hooks[name];
    if (input.value?.kind === "hook" && hook === undefined) throw new Error(`${name} has no hook to read it by`);
    const value =
      hook === undefined ? readInput(report, name, input, news[name]) : hook(report, name, news[name], news);
    read[name] = value ?? input.defaultValue;
  }
  // Each value was read by the rule its declared type is derived from (`./declared-types.ts`).
  return read as ReadInputs<D, Exclude<InputName<D>, X>>;
}
