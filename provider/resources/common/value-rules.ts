/**
 * How `check` reads one input, declared beside the input (`InputDeclaration.value`), and the TypeScript type the input
 * is normalized to. One rule per kind of simple input, each the reader of `./check` that every resource already uses
 * for that kind; `./declared-check.ts` reads a bag by these rules, and `./declared-types.ts` derives the provider-side
 * Inputs type from them, so adding an input of a simple kind is one declaration entry. What a rule cannot say (a PEM
 * key, a CSR, a rule across inputs) is a `hook`: the resource reads it by a named function beside its check.
 */
import { type Unknown } from "./check";

/** An id the API documents as an integer, typed as a string or a number: a decimal string (`readId`). */
export interface IdRule {
  readonly kind: "id";
}

/** A string, trimmed (`readString`). */
export interface StringRule {
  readonly kind: "string";
}

/** A DNS hostname, normalized to lower-case A-labels without a final dot (`readHostname`). */
export interface HostnameRule {
  readonly kind: "hostname";
  /** Whether a leading `*.` label is allowed. */
  readonly wildcard: boolean;
}

/** One of a documented list of strings (`readEnum`); `values` is the list `check` accepts. */
export interface EnumRule<T extends string = string> {
  readonly kind: "enum";
  readonly values: readonly T[];
}

/** `true` or `false`; unknown at preview stays the sentinel (`readBoolean`). */
export interface BooleanRule {
  readonly kind: "boolean";
}

/** Whole seconds from 1 to `max`; unknown at preview stays the sentinel (`readTimeoutSeconds`). */
export interface TimeoutRule {
  readonly kind: "timeout";
  readonly max: number;
}

/**
 * Read by a named hook of the resource's check, normalized to `T`. `type` is never set: it only carries `T` to the
 * derived types.
 */
export interface HookRule<T> {
  readonly kind: "hook";
  readonly type?: T;
}

/** The rule an input is read by. */
export type ValueRule = IdRule | StringRule | HostnameRule | EnumRule | BooleanRule | TimeoutRule | HookRule<unknown>;

/** A decimal id. */
export const ID_VALUE: IdRule = { kind: "id" };
/** A trimmed string. */
export const STRING_VALUE: StringRule = { kind: "string" };
/** A boolean. */
export const BOOLEAN_VALUE: BooleanRule = { kind: "boolean" };

/** A hostname; `wildcard` allows a leading `*.`. */
export function hostnameValue(wildcard: boolean): HostnameRule {
  return { kind: "hostname", wildcard };
}

/** One of `values` (a resource's runtime list, so the type, the schema and check name the same values). */
export function enumValue<const T extends string>(values: readonly T[]): EnumRule<T> {
  return { kind: "enum", values };
}

/** Whole seconds from 1 to `max`. */
export function timeoutValue(max: number): TimeoutRule {
  return { kind: "timeout", max };
}

/** Read by the resource's own named hook, normalized to `T`. */
export function hookValue<T>(): HookRule<T> {
  return { kind: "hook" };
}

/**
 * The normalized type of a rule's input: a string for ids, strings and hostnames (the unknown sentinel is a string
 * too), the enumeration's union, `boolean` or a number with the sentinel kept at preview, a hook's own type.
 */
export type RuleValue<R> =
  R extends HookRule<infer T>
    ? T
    : R extends EnumRule<infer T>
      ? T
      : R extends BooleanRule
        ? boolean | Unknown
        : R extends TimeoutRule
          ? number | Unknown
          : R extends IdRule | StringRule | HostnameRule
            ? string
            : never;
