/**
 * Provider tier for issue 13, "certificates that stay valid": the validation waiter, CNAME-delegated validation,
 * and a renewal followed by every consumer type (ESA upload, ESA cas, GA binding), through the REAL dynamic-provider
 * host over gRPC against the emulator. Each test asserts API calls (the request log), what the emulator holds, and
 * the emulator's serving timelines: no consumer ever served a revoked, expired or not-yet-issued certificate or
 * went without one.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { SC081_SCHEDULE, startEmulator, type RunningEmulator } from "../../emulator";
import { createCsr, generateKeyPair, type PemKeyPair } from "../../examples/dv-certificate-order/csr";
import { REPO_ROOT } from "../helpers/engine";
import { stagedPackage } from "../helpers/staged-package";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const pkg = stagedPackage();
const ORDER = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder";
const VALIDATION = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateValidation";
const HOSTNAME = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const BINDING = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate";
const CONTACT = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com" };
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const DAY = 86_400_000;
const ZONE = "dcv.example-saas.com";

interface CasObjects {
  packages: { productCode: string; total: number; used: number }[];
  orders: { orderId: string; domain: string; state: string }[];
  certificates: { certId: string; revoked: boolean }[];
}

function strip(props: Props): Props {
  const { __provider: _p, ...rest } = props;
  return rest;
}

describe("provider tier: renewal, the validation waiter and delegated validation (real host, emulator)", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let order: HostResource;
  let validation: HostResource;
  let hostname: HostResource;
  let binding: HostResource;
  let keys: PemKeyPair;
  let n = 0;

  before(async () => {
    // Every order here is validated (the waiter, delegation, a renewal that must validate again): a CA that reuses
    // no domain validation. The default (ballot SC-081) passes a renewal inside its reuse period without looking at
    // DNS; tests/provider/cas-dcv-reuse.test.ts covers that path.
    const caSchedule = SC081_SCHEDULE.map((step) => ({ ...step, dcvReuseDays: 0 }));
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 300, gaWriteMs: 300 }, caSchedule });
    host = await ProviderHost.start({
      cwd: path.join(REPO_ROOT, "examples/dv-certificate-order"),
      env: {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
        ALICLOUD_CERTS_MIN_POLL_MS: "100",
        ALICLOUD_CERTS_MAX_POLL_MS: "200",
      },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    order = host.resource(await serializeProvider(pkg.cas.dvCertificateOrderProvider), ORDER);
    validation = host.resource(await serializeProvider(pkg.cas.dvCertificateValidationProvider), VALIDATION);
    hostname = host.resource(await serializeProvider(pkg.esa.customHostnameProvider), HOSTNAME);
    binding = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificateProvider), BINDING);
    keys = generateKeyPair();
  });

  after(async () => {
    host?.close();
    await emu?.close();
  });

  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });

  const actions = async (product?: "cas" | "esa" | "ga"): Promise<string[]> =>
    (await emu.control.requests(product === undefined ? {} : { product })).map((r) => r.action ?? "?");
  const cas = async (): Promise<CasObjects> => (await emu.control.objects())["cas"] as CasObjects;

  async function checked(res: HostResource, name: string, news: Props, olds: Props = {}): Promise<Props> {
    const result = await res.check(name, olds, news);
    assert.deepEqual(result.failures, []);
    return strip(result.inputs);
  }

  async function expectPartial(promise: Promise<unknown>): Promise<{ id: string; properties: Props; message: string }> {
    const error = await promise.then(
      () => assert.fail("expected a partial failure"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HostCallError && error.partial !== undefined, `not a partial failure: ${String(error)}`);
    return { ...error.partial, properties: strip(error.partial.properties), message: error.message };
  }

  async function orderInputs(domain: string, extra: Props = {}, sans: string[] = []): Promise<Props> {
    const csr = await createCsr(keys, domain, sans);
    return checked(order, `order${++n}`, { csr, ...CONTACT, validateType: "DNS", ...extra });
  }

  async function publishTxt(props: Props): Promise<void> {
    await emu.control.publishRecord({
      kind: "dns",
      name: String(props["recordDomain"]),
      type: "TXT",
      value: String(props["recordValue"]),
    });
  }

  /**
   * Place an order, publish its record and wait with the waiter (what one `pulumi up` does), then refresh the order
   * (what the next `pulumi up --refresh` does first): the order's state records the issued `notAfter` only then.
   */
  async function issue(
    domain: string,
    extra: Props = {},
    sans: string[] = [],
  ): Promise<{ order: Props; cert: Props; inputs: Props }> {
    const inputs = await orderInputs(domain, extra, sans);
    const placed = await order.create("order", inputs);
    await publishTxt(placed.properties);
    const waiter = await checked(validation, "validation", { orderId: placed.id, timeoutSeconds: 30 });
    const cert = await validation.create("validation", waiter);
    const refreshed = await order.read("order", placed.id, strip(placed.properties), inputs);
    assert.equal(refreshed.properties["state"], "certificate");
    return { order: strip(refreshed.properties), cert: strip(cert.properties), inputs };
  }

  it("the waiter: times out as a partial failure, resumes on the same order, writes nothing", async () => {
    const inputs = await orderInputs("wait.example.com");
    const placed = await order.create("order", inputs);
    await emu.control.clearRequests();
    const waiter = await checked(validation, "v", { orderId: placed.id, timeoutSeconds: 1 });
    const outputLines = host.output.length;

    const timedOut = await expectPartial(validation.create("v", waiter));
    assert.equal(timedOut.id, placed.id);
    assert.equal(timedOut.properties["state"], "domain_verify");
    assert.match(timedOut.message, /did not finish.*next pulumi up waits again on the same order/);
    assert.match(host.output.slice(outputLines).join(""), /publish DNS TXT _dnsauth/, "progress says what to publish");

    // The next up: diff sees the unmet wait, update waits on the same order.
    const diff = await validation.diff("v", timedOut.id, timedOut.properties, waiter);
    assert.deepEqual(diff, { changes: "some", replaces: [], deleteBeforeReplace: false });
    await publishTxt(placed.properties);
    const issued = strip((await validation.update("v", timedOut.id, timedOut.properties, waiter)).properties);
    assert.equal(issued["state"], "certificate");
    assert.match(String(issued["certificate"]), /^-----BEGIN CERTIFICATE-----/);
    assert.equal(issued["certIdentifier"], `${String(issued["certId"])}-cn-hangzhou`);
    assert.match(String(issued["notAfter"]), /^\d{4}-\d\d-\d\dT/);
    assert.equal(issued["commonName"], "wait.example.com");

    const reads = new Set(["DescribeCertificateState", "GetUserCertificateDetail", "ListUserCertificateOrder"]);
    assert.deepEqual(
      (await actions()).filter((a) => !reads.has(a)),
      [],
      "the waiter never writes",
    );
    assert.equal((await cas()).orders.length, 1, "one order, however often the wait ran");

    await emu.control.clearRequests();
    const noChange = await validation.diff("v", placed.id, issued, waiter);
    assert.equal(noChange.changes, "none");
    const refreshed = await validation.read("v", placed.id, issued, waiter);
    assert.equal(refreshed.properties["certIdentifier"], issued["certIdentifier"]);
    await validation.delete("v", placed.id, issued);
    assert.deepEqual(await actions(), ["DescribeCertificateState", "GetUserCertificateDetail"], "refresh only");
    assert.equal((await cas()).orders[0]?.state, "certificate", "deleting the waiter leaves the order");
  });

  it("delegated validation: one CNAME once, the platform's TXT under its zone, the CA follows it", async () => {
    const inputs = await orderInputs("shop.customer.com", { validationDelegation: { zone: ZONE } });
    const placed = strip((await order.create("order", inputs)).properties);
    const cname = placed["delegationCname"] as { name: string; type: string; value: string };
    const txt = placed["delegatedRecord"] as { name: string; type: string; value: string };
    assert.equal(cname.name, "_dnsauth.shop.customer.com");
    assert.equal(cname.type, "CNAME");
    assert.match(cname.value, new RegExp(`^dcv-[0-9a-f]{32}\\.${ZONE.replace(/\./g, "\\.")}$`));
    assert.deepEqual(txt, { name: cname.value, type: "TXT", value: placed["recordValue"] });

    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    await emu.control.publishRecord({ kind: "dns", name: txt.name, type: "TXT", value: txt.value });
    const waiter = await checked(validation, "v", { orderId: String(placed["orderId"]), timeoutSeconds: 30 });
    const issued = strip((await validation.create("v", waiter)).properties);
    assert.equal(issued["state"], "certificate", "issued with no TXT at _dnsauth itself");

    // The next order for the same domain (the renewal, 61 days on, inside the 30-day window of the 90-day
    // certificate) needs no customer change: the same CNAME, a new TXT value.
    await emu.control.advanceTime(61 * DAY);
    const second = strip(
      (await order.create("order2", await orderInputs("shop.customer.com", { validationDelegation: { zone: ZONE } })))
        .properties,
    );
    assert.deepEqual(second["delegationCname"], cname);
    assert.equal((second["delegatedRecord"] as { name: string }).name, cname.value);
  });

  it("renewal: diff replaces on the emulator's clock; every consumer follows in place before the old one is revoked", async () => {
    const sans = ["up.renew.example.com", "cas.renew.example.com"];
    const a = await issue("renew.example.com", { revokeOnDelete: true }, sans);
    const certA = a.cert;
    const uploadProgram = {
      siteId: SITE,
      hostname: "up.renew.example.com",
      recordId: ORIGIN,
      certType: "upload",
      certificate: certA["certificate"],
      privateKey: keys.privateKeyPem,
    };
    const casProgram = {
      siteId: SITE,
      hostname: "cas.renew.example.com",
      recordId: ORIGIN,
      certType: "cas",
      certIdentifier: certA["certIdentifier"],
    };
    const gaProgram = {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: "renew.example.com",
      certificateId: certA["certIdentifier"],
    };
    const upload = await hostname.create("upload", await checked(hostname, "upload", uploadProgram));
    const casHost = await hostname.create("cas", await checked(hostname, "cas", casProgram));
    const bound = await binding.create("ga", await checked(binding, "ga", gaProgram));
    await emu.control.clearServing();

    // Outside the window: nothing to do.
    await emu.control.clearRequests();
    assert.equal((await order.diff("order", String(a.order["orderId"]), a.order, a.inputs)).changes, "none");
    // 61 days on, the 90-day certificate is inside the 30-day window.
    await emu.control.advanceTime(61 * DAY);
    const outputLines = host.output.length;
    const due = await order.diff("order", String(a.order["orderId"]), a.order, a.inputs);
    assert.deepEqual(due, { changes: "some", replaces: ["notAfter"], deleteBeforeReplace: false });
    const day = String(certA["notAfter"]).slice(0, 10);
    assert.match(
      host.output.slice(outputLines).join(""),
      new RegExp(`certificate for renew\\.example\\.com expires ${day}; renewing 30 days ahead`),
    );
    assert.deepEqual(await actions(), [], "diff makes no API call");

    // The engine's create-before-delete: new order and wait, consumers in place, then the old order.
    const b = await issue("renew.example.com", { revokeOnDelete: true }, sans);
    assert.notEqual(b.order["orderId"], a.order["orderId"]);
    const certB = b.cert;
    const follow = async (
      res: HostResource,
      name: string,
      created: { id: string; properties: Props },
      program: Props,
      change: Props,
    ): Promise<Props> => {
      const olds = strip(created.properties);
      const news = await checked(res, name, { ...program, ...change }, olds);
      const diff = await res.diff(name, created.id, olds, news);
      assert.deepEqual(diff.replaces, [], `${name} follows in place`);
      assert.equal(diff.changes, "some");
      return strip((await res.update(name, created.id, olds, news)).properties);
    };
    await emu.control.clearRequests();
    const up2 = await follow(hostname, "upload", upload, uploadProgram, { certificate: certB["certificate"] });
    const cas2 = await follow(hostname, "cas", casHost, casProgram, { certIdentifier: certB["certIdentifier"] });
    const ga2 = await follow(binding, "ga", bound, gaProgram, { certificateId: certB["certIdentifier"] });
    assert.equal(up2["hostnameId"], upload.properties["hostnameId"], "HostnameId unchanged");
    assert.equal(cas2["hostnameId"], casHost.properties["hostnameId"], "HostnameId unchanged");
    assert.equal(ga2["certificateId"], certB["certIdentifier"]);
    await order.delete("order", String(a.order["orderId"]), a.order);

    const log = await actions();
    assert.ok(log.includes("UpdateAdditionalCertificateWithListener"));
    for (const never of ["DissociateAdditionalCertificatesWithListener", "AssociateAdditionalCertificatesWithListener"])
      assert.ok(!log.includes(never), `GA never calls ${never} for a rotation`);
    for (const never of ["DeleteCustomHostname", "CreateCustomHostname"]) assert.ok(!log.includes(never));
    const revokedAt = log.indexOf("CancelCertificateForPackageRequest");
    assert.ok(revokedAt > 0, "the old certificate is revoked (revokeOnDelete)");
    assert.equal(log.lastIndexOf("UpdateCustomHostname") < revokedAt, true, "ESA updates come first");
    assert.equal(log.lastIndexOf("UpdateAdditionalCertificateWithListener") < revokedAt, true, "GA update first");

    const analysis = await emu.control.servingAnalysis();
    assert.deepEqual(
      analysis.violations.map((v) => `${v.key}: ${v.kind}`),
      [],
      "zero gaps, zero invalid certificates",
    );
    const served = (await emu.control.serving()).consumers;
    assert.equal(served.length, 3);
    for (const consumer of served) {
      const last = consumer.periods.at(-1);
      assert.equal(last?.state, "serving", consumer.key);
      assert.equal(last?.certificate?.casCertId, String(certB["certId"]), `${consumer.key} serves the new certificate`);
    }
    const objects = await cas();
    assert.equal(objects.certificates.find((c) => c.certId === String(certA["certId"]))?.revoked ?? true, true);
  });

  it("validation never passes: the waiter times out, consumers keep the old certificate, the next up resumes the same order", async () => {
    const a = await issue("stuck.example.com", { revokeOnDelete: true });
    const casHost = await hostname.create(
      "cas",
      await checked(hostname, "cas", {
        siteId: SITE,
        hostname: "stuck.example.com",
        recordId: ORIGIN,
        certType: "cas",
        certIdentifier: a.cert["certIdentifier"],
      }),
    );
    await emu.control.clearServing();
    await emu.control.advanceTime(75 * DAY);
    assert.deepEqual(
      (await order.diff("order", String(a.order["orderId"]), a.order, a.inputs)).replaces,
      ["notAfter"],
      "inside the window",
    );
    const b = strip((await order.create("order", a.inputs)).properties);
    const waiter = await checked(validation, "v", { orderId: String(b["orderId"]), timeoutSeconds: 1 });
    const first = await expectPartial(validation.create("v", waiter));
    // The next up waits again on the same order: still nothing published.
    const again = await expectPartial(validation.update("v", first.id, first.properties, waiter));
    assert.equal(again.id, b["orderId"]);
    const objects = await cas();
    assert.equal(objects.orders.length, 2, "the old order and exactly one new one");
    assert.equal(objects.packages.find((p) => p.productCode === "digicert-free-1-free")?.used, 2, "one new quota unit");
    const analysis = await emu.control.servingAnalysis();
    assert.deepEqual(analysis.violations, [], "the old, still valid certificate kept serving");
    const served = (await emu.control.serving()).consumers[0]?.periods.at(-1);
    assert.equal(served?.certificate?.casCertId, String(a.cert["certId"]));

    // Should the old order (pending deletion since the failed up) be deleted while the new one is still being
    // validated, revokeOnDelete waits: consumers may still serve it. A destroy deletes the consumers and then the
    // renewal's order; only then is the old certificate revoked, in the same run, never left valid and unmanaged.
    await emu.control.clearRequests();
    const outputLines = host.output.length;
    const deleting = order.delete("order", String(a.order["orderId"]), a.order);
    for (let i = 0; i < 100 && !/revokeOnDelete waits/.test(host.output.slice(outputLines).join("")); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    assert.match(
      host.output.slice(outputLines).join(""),
      new RegExp(`revokeOnDelete waits: order ${String(b["orderId"])}`),
    );
    assert.ok(!(await actions("cas")).includes("CancelCertificateForPackageRequest"), "not revoked while in flight");
    assert.deepEqual((await emu.control.servingAnalysis()).violations, [], "still serving a valid certificate");
    await hostname.delete("cas", casHost.id, strip(casHost.properties));
    await order.delete("order", String(b["orderId"]), b);
    await deleting;
    assert.ok((await actions("cas")).includes("CancelCertificateForPackageRequest"), "revoked once nothing serves it");
    assert.equal(
      (await cas()).certificates.find((c) => c.certId === String(a.cert["certId"])),
      undefined,
      "and deleted",
    );
    assert.deepEqual((await emu.control.servingAnalysis()).violations, [], "nothing served it when it was revoked");
  });

  it("quota used up: the renewal fails clearly, places no order, and the old certificate keeps serving", async () => {
    const product = { productCode: "geotrust-dv-1-starter" };
    const a = await issue("full.example.com", product);
    const casHost = await hostname.create(
      "cas",
      await checked(hostname, "cas", {
        siteId: SITE,
        hostname: "full.example.com",
        recordId: ORIGIN,
        certType: "cas",
        certIdentifier: a.cert["certIdentifier"],
      }),
    );
    await order.create("other", await orderInputs("other.example.com", product)); // the plan's last unit
    await emu.control.clearServing();
    await emu.control.advanceTime(75 * DAY);
    for (let attempt = 1; attempt <= 2; attempt++) {
      const error = await order.create("order", a.inputs).then(
        () => assert.fail("expected the quota error"),
        (e: unknown) => e,
      );
      assert.ok(error instanceof HostCallError && error.partial === undefined, "nothing exists to record");
      assert.match(
        error.message,
        /has no certificates left in its DV resource plan for productCode geotrust-dv-1-starter/,
      );
    }
    const objects = await cas();
    assert.equal(objects.orders.filter((o) => o.domain === "full.example.com").length, 1, "no second order");
    assert.equal(objects.packages.find((p) => p.productCode === "geotrust-dv-1-starter")?.used, 2);
    assert.deepEqual((await emu.control.servingAnalysis()).violations, [], "the old certificate kept serving");
    await hostname.delete("cas", casHost.id, strip(casHost.properties));
  });
});
