/**
 * Engine tier, toolchain smoke test for YAML programs (issue 26 item 5): the real `pulumi` v3.259.0 runs
 * tests/engine/projects/langhost-yaml through pulumi-language-yaml, built from github.com/pulumi/pulumi-yaml at the
 * pinned version (the one the v3.259.0 release bundles). Config (plain, secret, defaulted) reaches the program, its
 * outputs are read back, secrets stay encrypted in the state, and a second run changes nothing. No provider is needed.
 * Config text that reads as a literal (number, boolean, JSON) reaches a YAML program decoded: an upstream behaviour
 * pinned here, not hidden.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import fc from "fast-check";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { LANGUAGE_HOST_BUILD_TIMEOUT_MS, aboutPlugins, installLanguageHost } from "../helpers/language-hosts";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/langhost-yaml");
const TOKEN = "yaml-token-3c1f9e";

/**
 * Whether pulumi-language-yaml turns config text into a non-string value, conservatively. Its Run (pkg/server/
 * server.go at v1.38.3) keeps text of two or more characters that starts with "0" but not "0." as a string, and
 * otherwise tries, in order, Go's strconv.ParseInt (base 10), ParseBool, ParseFloat (which also reads "NaN", "Inf" and
 * hexadecimal floats) and encoding/json, keeping the text only when all fail, whatever type the project declares for
 * the key (pulumi-yaml#577, open). "Might parse as a number" is over-approximated by its first character.
 */
function yamlHostDecodes(text: string): boolean {
  if (text.length > 1 && text.startsWith("0") && !text.startsWith("0.")) return false;
  if (["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].includes(text)) return true;
  if (/^\s*([-+.\d]|inf|nan)/i.test(text)) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe("engine tier: YAML programs through pulumi-language-yaml (tests/engine/projects/langhost-yaml)", function () {
  this.timeout(900_000);
  let stack: PulumiStack;

  before(async function () {
    this.timeout(LANGUAGE_HOST_BUILD_TIMEOUT_MS);
    installLanguageHost("yaml");
    stack = await PulumiStack.create(PROJECT);
    await stack.setConfig("langhost-yaml:greeting", "hello yaml");
    await stack.setConfig("langhost-yaml:token", TOKEN, true);
  });

  after(async () => stack.remove());

  it("runs the program with the pinned YAML host", async () => {
    const version = process.env["ALICLOUD_CERTS_YAML_LANGHOST_VERSION"] ?? "1.38.3";
    assert.deepEqual(
      (await aboutPlugins(stack)).filter((plugin) => plugin.kind === "language"),
      [{ name: "yaml", version, kind: "language" }],
    );
  });

  it("runs up with config and outputs, secrets encrypted, then changes nothing", async () => {
    await stack.up();
    assert.deepEqual(await stack.outputs(), {
      message: "hello yaml!",
      repeat: 2,
      items: ["hello yaml", 42],
      token: TOKEN,
      project: "langhost-yaml",
      stack: stack.stackName,
      echo: "none",
    });
    assert.ok(!stack.rawStateText().includes(TOKEN), "the secret output is stored encrypted");

    const again = await stack.preview();
    assert.match(again.stdout, /1 unchanged/);
  });

  it("passes a string config value that is not a literal through to an output unchanged", async () => {
    // Text that looks like YAML syntax or an interpolation (`${...}`) must come back as the same text.
    await fc.assert(
      fc.asyncProperty(
        fc
          .oneof(
            fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
            fc.constantFrom("${greeting}", "- item", "key: value", "'quoted'", "#comment", "0x1F", "01234", "yes"),
          )
          .filter((text) => !yamlHostDecodes(text)),
        async (text) => {
          await stack.setConfig("langhost-yaml:echo", text);
          await stack.up();
          assert.equal((await stack.outputs())["echo"], text);
        },
      ),
      { numRuns: 4 },
    );
  });

  it("decodes a string config value that is a literal, even one declared `type: string` (pulumi-yaml#577)", async () => {
    // Pinned so that a host upgrade that changes this is noticed (docs/toolchain.md tells YAML users about it).
    for (const [text, value] of [
      ['"double"', "double"],
      ["true", true],
      ["1e3", 1000],
    ] as const) {
      await stack.setConfig("langhost-yaml:echo", text);
      await stack.up();
      assert.deepEqual((await stack.outputs())["echo"], value, `config text ${text}`);
    }
  });

  it("destroys the stack", async () => {
    await stack.destroy();
    assert.equal((await stack.exportedState()).resources.length, 0);
  });
});
