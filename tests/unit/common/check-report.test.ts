/** The shared check toolkit: sensitive inputs are reported without `property`, unknown input names with a hint. */
import { strict as assert } from "node:assert";
import { CheckReport } from "../../../provider/resources/common/check";
import { closestName, rejectUnknownInputs } from "../../../provider/resources/common/input-names";

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

  it("suggests the closest input name for a misspelling and nothing for an unrelated name", () => {
    const inputs = ["waitTimeoutSeconds", "waitFor", "privateKey", "hostname"];
    assert.equal(closestName("waitTimeoutSecond", inputs), "waitTimeoutSeconds");
    assert.equal(closestName("privatekey", inputs), "privateKey");
    assert.equal(closestName("hostName", inputs), "hostname");
    assert.equal(closestName("colour", inputs), undefined);
  });

  it("rejects unknown given keys without property or value, and leaves internal, output and empty keys alone", () => {
    const report = new CheckReport();
    rejectUnknownInputs(
      report,
      {
        hostname: "a.example.com",
        privatKey: "-----BEGIN PRIVATE KEY-----\nMIIEv...",
        colour: "blue",
        __provider: "require(...)",
        status: "online",
        waitFor: undefined,
        unset: null,
      },
      { inputs: ["hostname", "privateKey", "waitFor"], outputs: ["status"] },
    );
    assert.equal(report.failures.length, 2, JSON.stringify(report.failures));
    const [typo, unrelated] = report.failures;
    assert.equal(typo?.property, "");
    assert.match(typo?.reason ?? "", /^"privatKey" is not an input of this resource; did you mean "privateKey"\?/);
    assert.doesNotMatch(typo?.reason ?? "", /BEGIN|MIIE/);
    assert.match(
      unrelated?.reason ?? "",
      /^"colour" is not an input of this resource \(inputs: hostname, privateKey, waitFor\)$/,
    );
  });
});
