/**
 * Engine tier: a create lost to a crash is resumed, never bought twice (issue 12, item 2). The real `pulumi up` of
 * examples/dv-certificate-order is SIGKILLed, with its whole process tree, while the order waits for issuance; then
 * the user's recovery: `pulumi cancel` (removes the dead run's lock), `pulumi refresh`, `pulumi up`. The order the
 * lost run placed must be found by its create token and resumed: one CreateCertificateWithCsrRequest, one quota
 * unit, one order, and it is the one in the state.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/dv-certificate-order");
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder";

interface CasObjects {
  packages: { productCode: string; used: number }[];
  orders: { orderId: string; state: string }[];
}

describe("engine tier: crash recovery (SIGKILL of pulumi up during waitForIssuance)", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;

  const objects = async (): Promise<CasObjects> => (await emu.control.objects())["cas"] as CasObjects;
  const count = async (action: string): Promise<number> =>
    (await emu.control.requests({ product: "cas", action })).length;

  before(async () => {
    emu = await startEmulator({ quiet: true });
    stack = await PulumiStack.create(
      PROJECT,
      { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "200", ALICLOUD_CERTS_MAX_POLL_MS: "400" },
      "crash",
    );
    await stack.setConfig("domain", "crash.example.com");
    await stack.setConfig("username", "Ada Lovelace");
    await stack.setConfig("phone", "+8613900001234");
    await stack.setConfig("email", "ada@example.com");
    await stack.setConfig("waitForIssuance", "true");
    await stack.setConfig("issuanceTimeoutSeconds", "600");
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  it("resumes the lost run's order: one order, one quota unit, no orphan", async () => {
    const run = stack.start(["up", "--yes", "--skip-preview"], { allowFailure: true });
    const started = Date.now();
    // In the wait: the order was placed and has been described at least twice (create's describe, then polls).
    while ((await count("CreateCertificateWithCsrRequest")) < 1 || (await count("DescribeCertificateState")) < 3) {
      assert.ok(Date.now() - started < 120_000, "the up never reached the wait");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    run.kill();
    const killed = await run.done;
    assert.notEqual(killed.code, 0, "the up was killed");
    const [placed] = (await objects()).orders;
    assert.ok(placed !== undefined, "the lost run placed an order");

    const cancel = await stack.run(["cancel", "--yes"], { allowFailure: true });
    const refresh = await stack.run(["refresh", "--yes", "--skip-preview"], { allowFailure: true });
    // The customer publishes the DNS record meanwhile; issuing it directly stands for that here.
    await emu.control.service("cas", "issueNow", { orderId: placed.orderId });
    const up = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    const log = [cancel, refresh, up].map((r) => `${r.stdout}\n${r.stderr}`).join("\n----\n");
    assert.equal(up.code, 0, `the recovering up failed:\n${log}`);
    if (process.env["ALICLOUD_CERTS_SHOW_RECOVERY"] === "1") console.log(log);
    assert.match(log, new RegExp(`found order ${placed.orderId} placed by an earlier, interrupted run`));

    assert.equal(await count("CreateCertificateWithCsrRequest"), 1, "exactly one order was placed");
    const after = await objects();
    assert.deepEqual(
      after.orders.map((o) => o.orderId),
      [placed.orderId],
      "one order in CAS",
    );
    assert.equal(after.packages.find((p) => p.productCode === "digicert-free-1-free")?.used, 1, "one quota unit");
    const recorded = (await stack.exportedState()).resources.filter((r) => r.type === TYPE);
    assert.deepEqual(
      recorded.map((r) => r.id),
      [placed.orderId],
      "the state holds the lost run's order: nothing orphaned",
    );
    assert.equal((await stack.outputs())["state"], "certificate");

    await stack.setConfig("revokeOnDelete", "true");
    await stack.up();
    await stack.destroy();
    assert.equal((await objects()).orders[0]?.state, "revoked", "destroy reaches the resumed order");
  });
});
