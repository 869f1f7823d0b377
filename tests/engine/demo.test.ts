import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/engine";

/** Runs the flagship demo (root Pulumi.yaml) exactly as `npm run demo` does after bootstrap and staging. */
describe("engine tier: npm run demo (root Pulumi project)", () => {
  let text = "";

  before(async () => {
    const output = await new Promise<{ code: number | null; text: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [path.join(REPO_ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "demo/run.ts"],
        { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } },
      );
      let out = "";
      child.stdout.on("data", (c: Buffer) => (out += c.toString()));
      child.stderr.on("data", (c: Buffer) => (out += c.toString()));
      child.on("close", (code) => resolve({ code, text: out }));
    });
    text = output.text;
    assert.equal(output.code, 0, text);
  });

  it("plays the customers' one-time CNAMEs once, before the first up", () => {
    assert.match(text, /CNAME _dnsauth\.shop\.customer-one\.com → dcv-[0-9a-f]{32}\.dcv\.example-saas\.com/);
    assert.match(text, /CNAME shop\.customer-one\.com → origin\.example-saas\.com/);
    assert.match(text, /CNAME docs\.customer-two\.com → origin\.example-saas\.com/);
    assert.doesNotMatch(text, /_esa_custom_hostname/, "no per-hostname ownership TXT is ever published");
  });

  it("orders, validates, and serves on ESA and GA in one pulumi up", () => {
    const [firstRun] = text.split("the emulator's clock jumps");
    assert.ok(firstRun !== undefined);
    assert.match(firstRun, /"state":"certificate"/, "the validation saw the certificate issued");
    assert.match(
      firstRun,
      /"shop\.customer-one\.com":\{"certNotAfter":"[^"]+","certStatus":"OK","hostnameId":"\d+","status":"active"\}/,
    );
    assert.match(
      firstRun,
      /"docs\.customer-two\.com":\{"certNotAfter":"[^"]+","certStatus":"OK","hostnameId":"\d+","status":"active"\}/,
    );
    assert.match(firstRun, /listenerBindings\s+\{"shop\.customer-one\.com":"\d+-cn-hangzhou"\}/);
  });

  it("after the clock jump, previews and runs a renewal of everything, in place, with zero downtime", () => {
    assert.match(text, /certificate for shop\.customer-one\.com expires \d{4}-\d\d-\d\d; renewing 30 days ahead/);
    assert.match(text, /CAS order \d+ → \d+: certificate \d+ \(ends [\d-]+\) → \d+ \(ends [\d-]+\)/);
    assert.match(text, /ESA shop\.customer-one\.com: renewed, .*same HostnameId, updated in place/);
    assert.match(text, /ESA docs\.customer-two\.com: renewed, .*same HostnameId, updated in place/);
    assert.match(text, /GA shop\.customer-one\.com: \d+-cn-hangzhou → \d+-cn-hangzhou \(updated in place\)/);
    assert.doesNotMatch(text, /NOT renewed|REPLACED/);
    assert.match(text, /the old certificate was revoked after every consumer served the new one/);
    assert.match(text, /3 consumers judged: 0 gaps, 0 invalid/);
    assert.doesNotMatch(text, /VIOLATION/);
  });

  it("destroys, leaving nothing behind", () => {
    assert.match(text, /left in the emulator: nothing/);
    assert.doesNotMatch(text, /FAILED/);
  });
});
