/** Injected faults, rate limits and ClientToken replay, observed through the real client. */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator/core/options";
import { startFakeEmulator } from "./helpers/emulator";
import { callAction, realClient, rejectionOf } from "./helpers/openapi";

/** The transport errors a client sees when the server drops the connection. */
function isDroppedConnection(err: Error & { code?: string }): boolean {
  return err.code === "ECONNRESET" || /socket hang up/i.test(err.message);
}

describe("core: faults, rate limits and ClientToken", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startFakeEmulator();
  });
  after(async () => {
    await emu.close();
  });
  afterEach(async () => {
    await emu.control.clearFaults();
    await emu.control.clearRateLimits();
    await emu.control.setSpeed(1);
  });
  const client = (timeoutMs = 5000) =>
    realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, timeoutMs });
  const widgets = async () => ((await emu.control.objects())["ga"] as { widgets: { id: string }[] }).widgets;

  it("error faults fail the next N matching calls only, with the default or a chosen error", async () => {
    await emu.control.addFault({ product: "esa", action: "Echo", count: 2 });
    for (let i = 0; i < 2; i++) {
      const err = await rejectionOf(callAction(client(), "esa", "Echo"));
      assert.equal(err.code, "ServiceUnavailable");
      assert.equal(err.statusCode, 503);
    }
    assert.equal((await callAction(client(), "esa", "Echo")).statusCode, 200);
    assert.deepEqual(await emu.control.faults(), [], "a spent counted rule is removed");

    await emu.control.addFault({
      action: "Echo",
      code: "Throttling.User",
      status: 400,
      message: "slow down",
      count: 1,
    });
    const other = await callAction(client(), "esa", "GetThing", { ThingId: "seed-default-thing" });
    assert.equal(other.statusCode, 200, "a rule for another action does not match");
    const err = await rejectionOf(callAction(client(), "esa", "Echo"));
    assert.equal(err.code, "Throttling.User");
    assert.equal(err.statusCode, 400);
    assert.equal(err.data?.["Message"], "slow down");
  });

  it("an error fault does not apply the write", async () => {
    await emu.control.addFault({ product: "ga", action: "CreateWidget", count: 1 });
    const before = (await widgets()).length;
    await rejectionOf(callAction(client(), "ga", "CreateWidget"));
    assert.equal((await widgets()).length, before);
  });

  it("rate faults fire on a deterministic subset for a given seed", async () => {
    const pattern = async (): Promise<string> => {
      await emu.control.addFault({ action: "Echo", rate: 0.5, seed: 42 });
      let out = "";
      for (let i = 0; i < 16; i++) {
        out += await callAction(client(), "esa", "Echo").then(
          () => ".",
          () => "x",
        );
      }
      await emu.control.clearFaults();
      return out;
    };
    const first = await pattern();
    assert.match(first, /x/);
    assert.match(first, /\./);
    assert.equal(await pattern(), first);
  });

  it("reset destroys the connection before anything is applied", async () => {
    await emu.control.addFault({ product: "ga", action: "CreateWidget", mode: "reset", count: 1 });
    const before = (await widgets()).length;
    const err = await rejectionOf(callAction(client(), "ga", "CreateWidget", { ClientToken: "reset-1" }));
    assert.ok(isDroppedConnection(err), `unexpected error ${err.message}`);
    assert.equal((await widgets()).length, before);
    const [entry] = (await emu.control.requests({ action: "CreateWidget" })).slice(-1);
    assert.equal(entry?.outcome, "reset");
    assert.equal(entry?.status, 0);
    assert.match(entry?.fault ?? "", /^reset/);
  });

  it("timeoutAfterCommit applies the write once; the ClientToken retry gets the same answer", async () => {
    await emu.control.addFault({ product: "ga", action: "CreateWidget", mode: "timeoutAfterCommit", count: 1 });
    const before = (await widgets()).length;
    const err = await rejectionOf(callAction(client(), "ga", "CreateWidget", { ClientToken: "commit-1" }));
    assert.ok(isDroppedConnection(err), `unexpected error ${err.message}`);
    const afterDrop = await widgets();
    assert.equal(afterDrop.length, before + 1, "the write was applied");

    const retry = await callAction(client(), "ga", "CreateWidget", { ClientToken: "commit-1" });
    assert.equal(retry.body["WidgetId"], afterDrop[afterDrop.length - 1]?.id);
    assert.equal((await widgets()).length, before + 1, "the retry did not create a second widget");

    const log = (await emu.control.requests({ action: "CreateWidget" })).slice(-2);
    assert.equal(log[0]?.outcome, "ok");
    assert.match(log[0]?.fault ?? "", /^timeoutAfterCommit/);
    assert.equal(log[1]?.replayed, true);
    assert.notEqual(retry.body["RequestId"], log[0]?.requestId, "a replay carries its own request id");
  });

  it("timeoutAfterCommit with latency holds the socket until the client's own read timeout", async () => {
    await emu.control.addFault({ action: "CreateWidget", mode: "timeoutAfterCommit", latencyMs: 3000, count: 1 });
    const before = (await widgets()).length;
    const started = Date.now();
    const err = await rejectionOf(callAction(client(300), "ga", "CreateWidget", { ClientToken: "slow-1" }));
    assert.equal(err.name, "RequestTimeoutError");
    assert.ok(Date.now() - started < 2500);
    assert.equal((await widgets()).length, before + 1);
  });

  it("latency delays the reply and then handles the call normally", async () => {
    await emu.control.addFault({ action: "Echo", mode: "latency", latencyMs: 300, jitterMs: 50, count: 1 });
    const started = Date.now();
    const res = await callAction(client(), "esa", "Echo");
    const elapsed = Date.now() - started;
    assert.equal(res.statusCode, 200);
    assert.ok(elapsed >= 290 && elapsed < 1500, `elapsed ${elapsed}ms`);
    const fast = Date.now();
    await callAction(client(), "esa", "Echo");
    assert.ok(Date.now() - fast < 250, "the rule was used up");
  });

  it("rejects bad fault rules with 400", async () => {
    await assert.rejects(emu.control.addFault({ rate: 2 }), { status: 400, code: "InvalidControlInput" });
    await assert.rejects(emu.control.addFault({ mode: "explode" as "error" }), { status: 400 });
    const id = await emu.control.addFault({ action: "Echo" });
    await emu.control.removeFault(id);
    await assert.rejects(emu.control.removeFault(id), { status: 404 });
  });

  it("enforces an action's rate limit in simulated time", async () => {
    await emu.control.setSpeed(0);
    for (let i = 0; i < 2; i++) await callAction(client(), "esa", "Limited");
    const err = await rejectionOf(callAction(client(), "esa", "Limited"));
    assert.equal(err.code, "TooManyRequests");
    assert.equal(err.statusCode, 429);
    await emu.control.advanceTime(60_001);
    assert.equal((await callAction(client(), "esa", "Limited")).statusCode, 200);
  });

  it("overrides, disables and restores rate limits through the control API", async () => {
    await emu.control.setSpeed(0);
    await emu.control.setRateLimit({ product: "esa", action: "Echo", limit: 1, windowMs: 1000 });
    await callAction(client(), "esa", "Echo");
    const err = await rejectionOf(callAction(client(), "esa", "Echo"));
    assert.equal(err.code, "Throttling.User");
    assert.equal(err.statusCode, 400);

    await emu.control.setRateLimit({ product: "esa", action: "Limited", disabled: true });
    for (let i = 0; i < 5; i++) await callAction(client(), "esa", "Limited");

    await emu.control.setRateLimit({ product: "esa", action: "Limited" });
    for (let i = 0; i < 2; i++) await callAction(client(), "esa", "Limited");
    assert.equal((await rejectionOf(callAction(client(), "esa", "Limited"))).code, "TooManyRequests");
    await assert.rejects(emu.control.setRateLimit({ product: "esa", action: "Nope", limit: 1, windowMs: 1 }), {
      status: 400,
    });
  });

  it("replays a ClientToken call without running the handler again; a new token creates anew", async () => {
    const before = (await widgets()).length;
    const a = await callAction(client(), "ga", "CreateWidget", { ClientToken: "same" });
    const b = await callAction(client(), "ga", "CreateWidget", { ClientToken: "same" });
    const c = await callAction(client(), "ga", "CreateWidget", { ClientToken: "other" });
    assert.equal(a.body["WidgetId"], b.body["WidgetId"]);
    assert.notEqual(a.body["WidgetId"], c.body["WidgetId"]);
    assert.equal((await widgets()).length, before + 2);
  });
});
