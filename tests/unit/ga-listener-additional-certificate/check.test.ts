/** Unit tier: `ga.ListenerAdditionalCertificate` check (table-driven; no API, no Pulumi runtime). */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { checkBinding } from "../../../provider/resources/ga/listener-additional-certificate/check";
import { ACC, GOOD } from "../ga/fixtures";

describe("unit: ga.ListenerAdditionalCertificate check", () => {
  it("normalizes: trims, lower-cases the domain, drops nothing it was given", async () => {
    const result = await checkBinding(
      {},
      { ...GOOD, domain: "  Shop.EXAMPLE.com. ", acceleratorId: ` ${ACC} `, timeoutSeconds: 30 },
    );
    assert.equal(result.failures, undefined);
    assert.deepEqual(result.inputs, { ...GOOD, timeoutSeconds: 30 });
  });

  it("accepts wildcard domains and international certificate ids", async () => {
    const result = await checkBinding({}, { ...GOOD, domain: "*.Example.com", certificateId: "11-ap-southeast-1" });
    assert.equal(result.failures, undefined);
    assert.equal(result.inputs?.domain, "*.example.com");
  });

  it("skips every rule whose value is unknown during preview", async () => {
    const result = await checkBinding(
      {},
      { acceleratorId: UNKNOWN, listenerId: UNKNOWN, domain: UNKNOWN, certificateId: UNKNOWN, timeoutSeconds: UNKNOWN },
    );
    assert.equal(result.failures, undefined);
    assert.equal(result.inputs?.domain, UNKNOWN);
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ["missing acceleratorId", { acceleratorId: undefined }, "acceleratorId", /acceleratorId is required/],
    [
      "acceleratorId of another product",
      { acceleratorId: "lb-123" },
      "acceleratorId",
      /"lb-123" must be a GA instance id/,
    ],
    ["listenerId with upper case", { listenerId: "LSR-ABC" }, "listenerId", /"LSR-ABC" must be a GA listener id/],
    ["listenerId not a string", { listenerId: 42 }, "listenerId", /must be a string, got number/],
    ["missing domain", { domain: "" }, "domain", /domain is required/],
    ["domain with a space", { domain: "bad domain.com" }, "domain", /"bad domain.com" is not a valid hostname/],
    ["single-label domain", { domain: "localhost" }, "domain", /"localhost" is not a valid hostname/],
    ["IP address as domain", { domain: "10.0.0.1" }, "domain", /"10.0.0.1" is not a valid hostname/],
    ["wildcard not in the first label", { domain: "a.*.example.com" }, "domain", /not a valid hostname/],
    ["label over 63 characters", { domain: `${"a".repeat(64)}.com` }, "domain", /not a valid hostname/],
    [
      "certificate id without region",
      { certificateId: "6092123" },
      "certificateId",
      /"6092123" must be "<certId>-<region>"/,
    ],
    [
      "certificate id as a number",
      { certificateId: 6092123 },
      "certificateId",
      /6092123 must be a string "<certId>-<region>" such as "6092123-cn-hangzhou"/,
    ],
    [
      "certificate id with upper-case region",
      { certificateId: "1-CN-HANGZHOU" },
      "certificateId",
      /must be "<certId>-<region>"/,
    ],
    [
      "certificate id with leading zero",
      { certificateId: "0123-cn-hangzhou" },
      "certificateId",
      /must be "<certId>-<region>"/,
    ],
    [
      "certificate id in a region CAS does not serve",
      { certificateId: "6092123-us-east-1" },
      "certificateId",
      /"6092123-us-east-1" names region "us-east-1"; CAS serves certificates from "cn-hangzhou" or "ap-southeast-1"/,
    ],
    [
      "certificate id in another Asia-Pacific region",
      { certificateId: "6092123-ap-southeast-2" },
      "certificateId",
      /names region "ap-southeast-2"/,
    ],
    [
      "timeout of zero",
      { timeoutSeconds: 0 },
      "timeoutSeconds",
      /timeoutSeconds 0 is out of range; it must be a whole number of seconds between 1 and 86400/,
    ],
    ["fractional timeout", { timeoutSeconds: 1.5 }, "timeoutSeconds", /whole number of seconds/],
    ["timeout as a string", { timeoutSeconds: "60" }, "timeoutSeconds", /whole number of seconds/],
  ];
  for (const [name, change, property, reason] of bad) {
    it(`fails: ${name}`, async () => {
      const result = await checkBinding({}, { ...GOOD, ...change });
      assert.equal(result.failures?.length, 1, JSON.stringify(result.failures));
      assert.equal(result.failures?.[0]?.property, property);
      assert.match(result.failures?.[0]?.reason ?? "", reason);
    });
  }
});
