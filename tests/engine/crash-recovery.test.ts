/**
 * Engine tier: a create lost to a crash is resumed, never bought twice, and the run ends cleanly. The real
 * `pulumi up` is SIGKILLed with its process group (as a crash or a killed CI job does; the provider hosts live in
 * groups of their own) while a create waits; then the documented recovery, non-interactive:
 * `pulumi cancel --yes` (removes the dead run's lock), `pulumi refresh --yes --clear-pending-creates` (drops the
 * pending create the engine recorded; import cannot work for dynamic providers, pulumi/pulumi#16175), `pulumi up`.
 * - CAS (examples/dv-certificate-order, during waitForIssuance): the order the lost run placed is found by its
 *   create token and resumed: one CreateCertificateWithCsrRequest, one quota unit, one order, the one in the state.
 * - ESA (examples/esa-custom-hostname, during `waitFor: "active"`): the orphaned provider host stops calling the API
 *   within seconds and activates nothing; the recovery's up, told by `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES` (no
 *   program edit), resumes the identical hostname: one CreateCustomHostname, one hostname, the one in the state.
 * Both: no pending operation is left in the state, and no command warns about one.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT, type CliResult } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/dv-certificate-order");
/** How soon after the kill an orphaned provider host must have made its last API call and exited. */
const STOP_WITHIN_MS = 5000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The pending operations `pulumi stack export` shows (none once the recovery is done). */
async function pendingOperations(stack: PulumiStack): Promise<unknown[]> {
  const { text } = await stack.exportedState();
  const parsed = JSON.parse(text) as { deployment?: { pending_operations?: unknown[] } };
  return parsed.deployment?.pending_operations ?? [];
}

/** Every line of these runs' output that speaks of a pending operation (the engine's warning about one). */
function pendingWarnings(results: readonly CliResult[]): string[] {
  return results
    .flatMap((r) => `${r.stdout}\n${r.stderr}`.split("\n"))
    .filter((line) => /pending (operation|create)/i.test(line));
}
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
    stack?.killProcesses();
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
    const refresh = await stack.run(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"], {
      allowFailure: true,
    });
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
    assert.deepEqual(await pendingOperations(stack), [], "no pending operation is left in the state");
    const preview = await stack.preview();
    assert.deepEqual(pendingWarnings([cancel, refresh, up, preview]), [], "no command warns about a pending operation");

    await stack.setConfig("revokeOnDelete", "true");
    await stack.up();
    await stack.destroy();
    assert.equal((await objects()).orders[0]?.state, "revoked", "destroy reaches the resumed order");
  });
});

describe("engine tier: crash recovery (SIGKILL of pulumi up during an ESA waitFor: active wait)", function () {
  this.timeout(600_000);
  const ESA_PROJECT = path.join(REPO_ROOT, "examples/esa-custom-hostname");
  const HOSTNAME = "shop.crash-test.com";
  let emu: RunningEmulator;
  let stack: PulumiStack;
  let lostId: string;

  interface Hostname {
    hostnameId: string;
    status: string;
    verifyHost: string;
    verifyCode: string;
  }
  const hostnames = async (): Promise<Hostname[]> =>
    ((await emu.control.objects())["esa"] as { hostnames: Hostname[] }).hostnames;
  const count = async (action: string): Promise<number> =>
    (await emu.control.requests({ product: "esa", action })).length;
  const providerHosts = (): string[] =>
    stack
      .processes()
      .map((p) => `${p.pid} ${p.args}`)
      .filter((p) => p.includes("dynamic-provider"));

  before(async () => {
    emu = await startEmulator({ quiet: true });
    stack = await PulumiStack.create(
      ESA_PROJECT,
      { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "200", ALICLOUD_CERTS_MAX_POLL_MS: "400" },
      "crash-esa",
    );
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId, true);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    await stack.setConfig("esa-custom-hostname:siteId", "7096621098379520");
    await stack.setConfig("esa-custom-hostname:recordId", "4042843419650112");
    await stack.setConfig("esa-custom-hostname:customers", JSON.stringify([{ hostname: HOSTNAME }]));
    await stack.setConfig("esa-custom-hostname:waitFor", "active");
  });

  after(async () => {
    stack?.killProcesses();
    await stack?.remove();
    await emu?.close();
  });

  it("the orphaned provider host stops calling the API within seconds, and does not activate the hostname", async () => {
    const run = stack.start(["up", "--yes", "--skip-preview"], { allowFailure: true });
    const started = Date.now();
    // In the wait: the hostname was created and ownership has been checked (still pending) at least twice.
    while ((await count("CreateCustomHostname")) < 1 || (await count("VerifyCustomHostname")) < 2) {
      assert.ok(Date.now() - started < 120_000, "the up never reached the wait");
      await sleep(100);
    }
    run.kill();
    const killedAt = await emu.control.now();
    assert.notEqual((await run.done).code, 0, "the up was killed");
    const [lost] = await hostnames();
    assert.ok(lost !== undefined, "the lost run created the hostname");
    lostId = lost.hostnameId;

    while (providerHosts().length > 0 && Date.now() - started < 600_000) {
      assert.ok(
        (await emu.control.now()) - killedAt < 3 * STOP_WITHIN_MS,
        `still running: ${providerHosts().join("; ")}`,
      );
      await sleep(200);
    }
    // A host that polled on would now activate the hostname: the customer publishes the ownership record.
    await emu.control.publishRecord({ kind: "dns", name: lost.verifyHost, type: "TXT", value: lost.verifyCode });
    await sleep(3000);
    const late = (await emu.control.requests()).filter((r) => r.time > killedAt + STOP_WITHIN_MS);
    assert.deepEqual(
      late.map((r) => `${r.action ?? "?"} +${r.time - killedAt} ms`),
      [],
      "no API call later than a few seconds after the kill",
    );
    assert.deepEqual(
      (await hostnames()).map((h) => h.status),
      ["pending"],
      "the orphaned host did not activate the hostname",
    );
  });

  it("the documented recovery, non-interactive and with no program edit, resumes it: one hostname, no pending operation", async () => {
    assert.ok(lostId !== undefined, "needs the lost run of the test before");
    assert.equal((await pendingOperations(stack)).length, 1, "the lost run left its create pending");
    const cancel = await stack.run(["cancel", "--yes"], { allowFailure: true });
    const refresh = await stack.run(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"], {
      allowFailure: true,
    });
    const up = await stack.run(["up", "--yes", "--skip-preview"], {
      allowFailure: true,
      env: { ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES: HOSTNAME },
    });
    const log = [cancel, refresh, up].map((r) => `${r.stdout}\n${r.stderr}`).join("\n----\n");
    assert.equal(up.code, 0, `the recovering up failed:\n${log}`);
    assert.match(log, new RegExp(`resuming HostnameId ${lostId}, created by an earlier, interrupted run`));

    assert.equal(await count("CreateCustomHostname"), 1, "exactly one hostname was created");
    assert.deepEqual(
      (await hostnames()).map((h) => [h.hostnameId, h.status]),
      [[lostId, "active"]],
      "one hostname, activated by the recovery",
    );
    const recorded = (await stack.exportedState()).resources.filter(
      (r) => r.type === "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname",
    );
    assert.deepEqual(
      recorded.map((r) => r.id),
      [lostId],
      "the state holds the lost run's hostname: nothing orphaned",
    );
    assert.deepEqual(await pendingOperations(stack), [], "no pending operation is left in the state");
    const preview = await stack.preview();
    assert.match(preview.stdout, /unchanged/);
    assert.deepEqual(pendingWarnings([cancel, refresh, up, preview]), [], "no command warns about a pending operation");

    await stack.destroy();
    assert.deepEqual(await hostnames(), [], "destroy reaches the resumed hostname");
  });
});
