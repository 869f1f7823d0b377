/**
 * The CA/B Forum schedule module (emulator/core/ca-schedule.ts): ballot SC-081v3's steps on each side of their
 * dates, the inclusive validity period of RFC 5280 §4.1.2.5 / BR §6.3.2 in whole seconds, the BR §4.2.1 reuse
 * rule, and the validation of user-given schedules. Properties run over generated instants and schedules.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import {
  DAY_MS,
  SC081_SCHEDULE,
  dcvReusable,
  limitsAt,
  notAfterFor,
  parseCaSchedule,
  validityPeriodDays,
  type CaScheduleEntry,
} from "../../emulator/core/ca-schedule";

const at = (iso: string): number => Date.parse(iso);
const SECOND = 1000;

/** The ballot, written out independently of the module: [first instant, max validity, max DCV reuse]. */
const BALLOT: readonly (readonly [number, number, number])[] = [
  [at("2026-03-15T00:00:00Z"), 200, 200],
  [at("2027-03-15T00:00:00Z"), 100, 100],
  [at("2029-03-15T00:00:00Z"), 47, 10],
];

function ballotAt(ms: number): { validityDays: number; dcvReuseDays: number } {
  let limits = { validityDays: 398, dcvReuseDays: 398 };
  for (const [from, validityDays, dcvReuseDays] of BALLOT) if (ms >= from) limits = { validityDays, dcvReuseDays };
  return limits;
}

describe("core: the CA schedule (ballot SC-081v3)", () => {
  it("steps at 00:00:00 UTC of 2026-03-15, 2027-03-15 and 2029-03-15", () => {
    const cases: [string, number, number][] = [
      ["2026-03-14T23:59:59.999Z", 398, 398],
      ["2026-03-15T00:00:00.000Z", 200, 200],
      ["2027-03-14T23:59:59.999Z", 200, 200],
      ["2027-03-15T00:00:00.000Z", 100, 100],
      ["2029-03-14T23:59:59.999Z", 100, 100],
      ["2029-03-15T00:00:00.000Z", 47, 10],
      ["2040-01-01T00:00:00.000Z", 47, 10],
      ["2001-01-01T00:00:00.000Z", 398, 398],
    ];
    for (const [iso, validityDays, dcvReuseDays] of cases) {
      assert.deepEqual(limitsAt(SC081_SCHEDULE, at(iso)), { validityDays, dcvReuseDays }, iso);
    }
  });

  it("agrees with the ballot at every instant from 2020 to 2035", () => {
    fc.assert(
      fc.property(fc.integer({ min: at("2020-01-01T00:00:00Z"), max: at("2035-01-01T00:00:00Z") }), (ms) => {
        assert.deepEqual(limitsAt(SC081_SCHEDULE, ms), ballotAt(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it("an N-day validity period ends N × 86,400 s − 1 s after notBefore, counted inclusively both ways", () => {
    assert.equal(notAfterFor(at("2026-12-06T00:00:00Z"), 200), at("2027-06-23T23:59:59Z"));
    assert.equal(validityPeriodDays(at("2026-12-06T00:00:00Z"), at("2027-06-23T23:59:59Z")), 200);
    // One more second is a 201st day (BR §6.3.2: any fraction of a day is an additional day).
    assert.equal(validityPeriodDays(at("2026-12-06T00:00:00Z"), at("2027-06-24T00:00:00Z")), 201);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000 }).map((s) => s * SECOND),
        fc.integer({ min: 1, max: 3650 }),
        (notBefore, days) => {
          const notAfter = notAfterFor(notBefore, days);
          assert.equal(notAfter % SECOND, 0, "whole seconds, as X.509 encodes them");
          assert.equal(validityPeriodDays(notBefore, notAfter), days);
          assert.equal(validityPeriodDays(notBefore, notAfter + SECOND), days + 1);
        },
      ),
    );
  });

  it("reuses a validation no more than the reuse period in force at issuance before it (BR §4.2.1)", () => {
    const issue = at("2027-06-01T00:00:00Z"); // 100-day period
    assert.equal(dcvReusable(SC081_SCHEDULE, issue - 100 * DAY_MS, issue), true, "exactly 100 days");
    assert.equal(dcvReusable(SC081_SCHEDULE, issue - 100 * DAY_MS - 1, issue), false, "1 ms more");
    // The period at issuance counts, not the one at validation: 15 days before 2029-03-20 was inside 100 days then.
    assert.equal(dcvReusable(SC081_SCHEDULE, at("2029-03-05T00:00:00Z"), at("2029-03-20T00:00:00Z")), false);
    assert.equal(dcvReusable(SC081_SCHEDULE, at("2029-03-12T00:00:00Z"), at("2029-03-20T00:00:00Z")), true);
    assert.equal(dcvReusable(SC081_SCHEDULE, issue + 1, issue), false, "never from the future");
    fc.assert(
      fc.property(
        fc.integer({ min: at("2025-01-01T00:00:00Z"), max: at("2031-01-01T00:00:00Z") }),
        fc.integer({ min: 0, max: 500 * DAY_MS }),
        (issueAt, age) => {
          const expected = age <= ballotAt(issueAt).dcvReuseDays * DAY_MS;
          assert.equal(dcvReusable(SC081_SCHEDULE, issueAt - age, issueAt), expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  describe("parseCaSchedule", () => {
    it("accepts ISO dates and UTC date-times, normalised to instants", () => {
      assert.deepEqual(
        parseCaSchedule([
          { from: "2020-01-01", validityDays: 90, dcvReuseDays: 0 },
          { from: "2027-03-15T08:00:00+08:00", validityDays: 30, dcvReuseDays: 30 },
        ]),
        [
          { from: "2020-01-01T00:00:00.000Z", validityDays: 90, dcvReuseDays: 0 },
          { from: "2027-03-15T00:00:00.000Z", validityDays: 30, dcvReuseDays: 30 },
        ],
      );
      assert.deepEqual(parseCaSchedule(SC081_SCHEDULE), SC081_SCHEDULE);
    });

    it("rejects each malformed schedule, naming the entry and field", () => {
      const ok = { from: "2026-03-15", validityDays: 200, dcvReuseDays: 200 };
      const cases: [unknown, RegExp][] = [
        [[], /non-empty list/],
        [{}, /non-empty list/],
        [[null], /caSchedule\[0\] must be an object/],
        [[{ ...ok, extra: 1 }], /caSchedule\[0\] has unknown field\(s\): extra/],
        [[{ ...ok, from: "15/03/2026" }], /caSchedule\[0\]\.from must be an ISO 8601/],
        [[{ ...ok, from: "2026-02-30" }], /caSchedule\[0\]\.from must be an ISO 8601/],
        [[{ ...ok, from: "2026-13-01" }], /caSchedule\[0\]\.from must be an ISO 8601/],
        [[{ ...ok, from: "2026-03-15T24:00Z" }], /caSchedule\[0\]\.from must be an ISO 8601/],
        [[{ ...ok, from: "2026-03-15T00:00" }], /caSchedule\[0\]\.from must be an ISO 8601/],
        [[{ ...ok, from: 1773532800000 }], /caSchedule\[0\]\.from/],
        [[{ ...ok, validityDays: 0 }], /caSchedule\[0\]\.validityDays must be an integer from 1/],
        [[{ ...ok, validityDays: 1.5 }], /validityDays must be an integer/],
        [[{ ...ok, dcvReuseDays: -1 }], /caSchedule\[0\]\.dcvReuseDays must be an integer from 0/],
        [[{ ...ok, dcvReuseDays: "10" }], /dcvReuseDays must be an integer/],
        [[ok, ok], /caSchedule\[1\]\.from \(2026-03-15T00:00:00.000Z\) must be later than caSchedule\[0\]\.from/],
      ];
      for (const [input, message] of cases) assert.throws(() => parseCaSchedule(input), message);
    });

    it("any ascending schedule parses, and limitsAt picks the last step that has started (the first before it)", () => {
      const entry = fc.record({
        from: fc.integer({ min: at("2000-01-01T00:00:00Z"), max: at("2050-01-01T00:00:00Z") }),
        validityDays: fc.integer({ min: 1, max: 1000 }),
        dcvReuseDays: fc.integer({ min: 0, max: 1000 }),
      });
      fc.assert(
        fc.property(
          fc.uniqueArray(entry, { minLength: 1, maxLength: 6, selector: (e) => e.from }),
          fc.integer({ min: at("1990-01-01T00:00:00Z"), max: at("2060-01-01T00:00:00Z") }),
          (raw, instant) => {
            const sorted = [...raw].sort((a, b) => a.from - b.from);
            const schedule: CaScheduleEntry[] = parseCaSchedule(
              sorted.map((e) => ({ ...e, from: new Date(e.from).toISOString() })),
            );
            const started = sorted.filter((e) => e.from <= instant);
            const expected = started[started.length - 1] ?? sorted[0];
            assert.deepEqual(limitsAt(schedule, instant), {
              validityDays: expected?.validityDays,
              dcvReuseDays: expected?.dcvReuseDays,
            });
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
