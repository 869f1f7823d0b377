/** ESA custom hostname CRUD and validation, handler level. */
import assert from "node:assert/strict";
import { esaService } from "../../emulator/services/esa";
import {
  API_RECORD,
  BASIC_ORIGIN_RECORD,
  BASIC_SITE,
  ORIGIN_RECORD,
  SAAS_SITE,
  WWW_RECORD,
  createHostname,
  expectApiError,
  expectInvalidParameter,
  getModel,
  harness,
  type Harness,
} from "./helpers/esa-harness";

type Row = Record<string, unknown>;

function createOnBasic(h: Harness, hostname: string, extra: Record<string, string> = {}): Row {
  return h.call("CreateCustomHostname", {
    SiteId: BASIC_SITE,
    RecordId: BASIC_ORIGIN_RECORD,
    Hostname: hostname,
    SslFlag: "off",
    ...extra,
  });
}

describe("esa CreateCustomHostname", () => {
  it("creates a pending hostname with its ownership TXT and answers {HostnameId, Hostname}", () => {
    const h = harness();
    const body = h.call("CreateCustomHostname", {
      SiteId: SAAS_SITE,
      RecordId: ORIGIN_RECORD,
      Hostname: "Shop.Customer-One.COM",
      SslFlag: "off",
    });
    assert.equal(body["Hostname"], "shop.customer-one.com");
    const id = body["HostnameId"] as number;
    assert.ok(Number.isSafeInteger(id) && id > 1e15);
    const m = getModel(h, id);
    assert.equal(m["HostnameId"], id);
    assert.equal(m["Status"], "pending");
    assert.equal(m["SiteId"], Number(SAAS_SITE));
    assert.equal(m["SiteName"], "example-saas.com");
    assert.equal(m["RecordId"], Number(ORIGIN_RECORD));
    assert.equal(m["RecordName"], "origin.example-saas.com");
    assert.equal(m["VerifyHost"], "_esa_custom_hostname.shop.customer-one.com");
    assert.match(String(m["VerifyCode"]), /^verify_[0-9a-f]{32}$/);
    assert.equal(m["SslFlag"], "off");
    assert.equal(m["CertStatus"], undefined);
    assert.equal(m["CertType"], undefined);
    assert.equal(m["CreateTime"], "2026-01-01T00:00:00Z");
    assert.equal(m["UpdateTime"], "2026-01-01T00:00:00Z");
  });

  it("derives a distinct VerifyCode per hostname", () => {
    const h = harness();
    const a = getModel(h, createHostname(h, "a.customer.org"));
    const b = getModel(h, createHostname(h, "b.customer.org"));
    assert.notEqual(a["VerifyCode"], b["VerifyCode"]);
  });

  it("declares its required parameters, secret parameter and the documented 100/hour rate limit", () => {
    const def = esaService.actions["CreateCustomHostname"];
    assert.deepEqual([...(def?.required ?? [])].sort(), ["Hostname", "RecordId", "SiteId", "SslFlag"]);
    assert.deepEqual(def?.secretParams, ["PrivateKey"]);
    assert.equal(def?.write, true);
    assert.equal(def?.rateLimit?.limit, 100);
    assert.equal(def?.rateLimit?.windowMs, 3_600_000);
    assert.equal(def?.rateLimit?.code, "TooManyRequests");
    assert.equal(def?.rateLimit?.status, 429);
    assert.deepEqual(esaService.actions["UpdateCustomHostname"]?.secretParams, ["PrivateKey"]);
  });

  it("rejects hostnames that are not RFC 1123 names", () => {
    const h = harness();
    const bad = [
      "under_score.example.org",
      "single",
      "-lead.example.org",
      "trail-.example.org",
      "a..example.org",
      "10.0.0.1",
      "example.123",
      `${"a".repeat(64)}.example.org`,
      `${"abcdefghi.".repeat(25)}example.org`,
      "shop.example.org.",
      "sh*p.example.org",
      "*.*.example.org",
    ];
    for (const hostname of bad) {
      expectApiError(() => createHostname(h, hostname), "InvalidParameter", 400);
    }
    assert.equal(Object.keys(h.state.hostnames).length, 0);
  });

  it("accepts a 253-character name", () => {
    const h = harness();
    const name = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    assert.equal(name.length, 253);
    createHostname(h, name);
  });

  it("needs an existing site and a proxied record of that site", () => {
    const h = harness();
    expectApiError(() => createHostname(h, "x.customer.org", { SiteId: "999" }), "SiteNotFound", 404);
    expectApiError(() => createHostname(h, "x.customer.org", { SiteId: "abc" }), "InvalidParameter", 400);
    expectApiError(() => createHostname(h, "x.customer.org", { RecordId: "999" }), "Record.NotFound", 404);
    expectApiError(
      () => createHostname(h, "x.customer.org", { RecordId: BASIC_ORIGIN_RECORD }),
      "Record.NotFound",
      404,
    );
    expectInvalidParameter(
      () => createHostname(h, "x.customer.org", { RecordId: API_RECORD }),
      "RecordId",
      /not proxied/,
    );
    createHostname(h, "x.customer.org", { RecordId: WWW_RECORD });
  });

  it("rejects a site's own zone and existing records as conflicts", () => {
    const h = harness();
    expectApiError(() => createHostname(h, "example-saas.com"), "CustomHostname.ConflictWithExistingResource", 400);
    expectApiError(() => createHostname(h, "example-basic.net"), "CustomHostname.ConflictWithExistingResource", 400);
    expectApiError(() => createHostname(h, "WWW.example-saas.com"), "CustomHostname.ConflictWithExistingResource", 400);
    expectApiError(
      () => createHostname(h, "origin.example-basic.net"),
      "CustomHostname.ConflictWithExistingResource",
      400,
    );
  });

  it("rejects a hostname that already exists anywhere", () => {
    const h = harness();
    createHostname(h, "dup.customer.org");
    expectApiError(() => createHostname(h, "DUP.customer.org"), "CustomHostname.ConflictWithExistingResource", 400);
    expectApiError(() => createOnBasic(h, "dup.customer.org"), "CustomHostname.ConflictWithExistingResource", 400);
  });

  it("allows wildcards only on the Enterprise plan", () => {
    const h = harness();
    expectApiError(() => createOnBasic(h, "*.customer.org"), "CustomHostname.WildcardDomainRequireEnterprisePlan", 400);
    const id = createHostname(h, "*.customer.org");
    assert.equal(getModel(h, id)["VerifyHost"], "_esa_custom_hostname.customer.org");
  });

  it("enforces the plan's custom-hostname quota and frees it on delete", () => {
    const h = harness();
    const first = createOnBasic(h, "one.customer.org")["HostnameId"] as number;
    createOnBasic(h, "two.customer.org");
    expectApiError(() => createOnBasic(h, "three.customer.org"), "QuotaExceed.CustomHostname", 400);
    // The quota is per site: the enterprise site is unaffected.
    createHostname(h, "three.customer.org");
    h.call("DeleteCustomHostname", { HostnameId: first });
    createOnBasic(h, "four.customer.org");
  });

  it("validates SslFlag and CertType", () => {
    const h = harness();
    expectApiError(() => createHostname(h, "s.customer.org", { SslFlag: "yes" }), "InvalidParameter", 400);
    expectInvalidParameter(() => createHostname(h, "s.customer.org", { SslFlag: "on" }), "CertType", /SslFlag is on/);
    expectApiError(
      () => createHostname(h, "s.customer.org", { SslFlag: "on", CertType: "paid" }),
      "InvalidParameter",
      400,
    );
    expectApiError(
      () => h.call("CreateCustomHostname", { SiteId: SAAS_SITE, Hostname: "s.customer.org" }),
      "MissingRecordId",
      400,
    );
    // SslFlag=off ignores certificate parameters.
    const id = createHostname(h, "s.customer.org", { SslFlag: "off", CertType: "free" });
    assert.equal(getModel(h, id)["CertType"], undefined);
  });
});

describe("esa GetCustomHostname / DeleteCustomHostname", () => {
  it("answer CustomHostname.NotFound (404) for unknown ids and InvalidParameter for non-integers", () => {
    const h = harness();
    for (const action of [
      "GetCustomHostname",
      "DeleteCustomHostname",
      "UpdateCustomHostname",
      "VerifyCustomHostname",
      "ApplyCustomHostnameCertificate",
    ]) {
      expectApiError(() => h.call(action, { HostnameId: "123" }), "CustomHostname.NotFound", 404);
      expectApiError(() => h.call(action, { HostnameId: "x1" }), "InvalidParameter", 400);
      expectApiError(() => h.call(action, {}), "MissingHostnameId", 400);
    }
  });

  it("deletes", () => {
    const h = harness();
    const id = createHostname(h, "gone.customer.org");
    assert.deepEqual(h.call("DeleteCustomHostname", { HostnameId: id }), {});
    expectApiError(() => getModel(h, id), "CustomHostname.NotFound", 404);
    expectApiError(() => h.call("DeleteCustomHostname", { HostnameId: id }), "CustomHostname.NotFound", 404);
    // The name is free again.
    createHostname(h, "gone.customer.org");
  });
});

describe("esa UpdateCustomHostname (record)", () => {
  it("rebinds to another proxied record of the same site", () => {
    const h = harness();
    const id = createHostname(h, "r.customer.org");
    h.advance(5000);
    assert.deepEqual(h.call("UpdateCustomHostname", { HostnameId: id, RecordId: WWW_RECORD }), {});
    const m = getModel(h, id);
    assert.equal(m["RecordId"], Number(WWW_RECORD));
    assert.equal(m["RecordName"], "www.example-saas.com");
    assert.equal(m["UpdateTime"], "2026-01-01T00:00:05Z");
  });

  it("rejects unproxied or foreign records without changing anything", () => {
    const h = harness();
    const id = createHostname(h, "r.customer.org");
    expectInvalidParameter(
      () => h.call("UpdateCustomHostname", { HostnameId: id, RecordId: API_RECORD, SslFlag: "on", CertType: "free" }),
      "RecordId",
      /not proxied/,
    );
    expectApiError(
      () => h.call("UpdateCustomHostname", { HostnameId: id, RecordId: BASIC_ORIGIN_RECORD }),
      "Record.NotFound",
      404,
    );
    const m = getModel(h, id);
    assert.equal(m["RecordId"], Number(ORIGIN_RECORD));
    assert.equal(m["SslFlag"], "off");
  });
});

describe("esa ListCustomHostnames", () => {
  function seeded(): Harness {
    const h = harness();
    createHostname(h, "shop.alpha.org");
    createHostname(h, "blog.alpha.org", { RecordId: WWW_RECORD });
    createHostname(h, "shop.beta.net");
    return h;
  }
  const names = (body: Row): unknown[] => (body["Hostnames"] as Row[]).map((x) => x["Hostname"]);

  it("lists a site's hostnames with the documented defaults and without secret/CAS fields", () => {
    const h = seeded();
    const body = h.call("ListCustomHostnames", { SiteId: SAAS_SITE });
    assert.equal(body["TotalCount"], 3);
    assert.equal(body["PageNumber"], 1);
    assert.equal(body["PageSize"], 100);
    assert.deepEqual(names(body), ["shop.alpha.org", "blog.alpha.org", "shop.beta.net"]);
    for (const item of body["Hostnames"] as Row[]) {
      for (const field of ["CasId", "CertId", "Certificate", "PrivateKey"]) assert.equal(field in item, false, field);
      assert.equal(item["Status"], "pending");
      assert.equal(typeof item["HostnameId"], "number");
    }
    assert.equal(h.call("ListCustomHostnames", { SiteId: BASIC_SITE })["TotalCount"], 0);
  });

  it("matches Hostname exactly by default, or by prefix/suffix/fuzzy", () => {
    const h = seeded();
    const list = (p: Record<string, string>): unknown[] =>
      names(h.call("ListCustomHostnames", { SiteId: SAAS_SITE, ...p }));
    assert.deepEqual(list({ Hostname: "shop" }), []);
    assert.deepEqual(list({ Hostname: "SHOP.alpha.org" }), ["shop.alpha.org"]);
    assert.deepEqual(list({ Hostname: "shop.", NameMatchType: "prefix" }), ["shop.alpha.org", "shop.beta.net"]);
    assert.deepEqual(list({ Hostname: "alpha.org", NameMatchType: "suffix" }), ["shop.alpha.org", "blog.alpha.org"]);
    assert.deepEqual(list({ Hostname: "og.al", NameMatchType: "fuzzy" }), ["blog.alpha.org"]);
  });

  it("filters by RecordId and Status", () => {
    const h = seeded();
    assert.deepEqual(names(h.call("ListCustomHostnames", { SiteId: SAAS_SITE, RecordId: WWW_RECORD })), [
      "blog.alpha.org",
    ]);
    assert.equal(h.call("ListCustomHostnames", { SiteId: SAAS_SITE, Status: "active" })["TotalCount"], 0);
    assert.equal(h.call("ListCustomHostnames", { SiteId: SAAS_SITE, Status: "pending" })["TotalCount"], 3);
  });

  it("pages with PageNumber ≥ 1 and PageSize 1..500", () => {
    const h = seeded();
    const body = h.call("ListCustomHostnames", { SiteId: SAAS_SITE, PageSize: 2, PageNumber: 2 });
    assert.deepEqual(names(body), ["shop.beta.net"]);
    assert.equal(body["TotalCount"], 3);
    assert.equal(body["PageSize"], 2);
    assert.deepEqual(names(h.call("ListCustomHostnames", { SiteId: SAAS_SITE, PageNumber: 9 })), []);
    h.call("ListCustomHostnames", { SiteId: SAAS_SITE, PageSize: 500 });
    for (const bad of [{ PageSize: 0 }, { PageSize: 501 }, { PageNumber: 0 }, { PageNumber: -1 }, { PageSize: "x" }]) {
      expectApiError(() => h.call("ListCustomHostnames", { SiteId: SAAS_SITE, ...bad }), "InvalidParameter", 400);
    }
  });

  it("validates SiteId, NameMatchType and Status", () => {
    const h = seeded();
    expectApiError(() => h.call("ListCustomHostnames", {}), "MissingSiteId", 400);
    expectApiError(() => h.call("ListCustomHostnames", { SiteId: "42" }), "SiteNotFound", 404);
    expectApiError(
      () => h.call("ListCustomHostnames", { SiteId: SAAS_SITE, NameMatchType: "regex" }),
      "InvalidParameter",
      400,
    );
    expectApiError(
      () => h.call("ListCustomHostnames", { SiteId: SAAS_SITE, Status: "deleted" }),
      "InvalidParameter",
      400,
    );
  });
});
