/** Unit tier: `ga.ListenerAdditionalCertificates` check (table-driven; no API, no Pulumi runtime). */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { checkBindingSet } from "../../../provider/resources/ga/listener-additional-certificates/check";
import { ACC, CERT, LSN } from "../ga/fixtures";

describe("unit: ga.ListenerAdditionalCertificates check", () => {
  it("normalizes domains (lower-case, sorted) and defaults certificates to an empty map", async () => {
    const result = await checkBindingSet(
      {},
      {
        acceleratorId: ACC,
        listenerId: LSN,
        certificates: { "B.example.com": CERT, "a.example.com": "7-cn-hangzhou" },
      },
    );
    assert.equal(result.failures, undefined);
    assert.deepEqual(
      JSON.stringify(result.inputs?.certificates),
      JSON.stringify({ "a.example.com": "7-cn-hangzhou", "b.example.com": CERT }),
    );
    assert.deepEqual((await checkBindingSet({}, { acceleratorId: ACC, listenerId: LSN })).inputs?.certificates, {});
  });

  it("skips unknown values and a wholly unknown map", async () => {
    assert.equal(
      (await checkBindingSet({}, { acceleratorId: ACC, listenerId: LSN, certificates: UNKNOWN })).failures,
      undefined,
    );
    assert.equal(
      (await checkBindingSet({}, { acceleratorId: ACC, listenerId: LSN, certificates: { "a.example.com": UNKNOWN } }))
        .failures,
      undefined,
    );
  });

  const bad: [string, unknown, string, RegExp][] = [
    [
      "duplicate domains differing in case",
      { "A.example.com": CERT, "a.example.com": CERT },
      "certificates",
      /^certificates\["a.example.com"\] .*lists "A.example.com" and "a.example.com": each domain at most once/,
    ],
    [
      "a bad domain key",
      { "not a domain": CERT },
      "certificates",
      /^certificates\["not a domain"\] .*"not a domain" is not a valid hostname/,
    ],
    [
      "a bad certificate value",
      { "a.example.com": "abc" },
      "certificates",
      /^certificates\["a.example.com"\] "abc" must be "<certId>-<region>"/,
    ],
    [
      "a certificate in a region CAS does not serve",
      { "a.example.com": "6092123-us-east-1" },
      "certificates",
      /certificates\["a.example.com"\] "6092123-us-east-1" names region "us-east-1"; CAS serves certificates from/,
    ],
    ["a list instead of a map", ["a.example.com"], "certificates", /must be an object mapping each domain/],
    [
      "more distinct certificates than a listener takes",
      Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`d${i}.example.com`, `${i + 1}-cn-hangzhou`])),
      "certificates",
      /11 distinct certificates; .* at most 10 .*gaplus_quota_additional_certs_per_listener/,
    ],
  ];
  for (const [name, certificates, property, reason] of bad) {
    it(`fails: ${name}`, async () => {
      const result = await checkBindingSet({}, { acceleratorId: ACC, listenerId: LSN, certificates });
      assert.equal(result.failures?.length, 1, JSON.stringify(result.failures));
      assert.equal(result.failures?.[0]?.property, property);
      assert.match(result.failures?.[0]?.reason ?? "", reason);
    });
  }

  it("allows many domains sharing ten certificates", async () => {
    const certificates = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`d${i}.example.com`, `${(i % 10) + 1}-cn-hangzhou`]),
    );
    assert.equal(
      (await checkBindingSet({}, { acceleratorId: ACC, listenerId: LSN, certificates })).failures,
      undefined,
    );
  });
});
