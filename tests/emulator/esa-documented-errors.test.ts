/**
 * Every code in the ESA error tables of the official API pages (/work/shared/reference/seeds/000–002: Apply-,
 * Update- and CreateCustomHostname) is answered, with its documented HTTP status and message, in the matching
 * situation. The situations that depend on the service's own condition are set with the `setCondition` control.
 */
import assert from "node:assert/strict";
import {
  BASIC_SITE,
  ORIGIN_RECORD,
  SAAS_SITE,
  WWW_RECORD,
  createHostname,
  expectApiError,
  getModel,
  harness,
  makeCert,
  type Harness,
  type TestCert,
} from "./helpers/esa-harness";

const CREATE_TABLE_MESSAGES: Readonly<Record<string, string>> = {
  "CustomHostname.ConflictWithExistingResource":
    "The custom hostname conflicts with existing resources, such as sites, records, load balancers, source address pools, custom hostnames and Layer 4 proxy records.",
  "Site.ServiceBusy": "This website is being configured. Try again later.",
  "Instance.NotOnline": "Your plan is unavailable due to an overdue payment. Complete the payment first.",
  "QuotaExceed.CustomHostname":
    "The number of custom hostnames exceeds the plan quota. Contact the sales team to increase your quota.",
  "CustomHostname.WildcardDomainRequireEnterprisePlan": "Wildcard custom hostnames require an Enterprise plan.",
  "CustomHostname.CheckQuotaFailed": "Fail to check quota for custom hostname. Please try again later.",
  "CustomHostname.ApplyCertFailed": "Fail to apply a free cert for custom hostname. Please try again later.",
  "CustomHostname.SetCertFailed": "Fail to deploy a cert for custom hostname. Please try again later.",
  "CustomHostname.QueryCasCertFailed": "Fail to query CAS certificate details. Please try again later.",
  InternalException: "Failed to call the service. Try again later or contact technical support.",
  NoPermission:
    "You do not have permissions to access or operate on the resource.Contact your account administrator to attach the AliyunESAFullAccess policy to the current user.",
  "Record.ServiceBusy": "The record is being configured. Try again later.",
};

function expectDocumented(fn: () => unknown, code: string, status = 400): void {
  const error = expectApiError(fn, code, status);
  const documented = CREATE_TABLE_MESSAGES[code];
  if (documented !== undefined) assert.equal(error.message, documented, `${code} message`);
}

function condition(h: Harness, body: Record<string, unknown>): void {
  h.control("setCondition", body);
}

describe("ESA: every documented error code in its situation", () => {
  let upload: TestCert;
  before(async () => {
    upload = await makeCert({ cn: "up.customer.org", dnsNames: ["up.customer.org"] });
  });

  it("CustomHostname.ConflictWithExistingResource for a custom hostname, a site's zone and a record", () => {
    const h = harness();
    createHostname(h, "dup.customer.org");
    for (const name of ["DUP.customer.org", "example-saas.com", "www.example-saas.com"]) {
      expectDocumented(() => createHostname(h, name), "CustomHostname.ConflictWithExistingResource");
    }
  });

  it("CustomHostname.WildcardDomainRequireEnterprisePlan and QuotaExceed.CustomHostname on a Basic site", () => {
    const h = harness();
    const onBasic = (name: string): unknown =>
      h.call("CreateCustomHostname", {
        SiteId: BASIC_SITE,
        RecordId: "4042843419650240",
        Hostname: name,
        SslFlag: "off",
      });
    expectDocumented(() => onBasic("*.customer.org"), "CustomHostname.WildcardDomainRequireEnterprisePlan");
    onBasic("one.customer.org");
    onBasic("two.customer.org");
    expectDocumented(() => onBasic("three.customer.org"), "QuotaExceed.CustomHostname");
  });

  it("Site.ServiceBusy while the site is being configured, until the condition ends by itself", () => {
    const h = harness();
    condition(h, { condition: "siteBusy", siteId: SAAS_SITE, forMs: 5000 });
    expectDocumented(() => createHostname(h, "busy.customer.org"), "Site.ServiceBusy");
    h.advance(5000);
    createHostname(h, "busy.customer.org");
  });

  it("Instance.NotOnline on Create, Update and Apply when the plan is unpaid", () => {
    const h = harness();
    const id = createHostname(h, "paid.customer.org", { SslFlag: "on", CertType: "free" });
    condition(h, { condition: "instanceNotOnline", siteId: SAAS_SITE });
    expectDocumented(() => createHostname(h, "unpaid.customer.org"), "Instance.NotOnline");
    expectDocumented(() => h.call("UpdateCustomHostname", { HostnameId: id, SslFlag: "off" }), "Instance.NotOnline");
    expectDocumented(() => h.call("ApplyCustomHostnameCertificate", { HostnameId: id }), "Instance.NotOnline");
    condition(h, { condition: "instanceNotOnline", siteId: SAAS_SITE, active: false });
    createHostname(h, "unpaid.customer.org");
  });

  it("CustomHostname.OfflineForMultiReason when the site is offline for several reasons", () => {
    const h = harness();
    condition(h, { condition: "siteOffline", siteId: SAAS_SITE, reasons: ["expiration_arrears", "missing_icp"] });
    expectApiError(() => createHostname(h, "off.customer.org"), "CustomHostname.OfflineForMultiReason", 400);
    condition(h, { condition: "siteOffline", siteId: SAAS_SITE, reasons: ["missing_icp"] });
    const id = createHostname(h, "off.customer.org");
    assert.equal(getModel(h, id)["Status"], "offline");
    assert.equal(getModel(h, id)["OfflineReason"], "missing_icp");
  });

  it("CustomHostname.CheckQuotaFailed while the quota back end fails", () => {
    const h = harness();
    condition(h, { condition: "backendFailing", step: "checkQuota" });
    expectDocumented(() => createHostname(h, "q.customer.org"), "CustomHostname.CheckQuotaFailed");
    h.control("clearConditions", {});
    createHostname(h, "q.customer.org");
  });

  it("ApplyCertFailed / SetCertFailed: HTTP 400 on Create, 404 on Update, as each table documents", () => {
    const h = harness();
    condition(h, { condition: "backendFailing", step: "applyCert" });
    expectDocumented(
      () => createHostname(h, "free.customer.org", { SslFlag: "on", CertType: "free" }),
      "CustomHostname.ApplyCertFailed",
    );
    const id = createHostname(h, "free.customer.org");
    expectDocumented(
      () => h.call("UpdateCustomHostname", { HostnameId: id, SslFlag: "on", CertType: "free" }),
      "CustomHostname.ApplyCertFailed",
      404,
    );
    h.control("clearConditions", {});
    condition(h, { condition: "backendFailing", step: "setCert" });
    const uploadParams = { SslFlag: "on", CertType: "upload", ...certParams(upload) };
    expectDocumented(() => createHostname(h, "up.customer.org", uploadParams), "CustomHostname.SetCertFailed");
    const up = createHostname(h, "up.customer.org");
    expectDocumented(
      () => h.call("UpdateCustomHostname", { HostnameId: up, ...uploadParams }),
      "CustomHostname.SetCertFailed",
      404,
    );
    assert.equal(getModel(h, up)["SslFlag"], "off", "the failed update changed nothing");
  });

  it("CustomHostname.QueryCasCertFailed while CAS cannot be queried", () => {
    const h = harness();
    h.casIds.add("12345");
    condition(h, { condition: "backendFailing", step: "queryCas" });
    const cas = { SslFlag: "on", CertType: "cas", CasId: "12345", CasRegion: "cn-hangzhou" };
    expectDocumented(() => createHostname(h, "cas.customer.org", cas), "CustomHostname.QueryCasCertFailed");
    h.control("clearConditions", {});
    createHostname(h, "cas.customer.org", cas);
  });

  it("Record.ServiceBusy on Update while the record is being configured", () => {
    const h = harness();
    const id = createHostname(h, "rec.customer.org");
    condition(h, { condition: "recordBusy", recordId: WWW_RECORD });
    expectDocumented(
      () => h.call("UpdateCustomHostname", { HostnameId: id, RecordId: WWW_RECORD }),
      "Record.ServiceBusy",
    );
    h.call("UpdateCustomHostname", { HostnameId: id, RecordId: ORIGIN_RECORD });
  });

  it("InternalException and NoPermission on every ESA action", () => {
    const h = harness();
    const id = createHostname(h, "any.customer.org");
    condition(h, { condition: "backendFailing", step: "internal" });
    for (const [action, params] of [
      ["GetCustomHostname", { HostnameId: id }],
      ["ApplyCustomHostnameCertificate", { HostnameId: id }],
      ["UpdateCustomHostname", { HostnameId: id, SslFlag: "off" }],
    ] as const) {
      expectDocumented(() => h.call(action, params), "InternalException");
    }
    h.control("clearConditions", {});
    // The harness calls with access key LTAI-test.
    condition(h, { condition: "noPermission", accessKeyId: "LTAI-test" });
    expectDocumented(() => h.call("ApplyCustomHostnameCertificate", { HostnameId: id }), "NoPermission");
    expectDocumented(() => h.call("ListSites", {}), "NoPermission");
  });

  it("InvalidParameter and CustomHostname.NotFound stay as documented", () => {
    const h = harness();
    expectApiError(() => h.call("ApplyCustomHostnameCertificate", { HostnameId: "x" }), "InvalidParameter", 400);
    expectApiError(() => h.call("ApplyCustomHostnameCertificate", { HostnameId: 5 }), "CustomHostname.NotFound", 404);
  });

  it("rejects a malformed condition with InvalidParameter naming the field", () => {
    const h = harness();
    const e = expectApiError(() => h.control("setCondition", { condition: "siteBusy" }), "InvalidParameter", 400);
    assert.match(e.message, /siteId/);
    expectApiError(
      () => h.control("setCondition", { condition: "backendFailing", step: "nope" }),
      "InvalidParameter",
      400,
    );
  });
});

function certParams(cert: TestCert): Record<string, string> {
  return { Certificate: cert.certificate, PrivateKey: cert.privateKey };
}
