/** Unit tier for `cas.DvCertificateOrder`: delegated validation records and the outputs derived from them. */
import { strict as assert } from "node:assert";
import {
  delegatedRecord,
  delegationCname,
  delegationLabel,
} from "../../../provider/resources/cas/dv-certificate-order/delegation";
import { withDerivedOutputs } from "../../../provider/resources/cas/dv-certificate-order/mapping";
import { type DvCertificateOrderOutputs } from "../../../provider/resources/cas/dv-certificate-order/types";

describe("unit: cas.DvCertificateOrder delegated validation", () => {
  it("derives a stable DNS label from the domain alone", () => {
    const label = delegationLabel("shop.customer.com");
    assert.match(label, /^dcv-[0-9a-f]{32}$/);
    assert.ok(label.length <= 63);
    assert.equal(delegationLabel("SHOP.customer.com."), label, "case and a trailing dot do not matter");
    assert.equal(delegationLabel("*.shop.customer.com"), label, "a wildcard validates the same domain");
    assert.notEqual(delegationLabel("shop2.customer.com"), label);
  });

  it("gives the customer's CNAME and the platform's TXT at the same name", () => {
    const cname = delegationCname("shop.customer.com", "dcv.example-saas.com");
    const txt = delegatedRecord("shop.customer.com", "dcv.example-saas.com", "token-1");
    assert.deepEqual(cname, {
      name: "_dnsauth.shop.customer.com",
      type: "CNAME",
      value: `${delegationLabel("shop.customer.com")}.dcv.example-saas.com`,
    });
    assert.deepEqual(txt, { name: cname.value, type: "TXT", value: "token-1" });
  });

  const base = {
    orderId: "1",
    commonName: "shop.customer.com",
    waitForIssuance: false,
    issuanceTimeoutSeconds: 3600,
    revokeOnDelete: false,
    renewBeforeDays: 30,
    validationDelegation: { zone: "dcv.example-saas.com" },
  };

  it("while pending: the CNAME and the per-order TXT, no renewal date", () => {
    const outs = withDerivedOutputs({
      ...base,
      state: "domain_verify",
      recordDomain: "_dnsauth.shop.customer.com",
      recordType: "TXT",
      recordValue: "token-1",
    } as DvCertificateOrderOutputs);
    assert.equal(outs.delegatedRecord?.value, "token-1");
    assert.equal(outs.delegationCname?.name, "_dnsauth.shop.customer.com");
    assert.equal(outs.renewalDue, undefined);
  });

  it("once issued: the CNAME and this order's TXT stay, renewalDue appears and follows renewBeforeDays", () => {
    const issued = {
      ...base,
      state: "certificate",
      notAfter: "2027-03-01T00:00:00.000Z",
    } as DvCertificateOrderOutputs;
    const recorded = { orderId: "1", delegatedRecord: { name: "x", type: "TXT", value: "token-1" } };
    assert.equal(withDerivedOutputs(issued, recorded).delegatedRecord?.value, "token-1", "kept for the same order");
    assert.equal(withDerivedOutputs(issued, { ...recorded, orderId: "2" }).delegatedRecord, undefined);
    const outs = withDerivedOutputs(issued);
    assert.equal(outs.delegatedRecord, undefined, "unknown when never recorded");
    assert.ok(outs.delegationCname !== undefined);
    assert.equal(outs.renewalDue, "2027-01-30T00:00:00.000Z");
    assert.equal(withDerivedOutputs({ ...issued, renewBeforeDays: 0 }).renewalDue, undefined);
    const { validationDelegation: _zone, ...undelegated } = issued;
    assert.equal(withDerivedOutputs(undelegated as DvCertificateOrderOutputs).delegationCname, undefined);
  });
});
