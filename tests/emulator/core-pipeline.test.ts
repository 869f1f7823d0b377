/** The API pipeline: routing, Missing<Name>, error bodies, internal errors, transactions, big numbers. */
import assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator/core/options";
import { startFakeEmulator } from "./helpers/emulator";
import { callAction, callActionText, realClient, rejectionOf } from "./helpers/openapi";
import { sendRaw } from "./helpers/wire";

describe("core: API pipeline", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startFakeEmulator();
  });
  after(async () => {
    await emu.close();
  });
  const client = () => realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });

  it("uses the default credential and the services' default seeds", async () => {
    assert.equal(emu.accessKeyId, "LTAI5tEmulatorDefaultKey");
    assert.equal(emu.accessKeySecret, "emulator-default-secret-change-me");
    const res = await callAction(client(), "esa", "GetThing", { ThingId: "seed-default-thing" });
    assert.deepEqual((res.body["Thing"] as Record<string, unknown>)["name"], "default-thing");
  });

  it('answers a missing required parameter as the gateway does: Missing<Name>, "<Name> is mandatory …"', async () => {
    // GA on the wire: {"Code":"MissingListenerId","Message":"ListenerId is mandatory for this action."} (certimate#781).
    const err = await rejectionOf(callAction(client(), "esa", "CreateThing", {}));
    assert.equal(err.code, "MissingName");
    assert.equal(err.statusCode, 400);
    assert.equal(err.data?.["Message"], "Name is mandatory for this action.");
  });

  it("returns the full Alibaba error body shape with HostId and a diagnose Recommend URL", async () => {
    const err = await rejectionOf(callAction(client(), "esa", "GetThing", { ThingId: "nope" }));
    assert.equal(err.statusCode, 404);
    const data = err.data ?? {};
    assert.deepEqual(Object.keys(data).sort(), ["Code", "HostId", "Message", "Recommend", "RequestId", "statusCode"]);
    assert.equal(data["Code"], "Thing.NotFound");
    assert.equal(data["HostId"], "127.0.0.1");
    const requestId = String(data["RequestId"]);
    assert.match(requestId, /^[0-9A-F-]{36}$/);
    assert.equal(
      data["Recommend"],
      `https://api.aliyun.com/troubleshoot?q=Thing.NotFound&product=ESA&requestId=${requestId}`,
    );
    assert.match(err.message, new RegExp(`request id: ${requestId}`));
  });

  it("sends JSON with the exact content type and an x-acs-request-id header", async () => {
    const res = await callAction(client(), "esa", "Echo");
    assert.equal(res.headers["content-type"], "application/json;charset=utf-8");
    assert.equal(res.headers["x-acs-request-id"], res.body["RequestId"]);
    const raw = await sendRaw(emu.endpoint, {
      method: "GET",
      path: "/",
      headers: { host: "example.test:1" },
      body: Buffer.alloc(0),
    });
    assert.equal(raw.headers["content-type"], "application/json;charset=utf-8");
    assert.equal(raw.json["HostId"], "example.test");
    assert.equal(raw.json["Code"], "MissingParameter");
  });

  it("rejects an unknown version (400 InvalidVersion) and an unknown action (404 InvalidAction.NotFound)", async () => {
    const raw = await sendRaw(emu.endpoint, {
      method: "POST",
      path: "/",
      headers: { host: emu.endpoint, "x-acs-version": "2099-01-01", "x-acs-action": "Echo" },
      body: Buffer.alloc(0),
    });
    assert.equal(raw.status, 400);
    assert.equal(raw.json["Code"], "InvalidVersion");
    const err = await rejectionOf(callAction(client(), "esa", "NoSuchAction"));
    assert.equal(err.code, "InvalidAction.NotFound");
    assert.equal(err.statusCode, 404);
    const proto = await rejectionOf(callAction(client(), "esa", "toString"));
    assert.equal(proto.code, "InvalidAction.NotFound");
  });

  it("turns a handler bug into 500 InternalError and logs the exception, not the client", async () => {
    const err = await rejectionOf(callAction(client(), "esa", "Boom"));
    assert.equal(err.code, "InternalError");
    assert.equal(err.statusCode, 500);
    assert.ok(!err.message.includes("kaboom"), "the exception text stays server-side");
    const [entry] = await emu.control.requests({ action: "Boom" });
    assert.equal(entry?.outcome, "InternalError");
    assert.match(entry?.error ?? "", /kaboom/);
  });

  it("rolls a failed write back: no partial object, no consumed id", async () => {
    const err = await rejectionOf(callAction(client(), "esa", "HalfWrite"));
    assert.equal(err.code, "Conflict.Half");
    const objects = (await emu.control.objects())["esa"] as { things: { name: string }[] };
    assert.ok(!objects.things.some((t) => t.name === "half"));
    const created = await callAction(client(), "esa", "CreateThing", { Name: "after-rollback" });
    const state = await emu.control.state();
    assert.equal(state.sequences["thing"], 1);
    assert.equal(created.body["ThingId"], "thing-1");
  });

  it("a read-only action that changes state is an InternalError when reads are verified (the test tiers do)", async () => {
    assert.equal(process.env["ALICLOUD_CERTS_EMULATOR_VERIFY_READS"], "1", "tests/helpers/verify-reads.ts sets it");
    const err = await rejectionOf(callAction(client(), "esa", "MisdeclaredRead"));
    assert.equal(err.code, "InternalError");
    const [entry] = await emu.control.requests({ action: "MisdeclaredRead" });
    assert.match(String(entry?.error), /MisdeclaredRead is declared read-only \(write: false\) but changed the state/);
  });

  it("answers a request line beyond the header limit with a JSON 431 instead of a bare reset", async () => {
    const huge = "x".repeat(600 * 1024);
    const raw = await sendRaw(emu.endpoint, { method: "GET", path: `/?A=${huge}`, headers: {}, body: Buffer.alloc(0) });
    assert.equal(raw.status, 431);
    assert.equal(raw.json["Code"], "RequestHeaderFieldsTooLarge");
  });

  it("writes integers beyond 2^53 exactly (services may return bigint)", async () => {
    // The client's JSON.parse would round; the raw text must carry the exact digits.
    const text = await callActionText(client(), "esa", "BigNumber");
    assert.match(text, /"OrderId":98987582437920968[,}]/);
  });
});
