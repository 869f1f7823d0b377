/**
 * The dependency direction docs/ARCHITECTURE.md states: provider/settings/ imports nothing of the package (only its
 * own files and Node.js), and provider/util/ and provider/transport/ never import provider/resources/, so every layer
 * can read a setting and a setting never depends on a resource.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const PROVIDER = path.resolve(__dirname, "../../../provider");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every module a file imports or re-exports: a path under provider/ for a relative one, else the specifier. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false);
  return source.statements.flatMap((statement) => {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : ts.isImportEqualsDeclaration(statement) &&
            ts.isExternalModuleReference(statement.moduleReference) &&
            ts.isStringLiteral(statement.moduleReference.expression)
          ? statement.moduleReference.expression.text
          : undefined;
    if (specifier === undefined) return [];
    return [
      specifier.startsWith(".") ? path.relative(PROVIDER, path.resolve(path.dirname(file), specifier)) : specifier,
    ];
  });
}

const importsUnder = (dir: string): { file: string; imported: string }[] =>
  sources(path.join(PROVIDER, dir)).flatMap((file) =>
    importsOf(file).map((imported) => ({ file: path.relative(PROVIDER, file), imported })),
  );

describe("unit: settings layering", () => {
  it("provider/settings/ imports only its own files and Node.js", () => {
    const outside = importsUnder("settings").filter(
      ({ imported }) => !imported.startsWith(`settings${path.sep}`) && !imported.startsWith("node:"),
    );
    assert.deepEqual(outside, []);
  });

  it("provider/util/ and provider/transport/ never import provider/resources/", () => {
    const upward = [...importsUnder("util"), ...importsUnder("transport")].filter(({ imported }) =>
      imported.startsWith(`resources${path.sep}`),
    );
    assert.deepEqual(upward, []);
  });
});
