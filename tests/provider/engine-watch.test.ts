/**
 * Provider tier: the REAL dynamic-provider host, started as the engine starts it (its argument is the engine's
 * address; here a plain TCP listener of this test stands for the engine), stops calling the API within seconds once
 * that address stops listening and its output is no longer read, in the middle of an esa.CustomHostname
 * `waitFor: "active"` wait, and exits. While the "engine" listens, the wait goes on.
 */
import { strict as assert } from "node:assert";
import * as net from "node:net";
import { stagedPackage } from "../helpers/staged-package";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import { ProviderHost, serializeProvider } from "../helpers/provider-host";

const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
/** How soon after the engine is gone the host must have made its last call and exited. */
const WITHIN_MS = 5000;

/** A listener standing for the engine: the watch only connects and closes. */
async function fakeEngine(): Promise<{ address: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const bound = server.address();
  assert.ok(bound !== null && typeof bound === "object");
  return {
    address: `127.0.0.1:${bound.port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe("provider tier: the host stops once its engine is gone", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;

  before(async () => {
    emu = await startEmulator({ quiet: true });
  });
  after(async () => {
    await emu?.close();
  });

  it("a pending waitFor-active wait goes on while the engine listens, and stops within seconds once it does not", async () => {
    const engine = await fakeEngine();
    const host = await ProviderHost.start({
      cwd: REPO_ROOT,
      engineAddress: engine.address,
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "200", ALICLOUD_CERTS_MAX_POLL_MS: "400" },
    });
    try {
      await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
      const res = host.resource(await serializeProvider(pkg.esa.customHostnameProvider), TYPE);
      const checked = await res.check(
        "w",
        {},
        {
          siteId: "7096621098379520",
          hostname: "orphan.customer.com",
          recordId: "4042843419650112",
          waitFor: "active",
          waitTimeoutSeconds: 600,
        },
      );
      const creating = res.create("w", checked.inputs).then(
        () => "created",
        (e: unknown) => e,
      );
      const verifies = async (): Promise<number> =>
        (await emu.control.requests({ product: "esa", action: "VerifyCustomHostname" })).length;
      // Healthy: the engine listens, and the wait keeps polling for several probe intervals.
      while ((await verifies()) < 2) await sleep(100);
      const before = await verifies();
      await sleep(4000);
      assert.ok((await verifies()) > before, "the wait goes on while the engine listens");

      // The engine dies: its address stops listening, and nobody reads the host's output any more.
      await engine.close();
      host.closeOutput();
      const lostAt = await emu.control.now();
      const exit = await Promise.race([host.exited, sleep(WITHIN_MS + 5000).then(() => "still running")]);
      assert.notEqual(exit, "still running", "the host exits once its engine is gone");
      // A host that polled on would now activate the hostname: the customer publishes the ownership
      // record (its polls were 200-400 ms apart, so the next 3 s would have seen it).
      const [hostname] = (
        (await emu.control.objects()).esa as {
          hostnames: { hostnameId: string; verifyHost: string; verifyCode: string }[];
        }
      ).hostnames;
      assert.ok(hostname !== undefined);
      await emu.control.publishRecord({
        kind: "dns",
        name: hostname.verifyHost,
        type: "TXT",
        value: hostname.verifyCode,
      });

      await sleep(3000);
      const late = (await emu.control.requests()).filter((r) => r.time > lostAt + WITHIN_MS);
      assert.deepEqual(
        late.map((r) => `${r.action ?? "?"} +${r.time - lostAt} ms`),
        [],
        "no API call later than a few seconds after the engine is gone",
      );
      const after = ((await emu.control.objects()).esa as { hostnames: { status: string }[] }).hostnames;
      assert.deepEqual(
        after.map((h) => h.status),
        ["pending"],
        "the orphaned host did not activate the hostname",
      );
      assert.notEqual(await creating, "created");
      await emu.control.service("esa", "deleteOutOfBand", { hostnameId: hostname.hostnameId });
    } finally {
      host.close();
      await engine.close().catch(() => undefined);
    }
  });
});
