/**
 * The provider-side types of a resource, derived at type level from its declaration (declared `as const`-typed with
 * `satisfies ResourceDeclaration`, so every entry keeps its literal type): the normalized inputs `check` returns and
 * the computed outputs. A field's TSDoc is the TSDoc written on its key in the declaration (mapped types over the
 * declaration's keys carry it), its type comes from its value rule (`./value-rules.ts`) or, for an output, from its
 * schema type; a field is optional unless `check` always sets it (required, defaulted or `alwaysSet`) or, for an
 * output, it is `always` there.
 */
import { type ChangeKind, type InputDeclaration, type InputName, type ResourceDeclaration } from "./declaration";
import { type RuleValue } from "./value-rules";

/** One object type out of an intersection of mapped types, with every key's modifiers and TSDoc kept. */
type Merged<T> = { [K in keyof T]: T[K] };

/** True when `check` always gives the input a value. */
type AlwaysSet<E> = E extends { readonly required: true }
  ? true
  : E extends { readonly defaultValue: string | number | boolean }
    ? true
    : E extends { readonly alwaysSet: true }
      ? true
      : false;

/** The normalized type of one declared input, by its value rule. */
export type InputValue<E> = E extends { readonly value: infer R } ? RuleValue<R> : unknown;

/** The normalized inputs of a declaration's `inputs`, as `check` returns them. */
export type NormalizedInputs<I extends Readonly<Record<string, InputDeclaration>>> = Merged<
  { readonly [K in keyof I as AlwaysSet<I[K]> extends true ? K : never]: InputValue<I[K]> } & {
    readonly [K in keyof I as AlwaysSet<I[K]> extends true ? never : K]?: InputValue<I[K]>;
  }
>;

/** The stored type of an output by its schema type: text, a number or a boolean. */
type OutputValue<O> = O extends { readonly schema: { readonly type: "string" } }
  ? string
  : O extends { readonly schema: { readonly type: "integer" | "number" } }
    ? number
    : O extends { readonly schema: { readonly type: "boolean" } }
      ? boolean
      : unknown;

/** The names of the outputs that are not inputs, `always` set (`true`) or not (`false`). */
type ComputedName<
  D extends Pick<ResourceDeclaration, "inputs" | "outputs">,
  K,
  Always extends boolean,
> = K extends keyof D["inputs"]
  ? never
  : K extends keyof D["outputs"]
    ? (D["outputs"][K] extends { readonly always: true } ? true : false) extends Always
      ? K
      : never
    : never;

/** The computed outputs of a declaration: its outputs that are not inputs, as stored. */
export type ComputedOutputs<D extends Pick<ResourceDeclaration, "inputs" | "outputs">> = Merged<
  { readonly [K in keyof D["outputs"] as ComputedName<D, K, true>]: OutputValue<D["outputs"][K]> } & {
    readonly [K in keyof D["outputs"] as ComputedName<D, K, false>]?: OutputValue<D["outputs"][K]>;
  }
>;

/** The inputs of `D` whose change is applied as `Kind` says (`provider`: no API call; see `ChangeKind`). */
export type InputChanging<D extends Pick<ResourceDeclaration, "inputs">, Kind extends ChangeKind> = {
  [K in InputName<D>]: D["inputs"][K] extends { readonly change: Kind } ? K : never;
}[InputName<D>];

/** The provider-only inputs of `D` (`change: "provider"`), with their normalized types. */
export type ProviderSettings<D extends Pick<ResourceDeclaration, "inputs">> = {
  [P in keyof NormalizedInputs<D["inputs"]> as P extends InputChanging<D, "provider"> ? P : never]: NormalizedInputs<
    D["inputs"]
  >[P];
};
