/**
 * The per-consumer serving timeline and its analysis, through a running emulator (frozen clock): GA bindings and
 * ESA hostnames, renewal in place, revocation, expiry by a clock jump, removal without a certificate, replace gaps.
 */
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator, type ServingViolation } from "../../emulator";
import { analyseServing, caIndex, type ServingTimelines } from "../../emulator/core/serving";
import type { ServiceContext } from "../../emulator/core/contract";
import type { CaCertificateRecord } from "../../emulator/core/serving-types";
import { esaServing } from "../../emulator/services/esa/serving";
import { emptyEsaState, newCustomHostname, type EsaCustomHostname } from "../../emulator/services/esa/state";
import { createParams, makeCsr } from "./helpers/cas-fixtures";
import { makeCert } from "./helpers/esa-harness";
import { callAction, callActionText, realClient } from "./helpers/openapi";

const DAY = 86_400_000;
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const SAAS_SITE = "7096621098379520";
const ORIGIN_RECORD = "4042843419650112";

describe("core: serving timeline", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  const client = () => realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
  const api = async (product: "cas" | "esa" | "ga", action: string, query: Record<string, string>) =>
    (await callAction(client(), product, action, query)).body;

  beforeEach(async () => {
    emu = await startEmulator({ quiet: true, speed: 0 });
  });
  afterEach(async () => {
    await emu.close();
  });

  /** A DV certificate issued by the emulator CA through a CAS order; returns the order and the CertId. */
  async function issue(domain: string): Promise<{ orderId: string; certId: string }> {
    const { pem } = await makeCsr({ cn: domain });
    const text = await callActionText(client(), "cas", "CreateCertificateWithCsrRequest", createParams(pem));
    const orderId = /"OrderId":\s*(\d+)/.exec(text)?.[1] ?? assert.fail(text);
    const pending = await api("cas", "DescribeCertificateState", { OrderId: orderId });
    await emu.control.publishRecord({
      kind: "dns",
      name: `_dnsauth.${domain}`,
      type: "TXT",
      value: String(pending["RecordValue"]),
    });
    await api("cas", "DescribeCertificateState", { OrderId: orderId }); // the CA sees the record: review starts
    await emu.control.advanceTime(2000);
    const issued = await api("cas", "DescribeCertificateState", { OrderId: orderId });
    assert.equal(issued["Type"], "certificate");
    return { orderId, certId: String(issued["CertId"]) };
  }

  const gaWrite = (action: string, extra: Record<string, string>) =>
    api("ga", action, { RegionId: "cn-hangzhou", AcceleratorId: ACC, ListenerId: HTTPS, ...extra });

  const kinds = (violations: readonly ServingViolation[]) => violations.map((v) => `${v.key} ${v.kind}`);

  it("GA: a renewal updated in place, then the old certificate revoked, leaves no violation", async () => {
    const first = await issue("a.example.com");
    await gaWrite("AssociateAdditionalCertificatesWithListener", {
      "Certificates.1.Domain": "a.example.com",
      "Certificates.1.Id": `${first.certId}-cn-hangzhou`,
    });
    const associatedAt = (await emu.control.now()) + 2000;
    await emu.control.advanceTime(5000); // the write settles at +2 s; the first look after it is at +5 s
    const second = await issue("a.example.com");
    await gaWrite("UpdateAdditionalCertificateWithListener", {
      Domain: "a.example.com",
      CertificateId: `${second.certId}-cn-hangzhou`,
    });
    const updatedAt = (await emu.control.now()) + 2000;
    await emu.control.advanceTime(2000);
    await api("cas", "CancelCertificateForPackageRequest", { OrderId: first.orderId }); // revoke the old one

    const report = await emu.control.serving();
    const timeline = report.consumers.find((c) => c.key === `ga:${HTTPS}:a.example.com`);
    assert.ok(timeline, JSON.stringify(report.consumers.map((c) => c.key)));
    assert.deepEqual(
      timeline.periods.map((p) => [p.state, p.certificate?.casCertId ?? null, p.from]),
      [
        ["none", null, associatedAt - 2000],
        ["serving", first.certId, associatedAt],
        ["serving", second.certId, updatedAt],
      ],
      "changes are dated when the write settled, not when they were first seen",
    );
    const served = timeline.periods[2]?.certificate;
    assert.match(served?.sha256 ?? "", /^[0-9A-F]{64}$/);
    assert.ok((served?.notAfter ?? 0) - (served?.notBefore ?? 0) >= 89 * DAY);
    assert.deepEqual(await emu.control.servingAnalysis(), {
      now: report.now,
      consumers: 1,
      ok: true,
      violations: [],
    });
  });

  it("GA: revoking the certificate still served is a `revoked` violation from the revocation on", async () => {
    const cert = await issue("b.example.com");
    await gaWrite("AssociateAdditionalCertificatesWithListener", {
      "Certificates.1.Domain": "b.example.com",
      "Certificates.1.Id": `${cert.certId}-cn-hangzhou`,
    });
    await emu.control.advanceTime(2000);
    const revokedAt = await emu.control.now();
    await api("cas", "CancelCertificateForPackageRequest", { OrderId: cert.orderId });
    await emu.control.advanceTime(60_000);
    const analysis = await emu.control.servingAnalysis();
    assert.equal(analysis.ok, false);
    assert.deepEqual(kinds(analysis.violations), [`ga:${HTTPS}:b.example.com revoked`]);
    assert.equal(analysis.violations[0]?.from, revokedAt);
    assert.equal(analysis.violations[0]?.to, revokedAt + 60_000);
    assert.match(analysis.violations[0]?.detail ?? "", /after it was revoked/);
  });

  it("a clock jump past a CAS certificate's notAfter: CAS reports it expired, GA's binding shows `expired`", async () => {
    const cert = await issue("c.example.com");
    await gaWrite("AssociateAdditionalCertificatesWithListener", {
      "Certificates.1.Domain": "c.example.com",
      "Certificates.1.Id": `${cert.certId}-cn-hangzhou`,
    });
    await emu.control.advanceTime(2000);
    assert.equal((await emu.control.servingAnalysis()).ok, true);
    const detail = () => api("cas", "GetUserCertificateDetail", { CertId: cert.certId });
    assert.equal((await detail())["Expired"], false);
    await emu.control.advanceTime(91 * DAY); // emulator DV certificates last 90 days
    assert.equal((await detail())["Expired"], true);
    const analysis = await emu.control.servingAnalysis();
    assert.deepEqual(kinds(analysis.violations), [`ga:${HTTPS}:c.example.com expired`]);
    const violation = analysis.violations[0];
    assert.equal(violation?.from, violation?.certificate?.notAfter);
    assert.equal(violation?.to, analysis.now);
  });

  it("ESA: a clock jump past notAfter shows as `expired`; SSL off after serving is `unserved`", async () => {
    const now = await emu.control.now();
    const cert = await makeCert({
      cn: "shop.customer.com",
      dnsNames: ["shop.customer.com"],
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 10 * DAY),
    });
    const created = await api("esa", "CreateCustomHostname", {
      SiteId: SAAS_SITE,
      RecordId: ORIGIN_RECORD,
      Hostname: "shop.customer.com",
      SslFlag: "on",
      CertType: "upload",
      Certificate: cert.certificate,
      PrivateKey: cert.privateKey,
    });
    const hostnameId = String(created["HostnameId"]);
    assert.equal((await emu.control.servingAnalysis()).ok, true);

    await emu.control.advanceTime(12 * DAY);
    const expired = await emu.control.servingAnalysis();
    assert.deepEqual(kinds(expired.violations), ["esa:shop.customer.com expired"]);
    assert.equal(expired.violations[0]?.to, now + 12 * DAY);
    const notAfter = expired.violations[0]?.certificate?.notAfter ?? 0;
    assert.ok(Math.abs(expired.violations[0]!.from - notAfter) < 1000 && Math.abs(notAfter - (now + 10 * DAY)) < 1000);

    await api("esa", "UpdateCustomHostname", { HostnameId: hostnameId, SslFlag: "off" });
    await emu.control.advanceTime(1000);
    const off = await emu.control.servingAnalysis();
    assert.deepEqual(kinds(off.violations), ["esa:shop.customer.com expired", "esa:shop.customer.com unserved"]);
    const unserved = off.violations[1];
    assert.equal((unserved?.to ?? 0) - (unserved?.from ?? 0), 1000);
  });

  it("ESA free certificate: serves from its issue time; a renewal keeps the old one until the new is issued", async () => {
    const created = await api("esa", "CreateCustomHostname", {
      SiteId: SAAS_SITE,
      RecordId: ORIGIN_RECORD,
      Hostname: "free.customer.com",
      SslFlag: "on",
      CertType: "free",
    });
    const hostnameId = String(created["HostnameId"]);
    const model = async () =>
      (await api("esa", "GetCustomHostname", { HostnameId: hostnameId }))["CustomHostnameModel"] as Record<
        string,
        unknown
      >;
    const first = await model();
    await emu.control.publishRecord({
      kind: "dns",
      name: String(first["VerifyHost"]),
      type: "TXT",
      value: String(first["VerifyCode"]),
    });
    await api("esa", "VerifyCustomHostname", { HostnameId: hostnameId });
    const activatedAt = await emu.control.now();
    await emu.control.advanceTime(10_000); // issued 2 s after activation, first seen 10 s after
    const periods = async () =>
      (await emu.control.serving()).consumers.find((c) => c.key === "esa:free.customer.com")?.periods ?? [];
    assert.deepEqual(
      (await periods()).map((p) => [p.state, p.from]),
      [
        ["none", activatedAt],
        ["serving", activatedAt + 2000],
      ],
    );
    await emu.control.advanceTime(70 * 86_400_000); // inside ESA's 30-day Expiring window
    await api("esa", "ApplyCustomHostnameCertificate", { HostnameId: hostnameId });
    await model(); // the first tick that sees DCV satisfied starts the 2 s issuance
    assert.equal((await periods()).length, 2, "still the old certificate while the renewal is Applying");
    await emu.control.advanceTime(5000);
    const after = await periods();
    assert.equal(after.length, 3, "the renewal replaced the certificate without a `none` period in between");
    assert.notEqual(after[1]?.certificate?.esaCertId, after[2]?.certificate?.esaCertId);
    assert.equal((await emu.control.servingAnalysis()).ok, true);
  });

  it("ESA: delete then re-create (a replace) is a `gap`; a final delete is not a violation", async () => {
    const now = await emu.control.now();
    const cert = await makeCert({
      cn: "gap.customer.com",
      dnsNames: ["gap.customer.com"],
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + 60 * DAY),
    });
    const create = async () =>
      String(
        (
          await api("esa", "CreateCustomHostname", {
            SiteId: SAAS_SITE,
            RecordId: ORIGIN_RECORD,
            Hostname: "gap.customer.com",
            SslFlag: "on",
            CertType: "upload",
            Certificate: cert.certificate,
            PrivateKey: cert.privateKey,
          })
        )["HostnameId"],
      );
    const first = await create();
    await emu.control.advanceTime(1000);
    await api("esa", "DeleteCustomHostname", { HostnameId: first });
    assert.equal((await emu.control.servingAnalysis()).ok, true, "a consumer that is gone for good is fine");
    await emu.control.advanceTime(3000);
    const second = await create();
    const analysis = await emu.control.servingAnalysis();
    assert.deepEqual(kinds(analysis.violations), ["esa:gap.customer.com gap"]);
    assert.equal(analysis.violations[0]!.to - analysis.violations[0]!.from, 3000);
    const periods = (await emu.control.serving()).consumers[0]?.periods ?? [];
    assert.deepEqual(
      periods.map((p) => [p.state, p.objectId]),
      [
        ["serving", first],
        ["absent", null],
        ["serving", second],
      ],
    );

    await emu.control.clearServing();
    const fresh = await emu.control.serving();
    assert.deepEqual(
      fresh.consumers.map((c) => c.periods.map((p) => [p.state, p.from, p.to])),
      [[["serving", fresh.now, null]]],
      "clearing starts every consumer over from now",
    );
    assert.equal((await emu.control.servingAnalysis()).ok, true);
  });
});

describe("core: serving analysis (pure)", () => {
  const record = (over: Partial<CaCertificateRecord> = {}): CaCertificateRecord => ({
    certId: "7",
    sha256: "AB".repeat(32),
    serialNo: "01",
    commonName: "x.test",
    notBefore: 1000,
    notAfter: 9000,
    revokedAt: null,
    ...over,
  });
  const timelines = (certificate: { notBefore: number | null; notAfter: number | null }): ServingTimelines => ({
    "ga:l:x.test": {
      key: "ga:l:x.test",
      consumer: { kind: "ga-binding", listenerId: "l", domain: "x.test" },
      periods: [
        {
          from: 500,
          to: null,
          state: "serving",
          objectId: "l",
          certificate: {
            source: "cas",
            sha256: "AB".repeat(32),
            serialNo: "01",
            casCertId: "7",
            esaCertId: null,
            commonName: "x.test",
            ...certificate,
          },
        },
      ],
    },
  });

  it("flags serving before notBefore, after notAfter and after revocation, each clipped to its stretch", () => {
    const result = analyseServing(
      timelines({ notBefore: 1000, notAfter: 9000 }),
      caIndex([record({ revokedAt: 4000 })]),
      10_000,
    );
    assert.deepEqual(
      result.violations.map((v) => [v.kind, v.from, v.to]),
      [
        ["not-yet-valid", 500, 1000],
        ["revoked", 4000, 10_000],
        ["expired", 9000, 10_000],
      ],
    );
  });

  it("flags a certificate with no known validity as `not-issued`", () => {
    const result = analyseServing(timelines({ notBefore: null, notAfter: null }), caIndex([]), 2000);
    assert.deepEqual(
      result.violations.map((v) => [v.kind, v.from, v.to]),
      [["not-issued", 500, 2000]],
    );
  });
});

describe("ESA serving observations (pure)", () => {
  const hostname = (over: Partial<EsaCustomHostname> = {}): EsaCustomHostname => ({
    ...newCustomHostname(
      {
        hostnameId: "7200000000000001",
        siteId: SAAS_SITE,
        hostname: "Shop.Customer.com",
        recordId: ORIGIN_RECORD,
        verifyHost: "_esa_custom_hostname.shop.customer.com",
        verifyCode: "verify_0",
      },
      0,
    ),
    ...over,
  });
  const ctx = {} as ServiceContext;
  const observe = (h: EsaCustomHostname) =>
    esaServing({ ...emptyEsaState(), hostnames: { [h.hostnameId]: h } }, ctx)[0];

  it("hands back the same observation while a hostname is unchanged, so a write costs no rebuild", () => {
    const h = hostname();
    const first = observe(h);
    assert.deepEqual(first, {
      consumer: { kind: "esa-hostname", hostname: "shop.customer.com" },
      objectId: "7200000000000001",
      served: null,
    });
    h.status = "active";
    h.updateTime += 1;
    assert.equal(observe(h), first, "fields that do not change what is served keep the observation");
  });

  const upload = { sslFlag: "on", certType: "upload", certificate: "PEM-1" } as const;
  const cas = { sslFlag: "on", certType: "cas", casId: "901" } as const;
  const free = { sslFlag: "on", certType: "free", certId: "f-1", certNotAfter: 10 * DAY } as const;
  const changes: [string, Partial<EsaCustomHostname>, Partial<EsaCustomHostname>, unknown][] = [
    ["sslFlag", upload, { sslFlag: "off" }, null],
    ["certType", { ...upload, casId: "901" }, { certType: "cas" }, { casCertId: "901" }],
    ["certificate", upload, { certificate: "PEM-2" }, { pem: "PEM-2" }],
    ["casId", cas, { casId: "902" }, { casCertId: "902" }],
    [
      "certId",
      free,
      { certId: "f-2" },
      { esaFree: { certId: "f-2", notBefore: 10 * DAY - 90 * DAY, notAfter: 10 * DAY } },
    ],
    [
      "certNotAfter",
      free,
      { certNotAfter: 11 * DAY },
      { esaFree: { certId: "f-1", notBefore: 11 * DAY - 90 * DAY, notAfter: 11 * DAY } },
    ],
  ];
  for (const [field, base, change, served] of changes)
    it(`observes afresh when ${field} changes`, () => {
      const h = hostname(base);
      const before = observe(h);
      Object.assign(h, change);
      const after = observe(h);
      assert.notEqual(after, before);
      assert.deepEqual(after?.served, served);
    });

  it("observes afresh when the hostname or its id changes", () => {
    const h = hostname();
    const first = observe(h);
    h.hostnameId = "7200000000000002";
    const second = observe(h);
    assert.notEqual(second, first);
    assert.equal(second?.objectId, "7200000000000002");
    h.hostname = "Other.Customer.com";
    const third = observe(h);
    assert.notEqual(third, second);
    assert.deepEqual(third?.consumer, { kind: "esa-hostname", hostname: "other.customer.com" });
  });
});
