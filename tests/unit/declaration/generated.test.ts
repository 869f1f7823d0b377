/**
 * The files generated from the resource declarations are the ones `npm run generate` writes today: each is
 * regenerated in memory and compared with the one on disk, so a declaration edited without regenerating (or a
 * generated file edited by hand) fails here, naming the file and the command that fixes it.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { generatedFiles, REPO_ROOT } from "../../../scripts/generate/index";

describe("unit: generated files are up to date", function () {
  // Formatting every file with prettier takes a few seconds on a loaded machine.
  this.timeout(60_000);

  it("every file generated from a declaration equals the one on disk (run `npm run generate`)", async () => {
    const files = await generatedFiles();
    assert.ok(files.length > 0);
    for (const file of files) {
      const onDisk = path.join(REPO_ROOT, file.path);
      assert.ok(fs.existsSync(onDisk), `${file.path} is missing: run \`npm run generate\``);
      assert.ok(
        fs.readFileSync(onDisk, "utf8") === file.content,
        `${file.path} is stale: run \`npm run generate\` and commit what it writes`,
      );
    }
  });

  it("every generated file says so in its first line", async () => {
    for (const file of await generatedFiles()) {
      if (file.path.endsWith(".json")) continue; // JSON has no comments; schema.json is named by the generator's docs
      assert.match(
        file.content.split("\n")[0] ?? "",
        /Generated from .*declaration\.ts by `npm run generate`; do not edit/,
      );
    }
  });
});
