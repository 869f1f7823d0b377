/** ESA seed validation/merging, controls and the object dump. */
import assert from "node:assert/strict";
import { esaService } from "../../emulator/services/esa";
import { ApiError } from "../../emulator/core/contract";
import { SAAS_SITE, createHostname, expectApiError, getModel, harness, makeCert } from "./helpers/esa-harness";

describe("esa seed", () => {
  it("the default seed holds the documented sites, plans, quotas and records", () => {
    const h = harness();
    const saas = h.state.sites[SAAS_SITE];
    assert.equal(saas?.siteName, "example-saas.com");
    assert.equal(saas?.planType, "enterprise");
    assert.equal(saas?.customHostnameQuota, 50);
    const basic = h.state.sites["7096621098379648"];
    assert.equal(basic?.planType, "basic");
    assert.equal(basic?.customHostnameQuota, 2);
    assert.deepEqual(
      Object.values(h.state.records).map((r) => [r.recordName, r.recordType, r.proxied]),
      [
        ["origin.example-saas.com", "A/AAAA", true],
        ["www.example-saas.com", "CNAME", true],
        ["api.example-saas.com", "A/AAAA", false],
        ["origin.example-basic.net", "A/AAAA", true],
      ],
    );
  });

  it("merges a site by id, assigns missing record ids and plan-default quotas", () => {
    const h = harness({ seed: { sites: [] } });
    assert.equal(Object.keys(h.state.sites).length, 0);
    esaService.applySeed(
      h.state,
      {
        sites: [
          {
            siteId: 123456789012345,
            siteName: "Tenant.Example",
            planType: "standard",
            records: [{ recordName: "edge.tenant.example", type: "AAAA", data: "2001:db8::1", proxied: true }],
          },
        ],
      },
      h.ctx,
    );
    const site = h.state.sites["123456789012345"];
    assert.equal(site?.siteName, "tenant.example");
    assert.equal(site?.customHostnameQuota, 10);
    assert.equal(site?.coverage, "overseas");
    const [record] = Object.values(h.state.records);
    assert.equal(record?.recordType, "A/AAAA");
    assert.ok(Number.isSafeInteger(Number(record?.recordId)));
    esaService.applySeed(
      h.state,
      { sites: [{ siteId: "123456789012345", siteName: "tenant.example", customHostnameQuota: 0 }] },
      h.ctx,
    );
    assert.equal(h.state.sites["123456789012345"]?.customHostnameQuota, 0);
    assert.equal(Object.keys(h.state.records).length, 1);
  });

  it("rejects malformed seeds with the path of the bad field, leaving state untouched", () => {
    const h = harness();
    const before = JSON.stringify(h.state);
    const bad: [unknown, RegExp][] = [
      [{ sites: {} }, /esa\.sites: must be an array/],
      [{ sites: [{ siteName: "a.example" }] }, /sites\[0\]\.siteId/],
      [{ sites: [{ siteId: "9007199254740993", siteName: "a.example" }] }, /siteId/],
      [{ sites: [{ siteId: 1, siteName: "a.example", planType: "gold" }] }, /planType/],
      [{ sites: [{ siteId: 1, siteName: "a.example", coverage: "moon" }] }, /coverage/],
      [{ sites: [{ siteId: 1, siteName: "example-saas.com" }] }, /already site/],
      [
        {
          sites: [
            { siteId: 1, siteName: "a.example", records: [{ recordName: "x.b.example", type: "A", data: "1.2.3.4" }] },
          ],
        },
        /within a\.example/,
      ],
      [
        {
          sites: [
            {
              siteId: 1,
              siteName: "a.example",
              records: [{ recordName: "t.a.example", type: "TXT", data: "x", proxied: true }],
            },
          ],
        },
        /cannot be proxied/,
      ],
      [
        {
          sites: [
            { siteId: 1, siteName: "a.example", records: [{ recordName: "t.a.example", type: "BOGUS", data: "x" }] },
          ],
        },
        /type/,
      ],
      [
        {
          sites: [
            {
              siteId: 1,
              siteName: "a.example",
              records: [{ recordId: "4042843419650112", recordName: "t.a.example", type: "A", data: "x" }],
            },
          ],
        },
        /belongs to site/,
      ],
    ];
    for (const [seed, pattern] of bad) {
      assert.throws(() => esaService.applySeed(h.state, seed, h.ctx), pattern);
    }
    assert.equal(JSON.stringify(h.state), before);
  });

  it("is plain JSON (survives a state-file round trip)", () => {
    const h = harness();
    createHostname(h, "json.customer.org", { SslFlag: "on", CertType: "free" });
    assert.deepEqual(JSON.parse(JSON.stringify(h.state)), h.state);
  });
});

describe("esa controls", () => {
  it("setStatus forces statuses with the documented ConflictWith/OfflineReason values", () => {
    const h = harness();
    const id = createHostname(h, "c.customer.org");
    h.control("setStatus", { hostnameId: id, status: "offline", offlineReason: "missing_icp" });
    let m = getModel(h, id);
    assert.equal(m["Status"], "offline");
    assert.equal(m["OfflineReason"], "missing_icp");
    h.control("setStatus", { hostnameId: String(id), status: "conflicted", conflictWith: "existing_site" });
    m = getModel(h, id);
    assert.equal(m["Status"], "conflicted");
    assert.equal(m["ConflictWith"], "existing_site");
    assert.equal(m["OfflineReason"], undefined);
    h.control("setStatus", { hostnameId: id, status: "active" });
    m = getModel(h, id);
    assert.equal(m["Status"], "active");
    assert.equal(m["ConflictWith"], undefined);
  });

  it("setStatus validates its input", () => {
    const h = harness();
    const id = createHostname(h, "c.customer.org");
    expectApiError(() => h.control("setStatus", { hostnameId: id, status: "gone" }), "InvalidParameter", 400);
    expectApiError(() => h.control("setStatus", { hostnameId: id }), "InvalidParameter", 400);
    expectApiError(
      () => h.control("setStatus", { hostnameId: id, status: "offline", offlineReason: "bored" }),
      "InvalidParameter",
      400,
    );
    expectApiError(() => h.control("setStatus", { hostnameId: 1, status: "active" }), "CustomHostname.NotFound", 404);
    expectApiError(() => h.control("setStatus", "nope"), "InvalidParameter", 400);
  });

  it("failCertificate needs a free-certificate hostname", () => {
    const h = harness();
    const id = createHostname(h, "c.customer.org");
    expectApiError(() => h.control("failCertificate", { hostnameId: id }), "InvalidParameter", 400);
    const free = createHostname(h, "f.customer.org", { SslFlag: "on", CertType: "free" });
    expectApiError(() => h.control("failCertificate", { hostnameId: free, code: "x" }), "InvalidParameter", 400);
  });

  it("deleteOutOfBand removes a hostname behind the API's back", () => {
    const h = harness();
    const id = createHostname(h, "c.customer.org");
    assert.deepEqual(h.control("deleteOutOfBand", { hostnameId: id }), { deleted: id });
    expectApiError(() => getModel(h, id), "CustomHostname.NotFound", 404);
  });

  it("configure validates its input", () => {
    const h = harness();
    expectApiError(() => h.control("configure", { verifyUnpassedStyle: "loud" }), "InvalidParameter", 400);
    expectApiError(() => h.control("configure", { autoVerifyDelayMs: -1 }), "InvalidParameter", 400);
    const e = expectApiError(() => h.control("configure", []), "InvalidParameter", 400);
    assert.ok(e instanceof ApiError);
  });

  it("control answers redact the private key", async () => {
    const h = harness();
    const c = await makeCert({ cn: "k.customer.org", dnsNames: ["k.customer.org"] });
    const id = createHostname(h, "k.customer.org", {
      SslFlag: "on",
      CertType: "upload",
      Certificate: c.certificate,
      PrivateKey: c.privateKey,
    });
    const view = h.control("setStatus", { hostnameId: id, status: "active" }) as Record<string, unknown>;
    assert.equal(view["PrivateKey"], "[REDACTED]");
  });
});

describe("esa dumpObjects", () => {
  it("lists sites, records and hostnames with the private key redacted", async () => {
    const h = harness();
    const c = await makeCert({ cn: "d.customer.org", dnsNames: ["d.customer.org"] });
    createHostname(h, "d.customer.org", {
      SslFlag: "on",
      CertType: "upload",
      Certificate: c.certificate,
      PrivateKey: c.privateKey,
    });
    createHostname(h, "e.customer.org");
    const dump = esaService.dumpObjects(h.state, h.ctx) as Record<string, Record<string, unknown>[]>;
    assert.equal(dump["sites"]?.length, 2);
    assert.equal(dump["records"]?.length, 4);
    const [d, e] = dump["hostnames"] ?? [];
    assert.equal(d?.["hostname"], "d.customer.org");
    assert.equal(d?.["privateKey"], "[REDACTED]");
    assert.equal(e?.["privateKey"], null);
    const text = JSON.stringify(dump);
    assert.equal(text.includes("PRIVATE KEY"), false);
    assert.equal(text.includes("BEGIN CERTIFICATE"), false);
  });
});
