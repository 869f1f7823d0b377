/** The state file: written after every call, resumed by a second emulator (world, keys, clock, ClientTokens). */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import type { RunningEmulator } from "../../emulator/core/options";
import { startFakeEmulator } from "./helpers/emulator";
import { callAction, realClient } from "./helpers/openapi";

describe("core: state-file persistence", () => {
  let dir: string;
  let first: RunningEmulator | undefined;
  let second: RunningEmulator | undefined;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), "emulator-state-"));
  });
  after(async () => {
    await second?.close();
    await first?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("survives a restart: objects, sequences, seeded keys, records, ClientToken replies and simulated time", async () => {
    const stateFile = join(dir, "state.json");
    first = await startFakeEmulator({ stateFile, speed: 0 });
    const a = realClient(first.endpoint, { accessKeyId: first.accessKeyId, accessKeySecret: first.accessKeySecret });
    const created = await callAction(a, "esa", "CreateThing", { Name: "persisted" });

    // Written after the call, without waiting for close().
    const onDisk = JSON.parse(readFileSync(stateFile, "utf8")) as { world: { esa: { things: { name: string }[] } } };
    assert.ok(onDisk.world.esa.things.some((t) => t.name === "persisted"));

    await first.control.seed({
      credentials: [{ accessKeyId: "STS.Later", accessKeySecret: "later", securityToken: "tok" }],
    });
    const widget = await callAction(a, "ga", "CreateWidget", { ClientToken: "across-restart" });
    await first.control.publishRecord({
      kind: "file",
      name: "http://shop.example.com/.well-known/x",
      type: "FILE",
      value: "v",
    });
    const savedNow = (await first.control.advanceTime(3_600_000)).now;
    await first.close();
    first = undefined;

    second = await startFakeEmulator({ stateFile });
    const clock = await second.control.clock();
    assert.equal(clock.speed, 0, "the stored speed is kept");
    assert.equal(clock.now, savedNow, "simulated time continues from the save");

    const b = realClient(second.endpoint, { accessKeyId: second.accessKeyId, accessKeySecret: second.accessKeySecret });
    const got = await callAction(b, "esa", "GetThing", { ThingId: String(created.body["ThingId"]) });
    assert.equal((got.body["Thing"] as { name: string }).name, "persisted");
    const next = await callAction(b, "esa", "CreateThing", { Name: "second" });
    assert.equal(next.body["ThingId"], "thing-2", "id sequences continue");

    const replay = await callAction(b, "ga", "CreateWidget", { ClientToken: "across-restart" });
    assert.equal(replay.body["WidgetId"], widget.body["WidgetId"]);
    assert.equal(((await second.control.objects())["ga"] as { widgets: unknown[] }).widgets.length, 1);

    const sts = realClient(second.endpoint, {
      accessKeyId: "STS.Later",
      accessKeySecret: "later",
      securityToken: "tok",
    });
    assert.equal((await callAction(sts, "esa", "Echo")).body["AccessKeyId"], "STS.Later");
    assert.equal((await second.control.records()).length, 1);
  });

  it("starts from a seed file, and refuses a malformed one", async () => {
    const seedFile = join(dir, "seed.json");
    writeFileSync(
      seedFile,
      JSON.stringify({
        $comment: "test seed",
        credentials: [{ accessKeyId: "LTAI5tFromFile", accessKeySecret: "file-secret" }],
        esa: { things: [{ name: "from-file" }] },
      }),
    );
    const emu = await startFakeEmulator({ seedFile });
    try {
      assert.equal(emu.accessKeyId, "LTAI5tFromFile");
      const c = realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
      assert.equal((await callAction(c, "esa", "GetThing", { ThingId: "seed-from-file" })).statusCode, 200);
      assert.deepEqual((await emu.control.objects())["cas"], { certIds: [] }, "left-out products start empty");
    } finally {
      await emu.close();
    }
    writeFileSync(seedFile, JSON.stringify({ credentials: "nope" }));
    await assert.rejects(startFakeEmulator({ seedFile }), /Invalid seed file .*"credentials" must be an array/);
  });

  it("keeps serving timelines across a restart, and loads a file written before they existed", async () => {
    const stateFile = join(dir, "serving.json");
    const emu = await startEmulator({ quiet: true, stateFile, speed: 0 });
    const client = realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    await callAction(client, "esa", "CreateCustomHostname", {
      SiteId: "7096621098379520",
      RecordId: "4042843419650112",
      Hostname: "kept.customer.com",
      SslFlag: "off",
    });
    const before = await emu.control.serving();
    await emu.close();

    const resumed = await startEmulator({ quiet: true, stateFile });
    assert.deepEqual((await resumed.control.serving()).consumers, before.consumers);
    await resumed.close();

    const old = JSON.parse(readFileSync(stateFile, "utf8")) as { world: Record<string, unknown> };
    delete old.world["serving"];
    writeFileSync(stateFile, JSON.stringify(old));
    const legacy = await startEmulator({ quiet: true, stateFile });
    const report = await legacy.control.serving();
    assert.deepEqual(
      report.consumers.map((c) => [c.key, c.periods.map((p) => [p.state, p.from])]),
      [["esa:kept.customer.com", [["none", report.now]]]],
      "history starts at the load",
    );
    await legacy.close();
  });

  it("refuses a file that is not an emulator state file", async () => {
    const stateFile = join(dir, "foreign.json");
    writeFileSync(stateFile, JSON.stringify({ hello: "world" }));
    await assert.rejects(startFakeEmulator({ stateFile }), /not an emulator state file/);
  });
});
