/**
 * Properties of the renewal window (provider/resources/cas/dv-certificate-order/renewal.ts) over generated
 * lifetimes (1–398 days: the longest any public certificate may have had), settings (unset, 0, 1–365 days) and
 * clocks. fast-check generates and shrinks the cases (seeded, so a failure replays).
 *
 * Invariants: a certificate issued a moment ago is never due; a renewal's new certificate is never due on the run
 * that made it; so, run on any schedule, every certificate is renewed at most once (a renewal cannot loop).
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  DAY_MS,
  renewalDecision,
  renewalDue,
  renewalWindow,
  type RenewalFacts,
} from "../../../provider/resources/cas/dv-certificate-order/renewal";

const SECOND = 1000;
/** notBefore instants between 2026 and 2031, whole seconds (certificates carry seconds). */
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1) / SECOND, max: Date.UTC(2031, 0, 1) / SECOND })
  .map((s) => s * SECOND);
/** Lifetimes of 1 to 398 days, counted inclusively (notAfter = notBefore + lifetime − 1 s), in whole seconds. */
const lifetime = fc.integer({ min: DAY_MS / SECOND, max: (398 * DAY_MS) / SECOND }).map((s) => s * SECOND);
/** `renewBeforeDays` as a user may set it: unset, or a whole number of days from 1 to 365 (check's range). */
const setting = fc.option(fc.integer({ min: 1, max: 365 }), { nil: undefined });

function facts(notBefore: number, life: number, renewBeforeDays: number | undefined): RenewalFacts {
  return {
    state: "certificate",
    notBefore: new Date(notBefore).toISOString(),
    notAfter: new Date(notBefore + life - SECOND).toISOString(),
    renewBeforeDays,
    commonName: "shop.example.com",
    adopted: false,
  };
}

describe("unit: cas.DvCertificateOrder renewal window, properties", () => {
  it("the window is always shorter than the certificate's validity span", () => {
    fc.assert(
      fc.property(instant, lifetime, setting, (start, life, days) => {
        const f = facts(start, life, days);
        const window = renewalWindow(f.notBefore, f.notAfter ?? "", days);
        assert.ok(window !== undefined);
        assert.ok(window.ms < life - SECOND, `window ${window.ms} ms for a ${life} ms lifetime`);
        assert.ok(window.ms > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it("a certificate issued a moment ago is never due (up to an hour after notBefore, or until its window)", () => {
    fc.assert(
      fc.property(instant, lifetime, setting, fc.integer({ min: 0, max: 3600 }), (start, life, days, after) => {
        const f = facts(start, life, days);
        const due = Date.parse(renewalDue(f.notBefore, f.notAfter, days) ?? "");
        const now = Math.min(start + after * SECOND, due - 1);
        if (now < start) return; // the window leaves less than a millisecond: covered by the property above
        assert.equal(renewalDecision(f, new Date(now)).renew, false, `due ${new Date(due).toISOString()}`);
      }),
      { numRuns: 2000 },
    );
  });

  it("is due from renewalDue on, and renewalDue is where the decision switches", () => {
    fc.assert(
      fc.property(instant, lifetime, setting, (start, life, days) => {
        const f = facts(start, life, days);
        const due = Date.parse(renewalDue(f.notBefore, f.notAfter, days) ?? "");
        assert.equal(renewalDecision(f, new Date(due - 1)).renew, false);
        assert.equal(renewalDecision(f, new Date(due)).renew, true);
        assert.ok(due > start, "never due at notBefore");
      }),
      { numRuns: 2000 },
    );
  });

  it("a setting at or above the lifetime falls back to one third of it, with a warning", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 398 }), fc.integer({ min: 0, max: 300 }), (start, d, extra) => {
        const life = d * DAY_MS;
        const days = Math.min(365, d + extra);
        if (days < d) return;
        const f = facts(start, life, days);
        const window = renewalWindow(f.notBefore, f.notAfter ?? "", days);
        assert.equal(window?.rule, "fallback");
        assert.equal(window.ms, life / 3);
        const decision = renewalDecision(f, new Date(start));
        assert.match(
          decision.warning ?? "",
          new RegExp(`renewBeforeDays ${days} is at or above its ${d}-day lifetime`),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it("run on any schedule, each certificate is renewed once, and the new one is never due on the run that made it", () => {
    fc.assert(
      fc.property(
        instant,
        fc.array(lifetime, { minLength: 1, maxLength: 12 }),
        setting,
        fc.integer({ min: 1, max: 10 }),
        (start, lifetimes, days, everyDays) => {
          // A stack run every `everyDays` days; each renewal issues the next lifetime at the run's time.
          let cert = facts(start, lifetimes[0] ?? DAY_MS, days);
          let issued = 1;
          const end = start + 3 * 365 * DAY_MS;
          for (let now = start; now < end && issued < lifetimes.length; now += everyDays * DAY_MS) {
            if (!renewalDecision(cert, new Date(now)).renew) continue;
            const previousStart = Date.parse(cert.notBefore ?? "");
            assert.ok(now > previousStart, "a certificate is never renewed at its notBefore");
            cert = facts(now, lifetimes[issued] ?? DAY_MS, days);
            issued++;
            assert.equal(renewalDecision(cert, new Date(now)).renew, false, "the new certificate is due at once");
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("renewBeforeDays: 100 on a 90-day certificate renews once, 30 days ahead, and warns", () => {
    const start = Date.UTC(2027, 3, 1);
    const f = facts(start, 90 * DAY_MS, 100);
    assert.equal(renewalDue(f.notBefore, f.notAfter, 100), new Date(start + 60 * DAY_MS - SECOND).toISOString());
    const quiet = renewalDecision(f, new Date(start + DAY_MS));
    assert.equal(quiet.renew, false);
    assert.match(
      quiet.warning ?? "",
      /renewBeforeDays 100 is at or above its 90-day lifetime.*30 days before notAfter/,
    );
    const due = renewalDecision(f, new Date(start + 60 * DAY_MS));
    assert.ok(due.renew);
    assert.match(due.reason, /renewing 30 days ahead \(one third of its 90-day lifetime\)/);
  });

  it("unset renews when one third of the lifetime remains, for 200-, 100- and 47-day certificates", () => {
    for (const d of [200, 100, 47]) {
      const start = Date.UTC(2027, 0, 1);
      const f = facts(start, d * DAY_MS, undefined);
      const due = Date.parse(renewalDue(f.notBefore, f.notAfter, undefined) ?? "");
      assert.equal(due, Math.ceil(start + d * DAY_MS - SECOND - (d * DAY_MS) / 3), `${d} days`);
      assert.equal(renewalDecision(f, new Date(start)).warning, undefined);
    }
  });
});
