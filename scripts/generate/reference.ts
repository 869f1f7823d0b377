/**
 * The reference page of a resource (`docs/reference/<namespace>-<resource>.md`): its description, a table of inputs
 * (type, API parameter, what a change does, default), a table of outputs, and each input's full text.
 */
import {
  type ChangeKind,
  type InputDeclaration,
  type ResourceDeclaration,
  type SchemaType,
} from "../../provider/resources/common/declaration";
import { markdownText, tableCell } from "./text";

/** Where the page of `d` lives, relative to the repository root. */
export function referencePath(d: ResourceDeclaration): string {
  return `docs/reference/${d.folder.replace("/", "-")}.md`;
}

/** A schema type in words, with an enumeration's values. */
function typeText(schema: SchemaType, d: ResourceDeclaration): string {
  if ("oneOf" in schema) return schema.oneOf.map((member) => typeText(member, d)).join(" or ");
  if ("$ref" in schema) {
    const name = schema.$ref.split(":").pop() ?? schema.$ref;
    const declared = d.types?.[name];
    if (declared !== undefined && "enum" in declared) return declared.enum.map((v) => `\`"${v.value}"\``).join(", ");
    return `\`${name}\` object`;
  }
  if (schema.type === "array") return `list of ${typeText(schema.items, d)}`;
  if (schema.type === "object") return `map of ${typeText(schema.additionalProperties, d)}`;
  return schema.type;
}

const CHANGES: Record<ChangeKind, string> = {
  replace: "replaces",
  update: "updates in place",
  provider: "in place, no API call",
};

/** What a change of `input` does. */
function changeText(input: InputDeclaration): string {
  return input.deleteBeforeReplace === true ? "replaces (deletes first)" : CHANGES[input.change];
}

/** What happens when `input` is not given. */
function defaultText(input: InputDeclaration): string {
  if (input.required === true) return "required";
  const text = tableCell(input.default);
  return typeof input.required === "string" ? `required ${tableCell(input.required)}; ${text || "none"}` : text || "—";
}

/** The page's text (before formatting). */
export function referencePage(d: ResourceDeclaration): string {
  const title = `${d.namespace}.${d.className}`;
  const inputs = Object.entries(d.inputs);
  const outputs = Object.entries(d.outputs);
  const range = (input: InputDeclaration): string => (input.range === undefined ? "" : ` (${tableCell(input.range)})`);
  return [
    `<!-- Generated from provider/resources/${d.folder}/declaration.ts by \`npm run generate\`; do not edit. -->`,
    "",
    `# ${title}`,
    "",
    `Schema token \`alicloud-certs:${d.namespace}:${d.className}\`; stored type token`,
    `\`pulumi-nodejs:dynamic/alicloud-certs:${d.storedType}\`; provider entry \`dist/provider/resources/${d.folder}/provider.js\`.`,
    "",
    markdownText(d.classDoc),
    "",
    "## Inputs",
    "",
    "| Input | Type | API parameter | A change | Default |",
    "|---|---|---|---|---|",
    ...inputs.map(
      ([name, input]) =>
        `| \`${name}\`${input.secret === true ? " (secret)" : ""}${input.personal === true ? " (personal)" : ""} | ${typeText(input.schema, d)}${range(input)} | ${input.api === undefined ? "—" : `\`${input.api}\``} | ${changeText(input)} | ${defaultText(input)} |`,
    ),
    "",
    "## Outputs",
    "",
    "| Output | Type | API field | Description |",
    "|---|---|---|---|",
    ...outputs.map(
      ([name, output]) =>
        `| \`${name}\`${output.secret === true ? " (secret)" : ""} | ${typeText(output.schema, d)}${output.always === true ? "" : ", optional"} | ${output.api === undefined ? "—" : `\`${output.api}\``} | ${tableCell(output.doc)} |`,
    ),
    "",
    "## Inputs in detail",
    "",
    ...inputs.flatMap(([name, input]) => [`### \`${name}\``, "", markdownText(input.doc), ""]),
  ].join("\n");
}
