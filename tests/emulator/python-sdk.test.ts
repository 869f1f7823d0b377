/**
 * The official Python SDKs as judges (ESA alibabacloud-esa20240910, CAS alibabacloud-cas20200407, GA
 * alibabacloud-ga20191120, GA's only official client): every action the provider uses, with error cases, the GA
 * lock, and a CSR order whose PEM travels with spaces spelled `+` (Python's urlencode). Skipped without the
 * bootstrap venv (scripts/install-python-sdks); the other Node tests never need Python.
 */
import assert from "node:assert/strict";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { defaultCasSeed } from "../../emulator/services/cas/seed";
import { defaultEsaSeed } from "../../emulator/services/esa";
import { makeCsr, pemBlocks } from "./helpers/cas-fixtures";
import { makeCert } from "./helpers/esa-harness";
import { PythonJudge, pythonJudgeAvailable, type PythonResult } from "./helpers/python-judge";

const SITE = 7096621098379520;
const ORIGIN = 4042843419650112;
const WWW = 4042843419650113;
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const TCP = "lsr-bp1emulatortcp000001";
const HTTPS_2 = "lsr-bp1pythonhttps0000002";
const ISO_ACC = "ga-bp1emulatorisolated001";
const ISO_LSR = "lsr-bp1emulatorisolated01";
const CERT_A = "20000001-cn-hangzhou";
const CERT_B = "20000002-cn-hangzhou";

function expectError(result: PythonResult, code: string, status: number): void {
  assert.equal(result.ok, false, `expected ${code}, got a success`);
  if (result.ok) return;
  assert.equal(result.code, code, result.message);
  assert.equal(result.status, status, `${code} status`);
}

describe("official Python SDKs against the emulator", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let py: PythonJudge;

  before(async function () {
    if (!pythonJudgeAvailable()) this.skip();
    emu = await startEmulator({
      quiet: true,
      speed: 0,
      seed: {
        esa: defaultEsaSeed,
        cas: {
          ...defaultCasSeed,
          certificates: [
            { certId: "20000001", commonName: "a.example.com" },
            { certId: "20000002", commonName: "b.example.com" },
          ],
        },
        ga: {
          accelerators: [
            {
              acceleratorId: ACC,
              state: "active",
              listeners: [
                { listenerId: HTTPS, protocol: "HTTPS", port: 443, defaultCertificateId: "20000001-cn-hangzhou" },
                { listenerId: HTTPS_2, protocol: "HTTPS", port: 8443, defaultCertificateId: "20000001-cn-hangzhou" },
                { listenerId: TCP, protocol: "TCP", port: 80 },
              ],
            },
            {
              acceleratorId: ISO_ACC,
              state: "active",
              listeners: [
                { listenerId: ISO_LSR, protocol: "HTTPS", port: 443, defaultCertificateId: "20000002-cn-hangzhou" },
              ],
            },
          ],
        },
      },
    });
    py = await PythonJudge.start({
      endpoint: emu.endpoint,
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
    });
  });
  after(async () => {
    py?.close();
    await emu?.close();
  });

  it("runs the pinned SDK versions", () => {
    assert.deepEqual(py.versions, {
      "alibabacloud-esa20240910": "3.16.0",
      "alibabacloud-cas20200407": "3.9.4",
      "alibabacloud-ga20191120": "3.0.2",
    });
  });

  describe("ESA (alibabacloud-esa20240910)", () => {
    it("sites, records and the custom-hostname life cycle, with the documented errors", async () => {
      const sites = await py.ok("esa", "ListSites", { SiteName: "example-saas.com" });
      assert.equal((sites["Sites"] as { SiteId: number }[])[0]?.SiteId, SITE);
      const records = await py.ok("esa", "ListRecords", { SiteId: SITE, RecordName: "www.example-saas.com" });
      assert.equal((records["Records"] as { RecordId: number }[])[0]?.RecordId, WWW);

      const cert = await makeCert({ cn: "py.customer.org", dnsNames: ["py.customer.org"] });
      const created = await py.ok("esa", "CreateCustomHostname", {
        SiteId: SITE,
        RecordId: ORIGIN,
        Hostname: "py.customer.org",
        SslFlag: "on",
        CertType: "upload",
        Certificate: cert.certificate,
        PrivateKey: cert.privateKey,
      });
      const hostnameId = created["HostnameId"] as number;
      assert.equal(typeof hostnameId, "number");
      const got = await py.ok("esa", "GetCustomHostname", { HostnameId: hostnameId });
      const model = got["CustomHostnameModel"] as Record<string, unknown>;
      assert.equal(model["Hostname"], "py.customer.org");
      assert.equal(model["CertType"], "upload");
      assert.equal(model["Status"], "pending");
      const listed = await py.ok("esa", "ListCustomHostnames", {
        SiteId: SITE,
        Hostname: "py.customer.org",
        NameMatchType: "exact",
      });
      assert.equal(listed["TotalCount"], 1);

      // Not verified yet: HTTP 200 with the error body, so the SDK returns a body without Passed (§7.4).
      const unverified = await py.call("esa", "VerifyCustomHostname", { HostnameId: hostnameId });
      assert.ok(unverified.ok);
      assert.equal(unverified.body["Passed"], undefined);
      await emu.control.publishRecord({
        kind: "dns",
        name: String(model["VerifyHost"]),
        type: "TXT",
        value: String(model["VerifyCode"]),
      });
      assert.equal((await py.ok("esa", "VerifyCustomHostname", { HostnameId: hostnameId }))["Passed"], true);

      await py.ok("esa", "UpdateCustomHostname", {
        HostnameId: hostnameId,
        RecordId: WWW,
        SslFlag: "on",
        CertType: "free",
      });
      expectError(
        await py.call("esa", "ApplyCustomHostnameCertificate", { HostnameId: hostnameId }),
        "CustomHostname.CertStatusNotAllowed",
        400,
      );
      expectError(
        await py.call("esa", "CreateCustomHostname", {
          SiteId: SITE,
          RecordId: ORIGIN,
          Hostname: "py.customer.org",
          SslFlag: "off",
        }),
        "CustomHostname.ConflictWithExistingResource",
        400,
      );
      await emu.control.service("esa", "setCondition", { condition: "instanceNotOnline", siteId: String(SITE) });
      expectError(
        await py.call("esa", "UpdateCustomHostname", { HostnameId: hostnameId, SslFlag: "off" }),
        "Instance.NotOnline",
        400,
      );
      await emu.control.service("esa", "clearConditions", {});
      await py.ok("esa", "DeleteCustomHostname", { HostnameId: hostnameId });
      expectError(
        await py.call("esa", "GetCustomHostname", { HostnameId: hostnameId }),
        "CustomHostname.NotFound",
        404,
      );
      expectError(
        await py.call("esa", "DeleteCustomHostname", { HostnameId: hostnameId }),
        "CustomHostname.NotFound",
        404,
      );
    });
  });

  describe("CAS (alibabacloud-cas20200407)", () => {
    it("a CSR order from Python: create (spaces sent as +), validate, issue, list, detail, revoke, delete", async () => {
      const { pem } = await makeCsr({ cn: "py.example.com", sans: ["py.example.com", "www.py.example.com"] });
      assert.match(pem, / /, "the CSR's armour lines contain spaces, which Python sends as +");
      const before = (await emu.control.requests({ product: "cas" })).length;
      const created = await py.ok("cas", "CreateCertificateWithCsrRequest", {
        Csr: pem,
        Username: "Tom",
        Phone: "13900001234",
        Email: "tom@example.com",
        ValidateType: "DNS",
        Tags: [{ Key: "env", Value: "python" }],
      });
      const logged = (await emu.control.requests({ product: "cas" }))[before];
      assert.equal(logged?.outcome, "ok");
      assert.equal(logged?.params["Tags.1.Value"], "python");
      // Python ints are exact: all 17 digits survive (the Node SDK rounds them).
      const orderId = String(created["OrderId"]);
      assert.match(orderId, /^\d{17}$/);

      const pending = await py.ok("cas", "DescribeCertificateState", { OrderId: orderId });
      assert.equal(pending["Type"], "domain_verify");
      assert.equal(pending["RecordDomain"], "_dnsauth");
      await emu.control.publishRecord({
        kind: "dns",
        name: "_dnsauth.py.example.com",
        type: "TXT",
        value: String(pending["RecordValue"]),
      });
      assert.equal((await py.ok("cas", "DescribeCertificateState", { OrderId: orderId }))["Type"], "process");
      await emu.control.advanceTime(2000);
      const issued = await py.ok("cas", "DescribeCertificateState", { OrderId: orderId });
      assert.equal(issued["Type"], "certificate");
      assert.equal(pemBlocks(String(issued["Certificate"])).length, 2);
      // The 3.9.4 model carries CertId ("returned when the certificate is issued").
      const certId = Number(issued["CertId"]);
      assert.ok(Number.isInteger(certId) && certId > 0);

      const detail = await py.ok("cas", "GetUserCertificateDetail", { CertId: certId, CertFilter: true });
      assert.equal(detail["CertIdentifier"], `${certId}-cn-hangzhou`);
      assert.equal(detail["Sans"], "py.example.com,www.py.example.com");
      const orders = await py.ok("cas", "ListUserCertificateOrder", { OrderType: "CPACK", Keyword: "py.example.com" });
      assert.equal(String((orders["CertificateOrderList"] as { OrderId: unknown }[])[0]?.OrderId), orderId);
      const certs = await py.ok("cas", "ListUserCertificateOrder", { OrderType: "CERT", Keyword: "py.example.com" });
      assert.equal((certs["CertificateOrderList"] as { CertificateId: number }[])[0]?.CertificateId, certId);
      const pkg = await py.ok("cas", "DescribePackageState", { ProductCode: "digicert-free-1-free" });
      assert.equal(pkg["UsedCount"], 1);

      expectError(
        await py.call("cas", "CancelOrderRequest", { OrderId: orderId }),
        "OperationDenied.StatusNotSupport",
        400,
      );
      await py.ok("cas", "CancelCertificateForPackageRequest", { OrderId: orderId });
      assert.equal((await py.ok("cas", "DescribeCertificateState", { OrderId: orderId }))["Type"], "unknow");
      await py.ok("cas", "DeleteUserCertificate", { CertId: certId });
      expectError(await py.call("cas", "GetUserCertificateDetail", { CertId: certId }), "NotFound", 400);
    });

    it("a pending order is cancelled and deleted; bad input and unknown ids get the documented errors", async () => {
      const { pem } = await makeCsr({ alg: "ECDSA", sans: ["cancel.example.com"] });
      const contact = { Username: "Tom", Phone: "13900001234", Email: "tom@example.com" };
      const created = await py.ok("cas", "CreateCertificateWithCsrRequest", {
        Csr: pem,
        ...contact,
        ValidateType: "DNS",
      });
      const orderId = String(created["OrderId"]);
      await py.ok("cas", "CancelOrderRequest", { OrderId: orderId });
      assert.equal((await py.ok("cas", "DescribeCertificateState", { OrderId: orderId }))["Type"], "payed");
      await py.ok("cas", "DeleteCertificateRequest", { OrderId: orderId });
      expectError(await py.call("cas", "DescribeCertificateState", { OrderId: orderId }), "NotFound", 400);
      expectError(
        await py.call("cas", "CreateCertificateWithCsrRequest", { Csr: "not a csr", ...contact, ValidateType: "DNS" }),
        "InvalidParameter",
        400,
      );
      expectError(
        await py.call("cas", "CreateCertificateWithCsrRequest", {
          Csr: pem,
          ...contact,
          ValidateType: "DNS",
          ProductCode: "no-such-product",
        }),
        "NotFoundPackage",
        404,
      );
    });
  });

  describe("legacy signature (signature_algorithm v2, HMAC-SHA1 RPC)", () => {
    it("a CSR order and a GA read verify when Python signs the old way too", async () => {
      const v1 = await PythonJudge.start({
        endpoint: emu.endpoint,
        accessKeyId: emu.accessKeyId,
        accessKeySecret: emu.accessKeySecret,
        signatureAlgorithm: "v2",
      });
      try {
        const before = (await emu.control.requests({ product: "cas" })).length;
        const { pem } = await makeCsr({ cn: "v1.example.com", sans: ["v1.example.com"] });
        const created = await v1.ok("cas", "CreateCertificateWithCsrRequest", {
          Csr: pem,
          Username: "Tom",
          Phone: "13900001234",
          Email: "tom@example.com",
          ValidateType: "DNS",
        });
        assert.match(String(created["OrderId"]), /^\d{17}$/);
        const logged = (await emu.control.requests({ product: "cas" }))[before];
        assert.equal(logged?.params["Signature"], "[REDACTED]", "V1: the signature travels in the query");
        assert.equal(
          (await v1.ok("ga", "DescribeListener", { RegionId: "cn-hangzhou", ListenerId: HTTPS }))["Protocol"],
          "HTTPS",
        );
      } finally {
        v1.close();
      }
    });
  });

  describe("GA (alibabacloud-ga20191120, GA's only official SDK)", () => {
    it("reads, the write life cycle with ClientTokens, the accelerator lock and the documented errors", async () => {
      const accs = await py.ok("ga", "ListAccelerators", { RegionId: "cn-hangzhou", PageSize: 50 });
      assert.ok((accs["Accelerators"] as { AcceleratorId: string }[]).some((a) => a.AcceleratorId === ACC));
      assert.equal(
        (await py.ok("ga", "DescribeAccelerator", { RegionId: "cn-hangzhou", AcceleratorId: ACC }))["State"],
        "active",
      );
      const listeners = await py.ok("ga", "ListListeners", { RegionId: "cn-hangzhou", AcceleratorId: ACC });
      assert.equal(listeners["TotalCount"], 3);
      assert.equal(
        (await py.ok("ga", "DescribeListener", { RegionId: "cn-hangzhou", ListenerId: HTTPS }))["Protocol"],
        "HTTPS",
      );

      const base = { RegionId: "cn-hangzhou", AcceleratorId: ACC, ListenerId: HTTPS };
      await py.ok("ga", "AssociateAdditionalCertificatesWithListener", {
        ...base,
        ClientToken: "py-associate-1",
        Certificates: [
          { Domain: "a.example.com", Id: CERT_A },
          { Domain: "b.example.com", Id: CERT_B },
        ],
      });
      // The accelerator is locked while the write is in flight: the same listener and its sibling are refused,
      // another accelerator is not, and reads go on.
      expectError(
        await py.call("ga", "UpdateAdditionalCertificateWithListener", {
          ...base,
          ClientToken: "py-update-early",
          Domain: "a.example.com",
          CertificateId: CERT_B,
        }),
        "StateError.Listener",
        400,
      );
      expectError(
        await py.call("ga", "AssociateAdditionalCertificatesWithListener", {
          RegionId: "cn-hangzhou",
          AcceleratorId: ACC,
          ListenerId: HTTPS_2,
          ClientToken: "py-sibling",
          Certificates: [{ Domain: "c.example.com", Id: CERT_A }],
        }),
        "StateError.Accelerator",
        400,
      );
      await py.ok("ga", "AssociateAdditionalCertificatesWithListener", {
        RegionId: "cn-hangzhou",
        AcceleratorId: ISO_ACC,
        ListenerId: ISO_LSR,
        ClientToken: "py-iso",
        Certificates: [{ Domain: "iso.example.com", Id: CERT_A }],
      });
      const during = await py.ok("ga", "ListListenerCertificates", { ...base, Role: "additional" });
      assert.deepEqual(
        (during["Certificates"] as { Domain: string; State: string }[]).map((c) => [c.Domain, c.State]),
        [
          ["a.example.com", "updating"],
          ["b.example.com", "updating"],
        ],
      );
      // Replaying the ClientToken during the lock returns the first answer instead of StateError.
      const replay = await py.call("ga", "AssociateAdditionalCertificatesWithListener", {
        ...base,
        ClientToken: "py-associate-1",
        Certificates: [{ Domain: "a.example.com", Id: CERT_A }],
      });
      assert.ok(replay.ok);

      await emu.control.advanceTime(2000);
      await py.ok("ga", "UpdateAdditionalCertificateWithListener", {
        ...base,
        ClientToken: "py-update-1",
        Domain: "a.example.com",
        CertificateId: CERT_B,
      });
      await emu.control.advanceTime(2000);
      await py.ok("ga", "DissociateAdditionalCertificatesFromListener", {
        ...base,
        ClientToken: "py-dissociate-1",
        Domains: ["b.example.com"],
      });
      await emu.control.advanceTime(2000);
      const after = await py.ok("ga", "ListListenerCertificates", { ...base, Role: "additional" });
      assert.deepEqual(
        (after["Certificates"] as { Domain: string; CertificateId: string; State: string }[]).map((c) => [
          c.Domain,
          c.CertificateId,
          c.State,
        ]),
        [["a.example.com", CERT_B, "active"]],
      );

      expectError(
        await py.call("ga", "DescribeAccelerator", { RegionId: "cn-hangzhou", AcceleratorId: "ga-bp1nothere" }),
        "NotExist.Accelerator",
        400,
      );
      expectError(
        await py.call("ga", "AssociateAdditionalCertificatesWithListener", {
          RegionId: "cn-hangzhou",
          AcceleratorId: ACC,
          ListenerId: TCP,
          ClientToken: "py-tcp-2",
          Certificates: [{ Domain: "c.example.com", Id: CERT_A }],
        }),
        "ProtocalIllegal.Listener",
        400,
      );
    });
  });
});
