/** esa.CustomHostname check: normalization, every documented rule, unknown values at preview. Pure: no API. */
import { strict as assert } from "node:assert";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { parseInputs } from "../../../provider/resources/esa/custom-hostname/inputs";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { BAD_CASES, BASE, type Certs } from "../../helpers/esa-bad-inputs";
import { selfSignedCertificate } from "../../helpers/test-certs";
import { failedProperty } from "../../helpers/check-failures";

describe("esa.CustomHostname check (unit)", () => {
  let certs: Certs;
  before(async () => {
    certs = {
      shop: await selfSignedCertificate(["shop.customer.com"]),
      other: await selfSignedCertificate(["other.example.org"]),
    };
  });

  it("normalizes: trims and lower-cases the hostname, ids as strings, SSL on when certType is set, defaults filled", () => {
    const { inputs, failures } = checkInputs({
      siteId: 7096621098379520,
      hostname: "  Shop.Customer.COM. ",
      recordId: 4042843419650112,
      certType: "free",
    });
    assert.deepEqual(failures, []);
    assert.deepEqual(inputs, {
      siteId: "7096621098379520",
      hostname: "shop.customer.com",
      recordId: "4042843419650112",
      sslFlag: "on",
      certType: "free",
      waitFor: "none",
      waitTimeoutSeconds: 1800,
      adoptExisting: false,
    });
  });

  it("maps a CAS CertIdentifier onto casId and casRegion (both documented regions)", () => {
    const china = checkInputs({ ...BASE, certType: "cas", certIdentifier: "123-cn-hangzhou" });
    assert.deepEqual(china.failures, []);
    assert.deepEqual([china.inputs.casId, china.inputs.casRegion], ["123", "cn-hangzhou"]);
    const { inputs, failures } = checkInputs({ ...BASE, certType: "cas", certIdentifier: "12345678-ap-southeast-1" });
    assert.deepEqual(failures, []);
    assert.equal(inputs.casId, "12345678");
    assert.equal(inputs.casRegion, "ap-southeast-1");
    assert.equal(inputs.certIdentifier, "12345678-ap-southeast-1");
  });

  it("accepts an uploaded certificate that parses, covers the hostname and matches its key", () => {
    const { inputs, failures } = checkInputs({
      ...BASE,
      certType: "upload",
      certificate: certs.shop.certificate,
      privateKey: certs.shop.privateKey,
    });
    assert.deepEqual(failures, []);
    assert.equal(inputs.privateKey, certs.shop.privateKey.trim());
    assert.equal(
      parseInputs({
        ...BASE,
        certType: "upload",
        certificate: certs.shop.certificate,
        privateKey: certs.shop.privateKey,
      }).certType,
      "upload",
    );
  });

  it(`rejects ${BAD_CASES.length} bad inputs, naming the property, the value (never a secret) and the rule`, () => {
    assert.ok(BAD_CASES.length >= 15);
    for (const bad of BAD_CASES) {
      const inputs = bad.inputs(certs);
      const { failures } = checkInputs({ ...BASE, ...inputs });
      const hit = failures.find((f) => failedProperty(f) === bad.property && bad.reason.test(f.reason));
      assert.ok(
        hit,
        `${bad.name}: expected a ${bad.property} failure matching ${bad.reason}, got ${JSON.stringify(failures)}`,
      );
      const key = inputs["privateKey"];
      if (typeof key === "string") {
        const sample = key.length > 60 ? key.trim().slice(30, 60) : key;
        for (const f of failures) assert.ok(!f.reason.includes(sample), `${bad.name}: a reason quotes the private key`);
      }
      assert.throws(() => parseInputs({ ...BASE, ...inputs }), /invalid esa.CustomHostname inputs/);
    }
  });

  it("skips rules that depend on values unknown at preview, and keeps the sentinel", () => {
    const cases: Record<string, unknown>[] = [
      { siteId: UNKNOWN, hostname: UNKNOWN, recordId: UNKNOWN },
      { ...BASE, sslFlag: UNKNOWN, certType: "upload", certificate: UNKNOWN, privateKey: UNKNOWN },
      { ...BASE, certType: UNKNOWN, certificate: UNKNOWN, privateKey: UNKNOWN },
      { ...BASE, certType: "cas", certIdentifier: UNKNOWN },
      { ...BASE, certType: "upload", certificate: certs.shop.certificate, privateKey: UNKNOWN },
      {
        ...BASE,
        hostname: UNKNOWN,
        certType: "upload",
        certificate: certs.shop.certificate,
        privateKey: certs.shop.privateKey,
      },
      {
        ...BASE,
        waitTimeoutSeconds: UNKNOWN,
        adoptExisting: UNKNOWN,
        certType: "free",
        applyCertificateTrigger: UNKNOWN,
      },
    ];
    for (const news of cases) {
      const { inputs, failures } = checkInputs(news);
      assert.deepEqual(failures, [], JSON.stringify(news).slice(0, 200));
      for (const key of ["siteId", "hostname", "certificate"])
        if (news[key] === UNKNOWN) assert.equal(inputs[key as keyof typeof inputs], UNKNOWN);
    }
  });
});
