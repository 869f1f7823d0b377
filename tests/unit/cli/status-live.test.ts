/**
 * Unit tier: `--live` reads each object once through the transport's operation specs (replies decoded by their own
 * decoders, tests/helpers/fake-api.ts), replaces what the state recorded with what the cloud says, and names each
 * difference as drift; key material in replies never reaches the report.
 */
import { strict as assert } from "node:assert";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import { type StatusReport } from "../../../provider/cli/status/report";
import { runStatus } from "../../../provider/cli/status/run";
import { fakeApi } from "../../helpers/fake-api";
import { selfSignedCertificate } from "../../helpers/x509";
import { binding, deps, exportText, hostname, order } from "./export-fixture";

const NOW = "2027-02-01T00:00:00.000Z";
const NOT_AFTER = "2027-04-10T23:59:59.000Z";

describe("unit: alicloud-certs status --live", () => {
  it("one read per object; a consumer switched out of band to an older certificate is drift and an alarm", async () => {
    const leaf = await selfSignedCertificate({
      cn: "shop.example.com",
      dnsNames: ["shop.example.com", "up.shop.example.com"],
    });
    const text = exportText([
      order({
        orderId: "1001",
        certId: "501",
        notBefore: "2027-01-01T00:00:00.000Z",
        notAfter: NOT_AFTER,
        renewalDue: "2027-03-08T00:00:00.000Z",
        certificate: leaf.certificate,
      }),
      hostname({
        name: "cas",
        hostname: "shop.example.com",
        hostnameId: "7200000000000001",
        certType: "cas",
        casId: "501",
      }),
      hostname({
        name: "up",
        hostname: "up.shop.example.com",
        hostnameId: "7200000000000002",
        certType: "upload",
        certificate: leaf.certificate,
      }),
      binding({ name: "ga", domain: "shop.example.com", certId: "501" }),
    ]);
    const model = (id: string, extra: Record<string, unknown>) => () => ({
      RequestId: "r",
      CustomHostnameModel: { HostnameId: id, Hostname: "h", ...extra },
    });
    const fake = fakeApi({
      DescribeCertificateState: [() => ({ RequestId: "r", Type: "certificate", CertId: 501 })],
      GetCustomHostname: [
        model("7200000000000001", { CertType: "cas", CasId: 400 }),
        model("7200000000000002", {
          CertType: "upload",
          Certificate: leaf.certificate,
          PrivateKey: "-----BEGIN PRIVATE KEY-----\nLIVE-KEY\n-----END PRIVATE KEY-----",
        }),
      ],
      ListListenerCertificates: [
        () => ({
          RequestId: "r",
          TotalCount: 1,
          Certificates: [
            { CertificateId: "501-cn-hangzhou", Domain: "shop.example.com", IsDefault: false, State: "active" },
          ],
        }),
      ],
      GetUserCertificateDetail: [
        () => ({ RequestId: "r", Id: 400, Common: "shop.example.com", NotAfter: Date.parse("2027-02-20T00:00:00Z") }),
      ],
    });
    const result = await runStatus(["--live", "--json"], { ...deps(text, NOW), liveApi: () => fake.api });
    assert.deepEqual(fake.actions, [
      "DescribeCertificateState",
      "GetCustomHostname",
      "GetCustomHostname",
      "ListListenerCertificates",
      "GetUserCertificateDetail",
    ]);
    const report = JSON.parse(result.stdout) as StatusReport;
    assert.equal(report.live, true);
    assert.equal(result.exitCode, 1);
    assert.deepEqual(
      report.consumers.map((c) => [c.name, c.serves, c.verdict]),
      [
        ["cas", "400", "older"],
        ["ga", "501", "current"],
        ["up", "501", "current"],
      ],
    );
    assert.deepEqual(report.alarms.map((a) => `${a.kind} ${a.subject}`).sort(), ["consumer-older cas", "drift cas"]);
    assert.match(report.alarms.find((a) => a.kind === "drift")?.message ?? "", /the state records 501, ESA serves 400/);
    assert.doesNotMatch(result.stdout, /LIVE-KEY|PRIVATE KEY/);
  });

  it("a revoked order, a hostname gone and a listener without the binding are drift; a failed read is an alarm", async () => {
    const text = exportText([
      order({
        orderId: "1001",
        certId: "501",
        notBefore: "2027-01-01T00:00:00.000Z",
        notAfter: NOT_AFTER,
        renewalDue: "2027-03-08T00:00:00.000Z",
      }),
      hostname({ name: "cas", hostname: "shop.example.com", certType: "cas", casId: "501" }),
      binding({ name: "ga", domain: "shop.example.com", certId: "501" }),
      binding({ name: "ga2", domain: "www.shop.example.com", certId: "501" }),
    ]);
    const notFound = new AlibabaCloudError({
      product: "esa",
      action: "GetCustomHostname",
      kind: "api",
      code: "CustomHostname.NotFound",
      serviceMessage: "gone",
      retryable: false,
      notFound: true,
    });
    const fake = fakeApi({
      DescribeCertificateState: [() => ({ RequestId: "r", Type: "unknow" })],
      GetCustomHostname: [
        () => {
          throw notFound;
        },
      ],
      ListListenerCertificates: [() => ({ RequestId: "r", TotalCount: 0, Certificates: [] })],
    });
    const result = await runStatus(["--live", "--json"], { ...deps(text, NOW), liveApi: () => fake.api });
    assert.deepEqual(
      fake.actions,
      ["DescribeCertificateState", "GetCustomHostname", "ListListenerCertificates"],
      "one listing per listener",
    );
    const report = JSON.parse(result.stdout) as StatusReport;
    assert.deepEqual(report.alarms.map((a) => `${a.kind} ${a.subject}`).sort(), [
      "drift cas",
      "drift certificate",
      "drift ga",
      "drift ga2",
      "revoked certificate",
    ]);
    assert.match(
      report.alarms.find((a) => a.subject === "certificate" && a.kind === "drift")?.message ?? "",
      /the state records it issued \(certificate 501\), CAS says unknow/,
    );

    const failing = fakeApi({
      DescribeCertificateState: [
        () => {
          throw new Error("socket hang up");
        },
      ],
    });
    const failed = await runStatus(["--live", "--json"], {
      ...deps(exportText([order({ orderId: "1001" })]), NOW),
      liveApi: () => failing.api,
    });
    assert.equal(failed.exitCode, 1);
    assert.deepEqual(
      (JSON.parse(failed.stdout) as StatusReport).alarms.map((a) => a.kind),
      ["live-read-failed"],
    );
  });
});
