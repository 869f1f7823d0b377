/** Every resource's check rejects a misspelled input name with a suggestion, without showing its value. */
import "reflect-metadata"; // before @peculiar/x509 (the CAS CSR module loads it)
import { strict as assert } from "node:assert";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { checkValidation } from "../../../provider/resources/cas/dv-certificate-validation/check";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { checkBinding } from "../../../provider/resources/ga/listener-additional-certificate/check";
import { checkBindingSet } from "../../../provider/resources/ga/listener-additional-certificates/check";
import { CONTACT, shopCsr } from "../cas-dv-certificate-order/fixtures";
import { ACC, GOOD } from "../ga/fixtures";

type Failures = readonly { property: string; reason: string }[] | undefined;
const ESA = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };

function assertSuggests(failures: Failures, typo: string, suggestion: string): void {
  const hit = (failures ?? []).find((f) => f.reason.startsWith(`"${typo}" is not an input`));
  assert.ok(hit, `no unknown-input failure for ${typo}: ${JSON.stringify(failures)}`);
  assert.equal(hit.property, "", "an unknown key is reported without property (its value is never printed)");
  assert.match(hit.reason, new RegExp(`did you mean "${suggestion}"\\?`));
}

describe("unknown input names, every resource (unit)", () => {
  it("esa.CustomHostname", async () => {
    assertSuggests(
      checkInputs({ ...ESA, certType: "free", waitTimeoutSecond: 60 }).failures,
      "waitTimeoutSecond",
      "waitTimeoutSeconds",
    );
    assert.deepEqual(
      checkInputs({ ...ESA, certType: "free", status: "online" }).failures,
      [],
      "an output name is not unknown",
    );
  });

  it("cas.DvCertificateOrder", async () => {
    const { csr } = await shopCsr();
    const result = await checkOrder({}, { csr, ...CONTACT, validateType: "DNS", emial: "ada@example.com" });
    assertSuggests(result.failures, "emial", "email");
    assert.ok(!JSON.stringify(result.failures).includes("ada@example.com"), "the misspelled key's value is not shown");
    const renewal = await checkOrder({}, { csr, ...CONTACT, validateType: "DNS", renewBeforeDay: 20 });
    assertSuggests(renewal.failures, "renewBeforeDay", "renewBeforeDays");
    const known = await checkOrder(
      {},
      { csr, ...CONTACT, validateType: "DNS", renewBeforeDays: 20, validationDelegation: { zone: "dcv.example.com" } },
    );
    assert.deepEqual(known.failures, [], "the renewal inputs are inputs");
  });

  it("cas.DvCertificateValidation", async () => {
    const result = await checkValidation({}, { orderId: "98987582437920968", timeoutSecond: 60 });
    assertSuggests(result.failures, "timeoutSecond", "timeoutSeconds");
    const echoed = await checkValidation({}, { orderId: "98987582437920968", notAfter: "2027-01-01T00:00:00Z" });
    assert.deepEqual(echoed.failures, [], "an output name is not unknown");
  });

  it("ga.ListenerAdditionalCertificate", async () => {
    assertSuggests(
      (await checkBinding({}, { ...GOOD, certificateID: "1-cn-hangzhou" })).failures,
      "certificateID",
      "certificateId",
    );
  });

  it("ga.ListenerAdditionalCertificates", async () => {
    const result = await checkBindingSet({}, { acceleratorId: ACC, listenerId: GOOD.listenerId, certificate: {} });
    assertSuggests(result.failures, "certificate", "certificates");
  });
});
