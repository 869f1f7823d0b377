/**
 * The public file of a resource, `provider/resources/<folder>.ts`, from its declaration: the `…Args` interface with
 * every field's TSDoc, the provider object, and the class with its outputs, constructor and static `get`. The class
 * extends `pulumi.CustomResource` directly and registers through `common/dynamic-registration`'s `registration`
 * (see the resource contract in docs/ARCHITECTURE.md).
 */
import { type InputDeclaration, type ResourceDeclaration } from "../../provider/resources/common/declaration";
import { docComment, linesOf } from "./text";

/** The header every generated TypeScript file starts with. */
export function generatedHeader(declarationPath: string): string {
  return `// Generated from ${declarationPath} by \`npm run generate\`; do not edit.`;
}

/** The `@default` tag of an input, when it has one. */
function defaultTag(input: InputDeclaration): string[] {
  const [first, ...rest] = linesOf(input.default);
  return first === undefined ? [] : [`@default ${first}`, ...rest];
}

/** One field of the `…Args` interface. */
function argsField(name: string, input: InputDeclaration): string {
  const optional = input.required === true ? "" : "?";
  return `${docComment("  ", input.doc, defaultTag(input))}\n  readonly ${name}${optional}: ${input.argsType};`;
}

/** The class's constructors, its static `get` and the line registering it. */
function classBody(d: ResourceDeclaration): string {
  const args = `${d.className}Args`;
  const register = `    super(...registration(DECLARATION, ${d.providerName}, name, args, opts));`;
  const lookup = d.lookup;
  if (lookup === undefined || lookup.args === "empty") {
    const constructor = [
      docComment("  ", d.constructorDoc),
      `  constructor(name: string, args: ${args}, opts?: pulumi.CustomResourceOptions) {`,
      register,
      "  }",
    ];
    if (lookup === undefined) return constructor.join("\n");
    return [
      ...constructor,
      "",
      docComment("  ", lookup.doc),
      `  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): ${d.className} {`,
      `    return new ${d.className}(name, {}, { ...opts, id });`,
      "  }",
    ].join("\n");
  }
  return [
    docComment("  ", d.constructorDoc),
    `  constructor(name: string, args: ${args}, opts?: pulumi.CustomResourceOptions);`,
    `  /** @internal read-only lookup (see {@link ${d.className}.get}) */`,
    "  constructor(name: string, args: undefined, opts: pulumi.CustomResourceOptions);",
    `  constructor(name: string, args: ${args} | undefined, opts?: pulumi.CustomResourceOptions) {`,
    register,
    "  }",
    "",
    docComment("  ", lookup.doc),
    `  static get(name: string, id: pulumi.Input<string>, opts: pulumi.CustomResourceOptions = {}): ${d.className} {`,
    `    return new ${d.className}(name, undefined, { ...opts, id });`,
    "  }",
  ].join("\n");
}

/** The public file's text (before formatting). */
export function publicFile(d: ResourceDeclaration): string {
  const base = d.folder.split("/")[1] ?? d.folder;
  const types = [...d.publicTypes].sort();
  const usesBag = d.providerType.includes("PropertyBag");
  const fields = Object.entries(d.inputs).map(([name, input]) => argsField(name, input));
  const outputs = Object.entries(d.outputs).map(
    ([name, output]) =>
      `${docComment("  ", output.doc)}\n  declare readonly ${name}: pulumi.Output<${output.outputType}>;`,
  );
  return [
    generatedHeader(`./${base}/declaration.ts`),
    docComment("", d.moduleDoc),
    'import * as pulumi from "@pulumi/pulumi";',
    ...(usesBag ? ['import { type PropertyBag } from "../common/dynamic";'] : []),
    'import { registration } from "../common/dynamic-registration";',
    `import { ${d.typeConstant} } from "../common/type-tokens";`,
    `import { DECLARATION } from "./${base}/declaration";`,
    "// A TypeScript-compiled module is `__esModule`, so `__importStar` returns its exports object itself (no wrapper).",
    `import * as provider from "./${base}/provider";`,
    `import { ${types.map((name) => `type ${name}`).join(", ")} } from "./${base}/types";`,
    "",
    `export type { ${types.join(", ")} };`,
    `export { ${d.typeConstant} };`,
    "",
    docComment("", d.argsDoc),
    `export interface ${d.className}Args {`,
    fields.join("\n"),
    "}",
    "",
    docComment("", d.providerDoc),
    `export const ${d.providerName}: ${d.providerType} = provider;`,
    "",
    docComment("", d.classDoc),
    `export class ${d.className} extends pulumi.CustomResource {`,
    outputs.join("\n"),
    "",
    classBody(d),
    "}",
    "",
  ].join("\n");
}
