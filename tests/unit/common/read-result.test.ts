/** `readResult`: a read returns the rebuilt inputs only when one differs from what the stored outputs echo. */
import { strict as assert } from "node:assert";
import { readResult } from "../../../provider/resources/common/dynamic";

describe("common readResult (unit)", () => {
  const stored = {
    __provider: "exports.handler = …",
    siteId: "7096621098379520",
    hostname: "c1.customer.com",
    waitTimeoutSeconds: 1800,
    certificates: { "b.example.com": "2-cn-hangzhou", "a.example.com": "1-cn-hangzhou" },
    status: "pending",
  };
  const props = { ...stored, status: "active" };

  it("leaves the inputs out when every one equals the stored value (outputs may still change)", () => {
    const inputs = {
      siteId: "7096621098379520",
      hostname: "c1.customer.com",
      waitTimeoutSeconds: 1800,
      // Same entries, other key order: deep equality, as the engine compares them.
      certificates: { "a.example.com": "1-cn-hangzhou", "b.example.com": "2-cn-hangzhou" },
      casId: undefined,
    };
    assert.deepEqual(readResult("1", props, inputs, stored), { id: "1", props });
  });

  it("returns all the rebuilt inputs when one differs, in a nested value or a type", () => {
    for (const changed of [
      { certificates: { "a.example.com": "1-cn-hangzhou" } },
      { waitTimeoutSeconds: "1800" },
      { hostname: "c2.customer.com" },
      { casId: "123" },
    ]) {
      const inputs = { siteId: "7096621098379520", hostname: "c1.customer.com", waitTimeoutSeconds: 1800, ...changed };
      assert.deepEqual(readResult("1", props, inputs, stored), { id: "1", props, inputs }, JSON.stringify(changed));
    }
  });

  it("returns them when nothing was stored (a static get reads by id alone)", () => {
    const inputs = { siteId: "7096621098379520" };
    assert.deepEqual(readResult("1", props, inputs, {}), { id: "1", props, inputs });
  });
});
