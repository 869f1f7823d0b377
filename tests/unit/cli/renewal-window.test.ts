/** Unit tier: the renewal time the status report computes for an order that has not recorded `renewalDue` yet. */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { DAY_MS, estimatedRenewalDue } from "../../../provider/cli/status/renewal-window";

const instant = fc
  .integer({ min: Date.parse("2020-01-01"), max: Date.parse("2035-01-01") })
  .map((ms) => Math.floor(ms / 1000) * 1000);

describe("unit: cli/status renewal window", () => {
  it("one third of the inclusive lifetime, renewBeforeDays when below it, nothing when 0", () => {
    const notBefore = "2027-01-01T00:00:00.000Z";
    const notAfter = "2027-04-10T23:59:59.000Z"; // 100 days, inclusive
    const third = Date.parse(notAfter) - (100 * DAY_MS) / 3;
    assert.equal(estimatedRenewalDue(notBefore, notAfter, undefined), new Date(Math.ceil(third)).toISOString());
    assert.equal(estimatedRenewalDue(notBefore, notAfter, 10), "2027-03-31T23:59:59.000Z");
    assert.equal(estimatedRenewalDue(notBefore, notAfter, 100), new Date(Math.ceil(third)).toISOString(), "fallback");
    assert.equal(estimatedRenewalDue(notBefore, notAfter, 0), undefined);
    assert.equal(
      estimatedRenewalDue(undefined, notAfter, undefined),
      "2027-03-11T23:59:59.000Z",
      "30 days without notBefore",
    );
    assert.equal(estimatedRenewalDue(notBefore, "not a date", undefined), undefined);
  });

  it("invariant: the due time lies after notBefore and at or before notAfter, for every lifetime and setting", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 400 * 86_400 }),
        fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined }),
        (start, lifetimeSeconds, days) => {
          const notBefore = new Date(start).toISOString();
          const notAfter = new Date(start + lifetimeSeconds * 1000).toISOString();
          const due = estimatedRenewalDue(notBefore, notAfter, days);
          assert.ok(due !== undefined);
          assert.ok(Date.parse(due) > start, `${due} after ${notBefore}`);
          assert.ok(Date.parse(due) <= Date.parse(notAfter), `${due} by ${notAfter}`);
        },
      ),
    );
  });
});
