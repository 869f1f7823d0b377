/**
 * Engine tier for issue 13: the REAL pulumi CLI runs examples/certificate-renewal against the emulator. One `up`
 * orders, validates through a delegated zone, and serves on two ESA hostnames (upload and cas) and a GA binding;
 * after the emulator's clock jumps into the renewal window, `preview --refresh` shows the replacement and why, and
 * one `up --refresh` renews everything in place with zero serving violations, revoking the old certificate last.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { SC081_SCHEDULE, startEmulator, type RunningEmulator } from "../../emulator";
import { delegationCname } from "../../provider/resources/cas/dv-certificate-order/delegation";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/certificate-renewal");
const DOMAIN = "renew.example.com";
const ZONE = "dcv.example-saas.com";
const DAY = 86_400_000;

describe("engine tier: renewal (examples/certificate-renewal)", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  const stacks: PulumiStack[] = [];

  before(async () => {
    // The renewal here is validated again through the delegated zone: a CA that reuses no domain validation. The
    // default (ballot SC-081) would issue a renewal inside its reuse period with no new record.
    const caSchedule = SC081_SCHEDULE.map((step) => ({ ...step, dcvReuseDays: 0 }));
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500, gaWriteMs: 500 }, caSchedule });
  });

  after(async () => {
    for (const stack of stacks) await stack.remove();
    await emu?.close();
  });

  /** A stack of the example for `domain`, configured for the emulator's seeded ESA site and GA listener. */
  async function newStack(name: string, domain: string, extra: Record<string, string> = {}): Promise<PulumiStack> {
    const created = await PulumiStack.create(
      PROJECT,
      {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
        ALICLOUD_CERTS_MIN_POLL_MS: "200",
        ALICLOUD_CERTS_MAX_POLL_MS: "500",
      },
      name,
    );
    stacks.push(created);
    const config: Record<string, string> = {
      domain,
      delegationZone: ZONE,
      username: "Ada Lovelace",
      phone: "+8613900001234",
      email: "ada@example.com",
      siteId: "7096621098379520",
      recordId: "4042843419650112",
      acceleratorId: "ga-bp1emulatordefault0001",
      listenerId: "lsr-bp1emulatorhttps00001",
      "alicloud:accessKey": emu.accessKeyId,
      ...extra,
    };
    for (const [k, v] of Object.entries(config)) await created.setConfig(k, v);
    await created.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    return created;
  }

  it("one up serves; after a clock jump one up --refresh renews every consumer in place", async () => {
    const stack = await newStack("renew", DOMAIN);

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

  it("validation that never passes: up fails, the old certificate keeps serving unrevoked, the next up resumes the same order", async () => {
    const domain = "stuck.example.com";
    const stack = await newStack("stuck", domain, { validationTimeoutSeconds: "3" });
    const cname = delegationCname(domain, ZONE);
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    await stack.up();
    const first = await stack.outputs();
    await stack.refresh();
    await emu.control.clearServing();
    await emu.control.advanceTime(61 * DAY);

    // The customer removed the CNAME: the CA cannot see the platform's TXT.
    await emu.control.unpublishRecord({ kind: "dns", name: cname.name, type: "CNAME" });
    const ordersFor = async (): Promise<string[]> =>
      ((await emu.control.objects())["cas"] as { orders: { orderId: string; domain: string }[] }).orders
        .filter((o) => o.domain === domain)
        .map((o) => o.orderId);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const failed = await stack.run(["up", "--yes", "--skip-preview", "--refresh"], { allowFailure: true });
      assert.notEqual(failed.code, 0);
      assert.match(failed.stdout + failed.stderr, /validation of CAS order \d+ did not finish/);
      assert.equal((await ordersFor()).length, 2, `attempt ${attempt}: the old order and exactly one new one`);
      const analysis = await emu.control.servingAnalysis();
      assert.deepEqual(
        analysis.violations.map((v) => `${v.key}: ${v.kind}`),
        [],
        `attempt ${attempt}: the old certificate is still served and valid (not revoked)`,
      );
      for (const consumer of (await emu.control.serving()).consumers)
        assert.equal(consumer.periods.at(-1)?.certificate?.casCertId, String(first["certId"]), consumer.key);
      // The old order waits in the state for deletion (create-before-delete deletes it only once the up succeeds).
      const recorded = (await stack.exportedState()).resources.filter((r) => r.type.endsWith(":CasDvCertificateOrder"));
      const pending = recorded.filter((r) => (r as { delete?: boolean }).delete === true).map((r) => r.id);
      assert.deepEqual(pending, [String(first["orderId"])], `attempt ${attempt}: the old order is pending deletion`);
    }
    const certificates = (
      (await emu.control.objects())["cas"] as { certificates: { certId: string; revoked: boolean }[] }
    ).certificates;
    assert.equal(certificates.find((c) => c.certId === String(first["certId"]))?.revoked, false, "never revoked");

    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    await stack.up(["--refresh"]);
    const second = await stack.outputs();
    assert.equal((await ordersFor()).length, 2, "the resumed order, never a third");
    assert.ok((await ordersFor()).includes(String(second["orderId"])));
    assert.notEqual(second["certId"], first["certId"]);
    assert.deepEqual((await emu.control.servingAnalysis()).violations, [], "zero gaps, zero invalid certificates");
    for (const consumer of (await emu.control.serving()).consumers)
      assert.equal(consumer.periods.at(-1)?.certificate?.casCertId, String(second["certId"]), consumer.key);
    await stack.destroy();
  });
});
