/**
 * Engine tier, issue 24: the short version of the time-travel soak (bench/soak.ts; `npm run soak` runs three
 * years). Two domains, each on an ESA upload hostname, an ESA `cas` hostname and a GA binding, operated with a plain
 * `pulumi up` every 8 simulated days for 160 days, across the SC-081 step of 2027-03-15 (200-day certificates, then
 * 100-day ones), with the first domain's CNAME removed across its renewal window (the renewal must validate again:
 * its validation is past the 100-day reuse period). The soak itself asserts zero serving violations, orders equal to
 * certificates issued and renewals placed only when due, zero API calls on quiet runs, recovery without intervention
 * and nothing left after destroy; this test adds the figures it must show.
 */
import { strict as assert } from "node:assert";
import { runSoak } from "../../bench/soak";

describe("engine tier: renewal soak (plain pulumi up on a schedule, simulated months)", function () {
  this.timeout(1_800_000);

  it("renews every domain once across 2027-03-15, through a validation outage, with quiet runs calling nothing", async () => {
    const result = await runSoak({
      domains: ["alpha.example.com", "beta.example.com"],
      days: 160,
      everyDays: 8,
      validationOutageAfter: "2027-01-01T00:00:00Z",
      validationOutageDays: 9,
      validationTimeoutSeconds: 8,
    });
    assert.deepEqual(result.violations, []);
    assert.deepEqual(result.lifetimes, {
      "alpha.example.com": [200, 100],
      "beta.example.com": [200, 100],
    });
    assert.equal(result.orders, 4, "one first order and one renewal per domain");
    assert.equal(result.renewalsNeeded, 2);
    const quiet = result.runs.filter((r) => r.quiet);
    assert.ok(quiet.length >= 10, `${quiet.length} quiet runs`);
    assert.ok(quiet.every((r) => r.calls === 0));
    assert.ok(
      result.runs.some((r) => !r.ok && r.outage === "validation"),
      "the outage made a run fail",
    );
    assert.ok(result.runs.at(-1)?.ok, "the last run succeeds");
  });
});
