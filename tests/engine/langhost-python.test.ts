/**
 * Engine tier, toolchain smoke test for Python programs (issue 27 item 2): the real `pulumi` v3.259.0 runs
 * tests/engine/projects/langhost-python (`__main__.py`, `pulumi.export`) through pulumi-language-python from
 * github.com/pulumi/pulumi/sdk/v3 v3.79.0 and its exec shim, with `pulumi` from PyPI in the program venv that
 * Pulumi.yaml names (`runtime.options.virtualenv`). That option only reaches the old host through our launcher
 * (scripts/pulumi-language-python-launcher): the test checks which interpreter and SDK ran the program. Config
 * (plain, secret) reaches it, a component resource is registered, outputs are read back, secrets stay encrypted, and a
 * second run changes nothing. No provider is needed.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import {
  LANGUAGE_HOST_BUILD_TIMEOUT_MS,
  aboutPlugins,
  installLanguageHost,
  pinnedVersion,
} from "../helpers/language-hosts";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/langhost-python");
/** Where scripts/env.sh puts the program venv (ALICLOUD_CERTS_PULUMI_PYTHON_VENV); Pulumi.yaml names it relatively. */
const VENV = path.join(REPO_ROOT, ".tools/pulumi-python");
const TOKEN = "python-token-7d2a41";

describe("engine tier: Python programs through pulumi-language-python (tests/engine/projects/langhost-python)", function () {
  this.timeout(900_000);
  let stack: PulumiStack;

  before(async function () {
    this.timeout(LANGUAGE_HOST_BUILD_TIMEOUT_MS);
    installLanguageHost("python");
    stack = await PulumiStack.create(PROJECT);
    await stack.setConfig("langhost-python:greeting", "hello python");
    await stack.setConfig("langhost-python:token", TOKEN, true);
  });

  after(async () => stack.remove());

  it("runs the program with the pinned Python host", async () => {
    const version = process.env["ALICLOUD_CERTS_PYTHON_LANGHOST_VERSION"] ?? "3.79.0";
    assert.deepEqual(
      (await aboutPlugins(stack)).filter((plugin) => plugin.kind === "language"),
      [{ name: "python", version, kind: "language" }],
    );
  });

  it("runs up in the Pulumi.yaml venv with config and outputs, secrets encrypted, then changes nothing", async () => {
    await stack.up();
    const outputs = await stack.outputs();
    const { prefix, ...rest } = outputs;
    assert.equal(typeof prefix, "string");
    // The interpreter that ran the program is the venv's: proof that the virtualenv option reached the host.
    assert.equal(fs.realpathSync(String(prefix)), fs.realpathSync(VENV));
    assert.deepEqual(rest, {
      message: "hello python!",
      repeat: 2,
      items: ["hello python", 42],
      token: TOKEN,
      project: "langhost-python",
      stack: stack.stackName,
      echo: "none",
      sdk: pinnedVersion(process.env["ALICLOUD_CERTS_PULUMI_PYTHON_PACKAGES"] ?? "pulumi==3.272.0", "pulumi"),
    });
    const { resources } = await stack.exportedState();
    assert.deepEqual(
      resources.map((resource) => resource.type),
      ["pulumi:pulumi:Stack", "langhost:index:Greeter"],
    );
    assert.ok(!stack.rawStateText().includes(TOKEN), "the secret output is stored encrypted");

    const again = await stack.preview();
    assert.match(again.stdout, /2 unchanged/);
  });

  it("passes any string config value through to an output unchanged", async () => {
    // The v3.79.0 host hands config to the program as JSON in PULUMI_CONFIG, which its exec shim decodes with the
    // current SDK's functions: every string must survive that round trip.
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 }),
          fc.constantFrom('{"json": true}', "[1, 2]", "\\u00e9", "line\nbreak", "None", "-dash"),
        ),
        async (text) => {
          await stack.setConfig("langhost-python:echo", text);
          await stack.up();
          assert.equal((await stack.outputs())["echo"], text);
        },
      ),
      { numRuns: 4 },
    );
  });

  it("destroys the stack", async () => {
    await stack.destroy();
    assert.equal((await stack.exportedState()).resources.length, 0);
  });
});
