import { strict as assert } from "node:assert";
import * as path from "node:path";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

describe("engine tier: toolchain smoke test (examples/smoke)", () => {
  let stack: PulumiStack;

  before(async () => {
    stack = await PulumiStack.create(path.join(REPO_ROOT, "examples/smoke"));
    await stack.setConfig("smoke:message", "hello engine");
  });

  after(async () => stack.remove());

  it("reports the pinned engine version", async () => {
    const version = (await stack.run(["version"])).stdout.trim();
    assert.equal(version, `v${process.env["ALICLOUD_CERTS_PULUMI_VERSION"] ?? "3.259.0"}`);
  });

  it("previews, creates, sees no changes, and destroys a dynamic resource", async () => {
    const preview = await stack.preview();
    assert.match(preview.stdout, /\+ 2 to create/);

    await stack.up();
    assert.deepEqual(await stack.outputs(), { length: "hello engine".length });
    const echo = (await stack.exportedState()).resources.find((r) => r.type === "pulumi-nodejs:dynamic/smoke:Echo");
    assert.ok(echo, "the Echo resource is in the state");
    assert.equal(echo.id, "echo-12");
    assert.equal(typeof echo.outputs?.["__provider"], "string", "the serialized provider is stored with the resource");

    const again = await stack.preview();
    assert.match(again.stdout, /2 unchanged/);

    await stack.destroy();
    assert.equal((await stack.exportedState()).resources.length, 0);
  });
});
