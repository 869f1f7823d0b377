/**
 * Every setting is read in one place: outside provider/settings/, no code of the package reads the environment or
 * names a setting's variable or config key itself (it goes through the table), and every name the sources mention
 * (in comments too) is a declared setting, so the documentation cannot name one the provider does not read.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { ALL_SETTINGS } from "../../../provider/settings/table";

const ROOT = path.resolve(__dirname, "../../..");
const SETTINGS_DIR = path.join("provider", "settings") + path.sep;

/** Every TypeScript source of the package, relative to the repository root. */
function packageSources(dir = "provider"): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return packageSources(relative);
    return entry.name.endsWith(".ts") ? [relative] : [];
  });
}

const outside = packageSources().filter((file) => !file.startsWith(SETTINGS_DIR));
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), "utf8");

/**
 * The one `process.env` use left outside the module, and why: a write, for the `@alicloud/credentials` chain, which
 * reads its profile from `ALIBABA_CLOUD_PROFILE` only (transport/client.ts).
 */
const ALLOWED_ENV_USES = new Set([
  'provider/transport/client.ts: process.env["ALIBABA_CLOUD_PROFILE"] = source.profile;',
]);

/**
 * A string literal that is nothing but a setting's name: a variable of this package or a stack config key, the way
 * code reads one by name (`process.env["ALICLOUD_CERTS_X"]`, `config.get("alicloud:x")`). Prose that mentions a
 * setting (TSDoc text held in a declaration, a command's help) is documentation, checked by the test below.
 */
const SETTING_NAME = /^["'`](ALICLOUD_CERTS_[A-Z0-9_]+|alicloud:[a-zA-Z]+)["'`]$/;

/** `process.env` uses and string literals naming a setting, in code (comments are not code). */
function codeFindings(file: string): string[] {
  const source = ts.createSourceFile(file, read(file), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && node.getText() === "process.env") {
      const statement = node.parent.parent.getText();
      const line = `${file}: ${statement.endsWith(";") ? statement : `${statement};`}`;
      if (!ALLOWED_ENV_USES.has(line)) found.push(`${file}: reads process.env (${node.parent.getText()})`);
    }
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      const literal = node.getText();
      if (SETTING_NAME.test(literal)) found.push(`${file}: names a setting itself: ${literal}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("unit: settings are read in one place", () => {
  it('no process.env["ALICLOUD_CERTS_…"] read remains outside provider/settings/ (grep)', () => {
    const reads = outside.filter((file) => /process\.env(\[\s*["'`]|\.)ALICLOUD_CERTS_/.test(read(file)));
    assert.deepEqual(reads, []);
  });

  it("outside provider/settings/, code neither reads the environment nor spells a setting's name", () => {
    assert.deepEqual(outside.flatMap(codeFindings), []);
  });

  it("every ALICLOUD_CERTS_* variable and alicloud:* key the sources mention is a declared setting", () => {
    const declared = new Set(ALL_SETTINGS.flatMap((s) => [s.config, ...s.env]));
    const mentioned = new Set(
      packageSources().flatMap(
        (file) => read(file).match(/ALICLOUD_CERTS_[A-Z0-9_]*[A-Z0-9]|alicloud:[a-zA-Z]+/g) ?? [],
      ),
    );
    assert.deepEqual(
      [...mentioned].filter((name) => !declared.has(name)),
      [],
    );
  });
});
