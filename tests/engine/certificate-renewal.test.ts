/**
 * Engine tier for issues 13 and 24: the REAL pulumi CLI runs examples/certificate-renewal against the emulator. One
 * `up` orders, validates through a delegated zone, and serves on two ESA hostnames (upload and cas) and a GA binding;
 * the next plain `up` records the issuance; quiet plain `up`s make no API call; after the emulator's clock passes
 * `renewalDue`, a plain `preview` shows the replacement and why, and one plain `up` renews everything in place with
 * zero serving violations, revoking the old certificate last.
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
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("engine tier: renewal (examples/certificate-renewal)", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  const stacks: PulumiStack[] = [];

  before(async () => {
    // The renewals here must validate again through the delegated zone (a stalled one is the point of two tests): a
    // CA that reuses no domain validation. The default (ballot SC-081) passes a renewal inside its reuse period
    // without looking at DNS; tests/provider/cas-dcv-reuse.test.ts covers that path.
    const caSchedule = SC081_SCHEDULE.map((step) => ({ ...step, dcvReuseDays: 0 }));
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500, gaWriteMs: 500 }, caSchedule });
  });

  after(async () => {
    for (const stack of stacks) await stack.remove();
    await emu?.close();
  });

  /** Move the emulator's clock a day past the recorded order's `renewalDue`. */
  async function advancePastRenewalDue(stack: PulumiStack): Promise<void> {
    const due = Date.parse(String((await stack.outputs())["renewalDue"]));
    assert.ok(!Number.isNaN(due), "renewalDue is recorded");
    await emu.control.advanceTime(due - (await emu.control.clock()).now + DAY);
  }

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

  it("one up serves; a plain up records issuance, quiet plain ups call nothing, and a plain up renews in place", async () => {
    const stack = await newStack("renew", DOMAIN);

    // Onboarding: the customer publishes the stable CNAME once (its derivation is documented).
    const cname = delegationCname(DOMAIN, ZONE);
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });

    await stack.up();
    const first = await stack.outputs();
    assert.deepEqual(first["customerCname"], cname);
    assert.match(String(first["certId"]), /^\d+$/);
    assert.equal(first["gaCertificateId"], `${String(first["certId"])}-cn-hangzhou`);
    assert.equal(first["renewalDue"], undefined, "the order itself has not seen the issuance yet");
    await emu.control.clearServing();

    // The next plain up (no --refresh) reads the order once and records its issuance, lifetime and renewalDue.
    await emu.control.clearRequests();
    await stack.up();
    assert.deepEqual(
      (await emu.control.requests()).map((r) => r.action),
      ["DescribeCertificateState", "DescribeCertificateState", "GetUserCertificateDetail"],
      "the diff's one read, then the update that records issuance",
    );
    const recorded = (await stack.exportedState()).resources.find((r) => r.type.endsWith(":CasDvCertificateOrder"));
    const notBefore = Date.parse(String(recorded?.outputs?.["notBefore"]));
    const notAfter = Date.parse(String(recorded?.outputs?.["notAfter"]));
    const third = (notAfter - notBefore + 1000) / 3;
    const due = Date.parse(String((await stack.outputs())["renewalDue"]));
    assert.equal(due, Math.ceil(notAfter - third), "unset renewBeforeDays: one third of the lifetime");

    // Quiet days: a plain up makes no API call at all.
    for (let day = 1; day <= 2; day++) {
      await emu.control.advanceTime(DAY);
      await emu.control.clearRequests();
      const quiet = await stack.up();
      assert.deepEqual(await emu.control.requests(), [], `quiet day ${day}: zero API calls`);
      assert.doesNotMatch(quiet.stdout, /renewing/);
    }

    const now = (await emu.control.clock()).now;
    await emu.control.advanceTime(due - now + DAY);
    await emu.control.clearRequests();
    const preview = await stack.preview(["--diff"]);
    const shown = preview.stdout + preview.stderr;
    const day = new Date(notAfter).toISOString().slice(0, 10);
    assert.match(
      shown,
      new RegExp(`certificate for renew\\.example\\.com expires ${day}; renewing [\\d.]+ days ahead`),
    );
    assert.match(shown, /\+-\s*pulumi-nodejs:dynamic\/alicloud-certs:CasDvCertificateOrder/);
    assert.deepEqual(await emu.control.requests(), [], "the preview of a recorded order calls nothing");

    await emu.control.clearRequests();
    await stack.up();
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

    // The run after the renewal records the new order's issuance; the run after that is quiet again.
    await stack.up();
    await emu.control.clearRequests();
    await stack.up();
    assert.deepEqual(await emu.control.requests(), [], "quiet again after the renewal");

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
    await stack.up(); // records the order's issuance and renewalDue
    await emu.control.clearServing();
    await advancePastRenewalDue(stack);

    // The customer removed the CNAME: the CA cannot see the platform's TXT.
    await emu.control.unpublishRecord({ kind: "dns", name: cname.name, type: "CNAME" });
    const ordersFor = async (): Promise<string[]> =>
      ((await emu.control.objects())["cas"] as { orders: { orderId: string; domain: string }[] }).orders
        .filter((o) => o.domain === domain)
        .map((o) => o.orderId);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const failed = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
      assert.notEqual(failed.code, 0);
      const said = failed.stdout + failed.stderr;
      assert.match(said, /validation of CAS order \d+ did not finish/);
      // The message names the customer's CNAME and the platform's TXT by their full names, never a bare label.
      assert.match(said, new RegExp(`customer's CNAME ${escaped(cname.name)} → ${escaped(cname.value)}`));
      assert.match(said, new RegExp(`platform's TXT ${escaped(cname.value)} = "`));
      assert.doesNotMatch(said, /publish DNS TXT _dnsauth =/);
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

    // A refreshed preview knows the old order is already replaced: it does not say it renews it again.
    const refreshed = await stack.preview(["--refresh"]);
    assert.doesNotMatch(refreshed.stdout + refreshed.stderr, /renewing/);
    assert.match(refreshed.stdout + refreshed.stderr, /already replaces this one/);

    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    await stack.up();
    const second = await stack.outputs();
    assert.equal((await ordersFor()).length, 2, "the resumed order, never a third");
    assert.ok((await ordersFor()).includes(String(second["orderId"])));
    assert.notEqual(second["certId"], first["certId"]);
    assert.deepEqual((await emu.control.servingAnalysis()).violations, [], "zero gaps, zero invalid certificates");
    for (const consumer of (await emu.control.serving()).consumers)
      assert.equal(consumer.periods.at(-1)?.certificate?.casCertId, String(second["certId"]), consumer.key);
    await stack.destroy();
  });

  it("destroy during a stalled renewal revokes the old certificate once its consumers are gone, leaving nothing", async () => {
    const domain = "halted.example.com";
    const stack = await newStack("halted", domain, { validationTimeoutSeconds: "3" });
    const cname = delegationCname(domain, ZONE);
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    await stack.up();
    await stack.up();
    const first = await stack.outputs();
    await advancePastRenewalDue(stack);
    await emu.control.unpublishRecord({ kind: "dns", name: cname.name, type: "CNAME" });
    const failed = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    assert.notEqual(failed.code, 0, "the renewal stalls");

    const destroyed = await stack.destroy();
    assert.doesNotMatch(destroyed.stdout + destroyed.stderr, /left valid|not revoked/);
    const cas = (await emu.control.objects())["cas"] as {
      orders: { orderId: string; domain: string; state: string }[];
      certificates: { certId: string; revoked: boolean }[];
    };
    assert.equal(
      cas.certificates.find((c) => c.certId === String(first["certId"])),
      undefined,
      "the old certificate was revoked and deleted, not left valid and unmanaged",
    );
    assert.deepEqual(
      cas.orders.filter((o) => o.domain === domain).map((o) => o.state),
      ["revoked"],
      "the renewal's order is cancelled and deleted; the old one remains listed only as revoked (CAS keeps them)",
    );
    assert.deepEqual((await stack.exportedState()).resources, [], "nothing left in the state");
  });
});
