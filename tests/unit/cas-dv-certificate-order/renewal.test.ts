/** Unit tier for `cas.DvCertificateOrder`: the renewal decision table and the diff it drives, on a fake clock. */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { diffOrder } from "../../../provider/resources/cas/dv-certificate-order/diff";
import { renewalDecision, renewalDue } from "../../../provider/resources/cas/dv-certificate-order/renewal";
import { type DvOrderState } from "../../../provider/resources/cas/dv-certificate-order/types";
import { CONTACT, type Bag } from "./fixtures";

const NOT_AFTER = "2027-03-01T00:00:00.000Z";
const DAY = 86_400_000;
const at = (daysBeforeNotAfter: number): Date => new Date(Date.parse(NOT_AFTER) - daysBeforeNotAfter * DAY);

describe("unit: cas.DvCertificateOrder renewal", () => {
  describe("decision table", () => {
    const table: {
      name: string;
      state: DvOrderState | undefined;
      notAfter?: string;
      days?: number;
      adopted?: boolean;
      now: Date;
      renew: boolean;
      property?: string;
      reason?: RegExp;
    }[] = [
      { name: "outside the window", state: "certificate", notAfter: NOT_AFTER, now: at(31), renew: false },
      {
        name: "at the window's start",
        state: "certificate",
        notAfter: NOT_AFTER,
        now: at(30),
        renew: true,
        property: "notAfter",
        reason: /^certificate for shop\.example\.com expires 2027-03-01; renewing 30 days ahead$/,
      },
      {
        name: "inside the window",
        state: "certificate",
        notAfter: NOT_AFTER,
        now: at(2),
        renew: true,
        property: "notAfter",
      },
      {
        name: "a custom window",
        state: "certificate",
        notAfter: NOT_AFTER,
        days: 7,
        now: at(8),
        renew: false,
      },
      {
        name: "inside a custom window",
        state: "certificate",
        notAfter: NOT_AFTER,
        days: 7,
        now: at(6),
        renew: true,
        reason: /renewing 7 days ahead/,
      },
      {
        name: "expired",
        state: "certificate",
        notAfter: NOT_AFTER,
        now: at(-1),
        renew: true,
        property: "notAfter",
        reason: /expired 2027-03-01; renewing now/,
      },
      {
        name: "revoked (state unknow)",
        state: "unknow",
        now: at(100),
        renew: true,
        property: "state",
        reason: /was revoked or cancelled/,
      },
      {
        name: "verify_fail",
        state: "verify_fail",
        now: at(100),
        renew: true,
        property: "state",
        reason: /verify_fail/,
      },
      {
        name: "0 disables inside the window",
        state: "certificate",
        notAfter: NOT_AFTER,
        days: 0,
        now: at(1),
        renew: false,
      },
      {
        name: "0 disables when expired",
        state: "certificate",
        notAfter: NOT_AFTER,
        days: 0,
        now: at(-5),
        renew: false,
      },
      { name: "0 disables after verify_fail", state: "verify_fail", days: 0, now: at(1), renew: false },
      { name: "unknown notAfter", state: "certificate", now: at(1), renew: false },
      { name: "unreadable notAfter", state: "certificate", notAfter: "soon", now: at(1), renew: false },
      { name: "pending order", state: "domain_verify", now: at(1), renew: false },
      { name: "under review", state: "process", now: at(1), renew: false },
      { name: "no recorded state", state: undefined, now: at(1), renew: false },
      { name: "adopted order", state: "certificate", notAfter: NOT_AFTER, adopted: true, now: at(1), renew: false },
    ];
    for (const row of table) {
      it(row.name, () => {
        const decision = renewalDecision(
          {
            state: row.state,
            // No recorded notBefore: the window is the days given (a lifetime-based window is tested below).
            notBefore: undefined,
            notAfter: row.notAfter,
            renewBeforeDays: row.days ?? 30,
            commonName: "shop.example.com",
            adopted: row.adopted ?? false,
          },
          row.now,
        );
        assert.equal(decision.renew, row.renew);
        if (decision.renew) {
          if (row.property !== undefined) assert.equal(decision.property, row.property);
          if (row.reason !== undefined) assert.match(decision.reason, row.reason);
        }
      });
    }
  });

  describe("renewalDue", () => {
    it("is notAfter minus the window", () => {
      assert.equal(renewalDue(undefined, NOT_AFTER, 30), "2027-01-30T00:00:00.000Z");
    });
    it("is absent when renewal is off or nothing is issued", () => {
      assert.equal(renewalDue(undefined, NOT_AFTER, 0), undefined);
      assert.equal(renewalDue(undefined, undefined, 30), undefined);
    });
  });

  describe("diff on the clock", () => {
    const olds: Bag = {
      csr: "A",
      ...CONTACT,
      validateType: "DNS",
      orderId: "98987582437920968",
      state: "certificate",
      commonName: "shop.example.com",
      notAfter: NOT_AFTER,
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
      renewBeforeDays: 30,
    };
    const news: Bag = { csr: "A", ...CONTACT, validateType: "DNS", renewBeforeDays: 30 };

    it("keeps the order outside the window", () => {
      assert.deepEqual(diffOrder("1", olds, news, at(40)), {
        changes: false,
        replaces: [],
        deleteBeforeReplace: false,
      });
    });
    it("replaces create-before-delete inside the window", () => {
      assert.deepEqual(diffOrder("1", olds, news, at(10)), {
        changes: true,
        replaces: ["notAfter"],
        deleteBeforeReplace: false,
      });
    });
    it("uses the new renewBeforeDays, which alone updates in place", () => {
      assert.deepEqual(diffOrder("1", olds, { ...news, renewBeforeDays: 5 }, at(10)), {
        changes: true,
        replaces: [],
        deleteBeforeReplace: false,
      });
      assert.deepEqual(diffOrder("1", olds, { ...news, renewBeforeDays: 0 }, at(-1)).replaces, []);
    });
    it("a renewBeforeDays unknown at preview keeps the recorded one", () => {
      const recorded = { ...olds, renewBeforeDays: 5 };
      assert.deepEqual(diffOrder("1", recorded, { ...news, renewBeforeDays: UNKNOWN }, at(10)).replaces, []);
      assert.deepEqual(diffOrder("1", recorded, { ...news, renewBeforeDays: UNKNOWN }, at(4)).replaces, ["notAfter"]);
    });
    it("replaces an order refresh found verify_fail", () => {
      assert.deepEqual(diffOrder("1", { ...olds, state: "verify_fail" }, news, at(100)).replaces, ["state"]);
    });
    it("a delegation zone change updates in place", () => {
      const diff = diffOrder("1", olds, { ...news, validationDelegation: { zone: "dcv.example.net" } }, at(40));
      assert.deepEqual(diff, { changes: true, replaces: [], deleteBeforeReplace: false });
    });
  });
});
