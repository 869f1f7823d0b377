/**
 * The Pulumi package schema of the five resources (`schema.json`, shipped in the npm package): package
 * `alicloud-certs`, one resource per declaration keyed by its token `alicloud-certs:<namespace>:<Class>`, with
 * `inputProperties`, `requiredInputs`, `properties` (the class's outputs), `required`, `secret`, `replaceOnChanges`,
 * defaults and descriptions, and the named enumeration and object types they refer to. The shape is Pulumi's
 * metaschema, `pkg/codegen/schema/pulumi.json` in pulumi/pulumi; a native provider serves this same schema.
 */
import {
  schemaToken,
  type NamedTypeDeclaration,
  type ResourceDeclaration,
  type SchemaType,
} from "../../provider/resources/common/declaration";
import { NATIVE_CONFIG, nativeKeyDescription } from "../../provider/native/config-keys";
import { linesOf, markdownText } from "./text";

/** A property of the schema (`propertySpec`). */
type PropertySpec = SchemaType & {
  readonly description: string;
  readonly secret?: true;
  readonly replaceOnChanges?: true;
  readonly default?: string | number | boolean;
};

/** A resource of the schema (`resourceSpec`). */
export interface ResourceSpec {
  readonly description: string;
  readonly properties: Record<string, PropertySpec>;
  readonly required: string[];
  readonly inputProperties: Record<string, PropertySpec>;
  readonly requiredInputs: string[];
}

/** The native provider's configuration: the `config` variables and the provider resource's inputs alike. */
export interface ProviderSpec {
  readonly description: string;
  readonly inputProperties: Record<string, PropertySpec>;
}

/** The package schema. */
export interface PackageSchema {
  readonly name: "alicloud-certs";
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
  readonly license: string;
  readonly keywords: readonly string[];
  readonly config: { readonly variables: Record<string, PropertySpec> };
  readonly provider: ProviderSpec;
  readonly types: Record<string, unknown>;
  readonly resources: Record<string, ResourceSpec>;
}

/**
 * The configuration keys of a provider instance (`provider/native/config-keys.ts`), as schema properties: secret
 * where the setting is a credential. No `default`: an unset key falls back to the environment at call time, in the
 * plugin, so no environment value is ever copied into the state as the provider's input.
 */
function providerConfig(): Record<string, PropertySpec> {
  return Object.fromEntries(
    NATIVE_CONFIG.map((key) => [
      key.name,
      {
        ...key.schema,
        description: markdownText(nativeKeyDescription(key)),
        ...(key.setting.secret === true ? { secret: true } : {}),
      },
    ]),
  );
}

/** A named type as the schema writes it (`complexTypeSpec`). */
function namedType(declared: NamedTypeDeclaration): unknown {
  if ("enum" in declared) {
    return {
      type: "string",
      description: markdownText(declared.description),
      enum: declared.enum.map((value) =>
        value.description === undefined
          ? { value: value.value }
          : { value: value.value, description: markdownText(value.description) },
      ),
    };
  }
  const properties = Object.entries(declared.properties);
  return {
    type: "object",
    description: markdownText(declared.description),
    properties: Object.fromEntries(
      properties.map(([name, property]) => [
        name,
        { ...property.schema, description: markdownText(property.description) },
      ]),
    ),
    required: properties.filter(([, property]) => property.required === true).map(([name]) => name),
  };
}

/** The description of an input: its text, then when it is required, then its default. */
function inputDescription(input: ResourceDeclaration["inputs"][string]): string {
  const required = typeof input.required === "string" ? [`Required ${input.required}.`] : [];
  const [first, ...rest] = linesOf(input.default);
  const fallback = first === undefined ? [] : [`Default: ${first}`, ...rest];
  return markdownText([
    ...linesOf(input.doc),
    ...(required.length + fallback.length > 0 ? [""] : []),
    ...required,
    ...fallback,
  ]);
}

/** One resource of the schema. */
function resource(d: ResourceDeclaration): ResourceSpec {
  const inputs = Object.entries(d.inputs);
  const outputs = Object.entries(d.outputs);
  return {
    description: markdownText(d.classDoc),
    properties: Object.fromEntries(
      outputs.map(([name, output]) => [
        name,
        {
          ...output.schema,
          description: markdownText(output.doc),
          ...(output.secret === true ? { secret: true } : {}),
        },
      ]),
    ),
    required: outputs.filter(([, output]) => output.always === true).map(([name]) => name),
    inputProperties: Object.fromEntries(
      inputs.map(([name, input]) => [
        name,
        {
          ...input.schema,
          description: inputDescription(input),
          ...(input.secret === true ? { secret: true } : {}),
          ...(input.change === "replace" ? { replaceOnChanges: true } : {}),
          ...(input.defaultValue === undefined ? {} : { default: input.defaultValue }),
        },
      ]),
    ),
    requiredInputs: inputs.filter(([, input]) => input.required === true).map(([name]) => name),
  };
}

/** The named types of every declaration, keyed by token; one name declared twice must be declared alike. */
function namedTypes(declarations: readonly ResourceDeclaration[]): Record<string, unknown> {
  const types: Record<string, unknown> = {};
  for (const d of declarations) {
    for (const [name, declared] of Object.entries(d.types ?? {})) {
      const token = `alicloud-certs:${d.namespace}:${name}`;
      const spec = namedType(declared);
      const earlier = types[token];
      if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(spec))
        throw new Error(`schema type ${token} is declared twice, differently`);
      types[token] = spec;
    }
  }
  return Object.fromEntries(Object.entries(types).sort(([a], [b]) => a.localeCompare(b)));
}

/** Every `$ref` in a value. */
function references(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  const own = "$ref" in value && typeof value.$ref === "string" ? [value.$ref] : [];
  return [...own, ...Object.values(value).flatMap(references)];
}

/** The package schema of `declarations`, at the package's `version`. */
export function packageSchema(declarations: readonly ResourceDeclaration[], version: string): PackageSchema {
  const schema: PackageSchema = {
    name: "alicloud-certs",
    displayName: "Alibaba Cloud certificates",
    version,
    description:
      "TLS on Alibaba Cloud custom domains: ESA SaaS custom hostnames, CAS DV orders from a CSR, GA listener additional certificates.",
    license: "Apache-2.0",
    keywords: ["pulumi", "alicloud", "tls", "certificates", "esa", "cas", "ga"],
    config: { variables: providerConfig() },
    provider: {
      description: markdownText(
        "The native alicloud-certs provider: where and as whom it calls Alibaba Cloud. Each instance has its own " +
          "configuration (region, endpoints, credentials); an unset key falls back to the environment and the " +
          "default credential chain. See docs/native-provider.md.",
      ),
      inputProperties: providerConfig(),
    },
    types: namedTypes(declarations),
    resources: Object.fromEntries(declarations.map((d) => [schemaToken(d), resource(d)])),
  };
  for (const ref of references(schema.resources)) {
    if (!(ref.replace("#/types/", "") in schema.types)) throw new Error(`schema: ${ref} names no declared type`);
  }
  return schema;
}
