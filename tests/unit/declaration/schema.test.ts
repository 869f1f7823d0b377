/**
 * `schema.json`, the Pulumi package schema shipped in the npm package: its shape is Pulumi's metaschema
 * (`pkg/codegen/schema/pulumi.json`: a `name`, resources with `inputProperties`, `requiredInputs`, `properties`,
 * `required`; every `$ref` names a declared type), it lists the resources by their tokens, and the input and output
 * names of each resource equal those of its TypeScript class: the `…Args` fields and the declared outputs, read from
 * the public file's syntax tree.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { schemaToken } from "../../../provider/resources/common/declaration";
import { DECLARATIONS, REPO_ROOT } from "../../../scripts/generate/index";

/** The schema on disk (the freshness test keeps it equal to the generated one). */
function schemaOnDisk(): Record<string, unknown> {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8"));
  assert.ok(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed));
  return Object.fromEntries(Object.entries(parsed));
}

/** A member of an object, asserted to be an object. */
function objectAt(value: unknown, key: string): Record<string, unknown> {
  assert.ok(typeof value === "object" && value !== null, `${key}: not an object`);
  const member: unknown = Object.fromEntries(Object.entries(value))[key];
  assert.ok(typeof member === "object" && member !== null && !Array.isArray(member), `${key} is an object`);
  return Object.fromEntries(Object.entries(member));
}

/** The Args field names and the class's declared output names in a public file. */
function classShape(file: string, className: string): { inputs: string[]; outputs: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const inputs: string[] = [];
  const outputs: string[] = [];
  for (const statement of source.statements) {
    if (ts.isInterfaceDeclaration(statement) && statement.name.text === `${className}Args`) {
      for (const member of statement.members) if (member.name !== undefined) inputs.push(member.name.getText(source));
    }
    if (ts.isClassDeclaration(statement) && statement.name?.text === className) {
      for (const member of statement.members) {
        if (!ts.isPropertyDeclaration(member)) continue;
        if (ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword) === true)
          outputs.push(member.name.getText(source));
      }
    }
  }
  return { inputs, outputs };
}

/** Every `$ref` in a value. */
function references(value: unknown): string[] {
  if (typeof value !== "object" || value === null) return [];
  const own = "$ref" in value && typeof value.$ref === "string" ? [value.$ref] : [];
  return [...own, ...Object.values(value).flatMap(references)];
}

describe("unit: schema.json", () => {
  const schema = schemaOnDisk();

  it("is a Pulumi package schema named alicloud-certs at the package's version", () => {
    const manifest: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
    assert.equal(schema["name"], "alicloud-certs");
    assert.match(String(schema["name"]), /^[a-zA-Z][-a-zA-Z0-9_]*$/, "the metaschema's pattern for name");
    assert.equal(schema["version"], objectAt({ manifest }, "manifest")["version"]);
    const types = objectAt(schema, "types");
    for (const ref of references(schema)) {
      assert.match(ref, /^#\/types\/alicloud-certs:[a-z]+:[A-Z][A-Za-z]+$/);
      assert.ok(ref.slice("#/types/".length) in types, `${ref} names a declared type`);
    }
    for (const [token, type] of Object.entries(types)) {
      const spec = objectAt({ type }, "type");
      assert.ok(spec["type"] === "string" || spec["type"] === "object", `${token}: an enum of strings or an object`);
      if (spec["type"] === "string") assert.ok(Array.isArray(spec["enum"]) && spec["enum"].length > 0, token);
    }
  });

  it("lists each declared resource under its token, with inputs, outputs and their required lists", () => {
    const resources = objectAt(schema, "resources");
    assert.deepEqual(Object.keys(resources).sort(), DECLARATIONS.map(schemaToken).sort());
    for (const [token, value] of Object.entries(resources)) {
      const resource = objectAt({ value }, "value");
      const inputs = objectAt(resource, "inputProperties");
      const outputs = objectAt(resource, "properties");
      assert.ok(typeof resource["description"] === "string" && resource["description"] !== "", token);
      for (const [list, names] of [
        ["requiredInputs", inputs],
        ["required", outputs],
      ] as const) {
        const required = resource[list];
        assert.ok(Array.isArray(required), `${token}.${list}`);
        for (const name of required) assert.ok(String(name) in names, `${token}.${list}: ${String(name)} is declared`);
      }
      for (const [name, property] of [...Object.entries(inputs), ...Object.entries(outputs)]) {
        const spec = objectAt({ property }, "property");
        const kinds = ["type", "$ref", "oneOf"].filter((key) => key in spec);
        assert.equal(kinds.length, 1, `${token}.${name} has exactly one of type, $ref, oneOf`);
        assert.ok(typeof spec["description"] === "string" && spec["description"] !== "", `${token}.${name}`);
      }
    }
  });

  it("has the input and output names of each TypeScript class", () => {
    const resources = objectAt(schema, "resources");
    for (const d of DECLARATIONS) {
      const resource = objectAt(resources, schemaToken(d));
      const shape = classShape(path.join(REPO_ROOT, "provider/resources", `${d.folder}.ts`), d.className);
      assert.ok(shape.inputs.length > 0 && shape.outputs.length > 0, `${d.className}: Args and outputs were read`);
      assert.deepEqual(Object.keys(objectAt(resource, "inputProperties")).sort(), shape.inputs.sort(), d.className);
      assert.deepEqual(Object.keys(objectAt(resource, "properties")).sort(), shape.outputs.sort(), d.className);
    }
  });

  it("marks the secret inputs and outputs secret, and the replacing inputs replaceOnChanges", () => {
    const resources = objectAt(schema, "resources");
    for (const d of DECLARATIONS) {
      const resource = objectAt(resources, schemaToken(d));
      const inputs = objectAt(resource, "inputProperties");
      for (const [name, input] of Object.entries(d.inputs)) {
        const spec = objectAt(inputs, name);
        assert.equal(spec["secret"] === true, input.secret === true, `${d.className}.${name} secret`);
        assert.equal(spec["replaceOnChanges"] === true, input.change === "replace", `${d.className}.${name} replaces`);
      }
      const outputs = objectAt(resource, "properties");
      for (const [name, output] of Object.entries(d.outputs))
        assert.equal(objectAt(outputs, name)["secret"] === true, output.secret === true, `${d.className}.${name}`);
    }
  });
});
