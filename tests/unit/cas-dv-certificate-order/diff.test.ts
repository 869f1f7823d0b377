/** Unit tier for `cas.DvCertificateOrder`: diff decisions. Table-driven; no API and no host. */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { diffOrder } from "../../../provider/resources/cas/dv-certificate-order/diff";
import { CONTACT, type Bag } from "./fixtures";

describe("unit: cas.DvCertificateOrder", () => {
  describe("diff", () => {
    const olds: Bag = {
      csr: "A",
      ...CONTACT,
      validateType: "DNS",
      orderId: "98987582437920968",
      state: "domain_verify",
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
    };
    const news: Bag = {
      csr: "A",
      ...CONTACT,
      validateType: "DNS",
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
    };
    const table: { name: string; change: Bag; changes: boolean; replaces: string[] }[] = [
      { name: "nothing", change: {}, changes: false, replaces: [] },
      {
        name: "default productCode spelled out",
        change: { productCode: "digicert-free-1-free" },
        changes: false,
        replaces: [],
      },
      { name: "empty tags", change: { tags: {} }, changes: false, replaces: [] },
      { name: "the own orderId spelled out", change: { orderId: "98987582437920968" }, changes: false, replaces: [] },
      { name: "csr", change: { csr: "B" }, changes: true, replaces: ["csr"] },
      { name: "unknown csr", change: { csr: UNKNOWN }, changes: true, replaces: ["csr"] },
      { name: "email", change: { email: "b@example.com" }, changes: true, replaces: ["email"] },
      { name: "validateType", change: { validateType: "FILE" }, changes: true, replaces: ["validateType"] },
      {
        name: "productCode",
        change: { productCode: "geotrust-dv-1-starter" },
        changes: true,
        replaces: ["productCode"],
      },
      { name: "tags", change: { tags: { a: "1" } }, changes: true, replaces: ["tags"] },
      { name: "another orderId", change: { orderId: "5" }, changes: true, replaces: ["orderId"] },
      { name: "waitForIssuance (in place)", change: { waitForIssuance: true }, changes: true, replaces: [] },
      {
        name: "issuanceTimeoutSeconds (in place)",
        change: { issuanceTimeoutSeconds: 60 },
        changes: true,
        replaces: [],
      },
      { name: "revokeOnDelete (in place)", change: { revokeOnDelete: true }, changes: true, replaces: [] },
    ];
    for (const row of table) {
      it(`${row.name} → ${row.changes ? (row.replaces.length > 0 ? "replace" : "update") : "no change"}`, () => {
        const result = diffOrder("1", olds, { ...news, ...row.change });
        assert.equal(result.changes, row.changes);
        assert.deepEqual(result.replaces, row.replaces);
      });
    }
    it("tag order does not matter", () => {
      assert.equal(
        diffOrder("1", { ...olds, tags: { a: "1", b: "2" } }, { ...news, tags: { b: "2", a: "1" } }).changes,
        false,
      );
    });
  });
});
