/** esa.CustomHostname check: an expired or not-yet-valid upload fails only when the certificate is new or changed. */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { parseInputs } from "../../../provider/resources/esa/custom-hostname/inputs";
import { selfSignedCertificate, type TestCertificate } from "../../helpers/x509";

const DAY = 86_400_000;
const BASE = {
  siteId: "7096621098379520",
  hostname: "shop.customer.com",
  recordId: "4042843419650112",
  certType: "upload",
};

function upload(cert: TestCertificate): Record<string, unknown> {
  return { ...BASE, certificate: cert.certificate, privateKey: cert.privateKey };
}

describe("esa.CustomHostname uploaded certificate validity (unit)", () => {
  let expired: TestCertificate;
  let future: TestCertificate;
  let current: TestCertificate;
  before(async () => {
    const names = ["shop.customer.com"];
    expired = await selfSignedCertificate({
      cn: names[0] ?? "",
      dnsNames: names,
      notBefore: new Date(Date.now() - 30 * DAY),
      notAfter: new Date(Date.now() - DAY),
    });
    future = await selfSignedCertificate({
      cn: names[0] ?? "",
      dnsNames: names,
      notBefore: new Date(Date.now() + DAY),
      notAfter: new Date(Date.now() + 30 * DAY),
    });
    current = await selfSignedCertificate({ cn: names[0] ?? "", dnsNames: names });
  });

  it("rejects a new certificate that has expired, without quoting the PEM", () => {
    const { failures } = checkInputs(upload(expired), { previous: undefined, now: new Date() });
    assert.equal(failures.length, 1, JSON.stringify(failures));
    assert.equal(failures[0]?.property, "", "the certificate is a secret output: reported without property");
    assert.match(
      failures[0]?.reason ?? "",
      /^certificate \(subject "CN=shop.customer.com"\) expired \d{4}-.*upload a certificate that is valid now/,
    );
    assert.doesNotMatch(failures[0]?.reason ?? "", /BEGIN CERTIFICATE/);
  });

  it("rejects a certificate that is not valid yet, and one changed from a current one to an expired one", () => {
    const notYet = checkInputs(upload(future), { previous: undefined, now: new Date() }).failures;
    assert.match(notYet[0]?.reason ?? "", /is not valid yet: its validity starts/);
    const changed = checkInputs(upload(expired), { previous: current.certificate, now: new Date() }).failures;
    assert.match(changed[0]?.reason ?? "", /expired/);
  });

  it("accepts an unchanged certificate that has expired since, and a current one", () => {
    const unchanged = checkInputs(upload(expired), { previous: `\n${expired.certificate}\n`, now: new Date() });
    assert.deepEqual(unchanged.failures, []);
    assert.deepEqual(checkInputs(upload(current), { previous: undefined, now: new Date() }).failures, []);
  });

  it("never applies the clock at create or update (parseInputs), so an accepted certificate cannot fail them later", () => {
    assert.equal(parseInputs(upload(expired)).certType, "upload");
  });
});
