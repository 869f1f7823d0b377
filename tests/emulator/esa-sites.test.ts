/** ESA ListSites and ListRecords, handler level. */
import assert from "node:assert/strict";
import {
  API_RECORD,
  BASIC_SITE,
  ORIGIN_RECORD,
  SAAS_SITE,
  WWW_RECORD,
  expectApiError,
  harness,
} from "./helpers/esa-harness";

type Row = Record<string, unknown>;
const sites = (body: Row): Row[] => body["Sites"] as Row[];
const records = (body: Row): Row[] => body["Records"] as Row[];

describe("esa ListSites", () => {
  it("lists the seeded sites with numeric ids, plan, coverage and the paging defaults", () => {
    const body = harness().call("ListSites");
    assert.equal(body["TotalCount"], 2);
    assert.equal(body["PageNumber"], 1);
    assert.equal(body["PageSize"], 500);
    const [saas, basic] = sites(body);
    assert.equal(saas?.["SiteId"], 7096621098379520);
    assert.equal(saas?.["SiteName"], "example-saas.com");
    assert.equal(saas?.["Status"], "active");
    assert.equal(saas?.["PlanSpecName"], "enterpriseplan");
    assert.equal(saas?.["Coverage"], "overseas");
    assert.equal(saas?.["AccessType"], "NS");
    assert.match(String(saas?.["CreateTime"]), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(basic?.["SiteId"], Number(BASIC_SITE));
    assert.equal(basic?.["PlanSpecName"], "basicplan");
  });

  it("matches SiteName exactly by default and by prefix/suffix/fuzzy on request", () => {
    const h = harness();
    assert.equal(sites(h.call("ListSites", { SiteName: "example-saas" })).length, 0);
    assert.equal(sites(h.call("ListSites", { SiteName: "EXAMPLE-SAAS.COM" })).length, 1);
    assert.equal(sites(h.call("ListSites", { SiteName: "example-", SiteSearchType: "prefix" })).length, 2);
    assert.equal(sites(h.call("ListSites", { SiteName: ".net", SiteSearchType: "suffix" })).length, 1);
    assert.equal(sites(h.call("ListSites", { SiteName: "basic", SiteSearchType: "fuzzy" })).length, 1);
  });

  it("filters by plan, status, coverage, access type and tags", () => {
    const h = harness();
    assert.deepEqual(
      sites(h.call("ListSites", { OnlyEnterprise: "true" })).map((s) => s["SiteName"]),
      ["example-saas.com"],
    );
    assert.deepEqual(
      sites(h.call("ListSites", { PlanSubscribeType: "basicplan" })).map((s) => s["SiteName"]),
      ["example-basic.net"],
    );
    assert.equal(sites(h.call("ListSites", { Status: "pending" })).length, 0);
    assert.equal(sites(h.call("ListSites", { Coverage: "domestic" })).length, 0);
    assert.equal(sites(h.call("ListSites", { AccessType: "NS" })).length, 2);
    assert.equal(sites(h.call("ListSites", { TagFilter: JSON.stringify([{ Key: "env" }]) })).length, 0);
  });

  it("pages", () => {
    const body = harness().call("ListSites", { PageSize: 1, PageNumber: 2 });
    assert.equal(body["TotalCount"], 2);
    assert.deepEqual(
      sites(body).map((s) => s["SiteName"]),
      ["example-basic.net"],
    );
  });

  it("rejects malformed filters with InvalidParameter", () => {
    const h = harness();
    expectApiError(() => h.call("ListSites", { SiteSearchType: "regex" }), "InvalidParameter", 400);
    expectApiError(() => h.call("ListSites", { PageSize: 501 }), "InvalidParameter", 400);
    expectApiError(() => h.call("ListSites", { PageNumber: 0 }), "InvalidParameter", 400);
    expectApiError(() => h.call("ListSites", { OnlyEnterprise: "yes" }), "InvalidParameter", 400);
    expectApiError(() => h.call("ListSites", { TagFilter: "{" }), "InvalidParameter", 400);
  });
});

describe("esa ListRecords", () => {
  it("returns the site's records in the SDK model's shape", () => {
    const body = harness().call("ListRecords", { SiteId: SAAS_SITE });
    assert.equal(body["TotalCount"], 3);
    assert.equal(body["PageSize"], 500);
    const [origin, www, api] = records(body);
    assert.deepEqual(
      { ...origin, CreateTime: undefined, UpdateTime: undefined },
      {
        RecordId: Number(ORIGIN_RECORD),
        RecordName: "origin.example-saas.com",
        RecordType: "A/AAAA",
        Data: { Value: "203.0.113.10" },
        Proxied: true,
        Ttl: 1,
        SiteId: Number(SAAS_SITE),
        SiteName: "example-saas.com",
        RecordCname: "origin.example-saas.com.cname.esa-emulator.test",
        BizName: "web",
        CreateTime: undefined,
        UpdateTime: undefined,
      },
    );
    assert.equal(www?.["RecordId"], Number(WWW_RECORD));
    assert.equal(www?.["RecordType"], "CNAME");
    assert.equal(www?.["RecordSourceType"], "Domain");
    assert.equal(api?.["RecordId"], Number(API_RECORD));
    assert.equal(api?.["Proxied"], false);
    assert.equal(api?.["RecordCname"], undefined);
  });

  it("filters by name (exact by default), type and proxied, and pages", () => {
    const h = harness();
    assert.equal(records(h.call("ListRecords", { SiteId: SAAS_SITE, RecordName: "origin" })).length, 0);
    assert.equal(
      records(h.call("ListRecords", { SiteId: SAAS_SITE, RecordName: "origin", RecordMatchType: "fuzzy" })).length,
      1,
    );
    assert.equal(
      records(h.call("ListRecords", { SiteId: SAAS_SITE, RecordName: "www.", RecordMatchType: "prefix" })).length,
      1,
    );
    assert.equal(records(h.call("ListRecords", { SiteId: SAAS_SITE, Type: "A" })).length, 2);
    assert.equal(records(h.call("ListRecords", { SiteId: SAAS_SITE, Type: "CNAME" })).length, 1);
    assert.deepEqual(
      records(h.call("ListRecords", { SiteId: SAAS_SITE, Proxied: "false" })).map((r) => r["RecordName"]),
      ["api.example-saas.com"],
    );
    const paged = h.call("ListRecords", { SiteId: SAAS_SITE, PageSize: 2, PageNumber: 2 });
    assert.equal(paged["TotalCount"], 3);
    assert.equal(records(paged).length, 1);
  });

  it("requires SiteId, an integer, of an existing site", () => {
    const h = harness();
    expectApiError(() => h.call("ListRecords"), "MissingSiteId", 400);
    expectApiError(() => h.call("ListRecords", { SiteId: "abc" }), "InvalidParameter", 400);
    expectApiError(() => h.call("ListRecords", { SiteId: "123" }), "SiteNotFound", 404);
    expectApiError(
      () => h.call("ListRecords", { SiteId: SAAS_SITE, RecordMatchType: "glob" }),
      "InvalidParameter",
      400,
    );
  });
});
