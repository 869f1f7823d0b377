/**
 * The provider host's watchdog (provider/resources/common/engine-watch.ts): the pure rule over generated probe
 * sequences, the address it reads from argv, the loop under fake timers (a 40-minute wait with the engine alive never
 * fires; a dead engine is seen within seconds), and the probe against a real socket.
 */
import { strict as assert } from "node:assert";
import * as net from "node:net";
import { Writable } from "node:stream";
import FakeTimers from "@sinonjs/fake-timers";
import fc from "fast-check";
import {
  afterProbe,
  engineAddressOf,
  INITIAL_WATCH_STATE,
  PROBE_INTERVAL_MS,
  probeEngine,
  REFUSALS_TO_DECIDE,
  watchEngine,
  watchPipes,
  type EngineWatch,
  type ProbeOutcome,
} from "../../../provider/resources/common/engine-watch";

const HOST_SCRIPT = "/app/node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js";
const outcome = fc.constantFrom<ProbeOutcome>("connected", "refused", "inconclusive");

/** Run the rule over a sequence; the index at which it first said gone, or -1. */
function firstGone(outcomes: readonly ProbeOutcome[]): number {
  let state = INITIAL_WATCH_STATE;
  for (const [i, o] of outcomes.entries()) {
    const next = afterProbe(state, o);
    if (next.gone) return i;
    state = next.state;
  }
  return -1;
}

/** The specification, written independently: the first i whose last REFUSALS_TO_DECIDE outcomes are refusals, after a connection. */
function expectedGone(outcomes: readonly ProbeOutcome[]): number {
  for (let i = REFUSALS_TO_DECIDE - 1; i < outcomes.length; i++) {
    const tail = outcomes.slice(i - REFUSALS_TO_DECIDE + 1, i + 1);
    const before = outcomes.slice(0, i - REFUSALS_TO_DECIDE + 1);
    if (tail.every((o) => o === "refused") && before.includes("connected")) return i;
  }
  return -1;
}

describe("engine watch: the rule", () => {
  it("says gone exactly after consecutive refusals that follow a successful connection (generated sequences)", () => {
    fc.assert(
      fc.property(fc.array(outcome, { maxLength: 60 }), (outcomes) => {
        assert.equal(firstGone(outcomes), expectedGone(outcomes));
      }),
      { numRuns: 2000 },
    );
  });

  it("never says gone without a refusal pair: timeouts and errors of a busy engine decide nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ProbeOutcome>("connected", "inconclusive"), { maxLength: 200 }), (seq) => {
        assert.equal(firstGone(seq), -1);
      }),
    );
  });

  it("never judges an address that has never answered", () => {
    assert.equal(firstGone(["refused", "refused", "refused", "inconclusive", "refused", "refused"]), -1);
    assert.equal(firstGone(["connected", "refused", "inconclusive", "refused", "connected", "refused"]), -1);
    assert.equal(firstGone(["connected", "refused", "refused"]), 2);
  });
});

describe("engine watch: the engine address in argv", () => {
  it("reads the last host:port argument of a dynamic-provider host", () => {
    assert.deepEqual(engineAddressOf(["node", HOST_SCRIPT, "127.0.0.1:46395"]), { host: "127.0.0.1", port: 46395 });
    assert.deepEqual(engineAddressOf(["node", HOST_SCRIPT, "--logtostderr", "-v=9", "localhost:8080"]), {
      host: "localhost",
      port: 8080,
    });
    assert.deepEqual(engineAddressOf(["node", HOST_SCRIPT, "[::1]:5000"]), { host: "::1", port: 5000 });
    assert.deepEqual(engineAddressOf(["node", "C:\\p\\@pulumi\\pulumi\\cmd\\dynamic-provider", "127.0.0.1:7"]), {
      host: "127.0.0.1",
      port: 7,
    });
  });

  it("watches no address in other processes, for port 0 (the provider tier's host), or without one", () => {
    assert.equal(engineAddressOf(["node", "/x/@pulumi/pulumi/cmd/run/index.js", "127.0.0.1:46395"]), undefined);
    assert.equal(engineAddressOf(["node", "/x/node_modules/.bin/mocha", "127.0.0.1:46395"]), undefined);
    assert.equal(engineAddressOf(["node", HOST_SCRIPT, "127.0.0.1:0"]), undefined);
    assert.equal(engineAddressOf(["node", HOST_SCRIPT, "127.0.0.1:70000"]), undefined);
    assert.equal(engineAddressOf(["node", HOST_SCRIPT]), undefined);
  });
});

describe("engine watch: the loop (fake timers)", () => {
  let clock: FakeTimers.Clock;
  beforeEach(() => (clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"] })));
  afterEach(() => clock.uninstall());

  const address = { host: "127.0.0.1", port: 4000 };

  it("never fires during a 40-minute wait while the engine answers (and while it is only slow)", async () => {
    let probes = 0;
    const reasons: string[] = [];
    const watch = watchEngine({
      address,
      probe: async () => (++probes % 7 === 0 ? "inconclusive" : "connected"),
      parentPid: () => 42,
      onGone: (reason) => reasons.push(reason),
    });
    await clock.tickAsync(40 * 60_000);
    watch.stop();
    assert.deepEqual(reasons, []);
    assert.ok(probes >= (40 * 60_000) / PROBE_INTERVAL_MS - 1, `probed ${probes} times`);
  });

  it("fires once, within three probe intervals, after the engine stops listening", async () => {
    const engine = { alive: true };
    const reasons: string[] = [];
    watchEngine({
      address,
      probe: async () => (engine.alive ? "connected" : "refused"),
      parentPid: () => 42,
      onGone: (reason) => reasons.push(reason),
    });
    await clock.tickAsync(10 * 60_000);
    engine.alive = false;
    const lostAt = Date.now();
    while (reasons.length === 0 && Date.now() - lostAt < 60_000) await clock.tickAsync(100);
    assert.ok(Date.now() - lostAt <= 3 * PROBE_INTERVAL_MS, `seen after ${Date.now() - lostAt} ms`);
    await clock.tickAsync(60_000);
    assert.equal(reasons.length, 1);
    assert.match(reasons[0] ?? "", /no longer listens at 127\.0\.0\.1:4000/);
  });

  it("fires when the parent process exits, also without an engine address", async () => {
    const parent = { pid: 42 };
    const reasons: string[] = [];
    watchEngine({
      address: undefined,
      probe: async () => "refused",
      parentPid: () => parent.pid,
      onGone: (r) => reasons.push(r),
    });
    await clock.tickAsync(5 * 60_000);
    assert.deepEqual(reasons, []);
    parent.pid = 1;
    await clock.tickAsync(PROBE_INTERVAL_MS);
    assert.equal(reasons.length, 1);
    assert.match(reasons[0] ?? "", /pid 42\) has exited/);
  });

  it("a loss proven by other means (lost) calls onGone once and ends the probing", async () => {
    let probes = 0;
    const reasons: string[] = [];
    const watch = watchEngine({
      address,
      probe: async () => {
        probes++;
        return "refused";
      },
      parentPid: () => 42,
      onGone: (reason) => reasons.push(reason),
    });
    watch.lost("broken pipe");
    watch.lost("broken pipe again");
    await clock.tickAsync(60_000);
    assert.deepEqual({ reasons, probes }, { reasons: ["broken pipe"], probes: 0 });
  });

  it("probes at once, so an engine killed within the first interval is still judged", async () => {
    const engine = { alive: true };
    const reasons: string[] = [];
    watchEngine({
      address,
      probe: async () => (engine.alive ? "connected" : "refused"),
      parentPid: () => 42,
      onGone: (reason) => reasons.push(reason),
    });
    await clock.tickAsync(1);
    engine.alive = false;
    await clock.tickAsync(3 * PROBE_INTERVAL_MS);
    assert.equal(reasons.length, 1);
  });

  it("stops probing after stop()", async () => {
    let probes = 0;
    const watch = watchEngine({
      address,
      probe: async () => {
        probes++;
        return "connected";
      },
      parentPid: () => 42,
      onGone: () => assert.fail("must not fire"),
    });
    await clock.tickAsync(3 * PROBE_INTERVAL_MS);
    watch.stop();
    const seen = probes;
    await clock.tickAsync(60_000);
    assert.equal(probes, seen);
  });
});

describe("engine watch: the probe (real sockets)", () => {
  it("connects to a listening port, and is refused once it is closed", async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const bound = server.address();
    assert.ok(bound !== null && typeof bound === "object");
    const port = bound.port;
    assert.equal(await probeEngine({ host: "127.0.0.1", port }), "connected");
    await new Promise<void>((resolve) => server.close(() => resolve()));
    assert.equal(await probeEngine({ host: "127.0.0.1", port }), "refused");
  });
});

describe("engine watch: broken output pipes", () => {
  /** A stream whose every write fails with `code`, as stderr does once the engine that read it is gone. */
  const failing = (code: string): Writable =>
    new Writable({
      write: (_chunk, _encoding, callback) => callback(Object.assign(new Error(`write ${code}`), { code })),
    });
  const recorder = (): EngineWatch & { reasons: string[] } => {
    const reasons: string[] = [];
    return { reasons, stop: () => undefined, lost: (reason) => reasons.push(reason) };
  };

  it("EPIPE proves the engine gone; no write failure becomes an uncaught exception", async () => {
    const watch = recorder();
    const epipe = failing("EPIPE");
    const other = failing("EIO");
    watchPipes(watch, [epipe, other]);
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => void uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      epipe.write("progress line\n");
      other.write("progress line\n");
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    assert.deepEqual(uncaught, []);
    assert.equal(watch.reasons.length, 1);
    assert.match(watch.reasons[0] ?? "", /nobody reads this provider host's output/);
  });
});
