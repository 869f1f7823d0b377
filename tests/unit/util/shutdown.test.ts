/**
 * The process's shutdown signal (provider/util/shutdown.ts) ends every wait and every retry loop at once, without
 * the caller passing it: the waiter, the transport's backoff and the lookup-before-retry loop.
 */
import { strict as assert } from "node:assert";
import FakeTimers from "@sinonjs/fake-timers";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import { writeWithLookups } from "../../../provider/transport/lookup-retry";
import { withRetries } from "../../../provider/transport/retry";
import {
  abortableSleep,
  HostShutdownError,
  hostShutdownSignal,
  resetHostShutdown,
  shutDownHost,
} from "../../../provider/util/shutdown";
import { waitUntil, WaitError } from "../../../provider/util/waiter";

const busy = (): AlibabaCloudError =>
  new AlibabaCloudError({
    product: "esa",
    action: "ApplyCustomHostnameCertificate",
    kind: "api",
    code: "ServiceUnavailable",
    httpStatus: 503,
    serviceMessage: "try later",
    retryable: true,
    notFound: false,
  });

describe("util: the process's shutdown signal", () => {
  let clock: FakeTimers.Clock;
  beforeEach(() => {
    resetHostShutdown();
    clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    clock.uninstall();
    resetHostShutdown();
  });

  it("ends a long wait that was given no signal, with the reason, and no poll follows", async () => {
    let polls = 0;
    const result = waitUntil(
      async () => {
        polls++;
        return "pending";
      },
      () => ({ state: "retry", progress: "pending" }),
      { timeoutMs: 3_600_000, minDelayMs: 1000, description: "shop.example.com to be active" },
    ).catch((e: unknown) => e);
    await clock.tickAsync(10 * 60_000);
    const before = polls;
    shutDownHost("the engine is gone");
    await clock.tickAsync(1);
    const error = await result;
    assert.ok(error instanceof WaitError);
    assert.equal(error.reason, "aborted");
    assert.match(error.message, /shop\.example\.com to be active was aborted: stopped: the engine is gone/);
    await clock.tickAsync(3_600_000);
    assert.equal(polls, before, "no poll after the shutdown");
  });

  it("ends the transport's retries during a backoff pause, and starts no further attempt", async () => {
    let attempts = 0;
    const result = withRetries(
      async () => {
        attempts++;
        throw new Error("retry me");
      },
      () => true,
      { maxAttempts: 100, baseDelayMs: 20_000, maxDelayMs: 20_000, deadlineMs: 3_600_000 },
    ).catch((e: unknown) => e);
    await clock.tickAsync(1);
    assert.equal(attempts, 1);
    shutDownHost("the engine is gone");
    await clock.tickAsync(1);
    assert.ok((await result) instanceof HostShutdownError, "rejects at once, not after the 20 s pause");
    await clock.tickAsync(3_600_000);
    assert.equal(attempts, 1, "the abandoned loop never attempts again");
  });

  it("refuses to start a call once shut down", async () => {
    shutDownHost("the engine is gone");
    let attempts = 0;
    const error = await withRetries(
      async () => attempts++,
      () => true,
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, deadlineMs: 10 },
    ).catch((e: unknown) => e);
    assert.ok(error instanceof HostShutdownError);
    assert.equal(attempts, 0);
  });

  it("ends a lookup-before-retry loop in its pause, with neither a lookup nor a write after it", async () => {
    let writes = 0;
    let lookups = 0;
    const result = writeWithLookups({
      description: "ApplyCustomHostnameCertificate",
      deadline: Date.now() + 3_600_000,
      baseDelayMs: 20_000,
      maxDelayMs: 20_000,
      write: async () => {
        writes++;
        throw busy();
      },
      applied: async () => {
        lookups++;
        return undefined;
      },
    }).catch((e: unknown) => e);
    await clock.tickAsync(1);
    shutDownHost("the engine is gone");
    await clock.tickAsync(1);
    assert.ok((await result) instanceof HostShutdownError);
    await clock.tickAsync(3_600_000);
    assert.deepEqual({ writes, lookups }, { writes: 1, lookups: 1 });
  });

  it("abortableSleep resolves after its time, or rejects with the reason when aborted first", async () => {
    const done = abortableSleep(1000, hostShutdownSignal()).then(() => "slept");
    await clock.tickAsync(1000);
    assert.equal(await done, "slept");
    const cut = abortableSleep(60_000, hostShutdownSignal()).catch((e: unknown) => e);
    shutDownHost("gone");
    assert.ok((await cut) instanceof HostShutdownError);
    assert.ok((await abortableSleep(1, hostShutdownSignal()).catch((e: unknown) => e)) instanceof HostShutdownError);
  });
});
