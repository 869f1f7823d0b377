/**
 * Engine tier for issue 13: the REAL pulumi CLI runs examples/certificate-renewal against the emulator. One `up`
 * orders, validates through a delegated zone, and serves on two ESA hostnames (upload and cas) and a GA binding;
 * after the emulator's clock jumps into the renewal window, `preview --refresh` shows the replacement and why, and
 * one `up --refresh` renews everything in place with zero serving violations, revoking the old certificate last.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { delegationCname } from "../../provider/resources/cas/dv-certificate-order/delegation";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/certificate-renewal");
const DOMAIN = "renew.example.com";
const ZONE = "dcv.example-saas.com";
const DAY = 86_400_000;

describe("engine tier: renewal (examples/certificate-renewal)", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  let stack: PulumiStack | undefined;

  before(async () => {
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500, gaWriteMs: 500 } });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  it("one up serves; after a clock jump one up --refresh renews every consumer in place", async () => {
    stack = await PulumiStack.create(PROJECT, {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
      ALICLOUD_CERTS_MIN_POLL_MS: "200",
      ALICLOUD_CERTS_MAX_POLL_MS: "500",
    });
    const config: Record<string, string> = {
      domain: DOMAIN,
      delegationZone: ZONE,
      username: "Ada Lovelace",
      phone: "+8613900001234",
      email: "ada@example.com",
      siteId: "7096621098379520",
      recordId: "4042843419650112",
      acceleratorId: "ga-bp1emulatordefault0001",
      listenerId: "lsr-bp1emulatorhttps00001",
      "alicloud:accessKey": emu.accessKeyId,
    };
    for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);

    // Onboarding: the customer publishes the stable CNAME once (its derivation is documented).
    const cname = delegationCname(DOMAIN, ZONE);
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });

    await stack.up();
    const first = await stack.outputs();
    assert.deepEqual(first["customerCname"], cname);
    assert.match(String(first["certId"]), /^\d+$/);
    assert.equal(first["gaCertificateId"], `${String(first["certId"])}-cn-hangzhou`);
    await emu.control.clearServing();

    // The order records its notAfter (and so renewalDue) when refreshed; still outside the window, nothing to do.
    await stack.refresh();
    const due = Date.parse(String(first["notAfter"])) - 30 * DAY;
    const recorded = (await stack.exportedState()).resources.find((r) => r.type.endsWith(":CasDvCertificateOrder"));
    assert.equal(recorded?.outputs?.["renewalDue"], new Date(due).toISOString());
    assert.doesNotMatch((await stack.preview(["--refresh"])).stdout, /renewing/);

    await emu.control.advanceTime(61 * DAY);
    await emu.control.clearRequests();
    const preview = await stack.preview(["--refresh", "--diff"]);
    const shown = preview.stdout + preview.stderr;
    const day = String(first["notAfter"]).slice(0, 10);
    assert.match(shown, new RegExp(`certificate for renew\\.example\\.com expires ${day}; renewing 30 days ahead`));
    assert.match(shown, /\+-\s*pulumi-nodejs:dynamic\/alicloud-certs:CasDvCertificateOrder/);
    const writes = (await emu.control.requests()).filter((r) => !/^(Describe|Get|List)/.test(r.action ?? ""));
    assert.deepEqual(
      writes.map((r) => r.action),
      [],
      "the preview writes nothing",
    );

    await emu.control.clearRequests();
    await stack.up(["--refresh"]);
    const second = await stack.outputs();
    assert.notEqual(second["orderId"], first["orderId"]);
    assert.notEqual(second["certId"], first["certId"]);
    assert.deepEqual(second["hostnameIds"], first["hostnameIds"], "ESA hostnames updated in place");
    assert.equal(second["gaCertificateId"], `${String(second["certId"])}-cn-hangzhou`);
    assert.deepEqual(second["customerCname"], cname, "the customer's CNAME never changes");

    const log = (await emu.control.requests()).map((r) => r.action ?? "?");
    const revokedAt = log.indexOf("CancelCertificateForPackageRequest");
    assert.ok(revokedAt > 0, "the old certificate is revoked");
    assert.ok(log.lastIndexOf("UpdateCustomHostname") < revokedAt, "ESA follows before the revocation");
    assert.ok(log.lastIndexOf("UpdateAdditionalCertificateWithListener") < revokedAt, "GA follows before it");
    for (const never of [
      "CreateCustomHostname",
      "DeleteCustomHostname",
      "AssociateAdditionalCertificatesWithListener",
      "DissociateAdditionalCertificatesWithListener",
    ])
      assert.ok(!log.includes(never), `no ${never} during a renewal`);
    assert.equal(log.filter((a) => a === "CreateCertificateWithCsrRequest").length, 1, "exactly one new order");

    const analysis = await emu.control.servingAnalysis();
    assert.deepEqual(
      analysis.violations.map((v) => `${v.key}: ${v.kind} ${v.detail}`),
      [],
      "zero gaps, zero invalid certificates",
    );
    const serving = (await emu.control.serving()).consumers;
    assert.equal(serving.length, 3);
    for (const consumer of serving)
      assert.equal(consumer.periods.at(-1)?.certificate?.casCertId, String(second["certId"]), consumer.key);

    await stack.destroy();
    const esa = (await emu.control.objects())["esa"] as { hostnames: unknown[] };
    assert.deepEqual(esa.hostnames, []);
  });
});
