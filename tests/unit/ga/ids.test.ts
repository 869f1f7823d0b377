/** Unit tier: GA ids, shared by both GA resources and the engine (table-driven; no API, no Pulumi runtime). */
import { strict as assert } from "node:assert";
import { bindingId, GA_CERTIFICATE_ID, parseId } from "../../../provider/resources/ga/ids";
import { ACC, LSN } from "./fixtures";

describe("unit: GA ids", () => {
  it("round-trips binding ids and rejects other shapes", () => {
    assert.deepEqual(parseId(bindingId(ACC, LSN, "a.example.com")), {
      acceleratorId: ACC,
      listenerId: LSN,
      domain: "a.example.com",
    });
    assert.deepEqual(parseId(`${ACC}:${LSN}`), { acceleratorId: ACC, listenerId: LSN, domain: undefined });
    for (const bad of ["", ACC, `${ACC}:${LSN}:`, `${ACC}:${LSN}:a.com:x`, `x:${LSN}:a.com`])
      assert.equal(parseId(bad), undefined, bad);
  });

  it("certificate ids: <certId>-<region>", () => {
    // The shape only; which regions CAS serves is a check rule (see the "region CAS does not serve" cases).
    for (const good of ["1-cn-hangzhou", "6092123-ap-southeast-1", "42-eu-central-1"])
      assert.ok(GA_CERTIFICATE_ID.test(good), good);
    for (const bad of ["cn-hangzhou", "1-hangzhou", "1-cn-hangzhou-", "1_cn-hangzhou", "x-cn-hangzhou"])
      assert.ok(!GA_CERTIFICATE_ID.test(bad), bad);
  });
});
