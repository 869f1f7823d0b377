/**
 * Engine tier: what the state holds about credentials, read from a real state file (issue 12, item 8; the README's
 * "What is stored about credentials" says the same). The engine records the whole stack config as the inputs and
 * outputs of the default `pulumi:providers:pulumi-nodejs` provider resource, so an `alicloud:secretKey` set with
 * `--secret` is stored there, encrypted by the stack's secrets provider; nothing else holds it, `__provider` names
 * no credential, and credentials from the environment are not stored at all.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT, type StateResource } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/dv-certificate-order");
const DEFAULT_PROVIDER = "pulumi:providers:pulumi-nodejs";
/** The key Pulumi marks a secret value with in a state file. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

interface Deployment {
  readonly resources: StateResource[];
}

describe("engine tier: what the state stores about credentials", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  const stacks: PulumiStack[] = [];

  before(async () => {
    emu = await startEmulator({ quiet: true });
  });

  after(async () => {
    for (const stack of stacks) await stack.remove();
    await emu?.close();
  });

  async function orderStack(name: string, env: Record<string, string>): Promise<PulumiStack> {
    const stack = await PulumiStack.create(PROJECT, { ALICLOUD_CERTS_ENDPOINT: emu.url, ...env }, name);
    stacks.push(stack);
    await stack.setConfig("domain", `${name}.example.com`);
    await stack.setConfig("username", "Ada Lovelace");
    await stack.setConfig("phone", "+8613900001234");
    await stack.setConfig("email", "ada@example.com");
    return stack;
  }

  async function decrypted(stack: PulumiStack): Promise<Deployment> {
    const text = (await stack.run(["stack", "export", "--show-secrets"])).stdout;
    return (JSON.parse(text) as { deployment: Deployment }).deployment;
  }

  it("a --secret alicloud:secretKey is stored only among the default provider's inputs and outputs, encrypted", async () => {
    const stack = await orderStack("secret-config", {});
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    await stack.up();

    assert.ok(!stack.rawStateText().includes(emu.accessKeySecret), "the state file has no plaintext secret key");
    const { resources } = await stack.exportedState();
    const provider = resources.find((r) => r.type === DEFAULT_PROVIDER);
    for (const stored of [provider?.inputs, provider?.outputs]) {
      const value = stored?.["alicloud:secretKey"] as Record<string, unknown> | undefined;
      assert.equal(value?.[SECRET_SIGNATURE], "1b47061264138c4ac30d75fd1eb44270", "stored as a secret value");
      assert.match(String(value?.["ciphertext"]), /^v1:/, "encrypted by the stack's secrets provider");
    }
    const holders = (await decrypted(stack)).resources
      .filter((r) => JSON.stringify(r).includes(emu.accessKeySecret))
      .map((r) => r.type);
    assert.deepEqual(holders, [DEFAULT_PROVIDER], "no other resource holds the secret, even decrypted");
    for (const r of resources.filter((x) => typeof x.outputs?.["__provider"] === "string")) {
      const text = String(r.outputs?.["__provider"]);
      assert.ok(!text.includes(emu.accessKeySecret) && !text.includes(emu.accessKeyId), `${r.type} __provider`);
      assert.doesNotMatch(text, /alicloud:|secretKey|accessKey/, `${r.type} __provider names no credential`);
    }
    await stack.destroy();
  });

  it("credentials from the environment are not stored at all", async () => {
    const stack = await orderStack("env-credentials", {
      ALICLOUD_ACCESS_KEY: emu.accessKeyId,
      ALICLOUD_SECRET_KEY: emu.accessKeySecret,
    });
    await stack.up();
    const text = JSON.stringify(await decrypted(stack));
    assert.ok(!text.includes(emu.accessKeySecret) && !text.includes(emu.accessKeyId), "neither key is in the state");
    await stack.destroy();
  });
});
