/**
 * Engine tier for issue 28: `alicloud-certs status` on a real stack of examples/certificate-renewal, run by the real
 * pulumi CLI against the emulator, through the clock jumps of a certificate's life: quiet, due, a renewal in flight
 * (status taken while `pulumi up` waits for validation), renewed, stalled, expired; each gives the expected table,
 * JSON and exit status, with no secret and no personal value in any output, no API call without --live and one read
 * per object with it. The recipes of examples/operations (renew-and-check.sh, write-prometheus.sh) run as they are.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { SC081_SCHEDULE, startEmulator, type RunningEmulator } from "../../emulator";
import { type StatusReport } from "../../provider/cli/status/report";
import { AlibabaClient } from "../../provider/transport/client";
import { DeleteCustomHostname } from "../../provider/transport/operations/esa";
import { configFromRecord } from "../../provider/transport/settings";
import { delegationCname } from "../../provider/resources/cas/dv-certificate-order/delegation";
import { type CliResult, PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/certificate-renewal");
const RECIPES = path.join(REPO_ROOT, "examples/operations");
const BIN = path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs/dist/provider/cli/bin.js");
const DOMAIN = "status.example.com";
const ZONE = "dcv.example-saas.com";
const DAY = 86_400_000;
const PERSONAL = { username: "Grace Hopper", phone: "+8613900005678", email: "grace@example.com" };

describe("engine tier: alicloud-certs status (issue 28, examples/certificate-renewal)", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;
  let binDir: string;
  /** Everything any status run printed: checked for secrets and personal values at the end. */
  const printed: string[] = [];

  /** The environment a user's shell has: the toolchain, the stack's backend, the emulator; no passphrase. */
  function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    const tools = path.join(REPO_ROOT, ".tools");
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${binDir}:${path.join(tools, "pulumi/bin")}:${path.join(tools, "node/bin")}:${process.env["PATH"] ?? ""}`,
      PULUMI_HOME: stack.homeDir,
      PULUMI_BACKEND_URL: `file://${stack.backendDir}`,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
    };
    delete env["PULUMI_CONFIG_PASSPHRASE"];
    delete env["ALICLOUD_ACCESS_KEY"];
    delete env["ALICLOUD_SECRET_KEY"];
    return { ...env, ...extra };
  }

  /** Run a command in the project directory (asynchronously: the emulator answers from this process). */
  function exec(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: PROJECT, env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("error", reject);
      child.on("close", (code) => {
        printed.push(stdout, stderr);
        resolve({ code: code ?? -1, stdout, stderr });
      });
    });
  }

  /** `alicloud-certs status --stack <stack> …args`, as a user runs it. */
  const status = (args: readonly string[] = [], extra: Record<string, string> = {}): Promise<CliResult> =>
    exec("alicloud-certs", ["status", "--stack", stack.stackName, ...args], userEnv(extra));

  async function json(args: readonly string[] = []): Promise<{ code: number; report: StatusReport }> {
    const result = await status(["--json", ...args]);
    assert.equal(result.stderr, "", result.stderr);
    return { code: result.code, report: JSON.parse(result.stdout) as StatusReport };
  }

  const cname = delegationCname(DOMAIN, ZONE);
  const publish = async (): Promise<void> => {
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
  };
  const unpublish = async (): Promise<void> => {
    await emu.control.unpublishRecord({ kind: "dns", name: cname.name, type: "CNAME" });
  };

  /** Move the emulator's clock to `days` days after `iso`. */
  async function jumpTo(iso: string, days: number): Promise<void> {
    await emu.control.advanceTime(Date.parse(iso) + days * DAY - (await emu.control.clock()).now);
  }

  before(async () => {
    // Renewals validate again through the delegated zone (no DCV reuse), so a removed CNAME stalls one.
    const caSchedule = SC081_SCHEDULE.map((step) => ({ ...step, dcvReuseDays: 0 }));
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500, gaWriteMs: 500 }, caSchedule });
    stack = await PulumiStack.create(
      PROJECT,
      {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
        ALICLOUD_CERTS_MIN_POLL_MS: "200",
        ALICLOUD_CERTS_MAX_POLL_MS: "500",
      },
      "status",
    );
    const config: Record<string, string> = {
      domain: DOMAIN,
      delegationZone: ZONE,
      ...PERSONAL,
      siteId: "7096621098379520",
      recordId: "4042843419650112",
      acceleratorId: "ga-bp1emulatordefault0001",
      listenerId: "lsr-bp1emulatorhttps00001",
      "alicloud:accessKey": emu.accessKeyId,
      validationTimeoutSeconds: "600",
    };
    for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    // `alicloud-certs` on PATH, as npm links a package's bin (the staged build is the package users install).
    binDir = fs.mkdtempSync(path.join(os.tmpdir(), "alicloud-certs-bin-"));
    fs.writeFileSync(path.join(binDir, "alicloud-certs"), `#!/bin/sh\nexec node ${BIN} "$@"\n`, { mode: 0o755 });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
    if (binDir !== undefined) fs.rmSync(binDir, { recursive: true, force: true });
  });

  it("quiet, due, in flight, renewed, stalled, expired: table, JSON and exit status; recipes; --live", async () => {
    await publish();
    // The daily recipe, as CI runs it: a plain up, then status (the order is issued through its waiter).
    const pulumiEnv = { PULUMI_CONFIG_PASSPHRASE: "engine-tier-passphrase", ALICLOUD_CERTS_ENDPOINT: emu.url };
    const daily = await exec("bash", [path.join(RECIPES, "renew-and-check.sh"), stack.stackName], userEnv(pulumiEnv));
    assert.equal(daily.code, 0, daily.stdout + daily.stderr);
    assert.match(daily.stdout, /OK: no alarm\./);
    await stack.up(); // records the issuance on the order (notBefore, notAfter, renewalDue)
    const outputs = await stack.outputs();
    const certId = String(outputs["certId"]);
    const renewalDue = String(outputs["renewalDue"]);

    // Quiet: no alarm, no API call, and the table says what expires when.
    await emu.control.clearRequests();
    const quiet = await status();
    assert.equal(quiet.code, 0, quiet.stdout + quiet.stderr);
    assert.deepEqual(await emu.control.requests(), [], "status calls no API without --live");
    const shown = renewalDue.replace(/\.\d{3}Z$/, "Z");
    assert.match(
      quiet.stdout,
      new RegExp(
        `certificate +status\\.example\\.com +${String(outputs["orderId"])} +certificate +\\S+ +${shown} +\\d+\\.\\d +scheduled`,
      ),
    );
    for (const [name, domain] of [
      ["cas", `cas.${DOMAIN}`],
      ["upload", `up.${DOMAIN}`],
      ["ga", DOMAIN],
    ])
      assert.match(
        quiet.stdout,
        new RegExp(`${name} +\\S+.* +${domain.replace(/\./g, "\\.")} +${certId} +${certId} +yes`),
      );
    let { code, report } = await json();
    assert.equal(code, 0);
    assert.deepEqual(
      [report.certificates[0]?.renewal, report.certificates[0]?.renewalDue, report.certificates[0]?.certId],
      ["scheduled", renewalDue, certId],
    );
    assert.deepEqual(
      report.consumers.map((c) => c.verdict),
      ["current", "current", "current"],
    );

    // --live: one read per object (the order, two hostnames, one listener), and no drift.
    await emu.control.clearRequests();
    const live = await status(["--live"], {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_ACCESS_KEY: emu.accessKeyId,
      ALICLOUD_SECRET_KEY: emu.accessKeySecret,
    });
    assert.equal(live.code, 0, live.stdout + live.stderr);
    assert.deepEqual((await emu.control.requests()).map((r) => r.action).sort(), [
      "DescribeCertificateState",
      "GetCustomHostname",
      "GetCustomHostname",
      "ListListenerCertificates",
    ]);

    // The Prometheus recipe writes the textfile collector's file.
    const textfiles = fs.mkdtempSync(path.join(os.tmpdir(), "textfile-"));
    const metrics = await exec(
      "bash",
      [path.join(RECIPES, "write-prometheus.sh"), stack.stackName, textfiles],
      userEnv(),
    );
    assert.equal(metrics.code, 0, metrics.stderr);
    const prom = fs.readFileSync(path.join(textfiles, `alicloud_certs_${stack.stackName}.prom`), "utf8");
    fs.rmSync(textfiles, { recursive: true, force: true });
    const labels = `name="certificate",namespace="${stack.stackName}",project="certificate-renewal",issuer_name="digicert-free-1-free",issuer_kind="CAS",issuer_group="alibabacloud.com"`;
    assert.match(
      prom,
      new RegExp(
        `^alicloud_certs_certificate_renewal_timestamp_seconds\\{${labels}\\} ${Math.floor(Date.parse(renewalDue) / 1000)}$`,
        "m",
      ),
    );
    assert.match(prom, new RegExp(`^alicloud_certs_certificate_ready_status\\{${labels},condition="True"\\} 1$`, "m"));

    // Due: the clock passes renewalDue and no up runs.
    await jumpTo(renewalDue, 1);
    const due = await status();
    assert.equal(due.code, 1);
    assert.match(
      due.stdout,
      /ALARM: 1 problem:\n {2}\[renewal-overdue\] certificate "certificate" \(status\.example\.com, order \d+\): past its renewal time/,
    );
    ({ code, report } = await json());
    assert.deepEqual(
      [code, report.certificates[0]?.renewal, report.alarms.map((a) => a.kind)],
      [1, "due", ["renewal-overdue"]],
    );

    // In flight: the customer's CNAME is missing, so the renewal's up waits for validation; status meanwhile.
    await unpublish();
    const running = stack.start(["up", "--yes", "--skip-preview"]);
    let inFlight: StatusReport | undefined;
    for (let i = 0; i < 120 && inFlight === undefined; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const seen = await json();
      if (seen.report.runInProgress && (seen.report.certificates[0]?.orders.length ?? 0) === 2) {
        assert.equal(seen.code, 0, JSON.stringify(seen.report.alarms));
        inFlight = seen.report;
      }
    }
    assert.ok(inFlight !== undefined, "status saw the renewal in flight");
    assert.equal(inFlight.certificates[0]?.renewal, "in-flight");
    assert.deepEqual(
      inFlight.certificates[0]?.orders.map((o) => o.role),
      ["replaced", "current"],
    );
    await publish();
    await running.done;

    // Renewed: the new certificate, every consumer on it; its renewal time computed until the next up records it.
    ({ code, report } = await json());
    const renewed = await stack.outputs();
    assert.equal(code, 0, JSON.stringify(report.alarms));
    assert.notEqual(renewed["certId"], certId);
    assert.deepEqual(
      [report.certificates[0]?.certId, report.certificates[0]?.renewalDueEstimated],
      [renewed["certId"], true],
    );
    assert.deepEqual(
      report.consumers.map((c) => [c.serves, c.verdict]),
      Array(3).fill([renewed["certId"], "current"]),
    );
    const computed = report.certificates[0]?.renewalDue;
    await stack.up();
    ({ report } = await json());
    assert.deepEqual(
      [report.certificates[0]?.renewalDue, report.certificates[0]?.renewalDueEstimated],
      [computed, false],
    );
    assert.equal(
      report.certificates[0]?.renewalDue,
      String((await stack.outputs())["renewalDue"]),
      "the computed time was the recorded one",
    );

    // Stalled: the next renewal's validation never passes within its timeout.
    await stack.setConfig("validationTimeoutSeconds", "3");
    await jumpTo(String(report.certificates[0]?.renewalDue), 1);
    await unpublish();
    const failed = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    assert.notEqual(failed.code, 0);
    const stalled = await status();
    assert.equal(stalled.code, 1);
    assert.match(
      stalled.stdout,
      /\[renewal-stalled\] certificate "certificate" \(status\.example\.com\): renewal stalled: order \d+ \(domain_verify\): validation of CAS order \d+ did not finish/,
    );
    ({ code, report } = await json());
    assert.deepEqual(
      [report.certificates[0]?.renewal, report.alarms.map((a) => a.kind)],
      ["stalled", ["renewal-stalled"]],
    );

    // Expired: nobody fixed it.
    await jumpTo(String(report.certificates[0]?.notAfter), 1);
    const expired = await status();
    assert.equal(expired.code, 1);
    assert.match(expired.stdout, /\[expired\] certificate "certificate" \(status\.example\.com, order \d+\): expired /);
    ({ report } = await json());
    assert.deepEqual(report.alarms.map((a) => a.kind).sort(), ["expired", "renewal-stalled"]);
    assert.equal(report.certificates[0]?.expiry, "expired");

    // Drift: a hostname deleted out of band is what --live finds, and the state alone does not.
    const hostnameIds = (await stack.outputs())["hostnameIds"] as { cas: string };
    const liveEnv = {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_ACCESS_KEY: emu.accessKeyId,
      ALICLOUD_SECRET_KEY: emu.accessKeySecret,
    };
    const client = new AlibabaClient({ config: configFromRecord({}), env: liveEnv });
    await client.call(DeleteCustomHostname, { HostnameId: hostnameIds.cas });
    const drift = await status(["--live", "--json"], liveEnv);
    const drifted = (JSON.parse(drift.stdout) as StatusReport).alarms.filter((a) => a.kind === "drift");
    assert.deepEqual(
      drifted.map((a) => a.message),
      [`esa.CustomHostname (cas) "cas" (cas.${DOMAIN}): ESA no longer has this hostname`],
    );
    assert.ok(!(await json()).report.alarms.some((a) => a.kind === "drift"), "without --live, the state's view");

    // Nothing printed a secret or a personal value.
    const all = printed.join("\n");
    for (const value of [
      ...Object.values(PERSONAL),
      emu.accessKeySecret,
      "PRIVATE KEY",
      "BEGIN CERTIFICATE",
      "ciphertext",
    ])
      assert.ok(!all.includes(value), `a status output shows ${value}`);

    await publish();
    await stack.setConfig("validationTimeoutSeconds", "600");
    await stack.destroy();
  });
});
