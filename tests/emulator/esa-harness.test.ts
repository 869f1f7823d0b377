/** Self-checks of the esa harness (`./helpers/esa-harness`), which the other emulator tests build on. */
import assert from "node:assert/strict";
import { SAAS_SITE, T0, harness, makeCert } from "./helpers/esa-harness";

describe("esa harness", () => {
  it("starts at T0 with the default seed and advances its clock", () => {
    const h = harness();
    assert.equal(h.now(), T0);
    assert.ok(h.state.sites[SAAS_SITE]);
    h.advance(1000);
    assert.equal(h.ctx.clock.now(), T0 + 1000);
  });

  it("answers published records case-insensitively by name and exactly by value", () => {
    const h = harness();
    h.publish({ kind: "dns", name: "_x.Example.com", type: "TXT", value: "v" });
    assert.equal(h.ctx.records.has("dns", "_x.example.com", "TXT", "v"), true);
    assert.equal(h.ctx.records.has("dns", "_x.example.com", "TXT", "V"), false);
  });

  it("generates certificates whose key matches", async () => {
    const { X509Certificate, createPrivateKey } = await import("node:crypto");
    const c = await makeCert({ cn: "a.example.org", dnsNames: ["a.example.org"] });
    assert.equal(new X509Certificate(c.certificate).checkPrivateKey(createPrivateKey(c.privateKey)), true);
  });
});
