/**
 * docs/rules.md points every rule at its test: a file and the name of a test, a table case or a property in it. This
 * test fails when a pointer no longer resolves (a test renamed or removed), so the table cannot drift from the tests.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
const TABLE = path.join(ROOT, "docs/rules.md");

/** The rows of every table in the document, as cells (the header and separator rows left out). */
function rows(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("|---"))
    .map((line) => line.slice(2, -2).split(" | "))
    .filter((cells) => cells[0] !== "Input" && cells[0] !== "Input kind");
}

/** The `path` › "name"; "name" pointers of a Tests cell. */
function pointers(cell: string): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  let file: string | undefined;
  for (const match of cell.matchAll(/`([^`]+\.ts)`|"([^"]+)"/g)) {
    if (match[1] !== undefined) file = match[1];
    else if (match[2] !== undefined && file !== undefined) found.push({ file, name: match[2] });
  }
  return found;
}

describe("unit: docs/rules.md", () => {
  const table = rows(fs.readFileSync(TABLE, "utf8"));

  it("has six columns in every row and a test for every rule", () => {
    assert.ok(table.length >= 50, `only ${table.length} rules`);
    for (const cells of table) {
      assert.equal(cells.length, 6, `row "${cells.join(" | ")}" does not have six cells`);
      assert.ok(pointers(cells[4] ?? "").length > 0, `rule "${cells[1]}" points at no test`);
    }
  });

  it("points only at tests that exist", () => {
    for (const cells of table) {
      for (const { file, name } of pointers(cells[4] ?? "")) {
        const full = path.join(ROOT, file);
        assert.ok(fs.existsSync(full), `${file} (rule "${cells[1]}") does not exist`);
        assert.ok(fs.readFileSync(full, "utf8").includes(name), `${file} has no test "${name}" (rule "${cells[1]}")`);
      }
    }
  });
});
