/**
 * Unit tier for the GA resources' check and diff (table-driven; no API, no Pulumi runtime) and their ids.
 */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../provider/resources/common/dynamic";
import { bindingId, GA_CERTIFICATE_ID, parseId } from "../../provider/resources/ga/ids";
import { checkBinding, diffBinding } from "../../provider/resources/ga/listener-additional-certificate-impl";
import { checkBindingSet, diffBindingSet } from "../../provider/resources/ga/listener-additional-certificates-impl";

const ACC = "ga-bp1odcab8tmno0hdq1234";
const LSN = "lsr-bp1bpn0kn908w4nbw1234";
const CERT = "6092123-cn-hangzhou";
const GOOD = { acceleratorId: ACC, listenerId: LSN, domain: "shop.example.com", certificateId: CERT };

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
      /"0" must be a whole number of seconds between 1 and 86400/,
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
      'certificates["a.example.com"]',
      /lists "A.example.com" and "a.example.com": each domain at most once/,
    ],
    [
      "a bad domain key",
      { "not a domain": CERT },
      'certificates["not a domain"]',
      /"not a domain" is not a valid hostname/,
    ],
    [
      "a bad certificate value",
      { "a.example.com": "abc" },
      'certificates["a.example.com"]',
      /"abc" must be "<certId>-<region>"/,
    ],
    [
      "a certificate in a region CAS does not serve",
      { "a.example.com": "6092123-us-east-1" },
      'certificates["a.example.com"]',
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

describe("unit: GA diff decisions", () => {
  const olds = { ...GOOD, state: "active", __provider: "p1" };
  const cases: [
    string,
    Record<string, unknown>,
    { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean },
  ][] = [
    ["nothing changed", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    [
      "certificate rotated: in place",
      { certificateId: "99-cn-hangzhou" },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "certificate unknown in preview",
      { certificateId: UNKNOWN },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "timeout changed: update, no replace",
      { timeoutSeconds: 60 },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "provider code changed: update so new code is stored",
      { __provider: "p2" },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "domain changed: replace, delete first",
      { domain: "other.example.com" },
      { changes: true, replaces: ["domain"], deleteBeforeReplace: true },
    ],
    [
      "listener changed: replace, delete first",
      { listenerId: "lsr-other" },
      { changes: true, replaces: ["listenerId"], deleteBeforeReplace: true },
    ],
    [
      "accelerator and domain changed",
      { acceleratorId: "ga-other", domain: UNKNOWN },
      { changes: true, replaces: ["acceleratorId", "domain"], deleteBeforeReplace: true },
    ],
  ];
  for (const [name, change, expected] of cases) {
    it(`per-domain: ${name}`, async () => {
      const { state: _s, ...inputs } = olds;
      assert.deepEqual(await diffBinding("id", olds, { ...inputs, ...change }), expected);
    });
  }

  const setOlds = {
    acceleratorId: ACC,
    listenerId: LSN,
    certificates: { "a.example.com": CERT, "b.example.com": CERT },
    domains: ["a.example.com", "b.example.com"],
    __provider: "p1",
  };
  const setNews = {
    acceleratorId: ACC,
    listenerId: LSN,
    certificates: { "b.example.com": CERT, "a.example.com": CERT },
    __provider: "p1",
  };
  const setCases: [
    string,
    Record<string, unknown>,
    { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean },
  ][] = [
    ["same bindings in another key order", {}, { changes: false, replaces: [], deleteBeforeReplace: false }],
    [
      "a binding added",
      { certificates: { ...setNews.certificates, "c.example.com": CERT } },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    [
      "a binding rotated",
      { certificates: { ...setNews.certificates, "a.example.com": "5-cn-hangzhou" } },
      { changes: true, replaces: [], deleteBeforeReplace: false },
    ],
    ["certificates unknown", { certificates: UNKNOWN }, { changes: true, replaces: [], deleteBeforeReplace: false }],
    [
      "moved to another listener: create the new set first",
      { listenerId: "lsr-other" },
      { changes: true, replaces: ["listenerId"], deleteBeforeReplace: false },
    ],
    [
      "only the accelerator changed: delete first",
      { acceleratorId: "ga-other" },
      { changes: true, replaces: ["acceleratorId"], deleteBeforeReplace: true },
    ],
  ];
  for (const [name, change, expected] of setCases) {
    it(`set: ${name}`, async () => {
      assert.deepEqual(await diffBindingSet("id", setOlds, { ...setNews, ...change }), expected);
    });
  }
});

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
