/**
 * The provider entry of each type token, as the code declares it (common/type-tokens.ts), against the released
 * list (provider-entries.json): every released entry is still declared, and every declared one is released, so a
 * new resource cannot ship without its entry path recorded. The engine tier checks the packed tarball holds them.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { PROVIDER_ENTRIES, TOKEN_MODULE } from "../../../provider/resources/common/type-tokens";
import { RELEASED_PROVIDER_ENTRIES } from "../../helpers/provider-entries";

const REPO = path.resolve(__dirname, "../../..");

describe("unit: provider entry modules are stored state", () => {
  const declared = Object.fromEntries(
    Object.entries(PROVIDER_ENTRIES).map(([type, entry]) => [`pulumi-nodejs:dynamic/${TOKEN_MODULE}:${type}`, entry]),
  );

  it("declares exactly the released entries, at the released paths", () => {
    assert.deepEqual(declared, RELEASED_PROVIDER_ENTRIES);
  });

  it("each entry is compiled from a provider.ts in the source tree", () => {
    for (const entry of Object.values(declared)) {
      const source = path.join(REPO, entry.replace(/^dist\//, "").replace(/\.js$/, ".ts"));
      assert.ok(fs.existsSync(source), `${source} exists`);
      assert.match(path.basename(source), /^provider\.ts$/);
    }
  });
});
