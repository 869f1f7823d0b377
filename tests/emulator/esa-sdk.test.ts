/**
 * SDK fidelity: the official `@alicloud/esa20240910` client (signature V3 over HTTP) calls every ESA action against
 * a running emulator. Success bodies must decode into the SDK's models; documented errors must surface as the
 * SDK's `ClientError` with `code` and `statusCode`.
 */
import assert from "node:assert/strict";
import Client, * as $Esa from "@alicloud/esa20240910";
import { $OpenApiUtil, ClientError } from "@alicloud/openapi-core";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { makeCert } from "./helpers/esa-harness";

const SITE = 7096621098379520;
const ORIGIN = 4042843419650112;
const API = 4042843419650114;

function client(emu: RunningEmulator, secret = emu.accessKeySecret): Client {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: emu.accessKeyId,
      accessKeySecret: secret,
      endpoint: emu.endpoint,
      protocol: "http",
    }),
  );
}

/** Awaits `p`, expecting the SDK to throw a ClientError with this code and HTTP status. */
async function expectSdkError(p: Promise<unknown>, code: string, statusCode: number): Promise<ClientError> {
  try {
    await p;
  } catch (e: unknown) {
    assert.ok(e instanceof ClientError, `expected ClientError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.statusCode, statusCode);
    return e;
  }
  assert.fail(`expected ${code}`);
}

describe("esa via the official SDK", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let esa: Client;

  beforeEach(async () => {
    emu = await startEmulator({ speed: 0, quiet: true });
    esa = client(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  async function create(hostname: string, extra: Partial<$Esa.CreateCustomHostnameRequest> = {}): Promise<number> {
    const res = await esa.createCustomHostname(
      new $Esa.CreateCustomHostnameRequest({ siteId: SITE, recordId: ORIGIN, hostname, sslFlag: "off", ...extra }),
    );
    assert.equal(res.statusCode, 200);
    assert.equal(res.body?.hostname, hostname);
    assert.equal(typeof res.body?.hostnameId, "number");
    assert.match(String(res.body?.requestId), /^[0-9A-F-]{36}$/);
    return res.body?.hostnameId as number;
  }

  async function model(id: number): Promise<$Esa.GetCustomHostnameResponseBodyCustomHostnameModel> {
    const res = await esa.getCustomHostname(new $Esa.GetCustomHostnameRequest({ hostnameId: id }));
    const m = res.body?.customHostnameModel;
    assert.ok(m);
    return m;
  }

  it("ListSites and ListRecords (GET) decode into the SDK models", async () => {
    const sites = await esa.listSites(new $Esa.ListSitesRequest({ siteName: "example-saas.com" }));
    assert.equal(sites.body?.totalCount, 1);
    assert.equal(sites.body?.pageNumber, 1);
    assert.equal(sites.body?.pageSize, 500);
    const site = sites.body?.sites?.[0];
    assert.equal(site?.siteId, SITE);
    assert.equal(site?.siteName, "example-saas.com");
    assert.equal(site?.status, "active");
    assert.equal(site?.planSpecName, "enterpriseplan");
    assert.equal(site?.coverage, "overseas");
    assert.equal(site?.accessType, "NS");

    const fuzzy = await esa.listSites(new $Esa.ListSitesRequest({ siteName: "example", siteSearchType: "fuzzy" }));
    assert.equal(fuzzy.body?.totalCount, 2);

    const records = await esa.listRecords(
      new $Esa.ListRecordsRequest({ siteId: SITE, recordName: "origin.example-saas.com" }),
    );
    assert.equal(records.body?.totalCount, 1);
    const r = records.body?.records?.[0];
    assert.equal(r?.recordId, ORIGIN);
    assert.equal(r?.recordType, "A/AAAA");
    assert.equal(r?.data?.value, "203.0.113.10");
    assert.equal(r?.proxied, true);
    assert.equal(r?.siteId, SITE);
  });

  it("creates, reads, lists, verifies, issues, renews-guards and deletes a free-certificate hostname", async () => {
    const id = await create("shop.customer.org", { sslFlag: "on", certType: "free" });
    let m = await model(id);
    assert.equal(m.hostnameId, id);
    assert.equal(m.status, "pending");
    assert.equal(m.siteId, SITE);
    assert.equal(m.recordId, ORIGIN);
    assert.equal(m.recordName, "origin.example-saas.com");
    assert.equal(m.verifyHost, "_esa_custom_hostname.shop.customer.org");
    assert.match(String(m.verifyCode), /^verify_[0-9a-f]{32}$/);
    assert.equal(m.certStatus, "Applying");
    assert.equal(m.certTxtKey, "_acme-challenge.shop.customer.org");
    assert.match(String(m.certHttpKey), /^http:\/\/shop\.customer\.org\/\.well-known\/acme-challenge\//);

    const list = await esa.listCustomHostnames(
      new $Esa.ListCustomHostnamesRequest({ siteId: SITE, hostname: "shop.", nameMatchType: "prefix" }),
    );
    assert.equal(list.body?.totalCount, 1);
    assert.equal(list.body?.pageSize, 100);
    assert.equal(list.body?.hostnames?.[0]?.hostnameId, id);
    assert.equal(list.body?.hostnames?.[0]?.certStatus, "Applying");

    // Not verified yet: the documented VerifyUnpassed arrives at HTTP 200, which the SDK treats as success.
    const unpassed = await esa.verifyCustomHostname(new $Esa.VerifyCustomHostnameRequest({ hostnameId: id }));
    assert.equal(unpassed.statusCode, 200);
    assert.equal(unpassed.body?.passed, undefined);

    await emu.control.publishRecord({
      kind: "dns",
      name: String(m.verifyHost),
      type: "TXT",
      value: String(m.verifyCode),
    });
    const passed = await esa.verifyCustomHostname(new $Esa.VerifyCustomHostnameRequest({ hostnameId: id }));
    assert.equal(passed.body?.passed, true);

    await emu.control.advanceTime(2000);
    m = await model(id);
    assert.equal(m.status, "active");
    assert.equal(m.certStatus, "OK");
    assert.match(String(m.certNotAfter), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match(String(m.certId), /^[0-9a-f]{32}$/);

    await expectSdkError(
      esa.applyCustomHostnameCertificate(new $Esa.ApplyCustomHostnameCertificateRequest({ hostnameId: id })),
      "CustomHostname.CertStatusNotAllowed",
      400,
    );
    await emu.control.advanceTime(61 * 86_400_000);
    assert.equal((await model(id)).certStatus, "Expiring");
    const applied = await esa.applyCustomHostnameCertificate(
      new $Esa.ApplyCustomHostnameCertificateRequest({ hostnameId: id }),
    );
    assert.equal(applied.statusCode, 200);
    assert.equal((await model(id)).certStatus, "Applying");

    const deleted = await esa.deleteCustomHostname(new $Esa.DeleteCustomHostnameRequest({ hostnameId: id }));
    assert.equal(deleted.statusCode, 200);
    await expectSdkError(
      esa.getCustomHostname(new $Esa.GetCustomHostnameRequest({ hostnameId: id })),
      "CustomHostname.NotFound",
      404,
    );
  });

  it("uploads a certificate through the query string and returns it (and the key) from Get only", async () => {
    // The emulator's clock starts at the real time, so the certificate must be valid now.
    const now = await emu.control.now();
    const cert = await makeCert({
      cn: "up.customer.org",
      dnsNames: ["up.customer.org"],
      notBefore: new Date(now - 86_400_000),
      notAfter: new Date(now + 200 * 86_400_000),
    });
    const id = await create("up.customer.org");
    const updated = await esa.updateCustomHostname(
      new $Esa.UpdateCustomHostnameRequest({
        hostnameId: id,
        sslFlag: "on",
        certType: "upload",
        certificate: cert.certificate,
        privateKey: cert.privateKey,
      }),
    );
    assert.equal(updated.statusCode, 200);
    const m = await model(id);
    assert.equal(m.certType, "upload");
    assert.equal(m.certStatus, "OK");
    assert.equal(m.certificate, cert.certificate);
    assert.equal(m.privateKey, cert.privateKey);
    const list = await esa.listCustomHostnames(new $Esa.ListCustomHostnamesRequest({ siteId: SITE }));
    const item = list.body?.hostnames?.[0] as unknown as Record<string, unknown>;
    assert.equal(item["certificate"], undefined);
    assert.equal(item["privateKey"], undefined);

    const log = await emu.control.requests({ product: "esa", action: "UpdateCustomHostname" });
    assert.equal(JSON.stringify(log).includes("PRIVATE KEY"), false, "PrivateKey must be redacted in the request log");

    const other = await makeCert({ cn: "x.example.net", dnsNames: ["x.example.net"] });
    await expectSdkError(
      esa.updateCustomHostname(
        new $Esa.UpdateCustomHostnameRequest({
          hostnameId: id,
          sslFlag: "on",
          certType: "upload",
          certificate: cert.certificate,
          privateKey: other.privateKey,
        }),
      ),
      "InvalidParameter",
      400,
    );
  });

  it("answers documented and chosen error codes as ClientErrors with their HTTP status", async () => {
    await expectSdkError(esa.listRecords(new $Esa.ListRecordsRequest({ siteId: 1 })), "SiteNotFound", 404);
    await expectSdkError(
      esa.createCustomHostname(
        new $Esa.CreateCustomHostnameRequest({
          siteId: SITE,
          recordId: API,
          hostname: "a.customer.org",
          sslFlag: "off",
        }),
      ),
      "InvalidParameter",
      400,
    );
    await expectSdkError(
      esa.createCustomHostname(
        new $Esa.CreateCustomHostnameRequest({ siteId: SITE, recordId: 1, hostname: "a.customer.org", sslFlag: "off" }),
      ),
      "Record.NotFound",
      404,
    );
    await expectSdkError(
      esa.createCustomHostname(
        new $Esa.CreateCustomHostnameRequest({
          siteId: SITE,
          recordId: ORIGIN,
          hostname: "bad_name.org",
          sslFlag: "off",
        }),
      ),
      "InvalidParameter",
      400,
    );
    await expectSdkError(
      esa.createCustomHostname(
        new $Esa.CreateCustomHostnameRequest({ siteId: SITE, recordId: ORIGIN, sslFlag: "off" }),
      ),
      "MissingHostname",
      400,
    );
    await create("dup.customer.org");
    await expectSdkError(create("dup.customer.org"), "CustomHostname.ConflictWithExistingResource", 400);
    await expectSdkError(
      esa.verifyCustomHostname(new $Esa.VerifyCustomHostnameRequest({ hostnameId: 5 })),
      "CustomHostname.NotFound",
      404,
    );
  });

  it("rate-limits CreateCustomHostname with TooManyRequests (429), a ClientError, not a ThrottlingError", async () => {
    await emu.control.setRateLimit({
      product: "esa",
      action: "CreateCustomHostname",
      limit: 1,
      windowMs: 3_600_000,
    });
    await create("rl1.customer.org");
    const e = await expectSdkError(create("rl2.customer.org"), "TooManyRequests", 429);
    assert.equal(e.name === "ThrottlingError", false);
  });

  it("rejects a wrong secret with SignatureDoesNotMatch", async () => {
    await expectSdkError(
      client(emu, "not-the-secret").listSites(new $Esa.ListSitesRequest({})),
      "SignatureDoesNotMatch",
      400,
    );
  });

  it("exposes the ESA controls over the control API", async () => {
    const id = await create("ctl.customer.org");
    await emu.control.service("esa", "setStatus", { hostnameId: id, status: "offline", offlineReason: "missing_icp" });
    const m = await model(id);
    assert.equal(m.status, "offline");
    assert.equal(m.offlineReason, "missing_icp");
    await emu.control.service("esa", "configure", { verifyUnpassedStyle: "passed-false" });
    const v = await esa.verifyCustomHostname(new $Esa.VerifyCustomHostnameRequest({ hostnameId: id }));
    assert.equal(v.body?.passed, false);
    const objects = (await emu.control.objects()) as { esa?: { hostnames?: unknown[] } };
    assert.equal(objects.esa?.hostnames?.length, 1);
  });
});
