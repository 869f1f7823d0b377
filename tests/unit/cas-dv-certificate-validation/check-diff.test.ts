/** Unit tier for `cas.DvCertificateValidation`: check rules and diff decisions. No API and no host. */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { checkValidation } from "../../../provider/resources/cas/dv-certificate-validation/check";
import { diffValidation } from "../../../provider/resources/cas/dv-certificate-validation/diff";

describe("unit: cas.DvCertificateValidation", () => {
  describe("check", () => {
    it("fills the default timeout and keeps a string id", async () => {
      const { inputs, failures } = await checkValidation({}, { orderId: "98987582437920968" });
      assert.deepEqual(failures, []);
      assert.deepEqual(inputs, { orderId: "98987582437920968", timeoutSeconds: 3600 });
    });
    it("keeps unknowns at preview", async () => {
      const { inputs, failures } = await checkValidation({}, { orderId: UNKNOWN, timeoutSeconds: UNKNOWN });
      assert.deepEqual(failures, []);
      assert.deepEqual(inputs, { orderId: UNKNOWN, timeoutSeconds: UNKNOWN });
    });
    const bad: { news: Record<string, unknown>; property: string; reason: RegExp }[] = [
      { news: {}, property: "orderId", reason: /orderId is required/ },
      { news: { orderId: "abc" }, property: "orderId", reason: /orderId "abc" must be a positive integer id/ },
      { news: { orderId: "1", timeoutSeconds: 0 }, property: "timeoutSeconds", reason: /timeoutSeconds/ },
      { news: { orderId: "1", timeoutSeconds: 172_801 }, property: "timeoutSeconds", reason: /172800/ },
    ];
    for (const c of bad) {
      it(`fails ${JSON.stringify(c.news)} on ${c.property}`, async () => {
        const { failures } = await checkValidation({}, c.news);
        assert.equal(failures?.length, 1);
        assert.equal(failures?.[0]?.property, c.property);
        assert.match(failures?.[0]?.reason ?? "", c.reason);
      });
    }
  });

  describe("diff", () => {
    const issued = { orderId: "1", timeoutSeconds: 3600, state: "certificate", certIdentifier: "9-cn-hangzhou" };
    const news = { orderId: "1", timeoutSeconds: 3600 };
    it("an issued wait with the same inputs is no change", async () => {
      assert.deepEqual(await diffValidation("1", issued, news), {
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
      });
    });
    it("another order replaces (create-before-delete)", async () => {
      assert.deepEqual(await diffValidation("1", issued, { ...news, orderId: "2" }), {
        changes: true,
        replaces: ["orderId"],
        deleteBeforeReplace: false,
      });
      assert.deepEqual((await diffValidation("1", issued, { ...news, orderId: UNKNOWN })).replaces, ["orderId"]);
    });
    it("a new timeout updates in place", async () => {
      assert.deepEqual(await diffValidation("1", issued, { ...news, timeoutSeconds: 60 }), {
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
    });
    it("a wait that did not finish is a change, so the next up waits again on the same order", async () => {
      assert.deepEqual(await diffValidation("1", { ...issued, state: "domain_verify" }, news), {
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
    });
  });
});
