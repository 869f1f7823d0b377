/**
 * The fast SDK staleness check of `npm test`: sdk/generated.json records the hash of every generator input and every
 * generated file (scripts/sdk-stamp.ts). The committed tree must match it, and any change to an input or an output
 * must be reported by path. The full regenerate-and-diff is tests/engine/sdk-builds.test.ts.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { readStamp, REGENERATE, SDK_LANGUAGES, staleness, STAMP_PATH, writeStamp } from "../../scripts/sdk-stamp";

const REPO_ROOT = path.resolve(__dirname, "../..");

describe("generated SDKs: staleness stamp", () => {
  it("the committed sdk/ matches schema.json and the generator it records", () => {
    const problems = staleness(REPO_ROOT);
    assert.deepEqual(problems, [], `sdk/ is stale; run ${REGENERATE}:\n${problems.join("\n")}`);
  });

  it("every language directory is generated and recorded", () => {
    const stamp = readStamp(REPO_ROOT);
    assert.ok(stamp !== undefined, `${STAMP_PATH} is missing`);
    for (const lang of SDK_LANGUAGES) {
      assert.ok(
        Object.keys(stamp.files).some((f) => f.startsWith(`${lang}/`)),
        `${STAMP_PATH} records no file of sdk/${lang}`,
      );
    }
    assert.ok("schema.json" in stamp.inputs, `${STAMP_PATH} does not cover schema.json`);
  });

  describe("on a generated tree", () => {
    // A miniature repository: the inputs the stamp covers and one file per language.
    const inputs = ["schema.json", "scripts/gen-sdk/go.mod", "scripts/gen-sdk/main.go", "scripts/gen-sdks"];
    const outputs = SDK_LANGUAGES.map((lang) => `sdk/${lang}/a/file.txt`);
    let root: string;

    function freshTree(): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdk-stamp-"));
      for (const file of [...inputs, ...outputs]) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), `content of ${file}\n`);
      }
      writeStamp(dir);
      return dir;
    }

    beforeEach(() => {
      root = freshTree();
    });
    afterEach(() => {
      fs.rmSync(root, { recursive: true, force: true });
    });

    it("is clean right after the stamp is written", () => {
      assert.deepEqual(staleness(root), []);
    });

    it("names any input or output whose content changed, whatever the change", () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...inputs, ...outputs),
          fc.uint8Array({ minLength: 0, maxLength: 64 }),
          (file, bytes) => {
            const target = path.join(root, file);
            const before = fs.readFileSync(target);
            fc.pre(!before.equals(Buffer.from(bytes)));
            fs.writeFileSync(target, bytes);
            try {
              const problems = staleness(root);
              assert.equal(problems.length, 1, problems.join("\n"));
              assert.ok(problems[0]?.includes(` ${file} changed since`), problems.join("\n"));
            } finally {
              fs.writeFileSync(target, before);
            }
          },
        ),
        { numRuns: 60 },
      );
    });

    it("names a generated file that appeared or disappeared", () => {
      fs.writeFileSync(path.join(root, "sdk/go/extra.go"), "package extra\n");
      fs.rmSync(path.join(root, "sdk/python/a/file.txt"));
      const problems = staleness(root);
      assert.ok(
        problems.some((p) => p.includes("sdk/go/extra.go is new")),
        problems.join("\n"),
      );
      assert.ok(
        problems.some((p) => p.includes("sdk/python/a/file.txt is gone")),
        problems.join("\n"),
      );
    });

    it("names a generator input that appeared (a new Go file changes the generator)", () => {
      fs.writeFileSync(path.join(root, "scripts/gen-sdk/patch.go"), "package main\n");
      assert.deepEqual(staleness(root), ["input scripts/gen-sdk/patch.go is new since the SDKs were generated"]);
    });

    it("does not count the generator's Go tests as inputs", () => {
      fs.writeFileSync(path.join(root, "scripts/gen-sdk/main_test.go"), "package main\n");
      assert.deepEqual(staleness(root), []);
    });

    it("ignores build outputs a user leaves in an SDK directory", () => {
      for (const dir of ["sdk/nodejs/node_modules/x", "sdk/nodejs/bin", "sdk/python/build/lib", "sdk/dotnet/obj"]) {
        fs.mkdirSync(path.join(root, dir), { recursive: true });
        fs.writeFileSync(path.join(root, dir, "out.js"), "built\n");
      }
      fs.mkdirSync(path.join(root, "sdk/python/pulumi_alicloud_certs.egg-info"));
      fs.writeFileSync(path.join(root, "sdk/python/pulumi_alicloud_certs.egg-info/PKG-INFO"), "x\n");
      assert.deepEqual(staleness(root), []);
    });

    it("reports a missing stamp instead of passing", () => {
      fs.rmSync(path.join(root, STAMP_PATH));
      assert.deepEqual(staleness(root), [`${STAMP_PATH} is missing`]);
    });
  });
});
