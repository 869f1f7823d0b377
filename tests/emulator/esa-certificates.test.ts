/** ESA custom hostname certificates: free (ACME) life cycle, upload checks, CAS references, SSL updates. */
import assert from "node:assert/strict";
import {
  T0,
  createHostname,
  expectApiError,
  expectInvalidParameter,
  getModel,
  harness,
  makeCert,
  type Harness,
  type TestCert,
} from "./helpers/esa-harness";

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function free(h: Harness, hostname: string): number {
  return createHostname(h, hostname, { SslFlag: "on", CertType: "free" });
}

function activateByTxt(h: Harness, id: number): void {
  const m = getModel(h, id);
  h.publish({ kind: "dns", name: String(m["VerifyHost"]), type: "TXT", value: String(m["VerifyCode"]) });
  assert.deepEqual(h.call("VerifyCustomHostname", { HostnameId: id }), { Passed: true });
}

describe("esa free certificate", () => {
  it("starts Applying with ACME DNS-01 and HTTP-01 challenges", () => {
    const h = harness();
    const m = getModel(h, free(h, "shop.customer.org"));
    assert.equal(m["SslFlag"], "on");
    assert.equal(m["CertType"], "free");
    assert.equal(m["CertStatus"], "Applying");
    assert.equal(m["CertTxtKey"], "_acme-challenge.shop.customer.org");
    assert.match(String(m["CertTxtValue"]), /^[A-Za-z0-9_-]{43}$/);
    const token = /^http:\/\/shop\.customer\.org\/\.well-known\/acme-challenge\/([A-Za-z0-9_-]{43})$/.exec(
      String(m["CertHttpKey"]),
    )?.[1];
    assert.ok(token, String(m["CertHttpKey"]));
    assert.match(String(m["CertHttpValue"]), new RegExp(`^${token}\\.[A-Za-z0-9_-]{43}$`));
    assert.equal(m["CertNotAfter"], undefined);
    assert.equal(m["CertId"], undefined);
  });

  it("has no HTTP-01 challenge for a wildcard and puts the TXT under the base name", () => {
    const h = harness();
    const m = getModel(h, free(h, "*.customer.org"));
    assert.equal(m["CertTxtKey"], "_acme-challenge.customer.org");
    assert.equal(m["CertHttpKey"], undefined);
    assert.equal(m["CertHttpValue"], undefined);
  });

  it("stays Applying while the hostname is pending and no challenge is published", () => {
    const h = harness();
    const id = free(h, "shop.customer.org");
    h.advance(DAY);
    assert.equal(getModel(h, id)["CertStatus"], "Applying");
  });

  it("issues esaCertIssueMs after the hostname became active: OK, 90-day NotAfter, hex CertId", () => {
    const h = harness();
    const id = free(h, "shop.customer.org");
    h.advance(5000);
    activateByTxt(h, id); // DCV satisfied from the activation at T0+5s
    h.advance(1999);
    assert.equal(getModel(h, id)["CertStatus"], "Applying");
    h.advance(1);
    const m = getModel(h, id);
    assert.equal(m["CertStatus"], "OK");
    assert.equal(m["CertNotAfter"], iso(T0 + 7000 + 90 * DAY));
    assert.match(String(m["CertId"]), /^[0-9a-f]{32}$/);
  });

  it("issues on a published DCV TXT (DNS-01) or HTTP file (HTTP-01) while the hostname is still pending", () => {
    const h = harness();
    const a = free(h, "a.customer.org");
    const b = free(h, "b.customer.org");
    const ma = getModel(h, a);
    const mb = getModel(h, b);
    h.publish({ kind: "dns", name: String(ma["CertTxtKey"]), type: "TXT", value: String(ma["CertTxtValue"]) });
    h.publish({ kind: "file", name: String(mb["CertHttpKey"]), type: "FILE", value: String(mb["CertHttpValue"]) });
    h.tick();
    h.advance(h.timings.esaCertIssueMs);
    assert.equal(getModel(h, a)["CertStatus"], "OK");
    assert.equal(getModel(h, b)["CertStatus"], "OK");
    assert.equal(getModel(h, a)["Status"], "pending");
  });

  it("goes OK → Expiring 30 days before NotAfter → Expired at NotAfter", () => {
    const h = harness();
    h.control("configure", { autoVerifyDelayMs: 0 });
    const id = free(h, "shop.customer.org");
    activateByTxt(h, id);
    h.advance(2000);
    const notAfter = Date.parse(String(getModel(h, id)["CertNotAfter"]));
    h.advance(notAfter - 30 * DAY - h.now() - 1);
    assert.equal(getModel(h, id)["CertStatus"], "OK");
    h.advance(1);
    assert.equal(getModel(h, id)["CertStatus"], "Expiring");
    h.advance(30 * DAY - 1);
    assert.equal(getModel(h, id)["CertStatus"], "Expiring");
    h.advance(1);
    assert.equal(getModel(h, id)["CertStatus"], "Expired");
  });

  it("ApplyCustomHostnameCertificate renews an Expiring certificate with fresh tokens", () => {
    const h = harness();
    const id = free(h, "shop.customer.org");
    activateByTxt(h, id);
    h.advance(2000);
    const first = getModel(h, id);
    expectApiError(
      () => h.call("ApplyCustomHostnameCertificate", { HostnameId: id }),
      "CustomHostname.CertStatusNotAllowed",
      400,
    );
    h.advance(61 * DAY);
    assert.equal(getModel(h, id)["CertStatus"], "Expiring");
    assert.deepEqual(h.call("ApplyCustomHostnameCertificate", { HostnameId: id }), {});
    const applying = getModel(h, id);
    assert.equal(applying["CertStatus"], "Applying");
    assert.notEqual(applying["CertTxtValue"], first["CertTxtValue"]);
    assert.notEqual(applying["CertHttpKey"], first["CertHttpKey"]);
    expectApiError(
      () => h.call("ApplyCustomHostnameCertificate", { HostnameId: id }),
      "CustomHostname.CertStatusNotAllowed",
      400,
    );
    h.advance(2000);
    const renewed = getModel(h, id);
    assert.equal(renewed["CertStatus"], "OK");
    assert.notEqual(renewed["CertId"], first["CertId"]);
    assert.ok(Date.parse(String(renewed["CertNotAfter"])) > Date.parse(String(first["CertNotAfter"])));
  });

  it("failCertificate fails the running application; Apply restarts it; a queued failure hits the next one", () => {
    const h = harness();
    const id = free(h, "shop.customer.org");
    h.control("failCertificate", { hostnameId: id, code: 7, message: "dcv timeout" });
    let m = getModel(h, id);
    assert.equal(m["CertStatus"], "ApplyFailed");
    assert.equal(m["CertApplyCode"], 7);
    assert.equal(m["CertApplyMessage"], "dcv timeout");
    h.call("ApplyCustomHostnameCertificate", { HostnameId: id });
    m = getModel(h, id);
    assert.equal(m["CertStatus"], "Applying");
    assert.equal(m["CertApplyCode"], undefined);

    activateByTxt(h, id);
    h.advance(2000);
    assert.equal(getModel(h, id)["CertStatus"], "OK");
    h.control("failCertificate", { hostnameId: id }); // queued: nothing is running
    h.advance(61 * DAY);
    h.call("ApplyCustomHostnameCertificate", { HostnameId: id });
    m = getModel(h, id);
    assert.equal(m["CertStatus"], "ApplyFailed");
    assert.equal(m["CertApplyCode"], 2);
    assert.equal(m["CertApplyMessage"], "canceled");
  });

  it("ApplyCustomHostnameCertificate needs a free certificate", () => {
    const h = harness();
    const off = createHostname(h, "off.customer.org");
    expectApiError(
      () => h.call("ApplyCustomHostnameCertificate", { HostnameId: off }),
      "CustomHostname.CertTypeNotSupported",
      400,
    );
  });
});

describe("esa uploaded certificate", () => {
  let shop: TestCert;
  let wildcard: TestCert;
  let cnOnly: TestCert;
  let other: TestCert;
  let expired: TestCert;
  before(async () => {
    shop = await makeCert({ cn: "shop.customer.org", dnsNames: ["shop.customer.org", "www.customer.org"] });
    wildcard = await makeCert({ cn: "customer.org", dnsNames: ["*.customer.org"] });
    cnOnly = await makeCert({ cn: "cn.customer.org" });
    other = await makeCert({ cn: "other.example.net", dnsNames: ["other.example.net"] });
    expired = await makeCert({
      cn: "old.customer.org",
      dnsNames: ["old.customer.org"],
      notBefore: new Date(T0 - 100 * DAY),
      notAfter: new Date(T0 - DAY),
    });
  });

  const upload = (h: Harness, hostname: string, c: TestCert): number =>
    createHostname(h, hostname, {
      SslFlag: "on",
      CertType: "upload",
      Certificate: c.certificate,
      PrivateKey: c.privateKey,
    });

  it("is OK with the certificate's NotAfter; Get returns Certificate and PrivateKey, List does not", () => {
    const h = harness();
    const id = upload(h, "shop.customer.org", shop);
    const m = getModel(h, id);
    assert.equal(m["CertType"], "upload");
    assert.equal(m["CertStatus"], "OK");
    assert.equal(m["CertNotAfter"], iso(T0 + 200 * DAY));
    assert.equal(m["Certificate"], shop.certificate);
    assert.equal(m["PrivateKey"], shop.privateKey);
    assert.match(String(m["CertId"]), /^[0-9a-f]{32}$/);
    const item = (
      h.call("ListCustomHostnames", { SiteId: "7096621098379520" })["Hostnames"] as Record<string, unknown>[]
    )[0];
    assert.equal(item?.["CertStatus"], "OK");
    assert.equal(item?.["Certificate"], undefined);
    assert.equal(item?.["PrivateKey"], undefined);
  });

  it("accepts SAN wildcard coverage (one label) and a CN when there are no SANs", () => {
    const h = harness();
    upload(h, "any.customer.org", wildcard);
    upload(h, "*.customer.org", wildcard);
    upload(h, "cn.customer.org", cnOnly);
    expectInvalidParameter(() => upload(h, "a.b.customer.org", wildcard), "Certificate", /does not cover/);
  });

  it("rejects a certificate that does not cover the hostname", () => {
    const h = harness();
    expectInvalidParameter(() => upload(h, "shop.customer.org", other), "Certificate", /does not cover/);
  });

  it("rejects a key that does not belong to the certificate", () => {
    const h = harness();
    expectInvalidParameter(
      () => upload(h, "shop.customer.org", { certificate: shop.certificate, privateKey: other.privateKey }),
      "PrivateKey",
      /does not match the public key of Certificate/,
    );
  });

  it("rejects unparseable PEM", () => {
    const h = harness();
    expectInvalidParameter(
      () =>
        upload(h, "shop.customer.org", {
          certificate: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----",
          privateKey: shop.privateKey,
        }),
      "Certificate",
      /not a PEM-encoded X\.509 certificate/,
    );
    const keyError = expectInvalidParameter(
      () => upload(h, "shop.customer.org", { certificate: shop.certificate, privateKey: "not a key" }),
      "PrivateKey",
      /not a PEM-encoded private key/,
    );
    assert.doesNotMatch(keyError.message, /not a key/, "the key as sent is never echoed");
  });

  it("needs both Certificate and PrivateKey", () => {
    const h = harness();
    expectInvalidParameter(
      () =>
        createHostname(h, "shop.customer.org", { SslFlag: "on", CertType: "upload", Certificate: shop.certificate }),
      "PrivateKey",
      /required when CertType is upload/,
    );
    expectInvalidParameter(
      () => createHostname(h, "shop.customer.org", { SslFlag: "on", CertType: "upload", PrivateKey: shop.privateKey }),
      "Certificate",
      /required when CertType is upload/,
    );
  });

  it("reports an already expired upload as Expired", () => {
    const h = harness();
    const id = upload(h, "old.customer.org", expired);
    assert.equal(getModel(h, id)["CertStatus"], "Expired");
  });

  it("UpdateCustomHostname swaps certificates, keeps them on SslFlag=on alone, and SslFlag=off clears them", () => {
    const h = harness();
    const id = free(h, "shop.customer.org");
    expectInvalidParameter(
      () =>
        h.call("UpdateCustomHostname", {
          HostnameId: id,
          CertType: "upload",
          Certificate: other.certificate,
          PrivateKey: other.privateKey,
        }),
      "Certificate",
      /does not cover/,
    );
    assert.equal(getModel(h, id)["CertType"], "free");
    h.call("UpdateCustomHostname", {
      HostnameId: id,
      SslFlag: "on",
      CertType: "upload",
      Certificate: shop.certificate,
      PrivateKey: shop.privateKey,
    });
    let m = getModel(h, id);
    assert.equal(m["CertType"], "upload");
    assert.equal(m["CertStatus"], "OK");
    assert.equal(m["CertTxtKey"], undefined);
    h.call("UpdateCustomHostname", { HostnameId: id, SslFlag: "on" });
    assert.equal(getModel(h, id)["Certificate"], shop.certificate);
    expectInvalidParameter(
      () => h.call("UpdateCustomHostname", { HostnameId: id, Certificate: shop.certificate }),
      "PrivateKey",
      /required when CertType is upload/,
    );
    h.call("UpdateCustomHostname", { HostnameId: id, SslFlag: "off" });
    m = getModel(h, id);
    assert.equal(m["SslFlag"], "off");
    for (const f of ["CertType", "CertStatus", "Certificate", "PrivateKey", "CertNotAfter", "CertId"]) {
      assert.equal(m[f], undefined, f);
    }
    h.call("UpdateCustomHostname", { HostnameId: id, SslFlag: "on", CertType: "free" });
    assert.equal(getModel(h, id)["CertStatus"], "Applying");
    expectApiError(() => h.call("UpdateCustomHostname", { HostnameId: id, SslFlag: "maybe" }), "InvalidParameter", 400);
  });
});

describe("esa CAS certificate", () => {
  it("references an existing CAS certificate by CasId + CasRegion", () => {
    const h = harness();
    h.casIds.add("30000478");
    const id = createHostname(h, "cas.customer.org", {
      SslFlag: "on",
      CertType: "cas",
      CasId: "30000478",
      CasRegion: "cn-hangzhou",
    });
    const m = getModel(h, id);
    assert.equal(m["CertType"], "cas");
    assert.equal(m["CasId"], 30000478);
    assert.equal(m["CertStatus"], "OK");
    assert.equal("CasRegion" in m, false);
    const item = (
      h.call("ListCustomHostnames", { SiteId: "7096621098379520" })["Hostnames"] as Record<string, unknown>[]
    )[0];
    assert.equal(item?.["CasId"], undefined);
  });

  it("validates CasId, CasRegion and the certificate's existence", () => {
    const h = harness();
    h.casIds.add("30000478");
    const cas = (p: Record<string, string>): number =>
      createHostname(h, "cas.customer.org", { SslFlag: "on", CertType: "cas", ...p });
    expectInvalidParameter(() => cas({ CasRegion: "cn-hangzhou" }), "CasId", /required when CertType is cas/);
    expectInvalidParameter(() => cas({ CasId: "30000478" }), "CasRegion", /required when CertType is cas/);
    expectApiError(() => cas({ CasId: "30000478-cn-hangzhou", CasRegion: "cn-hangzhou" }), "InvalidParameter", 400);
    expectApiError(() => cas({ CasId: "30000478", CasRegion: "us-west-1" }), "InvalidParameter", 400);
    expectInvalidParameter(
      () => cas({ CasId: "1", CasRegion: "ap-southeast-1" }),
      "CasId",
      /holds no usable certificate 1/,
    );
    const id = cas({ CasId: "30000478", CasRegion: "ap-southeast-1" });
    // Updating only the CasId keeps the region.
    h.casIds.add("30000479");
    h.call("UpdateCustomHostname", { HostnameId: id, CasId: "30000479" });
    assert.equal(getModel(h, id)["CasId"], 30000479);
    assert.equal(h.state.hostnames[String(id)]?.casRegion, "ap-southeast-1");
  });
});
