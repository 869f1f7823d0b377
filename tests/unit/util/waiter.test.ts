import { strict as assert } from "node:assert";
import FakeTimers from "@sinonjs/fake-timers";
import { KeyedMutex } from "../../../provider/util/keyed-mutex";
import { RateLimiter } from "../../../provider/util/rate-limiter";
import { waitUntil, type WaitError, type WaitDecision } from "../../../provider/util/waiter";

describe("util: waitUntil (fake timers)", () => {
  let clock: FakeTimers.Clock;
  beforeEach(() => (clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"] })));
  afterEach(() => clock.uninstall());

  const states = (list: string[]): (() => Promise<string>) => {
    let i = 0;
    return async () => list[Math.min(i++, list.length - 1)]!;
  };
  const acceptor = (s: string): WaitDecision<string> =>
    s === "active"
      ? { state: "success", value: s }
      : s === "failed"
        ? { state: "failure", reason: "it failed" }
        : { state: "retry", progress: s };

  it("backoff schedule: polls until success with doubling pauses and reports progress on state changes", async () => {
    const lines: string[] = [];
    const polledAt: number[] = [];
    const poll = states(["pending", "pending", "configuring", "active"]);
    const result = waitUntil(
      async () => {
        polledAt.push(Date.now());
        return poll();
      },
      acceptor,
      {
        timeoutMs: 60_000,
        minDelayMs: 1000,
        maxDelayMs: 4000,
        schedule: "backoff",
        description: "listener",
        onProgress: (l) => lines.push(l),
        random: () => 1,
      },
    );
    await clock.runAllAsync();
    assert.equal(await result, "active");
    assert.deepEqual(
      polledAt.slice(1).map((t, i) => t - polledAt[i]!),
      [1000, 2000, 4000],
    );
    assert.deepEqual(lines, [
      "waiting for listener: pending (0s elapsed)",
      "waiting for listener: configuring (3s elapsed)",
    ]);
  });

  /** Wait for a transition at `transitionMs` after the start; returns when it was seen and after how many polls. */
  async function detect(
    transitionMs: number,
    options: { random?: () => number; minDelayMs?: number; timeoutMs?: number } = {},
  ): Promise<{ polls: number; lagMs: number; polledAt: number[] }> {
    const started = Date.now();
    const polledAt: number[] = [];
    const result = waitUntil(
      async () => {
        polledAt.push(Date.now() - started);
        return Date.now() - started >= transitionMs ? "active" : "pending";
      },
      acceptor,
      {
        timeoutMs: options.timeoutMs ?? 3_600_000,
        minDelayMs: options.minDelayMs ?? 2000,
        maxDelayMs: 20_000,
        description: "issuance",
        random: options.random ?? (() => 0),
      },
    );
    await clock.runAllAsync();
    await result;
    return { polls: polledAt.length, lagMs: (polledAt.at(-1) ?? 0) - transitionMs, polledAt };
  }

  it("elapsed schedule: gaps of 2 × minDelayMs, then 20 % of the time already waited", async () => {
    const { polledAt } = await detect(60_000);
    assert.deepEqual(
      polledAt.slice(0, 9).map((t) => Math.round(t)),
      [0, 4000, 8000, 12_000, 16_000, 20_000, 24_000, 28_800, 34_560],
    );
  });

  it("elapsed schedule: a 10-minute issuance is seen after at most 25 polls, whatever the jitter", async () => {
    for (const draw of [0, 0.5, 0.999]) {
      const { polls, lagMs } = await detect(600_000, { random: () => draw });
      assert.ok(polls <= 25, `random ${draw}: ${polls} polls`);
      assert.ok(lagMs <= 0.2 * 600_000, `random ${draw}: lag ${lagMs} ms`);
    }
    const counts = new Set<number>();
    for (const draw of [0, 0.3, 0.999]) counts.add((await detect(600_000, { random: () => draw })).polls);
    assert.equal(counts.size, 1, "jitter moves polls inside their gap, never adds or removes one");
  });

  it("elapsed schedule: mean lag within max(minDelayMs, 10 % of the time waited), worst within a gap", async () => {
    let ratioSum = 0;
    let samples = 0;
    // Transitions spread evenly over 1 s … 15 min, so every position inside a gap is sampled.
    for (let t = 1000; t <= 900_000; t += 997) {
      const { lagMs } = await detect(t, { random: () => 0.5 });
      assert.ok(lagMs <= Math.max(4000, 0.2 * t) + 1, `transition at ${t} ms seen ${lagMs} ms late`);
      ratioSum += lagMs / Math.max(2000, 0.1 * t);
      samples++;
    }
    assert.ok(ratioSum / samples <= 1, `mean lag / target = ${(ratioSum / samples).toFixed(3)}`);
  });

  it("elapsed schedule: each wait starts over (no pacing carried from an earlier wait)", async () => {
    await detect(300_000);
    const second = await detect(10_000);
    assert.deepEqual(second.polledAt, [0, 4000, 8000, 12_000]);
  });

  it("elapsed schedule: the last poll happens at the deadline", async () => {
    const started = Date.now();
    const polledAt: number[] = [];
    const result = waitUntil(
      async () => {
        polledAt.push(Date.now() - started);
        return "pending";
      },
      acceptor,
      { timeoutMs: 30_000, minDelayMs: 2000, description: "x", random: () => 0 },
    ).catch((e: unknown) => e);
    await clock.runAllAsync();
    assert.equal(((await result) as WaitError).reason, "timeout");
    assert.deepEqual(polledAt, [0, 4000, 8000, 12_000, 16_000, 20_000, 24_000, 28_800, 30_000]);
  });

  it("elapsed schedule: prints a progress line at least every 30 s, between polls too", async () => {
    const lines: string[] = [];
    const linesAt: number[] = [];
    const polledAt: number[] = [];
    const result = waitUntil(
      async () => {
        polledAt.push(Date.now());
        return Date.now() >= 400_000 ? "active" : "pending";
      },
      acceptor,
      {
        timeoutMs: 3_600_000,
        minDelayMs: 2000,
        description: "issuance",
        random: () => 0,
        onProgress: (line) => {
          lines.push(line);
          linesAt.push(Date.now());
        },
      },
    );
    await clock.runAllAsync();
    await result;
    const gaps = linesAt.slice(1).map((t, i) => t - linesAt[i]!);
    assert.ok(Math.max(...gaps) <= 30_000, `longest silence ${Math.max(...gaps)} ms`);
    assert.ok(
      polledAt.slice(1).some((t, i) => t - polledAt[i]! > 30_000),
      "some gaps between polls are longer than 30 s",
    );
    assert.ok(lines.some((l) => /^waiting for issuance: pending \(\d+s elapsed, next check in \d+s\)$/.test(l)));
  });

  it("fails fast when the acceptor says failure", async () => {
    const result = waitUntil(states(["pending", "failed"]), acceptor, {
      timeoutMs: 60_000,
      description: "issuance",
    }).catch((e: unknown) => e);
    await clock.runAllAsync();
    const e = (await result) as WaitError;
    assert.equal(e.reason, "failure");
    assert.equal(e.message, "issuance failed: it failed");
  });

  it("times out with the last state in the message", async () => {
    const result = waitUntil(states(["pending"]), acceptor, {
      timeoutMs: 10_000,
      minDelayMs: 1000,
      maxDelayMs: 2000,
      description: "verification",
    }).catch((e: unknown) => e);
    await clock.runAllAsync();
    const e = (await result) as WaitError;
    assert.equal(e.reason, "timeout");
    assert.equal(e.message, "timed out after 10s waiting for verification (last state: pending)");
    assert.ok(Date.now() <= 10_001, "never sleeps past the deadline (the fake clock starts at 0)");
  });

  it("checks its own settings", async () => {
    await assert.rejects(waitUntil(states(["x"]), acceptor, { timeoutMs: 0, description: "x" }), RangeError);
    await assert.rejects(
      waitUntil(states(["x"]), acceptor, { timeoutMs: 10, minDelayMs: 5, maxDelayMs: 1, description: "x" }),
      RangeError,
    );
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const result = waitUntil(states(["pending"]), acceptor, {
      timeoutMs: 60_000,
      description: "x",
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await clock.tickAsync(10);
    controller.abort();
    await clock.runAllAsync();
    assert.equal(((await result) as WaitError).reason, "aborted");
  });
});

describe("util: KeyedMutex", () => {
  it("serializes tasks of one key and runs other keys concurrently", async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}:end`);
    };
    await Promise.all([
      mutex.runExclusive("ga-1", task("a", 20)),
      mutex.runExclusive("ga-1", task("b", 1)),
      mutex.runExclusive("ga-2", task("c", 1)),
    ]);
    assert.ok(log.indexOf("a:end") < log.indexOf("b:start"), "b waits for a on the same key");
    assert.ok(log.indexOf("c:end") < log.indexOf("a:end"), "c on another key does not wait");
    assert.equal(mutex.activeKeys, 0, "idle keys are dropped");
  });
});

describe("util: RateLimiter", () => {
  it("lets `limit` calls through per window and makes the next one wait for the oldest to age out", async () => {
    let now = 0;
    const slept: number[] = [];
    const limiter = new RateLimiter(
      { CreateCustomHostname: { limit: 2, windowMs: 3_600_000 } },
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    assert.equal(await limiter.acquire("CreateCustomHostname"), 0);
    now += 1000;
    assert.equal(await limiter.acquire("CreateCustomHostname"), 0);
    assert.equal(
      await limiter.acquire("CreateCustomHostname"),
      3_599_000,
      "until the first call (at t=0) leaves the window",
    );
    assert.deepEqual(slept, [3_599_000]);
    assert.equal(await limiter.acquire("Unlimited"), 0);
  });
});
