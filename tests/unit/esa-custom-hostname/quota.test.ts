import { strict as assert } from "node:assert";
import FakeTimers from "@sinonjs/fake-timers";
import {
  createQuota,
  QUOTA_POLICY_ENV,
  QUOTA_WINDOW_ENV,
  QuotaExhaustedError,
  resetCreateQuota,
  sendWithinQuota,
} from "../../../provider/resources/esa/custom-hostname/quota";

/** The quota's progress lines, on a simulated clock, with the window shortened to 90 s. */
describe("esa.CustomHostname create quota (simulated clock)", () => {
  let clock: ReturnType<typeof FakeTimers.install>;
  let lines: { at: number; text: string }[];
  const realWrite = process.stderr.write.bind(process.stderr);
  const started = Date.parse("2026-12-01T10:00:00Z");

  beforeEach(() => {
    clock = FakeTimers.install({ now: started });
    lines = [];
    process.stderr.write = ((chunk: string | Uint8Array): boolean => {
      lines.push({ at: Date.now() - started, text: String(chunk) });
      return true;
    }) as typeof process.stderr.write;
    process.env[QUOTA_WINDOW_ENV] = "90000";
    resetCreateQuota();
    for (let i = 0; i < 100; i++) createQuota().tryTake();
  });
  afterEach(() => {
    process.stderr.write = realWrite;
    clock.uninstall();
    delete process.env[QUOTA_WINDOW_ENV];
    delete process.env[QUOTA_POLICY_ENV];
    resetCreateQuota();
  });

  it("waits for the slot with a line at once and every 30 s, then sends once", async () => {
    let sent = 0;
    const result = sendWithinQuota("c101.customer.com", started + 600_000, async () => ++sent);
    await clock.tickAsync(89_000);
    assert.equal(sent, 0, "nothing sent while the window is full");
    await clock.tickAsync(2_000);
    assert.equal(await result, 1);
    const waits = lines.filter((l) => l.text.includes("waits:"));
    assert.deepEqual(
      waits.map((l) => l.at),
      [0, 30_000, 60_000],
    );
    assert.match(
      waits[0]?.text ?? "",
      /^esa\.CustomHostname c101\.customer\.com waits: the CreateCustomHostname quota is used up \(100 of 100 this hour\); 1 create queued; the next slot opens at 10:01:30 UTC \(in 90s\)\n$/,
    );
    assert.match(waits[2]?.text ?? "", /\(in 30s\)/);
  });

  it("counts every create waiting in the process", async () => {
    const a = sendWithinQuota("a.customer.com", started + 600_000, async () => "a");
    const b = sendWithinQuota("b.customer.com", started + 600_000, async () => "b");
    await clock.tickAsync(0);
    assert.match(lines.at(-1)?.text ?? "", /^esa\.CustomHostname b\.customer\.com waits: .*; 2 creates queued;/);
    await clock.tickAsync(91_000);
    assert.deepEqual(await Promise.all([a, b]), ["a", "b"]);
  });

  it("fails at once when the slot opens after the deadline", async () => {
    const result = sendWithinQuota("c.customer.com", started + 60_000, async () => "never").catch((e: unknown) => e);
    await clock.tickAsync(0);
    const error = await result;
    assert.ok(error instanceof QuotaExhaustedError);
    assert.match(
      error.message,
      /^quota: 100 of 100 CreateCustomHostname calls used this hour; the next slot opens at 10:01:30 UTC/,
    );
    assert.match(error.message, /after this create's deadline \(60s after it started\)/);
  });

  it("says so when a create uses half the window's quota, and the last of it", async () => {
    resetCreateQuota();
    for (let i = 0; i < 49; i++) createQuota().tryTake();
    await clock.tickAsync(1000);
    await sendWithinQuota("c50.customer.com", started + 600_000, async () => "50");
    assert.match(
      lines.at(-1)?.text ?? "",
      /^esa\.CustomHostname c50\.customer\.com: CreateCustomHostname quota 50 of 100 used this hour; creates past 100 wait until slots reopen, the first at 10:01:30 UTC\n$/,
    );
    for (let i = 0; i < 49; i++) createQuota().tryTake();
    await sendWithinQuota("c100.customer.com", started + 600_000, async () => "100");
    assert.match(
      lines.at(-1)?.text ?? "",
      /^esa\.CustomHostname c100\.customer\.com: CreateCustomHostname quota 100 of 100 used this hour; further creates wait until 10:01:30 UTC\n$/,
    );
    assert.equal(lines.length, 2, "no line for the other creates");
  });

  it('with policy "fail", fails at once without sending', async () => {
    process.env[QUOTA_POLICY_ENV] = "fail";
    let sent = 0;
    const error = await sendWithinQuota("c.customer.com", started + 600_000, async () => ++sent).catch(
      (e: unknown) => e,
    );
    assert.ok(error instanceof QuotaExhaustedError);
    assert.match(error.message, /^quota: 100 of 100 CreateCustomHostname calls used this hour/);
    assert.equal(sent, 0);
  });
});
