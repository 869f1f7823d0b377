/**
 * A state file written by an earlier emulator still loads: the golden file (helpers/golden-state.ts) was written
 * before the emulator's files were reorganized, and holds something in every part of the format. Loading it must
 * give back the same world, write the same file again, and let the run carry on where it stopped.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { GOLDEN_OBJECTS_FILE, GOLDEN_STATE_FILE } from "./helpers/golden-state";
import { callAction, realClient } from "./helpers/openapi";

interface GoldenState {
  clock: { now: number; speed: number };
  world: {
    cas: { orders: Record<string, { orderId: string; state: string; certId: string | null }> };
  } & Record<string, unknown>;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

describe("core: a state file written before the reorganization", () => {
  let dir: string;
  let stateFile: string;
  const golden = readJson(GOLDEN_STATE_FILE) as GoldenState;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "emulator-golden-"));
    stateFile = join(dir, "state.json");
    copyFileSync(GOLDEN_STATE_FILE, stateFile);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("loads into the same world and objects, and is written back unchanged", async () => {
    const emu = await startEmulator({ quiet: true, stateFile });
    try {
      assert.deepEqual(await emu.control.clock(), {
        now: golden.clock.now,
        iso: new Date(golden.clock.now).toISOString(),
        speed: golden.clock.speed,
      });
      assert.deepEqual(await emu.control.state(), golden.world);
      assert.deepEqual(await emu.control.objects(), readJson(GOLDEN_OBJECTS_FILE));
    } finally {
      await emu.close();
    }
    assert.deepEqual(readJson(stateFile), golden, "the file keeps its format");
  });

  it("carries on: keys, ClientToken replies, id sequences, issued certificates and the in-flight GA write", async () => {
    const emu = await startEmulator({ quiet: true, stateFile });
    try {
      const sts = realClient(emu.endpoint, {
        accessKeyId: "STS.Golden",
        accessKeySecret: "golden-secret",
        securityToken: "golden-token",
      });
      const replay = await callAction(sts, "ga", "AssociateAdditionalCertificatesWithListener", {
        RegionId: "cn-hangzhou",
        AcceleratorId: "ga-bp1emulatordefault0001",
        ListenerId: "lsr-bp1emulatorhttps00001",
        ClientToken: "golden-settled",
        "Certificates.1.Domain": "api.golden.test",
        "Certificates.1.Id": "14000001-cn-hangzhou",
      });
      assert.equal(replay.body["ListenerId"], "lsr-bp1emulatorhttps00001");
      const [logged] = await emu.control.requests({ action: "AssociateAdditionalCertificatesWithListener" });
      assert.equal(logged?.replayed, true, "the stored first reply answers");

      const created = await callAction(sts, "esa", "CreateCustomHostname", {
        SiteId: "7096621098379520",
        RecordId: "4042843419650112",
        Hostname: "next.golden.test",
        SslFlag: "off",
      });
      assert.equal(created.body["HostnameId"], 7200000000000003, "the hostname sequence continues");

      const issued = Object.values(golden.world.cas.orders).find((o) => o.state === "certificate");
      assert.ok(issued !== undefined);
      const described = await callAction(sts, "cas", "DescribeCertificateState", { OrderId: issued.orderId });
      assert.equal(described.body["Type"], "certificate");
      assert.equal(described.body["CertId"], issued.certId);

      await emu.control.advanceTime(5_000);
      const listing = await callAction(sts, "ga", "ListListenerCertificates", {
        RegionId: "cn-hangzhou",
        AcceleratorId: "ga-bp1emulatordefault0001",
        ListenerId: "lsr-bp1emulatorhttps00001",
        Role: "additional",
      });
      assert.deepEqual(listing.body["Certificates"], [], "the dissociation in flight at the save settles");
    } finally {
      await emu.close();
    }
  });
});
