/**
 * The shape of one provider setting's declaration. Every setting is declared once, in `table.ts`; the reader
 * (`read.ts`) and the generated table of docs/settings.md both come from that declaration.
 */
import { type Kind } from "./kinds";

/** The parts of docs/settings.md, in order. */
export const SECTIONS = [
  "Connection",
  "Credentials",
  "Waits",
  "esa.CustomHostname",
  "GA listener certificates",
  "Clock and DNS",
  "Provider host",
] as const;

/** The part of docs/settings.md a setting is listed in. */
export type Section = (typeof SECTIONS)[number];

/**
 * What a value that breaks the kind's rule does: fail (the error names the setting, the value as typed and the
 * rule), or, where that was chosen on purpose and the reason is stated, mean the default.
 */
export type Malformed = "fails" | { readonly fallsBackBecause: string };

/** One provider setting: where it is read from, its kind and default, and who reads it when. */
export interface Setting<T, D extends T | undefined = T | undefined> {
  /** Where docs/settings.md lists it. */
  readonly section: Section;
  /**
   * The stack config key (`alicloud:…`), which wins over the environment.
   * @default none: the setting is read from the environment only
   */
  readonly config?: string;
  /** The environment variables, in order: the first one set wins. Empty when only the stack config sets it. */
  readonly env: readonly string[];
  /** The kind, whose one rule every value must follow. */
  readonly kind: Kind<T>;
  /** The value when nothing sets it; `undefined` when unset means something the reader decides (see the note). */
  readonly default: D;
  /**
   * What the default means, shown after it (`one hour: ESA's quota window`), or instead of it when it is undefined.
   * @default the default's value alone
   */
  readonly defaultNote?: string;
  /** What a malformed value does. */
  readonly malformed: Malformed;
  /**
   * A credential: no message ever shows its value, only its length.
   * @default false
   */
  readonly secret?: boolean;
  /** What it does, for the table. */
  readonly description: string;
  /** Who reads it, and when (which operation, at call time). */
  readonly readBy: string;
}

/** Any setting, whatever its value type (for the table and the documentation). */
export type AnySetting = Setting<unknown, unknown>;

/** Declare a setting (an identity that lets the compiler infer the value and default types of a table entry). */
export function setting<T, const D extends T | undefined>(declaration: Setting<T, D>): Setting<T, D> {
  return declaration;
}

/**
 * The stack config key of a setting that has one (for messages that name it on its own). A setting without one is a
 * mistake of the caller, thrown when its module loads.
 */
export function configKey(declaration: AnySetting): string {
  if (declaration.config === undefined) throw new Error(`the setting ${declaration.env.join(", ")} has no config key`);
  return declaration.config;
}
