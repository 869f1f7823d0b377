/**
 * The emulator's public DNS: TXT lookups follow CNAME chains (bounded, loops fail), and delegated validation works
 * end to end: the customer's `_dnsauth.<domain>` CNAME into the platform's zone, the platform's TXT there, the CA
 * (and ESA's ownership check) sees it.
 */
import assert from "node:assert/strict";
import { DEFAULT_TIMINGS, startEmulator, type RunningEmulator } from "../../emulator";
import { MAX_CNAME_HOPS, dnsShows, resolve } from "../../emulator/core/dns";
import type { PublishedRecord } from "../../emulator/core/contract";
import { createParams, makeCsr } from "./helpers/cas-fixtures";
import { callAction, callActionText, realClient } from "./helpers/openapi";

const dns = (name: string, type: string, value: string): PublishedRecord => ({ kind: "dns", name, type, value });

const DAY = 86_400_000;

describe("core: DNS model (pure)", () => {
  it("follows a CNAME chain for TXT and reports every name on it", () => {
    const records = [
      dns("_dnsauth.Shop.Customer.com.", "CNAME", "shop.customer.com.dcv.saas.test."),
      dns("shop.customer.com.dcv.saas.test", "TXT", "token-1"),
    ];
    assert.deepEqual(resolve(records, "_dnsauth.shop.customer.com", "TXT"), {
      status: "NOERROR",
      chain: ["_dnsauth.shop.customer.com", "shop.customer.com.dcv.saas.test"],
      values: ["token-1"],
    });
    assert.ok(dnsShows(records, "_DNSAUTH.shop.customer.com.", "TXT", "token-1"));
    assert.ok(!dnsShows(records, "_dnsauth.shop.customer.com", "TXT", "token-2"));
  });

  it("answers a CNAME query with the CNAME itself, and a CNAME check sees the whole chain", () => {
    const records = [dns("a.test", "CNAME", "b.test"), dns("b.test", "CNAME", "c.test")];
    assert.deepEqual(resolve(records, "a.test", "CNAME"), { status: "NOERROR", chain: ["a.test"], values: ["b.test"] });
    assert.ok(dnsShows(records, "a.test", "CNAME", "b.test"));
    assert.ok(dnsShows(records, "a.test", "CNAME", "c.test"), "c.test is reached through b.test");
    assert.ok(!dnsShows(records, "b.test", "CNAME", "a.test"));
  });

  it(`follows at most ${MAX_CNAME_HOPS} CNAMEs; one more is SERVFAIL and shows nothing`, () => {
    const chainOf = (hops: number): PublishedRecord[] => [
      ...Array.from({ length: hops }, (_, i) => dns(`n${i}.test`, "CNAME", `n${i + 1}.test`)),
      dns(`n${hops}.test`, "TXT", "end"),
    ];
    const ok = resolve(chainOf(MAX_CNAME_HOPS), "n0.test", "TXT");
    assert.equal(ok.status, "NOERROR");
    assert.equal(ok.chain.length, MAX_CNAME_HOPS + 1);
    const long = resolve(chainOf(MAX_CNAME_HOPS + 1), "n0.test", "TXT");
    assert.equal(long.status, "SERVFAIL");
    assert.equal(long.status === "SERVFAIL" ? long.reason : "", "cname-chain-too-long");
    assert.ok(!dnsShows(chainOf(MAX_CNAME_HOPS + 1), "n0.test", "TXT", "end"));
  });

  it("a loop is SERVFAIL, never an answer", () => {
    const records = [dns("a.test", "CNAME", "b.test"), dns("b.test", "CNAME", "A.test.")];
    assert.deepEqual(resolve(records, "a.test", "TXT"), {
      status: "SERVFAIL",
      chain: ["a.test", "b.test", "a.test"],
      reason: "cname-loop",
    });
    assert.ok(!dnsShows(records, "a.test", "CNAME", "b.test"), "a CNAME check through a loop fails too");
  });
});

describe("core: DNS through the running emulator", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  const client = () => realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });

  beforeEach(async () => {
    emu = await startEmulator({ quiet: true, speed: 0 });
  });
  afterEach(async () => {
    await emu.close();
  });

  async function order(domain: string): Promise<{ orderId: string; token: string }> {
    const { pem } = await makeCsr({ cn: domain });
    const text = await callActionText(client(), "cas", "CreateCertificateWithCsrRequest", createParams(pem));
    const orderId = /"OrderId":\s*(\d+)/.exec(text)?.[1] ?? assert.fail(text);
    return { orderId, token: String((await state(orderId))["RecordValue"]) };
  }
  async function state(orderId: string): Promise<Record<string, unknown>> {
    return (await callAction(client(), "cas", "DescribeCertificateState", { OrderId: orderId })).body;
  }

  it("CAS delegated validation: the customer's CNAME once, the platform's TXT per order, the CA sees it", async () => {
    const platformName = "shop.customer.com.dcv.example-saas.com";
    await emu.control.publishRecord(dns("_dnsauth.shop.customer.com", "CNAME", platformName));
    const { orderId, token } = await order("shop.customer.com");
    assert.equal((await state(orderId))["Type"], "domain_verify", "the CNAME alone proves nothing");
    await emu.control.publishRecord(dns(platformName, "TXT", token));
    assert.deepEqual(await emu.control.resolveDns("_dnsauth.shop.customer.com"), {
      status: "NOERROR",
      chain: ["_dnsauth.shop.customer.com", platformName],
      values: [token],
    });
    assert.equal((await state(orderId))["Type"], "process");
    await emu.control.advanceTime(2000);
    assert.equal((await state(orderId))["Type"], "certificate");

    // A renewal within the DCV reuse period needs nothing published: it reports its record like any order, and the
    // CA's check passes on the reused validation (BR §4.2.1) casIssueMs after placement.
    const reused = await order("shop.customer.com");
    assert.equal((await state(reused.orderId))["Type"], "domain_verify");
    await emu.control.advanceTime(DEFAULT_TIMINGS.casIssueMs);
    assert.equal((await state(reused.orderId))["Type"], "process");
    // Past it (399 days on: longer than any reuse period of the default schedule), the next order needs only a new
    // platform TXT: the customer's CNAME stays as it is.
    await emu.control.advanceTime(399 * DAY);
    const renewal = await order("shop.customer.com");
    assert.equal((await state(renewal.orderId))["Type"], "domain_verify");
    await emu.control.publishRecord(dns(platformName, "TXT", renewal.token));
    assert.equal((await state(renewal.orderId))["Type"], "process");
  });

  it("CAS validation does not pass through a CNAME loop; the DNS control answers SERVFAIL", async () => {
    const { orderId, token } = await order("loop.customer.com");
    await emu.control.publishRecord(dns("_dnsauth.loop.customer.com", "CNAME", "x.dcv.example-saas.com"));
    await emu.control.publishRecord(dns("x.dcv.example-saas.com", "CNAME", "_dnsauth.loop.customer.com"));
    await emu.control.advanceTime(60_000);
    assert.equal((await state(orderId))["Type"], "domain_verify");
    const answer = await emu.control.resolveDns("_dnsauth.loop.customer.com", "TXT");
    assert.equal(answer.status, "SERVFAIL");
    assert.equal(answer.status === "SERVFAIL" ? answer.reason : "", "cname-loop");
    // Breaking the loop and publishing the TXT at the end lets validation pass.
    assert.equal(await emu.control.unpublishRecord({ kind: "dns", name: "x.dcv.example-saas.com", type: "CNAME" }), 1);
    await emu.control.publishRecord(dns("x.dcv.example-saas.com", "TXT", token));
    assert.equal((await state(orderId))["Type"], "process");
  });

  /** A new SSL-off hostname on the seeded SaaS site, and a way to read it. */
  async function esaHostname(hostname: string): Promise<{ id: string; get(): Promise<Record<string, unknown>> }> {
    const created = await callAction(client(), "esa", "CreateCustomHostname", {
      SiteId: "7096621098379520",
      RecordId: "4042843419650112",
      Hostname: hostname,
      SslFlag: "off",
    });
    const id = String(created.body["HostnameId"]);
    const get = async (): Promise<Record<string, unknown>> =>
      (await callAction(client(), "esa", "GetCustomHostname", { HostnameId: id })).body[
        "CustomHostnameModel"
      ] as Record<string, unknown>;
    return { id, get };
  }

  it("ESA ownership verification reads its TXT through a CNAME too", async () => {
    const { id: hostnameId, get } = await esaHostname("app.customer.com");
    const model = await get();
    const verifyHost = String(model["VerifyHost"]);
    await emu.control.publishRecord(dns(verifyHost, "CNAME", "app.customer.com.own.example-saas.com"));
    await emu.control.publishRecord(dns("app.customer.com.own.example-saas.com", "TXT", String(model["VerifyCode"])));
    const verified = await callAction(client(), "esa", "VerifyCustomHostname", { HostnameId: hostnameId });
    assert.equal(verified.body["Passed"], true);
  });

  it("ESA sees an ownership TXT published after it last looked, and one removed before the delay ran out", async () => {
    const { get } = await esaHostname("late.customer.com");
    const model = await get();
    // Several looks without the record: each tick answers "not proven" (and may keep that answer).
    for (let i = 0; i < 3; i++) assert.equal((await get())["Status"], "pending");
    const txt = dns(String(model["VerifyHost"]), "TXT", String(model["VerifyCode"]));
    await emu.control.publishRecord(txt);
    await get(); // the proof is first seen now
    await emu.control.unpublishRecord({ kind: "dns", name: txt.name, type: "TXT" });
    await emu.control.advanceTime(60_000);
    assert.equal((await get())["Status"], "pending", "the proof was gone before the 60 s delay ended");
    await emu.control.publishRecord(txt);
    await get();
    await emu.control.advanceTime(60_000);
    assert.equal((await get())["Status"], "active");
  });

  it("refuses a second CNAME at a name, and a CNAME next to other data (RFC 1034 §3.6.2)", async () => {
    await emu.control.publishRecord(dns("c.customer.com", "CNAME", "one.test"));
    await emu.control.publishRecord(dns("c.customer.com", "CNAME", "one.test")); // the same record again is fine
    await assert.rejects(emu.control.publishRecord(dns("C.customer.com.", "CNAME", "two.test")), {
      status: 400,
      code: "InvalidControlInput",
    });
    await assert.rejects(emu.control.publishRecord(dns("c.customer.com", "TXT", "v")), /is a CNAME/);
    await emu.control.publishRecord(dns("t.customer.com", "TXT", "v"));
    await assert.rejects(emu.control.publishRecord(dns("t.customer.com", "CNAME", "one.test")), /only record/);
    assert.equal((await emu.control.records()).length, 2);
    await assert.rejects(emu.control.resolveDns(""), { status: 400 });
  });
});
