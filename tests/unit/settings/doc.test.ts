/** docs/settings.md is the settings table: it fails when the file is stale (regenerate: `npm run docs:settings`). */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { renderSettingsDoc, SETTINGS_DOC } from "../../../scripts/settings-doc";
import { ALL_SETTINGS } from "../../../provider/settings/table";

describe("unit: docs/settings.md", () => {
  it("is what the settings table renders (run `npm run docs:settings` after changing the table)", () => {
    const written = fs.existsSync(SETTINGS_DOC) ? fs.readFileSync(SETTINGS_DOC, "utf8") : "(missing)";
    assert.ok(written === renderSettingsDoc(), "docs/settings.md is stale: run `npm run docs:settings`");
  });

  it("lists every setting's every name once, in a table row", () => {
    const rows = renderSettingsDoc()
      .split("\n")
      .filter((line) => line.startsWith("| `"));
    assert.equal(rows.length, ALL_SETTINGS.length);
    for (const s of ALL_SETTINGS)
      for (const name of [s.config, ...s.env].filter((n) => n !== undefined))
        assert.equal(
          rows.filter((r) => r.startsWith(`| \`${name}\``) || r.includes(`<br>\`${name}\``)).length,
          1,
          name,
        );
  });
});
