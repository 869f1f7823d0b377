/** The shared check toolkit: sensitive inputs are reported without `property`. */
import { strict as assert } from "node:assert";
import { CheckReport } from "../../../provider/resources/common/check";

describe("common check toolkit (unit)", () => {
  it("reports a failure on a sensitive input without property, naming the input in the reason", () => {
    const report = new CheckReport({ sensitive: ["privateKey", "tags"] });
    report.fail("privateKey", "privateKey (secret, 12 characters) is not a PEM private key");
    report.fail("tags", "has too many entries");
    report.fail('tags["k"]', 'tags["k"] must be a string');
    report.fail("siteId", "siteId is required");
    assert.deepEqual(report.failures, [
      { property: "", reason: "privateKey (secret, 12 characters) is not a PEM private key" },
      { property: "", reason: "tags: has too many entries" },
      { property: "", reason: 'tags["k"] must be a string' },
      { property: "siteId", reason: "siteId is required" },
    ]);
  });
});
