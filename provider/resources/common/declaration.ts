/**
 * One declaration per resource: every input and output, once, with what each part of the package needs to know about
 * it. The public `…Args` and class (`<resource>.ts`), the Pulumi package schema (`schema.json`) and the reference
 * tables (`docs/reference/<resource>.md`) are generated from it (`npm run generate`; a unit test fails when one is
 * stale); the input names, the replace and update sets, the secret and personal inputs, the outputs to pre-declare
 * and the keys the stored-state readers read are derived from it at run time by the functions below. Pulumi's own
 * providers work the same way, schema first (pulumi-random, pulumi-tls: one resource schema, every SDK from it).
 */
import { type ValueRule } from "./value-rules";

/**
 * How a change of an input is applied, as `diff` reports it:
 * - `replace`: the API cannot change it on an existing object, so a change replaces the resource;
 * - `update`: updated in place with an API call;
 * - `provider`: updated in place with no API call (it only changes what the provider does: waits, timeouts).
 */
export type ChangeKind = "replace" | "update" | "provider";

/**
 * A type in the Pulumi package schema (`pkg/codegen/schema/pulumi.json`, `typeSpec`): a primitive, an array, a map
 * (`object` with `additionalProperties`), a union (`oneOf`), or a reference to a named type of the schema's `types`
 * (`#/types/alicloud-certs:<module>:<Name>`: enumerations and objects).
 */
export type SchemaType =
  | { readonly type: "string" | "integer" | "number" | "boolean" }
  | { readonly type: "array"; readonly items: SchemaType }
  | { readonly type: "object"; readonly additionalProperties: SchemaType }
  | { readonly oneOf: readonly SchemaType[] }
  | { readonly $ref: string };

/**
 * Documentation text (Markdown, TSDoc inline tags allowed): one string, or its lines, where `""` separates paragraphs
 * and a line starting with `- ` is a list item. The generator wraps each line to the page.
 */
export type Text = string | readonly string[];

/** One value of a named enumeration type. */
export interface EnumValueDeclaration {
  readonly value: string;
  /** What the value means (Markdown). */
  readonly description?: Text;
}

/** One property of a named object type. */
export interface ObjectPropertyDeclaration {
  readonly schema: SchemaType;
  /** What it holds (Markdown). */
  readonly description: Text;
  /** Always present. @default optional */
  readonly required?: true;
}

/** A named type of the schema: an enumeration of strings, or an object of named properties. */
export type NamedTypeDeclaration =
  | { readonly description: Text; readonly enum: readonly EnumValueDeclaration[] }
  | { readonly description: Text; readonly properties: Readonly<Record<string, ObjectPropertyDeclaration>> };

/** One input of a resource: an `…Args` field. */
export interface InputDeclaration {
  /** The TSDoc body of the `…Args` field (Markdown): also the schema's description and the reference table's text. */
  readonly doc: Text;
  /** The field's TypeScript type as users write it, e.g. `pulumi.Input<string | number>`. */
  readonly argsType: string;
  /** Its type in the package schema. */
  readonly schema: SchemaType;
  /**
   * The API parameter it maps to (`SiteId`, `Certificates.N.Id`); the request builders take wire names from here.
   * @default none: a provider-only setting, sent to no API
   */
  readonly api?: string;
  /** How a change is applied (see {@link ChangeKind}). */
  readonly change: ChangeKind;
  /**
   * Whether it must be given: `true` always; a sentence when only sometimes (`"unless orderId adopts an existing
   * order"`; the schema then lists it as optional, and `check` enforces the rule).
   * @default optional
   */
  readonly required?: true | string;
  /**
   * The `@default` text: what happens when it is not given, as a behaviour.
   * @default none (a required input)
   */
  readonly default?: Text;
  /**
   * The default as a value, where it is one (the schema's `default`).
   * @default none
   */
  readonly defaultValue?: string | number | boolean;
  /**
   * It may hold a secret (a private key): stored as a secret even when typed in plain text, never quoted.
   * @default false
   */
  readonly secret?: true;
  /**
   * A failure about it never quotes its value (a secret kept elsewhere, e.g. a certificate stored as secret output).
   * @default what {@link secret} and {@link personal} say
   */
  readonly sensitive?: true;
  /**
   * Personal data (a name, a phone number, an e-mail address): never quoted in a message.
   * @default false
   */
  readonly personal?: true;
  /**
   * The allowed range or format in words, for the reference (`1–86400 seconds`); enumerations list their values.
   * @default none
   */
  readonly range?: string;
  /**
   * The resource deletes the old object before creating its replacement when this input changes (the cloud name
   * is unique).
   * @default false
   */
  readonly deleteBeforeReplace?: true;
  /**
   * The rule `check` reads it by and the type it is normalized to (`./value-rules.ts`): a resource whose check reads
   * its inputs with `./declared-check.ts` and whose Inputs type is `./declared-types.ts` `NormalizedInputs` declares
   * one for every input.
   * @default none: the resource's check reads it by its own code, and its Inputs type is written by hand
   */
  readonly value?: ValueRule;
  /**
   * `check` always gives it a value, computed from other inputs when it is not given (ESA's `sslFlag`: `"on"` when a
   * `certType` is set), so it is never absent from the normalized inputs. `required: true` and a `defaultValue` imply
   * it.
   * @default false
   */
  readonly alwaysSet?: true;
}

/** One output of a resource: a field of the resource class, pre-declared so the engine creates it. */
export interface OutputDeclaration {
  /** The TSDoc body of the class field (Markdown). */
  readonly doc: Text;
  /**
   * The API field it comes from (`HostnameId`).
   * @default none: an input echoed, or computed by the provider
   */
  readonly api?: string;
  /** The TypeScript type inside `pulumi.Output<…>`. */
  readonly outputType: string;
  /** Its type in the package schema. */
  readonly schema: SchemaType;
  /**
   * Always set once the resource exists (the schema's `required`).
   * @default optional
   */
  readonly always?: true;
  /**
   * Secret output (`additionalSecretOutputs`): the engine encrypts it in the state.
   * @default false
   */
  readonly secret?: true;
}

/** The static `get` of a class: a read-only lookup by id. */
export interface LookupDeclaration {
  /** Its TSDoc body. */
  readonly doc: Text;
  /**
   * What the lookup passes as `args`: nothing (the class then has an internal overload taking `undefined`), or an
   * empty object (every input is optional).
   */
  readonly args: "undefined" | "empty";
}

/** Everything about one resource. */
export interface ResourceDeclaration {
  /** The public namespace (`esa`) and class name (`CustomHostname`). */
  readonly namespace: "esa" | "cas" | "ga";
  readonly className: string;
  /** The type of the stored token `pulumi-nodejs:dynamic/alicloud-certs:<storedType>` (state: never renamed). */
  readonly storedType: string;
  /** The name of the exported constant holding {@link storedType} (`CUSTOM_HOSTNAME_TYPE`). */
  readonly typeConstant: string;
  /** The name of the exported provider object (`customHostnameProvider`). */
  readonly providerName: string;
  /** The provider object's declared type, e.g. `pulumi.dynamic.ResourceProvider<PropertyBag, PropertyBag>`. */
  readonly providerType: string;
  /** The source folder below `provider/resources/` (`esa/custom-hostname`): the provider entry is its provider.js. */
  readonly folder: string;
  /** The public file's opening TSDoc (the module comment). */
  readonly moduleDoc: Text;
  /** The class's TSDoc (what it is, its token, entry path, API calls per operation). */
  readonly classDoc: Text;
  /** The `…Args` interface's TSDoc. */
  readonly argsDoc: Text;
  /** The provider object's TSDoc. */
  readonly providerDoc: Text;
  /** The constructor's TSDoc. */
  readonly constructorDoc: Text;
  /** The static `get`, when the class has one. */
  readonly lookup?: LookupDeclaration;
  /**
   * The hidden input carrying the resource's name in the program (GA: `__resourceName`), set by the class when it
   * is constructed with inputs.
   * @default none
   */
  readonly nameInput?: string;
  /** The types of `<folder>/types.ts` the public file re-exports (its Args and outputs may use them). */
  readonly publicTypes: readonly string[];
  /** Named schema types this resource uses, keyed by their name (`SslFlag`); the token adds the namespace. */
  readonly types?: Readonly<Record<string, NamedTypeDeclaration>>;
  readonly inputs: Readonly<Record<string, InputDeclaration>>;
  readonly outputs: Readonly<Record<string, OutputDeclaration>>;
}

/** The schema token of a resource: `alicloud-certs:<namespace>:<ClassName>`. */
export function schemaToken(declaration: Pick<ResourceDeclaration, "namespace" | "className">): string {
  return `alicloud-certs:${declaration.namespace}:${declaration.className}`;
}

/** The input names of a declaration, as a union of its keys. */
export type InputName<D extends Pick<ResourceDeclaration, "inputs">> = Extract<keyof D["inputs"], string>;
/** The output names of a declaration, as a union of its keys. */
export type OutputName<D extends Pick<ResourceDeclaration, "outputs">> = Extract<keyof D["outputs"], string>;

/** The keys of `record` (an object literal of the declaration) whose entry satisfies `keep`, in declaration order. */
function keysWhere<E, R extends Readonly<Record<string, E>>>(
  record: R,
  keep: (entry: E) => boolean,
): Extract<keyof R, string>[] {
  const names = Object.keys(record).filter((name): name is Extract<keyof R, string> => name in record);
  return names.filter((name) => keep(record[name]));
}

/** The input names, in declaration order: what `check` accepts (and suggests from when a name is misspelled). */
export function inputNames<D extends Pick<ResourceDeclaration, "inputs">>(declaration: D): InputName<D>[] {
  return keysWhere<InputDeclaration, D["inputs"]>(declaration.inputs, (_input: InputDeclaration) => true);
}

/** The inputs whose change is applied as one of `kinds` says, in declaration order. */
export function inputsChanging<D extends Pick<ResourceDeclaration, "inputs">>(
  declaration: D,
  ...kinds: readonly ChangeKind[]
): InputName<D>[] {
  return keysWhere<InputDeclaration, D["inputs"]>(declaration.inputs, (input: InputDeclaration) =>
    kinds.includes(input.change),
  );
}

/** The inputs whose change replaces the resource. */
export function replacingInputs<D extends Pick<ResourceDeclaration, "inputs">>(declaration: D): InputName<D>[] {
  return inputsChanging(declaration, "replace");
}

/** The inputs updated in place, with an API call or without. */
export function updatableInputs<D extends Pick<ResourceDeclaration, "inputs">>(declaration: D): InputName<D>[] {
  return inputsChanging(declaration, "update", "provider");
}

/** The inputs that may hold a secret (a private key). */
export function secretInputs<D extends Pick<ResourceDeclaration, "inputs">>(declaration: D): InputName<D>[] {
  return keysWhere<InputDeclaration, D["inputs"]>(
    declaration.inputs,
    (input: InputDeclaration) => input.secret === true,
  );
}

/** The inputs whose value a message never quotes: secret, sensitive or personal ones. */
export function unquotedInputs<D extends Pick<ResourceDeclaration, "inputs">>(declaration: D): InputName<D>[] {
  return keysWhere<InputDeclaration, D["inputs"]>(
    declaration.inputs,
    (input: InputDeclaration) => input.secret === true || input.sensitive === true || input.personal === true,
  );
}

/** The inputs holding personal data. */
export function personalInputs<D extends Pick<ResourceDeclaration, "inputs">>(declaration: D): InputName<D>[] {
  return keysWhere<InputDeclaration, D["inputs"]>(
    declaration.inputs,
    (input: InputDeclaration) => input.personal === true,
  );
}

/** Every output name (the class fields, pre-declared on construction), in declaration order. */
export function outputNames<D extends Pick<ResourceDeclaration, "outputs">>(declaration: D): OutputName<D>[] {
  return keysWhere<OutputDeclaration, D["outputs"]>(declaration.outputs, (_output: OutputDeclaration) => true);
}

/** The outputs that are not also inputs: what the cloud (or the provider) computes. */
export function computedNames<D extends Pick<ResourceDeclaration, "inputs" | "outputs">>(
  declaration: D,
): Exclude<OutputName<D>, InputName<D>>[] {
  return Object.keys(declaration.outputs).filter(
    (name): name is Exclude<OutputName<D>, InputName<D>> => !(name in declaration.inputs),
  );
}

/** The lists check, diff and mapping read from a declaration, derived at once (each declaration exports those it uses). */
export interface DeclaredSets<D extends Pick<ResourceDeclaration, "inputs" | "outputs">> {
  /** Every input: a key outside these (and the outputs) is a misspelling (`inputNames`). */
  readonly inputs: InputName<D>[];
  /** The inputs whose change replaces the resource (`replacingInputs`). */
  readonly replacing: InputName<D>[];
  /** The inputs updated in place, by an API call or by the provider alone (`updatableInputs`). */
  readonly updatable: InputName<D>[];
  /** The provider-only inputs: a change touches no API (`inputsChanging(…, "provider")`). */
  readonly providerOnly: InputName<D>[];
  /** The outputs that are not inputs (`computedNames`). */
  readonly computed: Exclude<OutputName<D>, InputName<D>>[];
}

/** {@link DeclaredSets} of `declaration`. */
export function declaredSets<D extends Pick<ResourceDeclaration, "inputs" | "outputs">>(
  declaration: D,
): DeclaredSets<D> {
  return {
    inputs: inputNames(declaration),
    replacing: replacingInputs(declaration),
    updatable: updatableInputs(declaration),
    providerOnly: inputsChanging(declaration, "provider"),
    computed: computedNames(declaration),
  };
}

/** The secret outputs (`additionalSecretOutputs`). */
export function secretOutputs<D extends Pick<ResourceDeclaration, "outputs">>(declaration: D): OutputName<D>[] {
  return keysWhere<OutputDeclaration, D["outputs"]>(
    declaration.outputs,
    (output: OutputDeclaration) => output.secret === true,
  );
}

/** True when a change of one of `replaced` must delete the old object first. */
export function deletesBeforeReplace(
  declaration: Pick<ResourceDeclaration, "inputs">,
  replaced: readonly string[],
): boolean {
  return replaced.some((name) => declaration.inputs[name]?.deleteBeforeReplace === true);
}

/** The values a schema type admits in stored state: an enumeration's values, when it names one. */
export function enumValuesOf(
  declaration: Pick<ResourceDeclaration, "types">,
  schema: SchemaType,
): string[] | undefined {
  if (!("$ref" in schema)) return undefined;
  const named = declaration.types?.[schema.$ref.split(":").pop() ?? ""];
  return named !== undefined && "enum" in named ? named.enum.map((value) => value.value) : undefined;
}

/**
 * A named enumeration type whose values are the resource's runtime list (`SSL_FLAGS`), so the schema and the
 * reference cannot list other values than `check` accepts; `meanings` documents some or all of them.
 */
export function enumType<T extends string>(
  description: Text,
  values: readonly T[],
  meanings: Partial<Record<T, Text>> = {},
): NamedTypeDeclaration {
  return {
    description,
    enum: values.map((value) => {
      const meaning = meanings[value];
      return meaning === undefined ? { value } : { value, description: meaning };
    }),
  };
}

/** The schema type referring to the named type `name` of `namespace`. */
export function typeRef(namespace: ResourceDeclaration["namespace"], name: string): SchemaType {
  return { $ref: `#/types/alicloud-certs:${namespace}:${name}` };
}

// The schema constants keep their literal types (`satisfies`), so `./declared-types.ts` can tell a string from a number.

/** An id the API documents as an integer, which users may type as a string or a number (ids can exceed 2^53). */
export const ID_SCHEMA = { oneOf: [{ type: "string" }, { type: "integer" }] } as const satisfies SchemaType;
/** A string. */
export const STRING_SCHEMA = { type: "string" } as const satisfies SchemaType;
/** A whole number. */
export const INTEGER_SCHEMA = { type: "integer" } as const satisfies SchemaType;
/** A boolean. */
export const BOOLEAN_SCHEMA = { type: "boolean" } as const satisfies SchemaType;
/** A map of strings (`{key: value}`). */
export const STRING_MAP_SCHEMA: SchemaType = { type: "object", additionalProperties: { type: "string" } };
