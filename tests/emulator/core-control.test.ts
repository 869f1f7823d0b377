/** The control API through {@link EmulatorControl}: seed, records, clock, service controls, request log, reset. */
import assert from "node:assert/strict";
import { EmulatorControlError } from "../../emulator/client";
import type { RunningEmulator } from "../../emulator/core/options";
import { startFakeEmulator } from "./helpers/emulator";
import { callAction, realClient, rejectionOf } from "./helpers/openapi";

describe("core: control API", () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startFakeEmulator({ timings: { esaCertIssueMs: 10_000 } });
  });
  after(async () => {
    await emu.close();
  });
  afterEach(async () => {
    await emu.control.setSpeed(1);
  });
  const client = (signatureAlgorithm?: "v2") =>
    realClient(emu.endpoint, {
      accessKeyId: emu.accessKeyId,
      accessKeySecret: emu.accessKeySecret,
      ...(signatureAlgorithm === undefined ? {} : { signatureAlgorithm }),
    });
  const things = async () =>
    ((await emu.control.objects())["esa"] as { things: { id: string; status: string }[] }).things;

  it("reports health and each service's objects", async () => {
    const health = await emu.control.health();
    assert.equal(health.ok, true);
    assert.deepEqual(health.products, ["esa", "cas", "ga"]);
    const objects = await emu.control.objects();
    assert.deepEqual(Object.keys(objects), ["esa", "cas", "ga"]);
    assert.deepEqual(objects["ga"], { widgets: [] });
  });

  it("seeds credentials and product objects into the running world", async () => {
    await emu.control.seed({
      credentials: [{ accessKeyId: "LTAI5tSeeded", accessKeySecret: "seeded-secret" }],
      esa: { things: [{ name: "seeded" }] },
    });
    const seeded = realClient(emu.endpoint, { accessKeyId: "LTAI5tSeeded", accessKeySecret: "seeded-secret" });
    const res = await callAction(seeded, "esa", "GetThing", { ThingId: "seed-seeded" });
    assert.equal((res.body["Thing"] as { status: string }).status, "ready");
  });

  it("rejects bad seeds with 400 and leaves the world untouched", async () => {
    const before = await emu.control.state();
    await assert.rejects(emu.control.seed({ nope: 1 } as never), { status: 400, code: "InvalidControlInput" });
    await assert.rejects(emu.control.seed({ credentials: [{ accessKeyId: "x" }] } as never), { status: 400 });
    await assert.rejects(
      emu.control.seed({ credentials: [{ accessKeyId: "LTAI5tHalf", accessKeySecret: "s" }], esa: { bad: true } }),
      { status: 400, code: "InvalidSeed" },
    );
    assert.deepEqual(await emu.control.state(), before);
    const half = realClient(emu.endpoint, { accessKeyId: "LTAI5tHalf", accessKeySecret: "s" });
    assert.equal((await rejectionOf(callAction(half, "esa", "Echo"))).code, "InvalidAccessKeyId.NotFound");
  });

  it("publishes and unpublishes customer records that services can see", async () => {
    const visible = async (name: string) =>
      (await callAction(client(), "ga", "CheckRecord", { Name: name, Value: "token-1" })).body["Visible"];
    assert.equal(await visible("_acme.shop.example.com"), false);
    await emu.control.publishRecord({ kind: "dns", name: "_acme.shop.example.com", type: "TXT", value: "token-1" });
    await emu.control.publishRecord({ kind: "dns", name: "_acme.shop.example.com", type: "TXT", value: "token-1" });
    assert.equal((await emu.control.records()).length, 1, "publishing twice keeps one record");
    assert.equal(await visible("_ACME.Shop.Example.com"), true, "names compare case-insensitively");
    assert.equal(await emu.control.unpublishRecord({ kind: "dns", name: "_acme.shop.example.com" }), 1);
    assert.equal(await visible("_acme.shop.example.com"), false);
    await assert.rejects(emu.control.publishRecord({ kind: "mx" } as never), { status: 400 });
  });

  it("advances and speeds up simulated time, which drives the services' tick", async () => {
    await emu.control.setSpeed(0);
    const created = await callAction(client(), "esa", "CreateThing", { Name: "timed" });
    const id = String(created.body["ThingId"]);
    const t0 = await emu.control.now();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(await emu.control.now(), t0, "speed 0 freezes time");
    assert.equal((await things()).find((t) => t.id === id)?.status, "pending");

    const clock = await emu.control.advanceTime(9_000);
    assert.equal(clock.now, t0 + 9_000);
    assert.equal(clock.iso, new Date(t0 + 9_000).toISOString());
    assert.equal((await things()).find((t) => t.id === id)?.status, "pending");

    await emu.control.setSpeed(100);
    await new Promise((r) => setTimeout(r, 50));
    const later = await emu.control.clock();
    assert.equal(later.speed, 100);
    assert.ok(later.now - (t0 + 9_000) >= 4_000, `only ${later.now - t0 - 9_000} simulated ms passed`);
    const res = await callAction(client(), "esa", "GetThing", { ThingId: id });
    assert.equal((res.body["Thing"] as { status: string }).status, "ready");
    await assert.rejects(emu.control.advanceTime(-1), { status: 400 });
    await assert.rejects(emu.control.setSpeed(-2), { status: 400 });
  });

  it("runs a service's own controls", async () => {
    const count = (await emu.control.service("esa", "count")) as { count: number };
    assert.equal(count.count, (await things()).length);
    await assert.rejects(emu.control.service("esa", "bad"), { status: 400, code: "BadControl" });
    await assert.rejects(emu.control.service("esa", "missing"), { status: 404 });
  });

  it("answers cross-service lookups from the CAS service", async () => {
    const up = await callAction(client(), "cas", "UploadCert", { Cert: "PEM", Key: "KEY" });
    const certId = String(up.body["CertId"]);
    assert.equal((await callAction(client(), "ga", "CheckCert", { CertId: certId })).body["Exists"], true);
    assert.equal((await callAction(client(), "ga", "CheckCert", { CertId: "999999" })).body["Exists"], false);
  });

  it("logs every call with redacted secrets and filters by product, action and sequence", async () => {
    await emu.control.clearRequests();
    await callAction(client(), "cas", "UploadCert", { Cert: "PUBLIC", Key: "-----BEGIN PRIVATE KEY-----" });
    await callAction(client("v2"), "esa", "CreateThing", {
      Name: "logged",
      PrivateKey: "secret-1",
      "Certificates.1.PrivateKey": "secret-2",
    });
    await rejectionOf(callAction(client(), "esa", "CreateThing", {}));

    const all = await emu.control.requests();
    assert.equal(all.length, 3);
    const [upload, create, missing] = all;
    assert.equal(upload?.product, "cas");
    assert.equal(upload?.params["Key"], "[REDACTED]");
    assert.equal(upload?.params["Cert"], "PUBLIC");
    assert.equal(upload?.outcome, "ok");
    assert.equal(upload?.status, 200);
    assert.equal(create?.params["PrivateKey"], "[REDACTED]");
    assert.equal(create?.params["Certificates.1.PrivateKey"], "[REDACTED]");
    assert.equal(create?.params["Signature"], "[REDACTED]");
    assert.equal(create?.params["AccessKeyId"], emu.accessKeyId, "the access key id is kept");
    assert.equal(create?.accessKeyId, emu.accessKeyId);
    assert.equal(missing?.outcome, "MissingName");
    assert.equal(missing?.status, 400);
    assert.ok(!JSON.stringify(all).includes("secret-1") && !JSON.stringify(all).includes("BEGIN PRIVATE KEY"));

    assert.deepEqual(
      (await emu.control.requests({ product: "esa" })).map((e) => e.seq),
      [create?.seq, missing?.seq],
    );
    assert.equal((await emu.control.requests({ action: "UploadCert" })).length, 1);
    assert.deepEqual(
      (await emu.control.requests({ since: upload?.seq ?? 0 })).map((e) => e.action),
      ["CreateThing", "CreateThing"],
    );
    await emu.control.clearRequests();
    assert.deepEqual(await emu.control.requests(), []);
    await callAction(client(), "esa", "Echo");
    const [next] = await emu.control.requests();
    assert.ok((next?.seq ?? 0) > (missing?.seq ?? 0), "numbering continues after a clear");
  });

  it("answers unknown endpoints with 404 and malformed JSON with 400", async () => {
    const notFound = await fetch(`${emu.url}/__emulator/nope`);
    assert.equal(notFound.status, 404);
    assert.equal(notFound.headers.get("content-type"), "application/json;charset=utf-8");
    const bad = await fetch(`${emu.url}/__emulator/faults`, { method: "POST", body: "{not json" });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys((await bad.json()) as object).sort(), ["Code", "Message"]);
    const err = await emu.control.requests({ since: Number.NaN }).catch((e: unknown) => e);
    assert.ok(err instanceof EmulatorControlError && err.status === 400);
  });

  it("resets to the start seed, dropping faults and seeded keys", async () => {
    await emu.control.seed({ credentials: [{ accessKeyId: "LTAI5tTemp", accessKeySecret: "t" }] });
    await callAction(client(), "esa", "CreateThing", { Name: "to-be-forgotten" });
    await emu.control.addFault({ action: "Echo" });
    await emu.control.reset();
    assert.deepEqual(
      (await things()).map((t) => t.id),
      ["seed-default-thing"],
    );
    assert.deepEqual(await emu.control.faults(), []);
    assert.equal((await callAction(client(), "esa", "Echo")).statusCode, 200);
    const temp = realClient(emu.endpoint, { accessKeyId: "LTAI5tTemp", accessKeySecret: "t" });
    assert.equal((await rejectionOf(callAction(temp, "esa", "Echo"))).code, "InvalidAccessKeyId.NotFound");
    assert.deepEqual((await emu.control.state()).sequences, {});
  });
});
