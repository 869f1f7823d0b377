/**
 * The one `__provider` diff policy (provider/resources/common/diff.ts), across every resource: a change of the
 * serialized provider alone is no change, and it never hides a real one. Table-driven over every resource's diff.
 */
import { strict as assert } from "node:assert";
import { type DiffResult } from "@pulumi/pulumi/dynamic";
import { diffOrder } from "../../../provider/resources/cas/dv-certificate-order/diff";
import { diffValidation } from "../../../provider/resources/cas/dv-certificate-validation/diff";
import { diffCustomHostname } from "../../../provider/resources/esa/custom-hostname/diff";
import { diffBinding } from "../../../provider/resources/ga/listener-additional-certificate/diff";
import { diffBindingSet } from "../../../provider/resources/ga/listener-additional-certificates/diff";

type Bag = Record<string, unknown>;

interface PolicyCase {
  readonly resource: string;
  readonly diff: (olds: Bag, news: Bag) => Promise<DiffResult> | DiffResult;
  /** Stored outputs (which include the inputs). */
  readonly olds: Bag;
  /** The same inputs as `olds`, as check returns them. */
  readonly news: Bag;
  /** One real in-place change, to show the policy does not hide it. */
  readonly realChange: Bag;
}

const CERT = "6092123-cn-hangzhou";
const cases: PolicyCase[] = [
  {
    resource: "cas.DvCertificateValidation",
    diff: (olds, news) => diffValidation("98987582437920968", olds, news),
    olds: { orderId: "98987582437920968", timeoutSeconds: 3600, state: "certificate", certIdentifier: CERT },
    news: { orderId: "98987582437920968", timeoutSeconds: 3600 },
    realChange: { timeoutSeconds: 60 },
  },
  {
    resource: "esa.CustomHostname",
    diff: (olds, news) => diffCustomHostname(olds, news),
    olds: {
      siteId: "7096621098379520",
      hostname: "shop.customer.com",
      recordId: "4042843419650112",
      sslFlag: "off",
      waitFor: "none",
      waitTimeoutSeconds: 1800,
      adoptExisting: false,
      hostnameId: "7200000000000001",
      status: "active",
    },
    news: {
      siteId: "7096621098379520",
      hostname: "shop.customer.com",
      recordId: "4042843419650112",
      sslFlag: "off",
      waitFor: "none",
      waitTimeoutSeconds: 1800,
      adoptExisting: false,
    },
    realChange: { recordId: "4042843419650113" },
  },
  {
    resource: "cas.DvCertificateOrder",
    diff: (olds, news) => diffOrder("98987582437920968", olds, news),
    olds: {
      csr: "A",
      validateType: "DNS",
      orderId: "98987582437920968",
      state: "domain_verify",
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
    },
    news: {
      csr: "A",
      validateType: "DNS",
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
    },
    realChange: { revokeOnDelete: true },
  },
  {
    resource: "ga.ListenerAdditionalCertificate",
    diff: (olds, news) => diffBinding("id", olds, news),
    olds: {
      acceleratorId: "ga-a1",
      listenerId: "lsr-l1",
      domain: "a.example.com",
      certificateId: CERT,
      state: "active",
    },
    news: { acceleratorId: "ga-a1", listenerId: "lsr-l1", domain: "a.example.com", certificateId: CERT },
    realChange: { certificateId: "99-cn-hangzhou" },
  },
  {
    resource: "ga.ListenerAdditionalCertificates",
    diff: (olds, news) => diffBindingSet("id", olds, news),
    olds: {
      acceleratorId: "ga-a1",
      listenerId: "lsr-l1",
      certificates: { "a.example.com": CERT },
      domains: ["a.example.com"],
    },
    news: { acceleratorId: "ga-a1", listenerId: "lsr-l1", certificates: { "a.example.com": CERT } },
    realChange: { timeoutSeconds: 60 },
  },
];

describe("unit: the __provider diff policy, for every resource", () => {
  for (const c of cases) {
    it(`${c.resource}: a new __provider alone is no change`, async () => {
      const result = await c.diff({ ...c.olds, __provider: "old provider text" }, { ...c.news, __provider: "new" });
      assert.equal(result.changes, false);
      assert.deepEqual(result.replaces ?? [], []);
    });

    it(`${c.resource}: a missing old __provider (state from before it was stored) is no change either`, async () => {
      assert.equal((await c.diff(c.olds, { ...c.news, __provider: "new" })).changes, false);
    });

    it(`${c.resource}: a real change next to a new __provider is still a change`, async () => {
      const result = await c.diff({ ...c.olds, __provider: "old" }, { ...c.news, ...c.realChange, __provider: "new" });
      assert.equal(result.changes, true);
    });
  }
});
