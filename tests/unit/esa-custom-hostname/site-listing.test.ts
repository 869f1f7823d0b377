/**
 * The shared site listing of SSL-off refresh reads (esa/custom-hostname/site-listing.ts): it fetches a further page
 * only while the reads sharing it are at least as many as the pages left, answers only SSL-off hostnames, and can be
 * turned off.
 */
import { strict as assert } from "node:assert";
import { listedWithoutTls, siteReads } from "../../../provider/resources/esa/custom-hostname/site-listing";
import { fakeApi, type ScriptedReply } from "../../helpers/fake-api";
import { type WireJson } from "../../../provider/transport/wire-json";

const SITE = "7096621098379520";
const TOTAL = 1200; // three pages of 500

const item = (n: number, sslFlag = "off"): WireJson => ({
  HostnameId: 5_000_000 + n,
  Hostname: `t${n}.customer.com`,
  SiteId: Number(SITE),
  RecordId: 4042843419650112,
  Status: "pending",
  SslFlag: sslFlag,
});
const page =
  (number: number): ScriptedReply =>
  () => ({
    TotalCount: TOTAL,
    PageNumber: number,
    PageSize: 500,
    Hostnames: Array.from({ length: Math.min(500, TOTAL - (number - 1) * 500) }, (_, i) =>
      item((number - 1) * 500 + i + 1, i === 7 ? "on" : "off"),
    ),
  });
const id = (n: number): string => String(5_000_000 + n);
const stored = { siteId: SITE, sslFlag: "off" };

describe("unit: esa.CustomHostname shared site listing", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env["ALICLOUD_CERTS_ESA_GATHER_MS"] = "5";
    siteReads.keys.clear();
  });
  afterEach(() => {
    process.env = { ...saved };
  });

  it("one read of a three-page site lists page 1 only; a hostname beyond it is left to its Get", async () => {
    const fake = fakeApi({ ListCustomHostnames: [page(1)] });
    assert.equal((await listedWithoutTls(fake.api, id(3), stored))?.hostname, "t3.customer.com");
    siteReads.keys.clear();
    const far = fakeApi({ ListCustomHostnames: [page(1)] });
    assert.equal(await listedWithoutTls(far.api, id(1100), stored), undefined);
    assert.deepEqual(far.actions, ["ListCustomHostnames"], "2 pages left for 1 read: its Get is cheaper");
  });

  it("three reads sharing the listing justify every page, and all three are answered from it", async () => {
    const fake = fakeApi({ ListCustomHostnames: [page(1), page(2), page(3)] });
    const found = await Promise.all([1, 600, 1200].map((n) => listedWithoutTls(fake.api, id(n), stored)));
    assert.deepEqual(
      found.map((m) => m?.hostname),
      ["t1.customer.com", "t600.customer.com", "t1200.customer.com"],
    );
    assert.deepEqual(fake.actions, ["ListCustomHostnames", "ListCustomHostnames", "ListCustomHostnames"]);
  });

  it("answers nothing for SSL on (stored or listed), a failed listing, or with listing reads turned off", async () => {
    const none = fakeApi({});
    assert.equal(await listedWithoutTls(none.api, id(1), { siteId: SITE, sslFlag: "on" }), undefined);
    process.env["ALICLOUD_CERTS_ESA_LIST_READS"] = "off";
    assert.equal(await listedWithoutTls(none.api, id(1), stored), undefined);
    assert.deepEqual(none.actions, [], "no call: the caller's Get does the read");
    delete process.env["ALICLOUD_CERTS_ESA_LIST_READS"];

    const listed = fakeApi({ ListCustomHostnames: [page(1)] });
    assert.equal(await listedWithoutTls(listed.api, id(8), stored), undefined, "item 8 is listed with SSL on");
    siteReads.keys.clear();
    const failing = fakeApi({
      ListCustomHostnames: [
        () => {
          throw new Error("throttled past the deadline");
        },
      ],
    });
    assert.equal(await listedWithoutTls(failing.api, id(1), stored), undefined);
  });
});
