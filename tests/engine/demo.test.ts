import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/engine";

/** Runs the flagship demo (root Pulumi.yaml) exactly as `npm run demo` does after bootstrap and staging. */
describe("engine tier: npm run demo (root Pulumi project)", () => {
  it("orders, publishes, waits, serves on ESA and GA, prints outputs, destroys, and leaves nothing behind", async () => {
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "demo/run.ts"],
        {
          cwd: REPO_ROOT,
          env: { ...process.env, NO_COLOR: "1" },
        },
      );
      let text = "";
      child.stdout.on("data", (c: Buffer) => (text += c.toString()));
      child.stderr.on("data", (c: Buffer) => (text += c.toString()));
      child.on("close", (code) => resolve({ code, text }));
    });
    assert.equal(output.code, 0, output.text);
    assert.match(output.text, /published TXT _esa_custom_hostname\.shop\.customer-one\.com = verify_/);
    assert.match(output.text, /published TXT _dnsauth\.shop\.customer-one\.com = /);
    assert.match(output.text, /"state":"certificate"/, "the certificate was issued");
    assert.match(
      output.text,
      /"shop\.customer-one\.com":\{"certNotAfter":"[^"]+","certStatus":"OK","status":"active"\}/,
    );
    assert.match(output.text, /listenerBindings\s+\{"shop\.customer-one\.com":"\d+-cn-hangzhou"\}/);
    assert.match(output.text, /left in the emulator: nothing/);
  });
});
