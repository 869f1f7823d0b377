/**
 * Provider tier for `cas.DvCertificateOrder`: the compiled package (node_modules/pulumi-alicloud-certs, staged by
 * scripts/stage-package) served by the REAL dynamic-provider host over gRPC, against the emulator. Every test
 * asserts the API calls made (from the emulator's request log) and what is left in the emulator.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as x509 from "@peculiar/x509";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createCsr, generateKeyPair, type PemKeyPair } from "../../examples/dv-certificate-order/csr";
import { AlibabaClient } from "../../provider/transport/client";
import { DeleteCertificateRequest } from "../../provider/transport/operations/cas";
import { configFromRecord } from "../../provider/transport/settings";
import { stagedPackage } from "../helpers/staged-package";
import { REPO_ROOT } from "../helpers/engine";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  UNKNOWN,
  type HostResource,
  type Props,
} from "../helpers/provider-host";
import { failedProperty } from "../helpers/check-failures";

const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder";
const CONTACT = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com" };

interface CasObjects {
  packages: { productCode: string; total: number; used: number }[];
  orders: { orderId: string; domain: string; state: string; certId: string | null }[];
  certificates: { certId: string; revoked: boolean }[];
}

describe("provider tier: cas.DvCertificateOrder (real host, emulator)", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;
  let providerText: string;
  let keys: PemKeyPair;
  let n = 0;

  /** A fresh domain per test, so orders of different tests never match one another's lookups. */
  async function orderInputs(extra: Props = {}): Promise<{ inputs: Props; domain: string }> {
    const domain = `shop${++n}.example.com`;
    const csr = await createCsr(keys, domain, [`www.${domain}`]);
    const checked = await res.check(`order${n}`, {}, { csr, ...CONTACT, validateType: "DNS", ...extra });
    assert.deepEqual(checked.failures, []);
    return { inputs: checked.inputs, domain };
  }

  async function calls(): Promise<string[]> {
    return (await emu.control.requests({ product: "cas" })).map((r) => r.action ?? "?");
  }

  async function objects(): Promise<CasObjects> {
    return (await emu.control.objects())["cas"] as CasObjects;
  }

  async function used(productCode = "digicert-free-1-free"): Promise<number> {
    return (await objects()).packages.find((p) => p.productCode === productCode)?.used ?? -1;
  }

  async function publishRecord(props: Props): Promise<void> {
    await emu.control.publishRecord({
      kind: "dns",
      name: String(props["recordDomain"]),
      type: "TXT",
      value: String(props["recordValue"]),
    });
  }

  async function expectPartial(
    promise: Promise<unknown>,
  ): Promise<{ id: string; properties: Props; reasons: string[] }> {
    const error = await promise.then(
      () => assert.fail("expected a partial failure"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HostCallError && error.partial !== undefined, `not a partial failure: ${String(error)}`);
    return error.partial;
  }

  before(async () => {
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 300 } });
    host = await ProviderHost.start({
      cwd: path.join(REPO_ROOT, "examples/dv-certificate-order"),
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "200" },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    providerText = await serializeProvider(pkg.cas.dvCertificateOrderProvider);
    res = host.resource(providerText, TYPE);
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

  it("serializes to a small, secret-free __provider that only requires the installed package", async () => {
    assert.ok(providerText.length <= 1536, `__provider is ${providerText.length} bytes`);
    const requires = [...providerText.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual(requires, ["pulumi-alicloud-certs/dist/provider/resources/cas/dv-certificate-order/provider.js"]);
    for (const secret of [emu.accessKeySecret, emu.accessKeyId, CONTACT.phone, CONTACT.email])
      assert.ok(!providerText.includes(secret));
  });

  it("check reports bad inputs per property through the host and makes no API call", async () => {
    const csr = await createCsr(keys, "bad.example.com");
    const { failures } = await res.check(
      "bad",
      {},
      { csr, username: "", phone: "12", email: "nope", validateType: "dns", tags: { "aliyun:x": "1" } },
    );
    assert.deepEqual(failures.map(failedProperty).sort(), ["email", "phone", "tags", "username", "validateType"]);
    assert.ok(!failures.some((f) => f.reason.includes("nope")), "the email value is not quoted");
    assert.deepEqual(await calls(), []);
  });

  it("previews with unknowns: check skips their rules, diff plans a replacement, no API call", async () => {
    const { inputs } = await orderInputs();
    const checked = await res.check("order", {}, { ...inputs, csr: UNKNOWN, tags: UNKNOWN });
    assert.deepEqual(checked.failures, []);
    const diff = await res.diff(
      "order",
      "1",
      { ...inputs, orderId: "1", state: "domain_verify" },
      { ...inputs, csr: UNKNOWN },
    );
    assert.deepEqual(diff, { changes: "some", replaces: ["csr"], deleteBeforeReplace: false });
    assert.deepEqual(await calls(), []);
  });

  it("full lifecycle: create, refresh, no-op diff, wait via update, behaviour update, revoke on delete", async () => {
    const { inputs, domain } = await orderInputs();
    const created = await res.create("order", inputs);
    assert.deepEqual(await calls(), [
      "ListTagResources",
      "ListUserCertificateOrder",
      "CreateCertificateWithCsrRequest",
      "DescribeCertificateState",
    ]);
    const [order] = (await objects()).orders;
    assert.equal(created.id, order?.orderId, "the OrderId (> 2^53) is kept exactly, as a string");
    assert.ok(BigInt(created.id) > BigInt(Number.MAX_SAFE_INTEGER));
    const p = created.properties;
    assert.equal(p["state"], "domain_verify");
    assert.equal(p["commonName"], domain);
    assert.equal(p["recordDomain"], `_dnsauth.${domain}`, "a full record name a DNS resource can take");
    assert.equal(p["recordType"], "TXT");
    assert.equal(typeof p["__provider"], "string");

    await emu.control.clearRequests();
    assert.equal((await res.diff("order", created.id, p, inputs)).changes, "none");
    const resigned = await res.check("order", inputs, {
      ...inputs,
      csr: await createCsr(keys, domain, [`www.${domain}`]),
    });
    assert.equal(
      resigned.inputs["csr"],
      inputs["csr"],
      "a re-signed CSR asking for the same names and key is not a change",
    );
    assert.deepEqual(
      await calls(),
      ["DescribeCertificateState"],
      "check makes no API call; the diff of an order still pending reads it once (the contract's one exception)",
    );

    await emu.control.clearRequests();
    const read = await res.read("order", created.id, p, inputs);
    assert.equal(read.id, created.id);
    assert.equal(read.properties["recordValue"], p["recordValue"]);
    assert.equal(read.inputs["orderId"], undefined);
    assert.equal(read.inputs["csr"], inputs["csr"]);
    assert.deepEqual(await calls(), ["DescribeCertificateState"]);

    await publishRecord(p);
    await emu.control.clearRequests();
    const waiting = { ...inputs, waitForIssuance: true };
    assert.deepEqual(await res.diff("order", created.id, p, waiting), {
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    const updated = (await res.update("order", created.id, p, waiting)).properties;
    assert.equal(updated["state"], "certificate");
    const issuedCalls = await calls();
    assert.equal(issuedCalls.at(-1), "GetUserCertificateDetail");
    assert.ok(issuedCalls.slice(0, -1).every((a) => a === "DescribeCertificateState"));
    const cert = new x509.X509Certificate(String(updated["certificate"]));
    assert.equal(
      Buffer.from(cert.publicKey.rawData).toString("base64"),
      x509PublicKey(keys.publicKeyPem),
      "issued for the CSR's key",
    );
    assert.equal(updated["certIdentifier"], `${String(updated["certId"])}-cn-hangzhou`);
    assert.match(String(updated["notAfter"]), /^\d{4}-\d\d-\d\dT/);
    assert.equal(updated["recordDomain"], undefined, "validation instructions are gone once issued");
    assert.match(
      host.output.join(""),
      new RegExp(`waiting for issuance of CAS order ${created.id} \\(${domain}\\): process`),
      "progress is printed",
    );

    await emu.control.clearRequests();
    const revoking = { ...waiting, revokeOnDelete: true };
    assert.deepEqual(await res.diff("order", created.id, updated, revoking), {
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    const final = (await res.update("order", created.id, updated, revoking)).properties;
    assert.equal(final["revokeOnDelete"], true);
    assert.deepEqual(await calls(), [], "behaviour updates make no API call");

    await res.delete("order", created.id, final);
    assert.deepEqual(await calls(), [
      "DescribeCertificateState",
      "ListUserCertificateOrder", // no renewal of the domain is still being validated: revoking is safe
      "CancelCertificateForPackageRequest",
      "DeleteUserCertificate",
    ]);
    const after = await objects();
    assert.equal(after.certificates.length, 0);
    assert.equal(await used(), 0, "revoking restored the quota unit");
    await res.delete("order", created.id, final); // idempotent: revoked, nothing left to do
  });

  it("delete paths: pending → cancel + delete; verify_fail → delete; issued (default) → retained; gone → success", async () => {
    const pending = await res.create("pending", (await orderInputs()).inputs);
    await emu.control.clearRequests();
    await res.delete("pending", pending.id, pending.properties);
    const pendingCalls = await calls();
    assert.deepEqual(
      [pendingCalls[0], pendingCalls[1], pendingCalls.at(-1)],
      ["DescribeCertificateState", "CancelOrderRequest", "DeleteCertificateRequest"],
    );
    assert.equal(pendingCalls.length, 4);

    const failed = await res.create("failed", (await orderInputs()).inputs);
    await emu.control.service("cas", "failValidation", { orderId: failed.id });
    await emu.control.clearRequests();
    await res.delete("failed", failed.id, failed.properties);
    assert.deepEqual(await calls(), ["DescribeCertificateState", "DeleteCertificateRequest"]);

    const kept = await res.create("kept", (await orderInputs()).inputs);
    await emu.control.service("cas", "issueNow", { orderId: kept.id });
    await emu.control.clearRequests();
    await res.delete("kept", kept.id, kept.properties);
    assert.deepEqual(await calls(), ["DescribeCertificateState"]);
    assert.ok(host.output.join("").includes(`warning: CAS order ${kept.id}`), "the retained certificate is reported");

    const left = (await objects()).orders;
    assert.deepEqual(
      left.map((o) => [o.orderId, o.state]),
      [[kept.id, "certificate"]],
      "only the retained order remains",
    );
    await res.delete("pending", pending.id, pending.properties); // already gone: success
  });

  it("refresh sees out-of-band changes and reports a deleted order as gone (confirmed by the order list)", async () => {
    const created = await res.create("order", (await orderInputs()).inputs);
    await emu.control.service("cas", "failValidation", { orderId: created.id });
    const failed = await res.read("order", created.id, created.properties, {});
    assert.equal(failed.properties["state"], "verify_fail");
    assert.equal(failed.properties["recordDomain"], undefined);

    const client = new AlibabaClient({
      config: configFromRecord({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret }),
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url },
    });
    await client.call(DeleteCertificateRequest, { OrderId: created.id });
    await emu.control.clearRequests();
    const gone = await res.read("order", created.id, failed.properties, {});
    assert.equal(gone.id, "");
    assert.deepEqual(await calls(), ["DescribeCertificateState", "ListUserCertificateOrder"]);
  });

  it("a wait that times out or fails validation is a partial failure that keeps the order (with __provider)", async () => {
    const { inputs, domain } = await orderInputs({ waitForIssuance: true, issuanceTimeoutSeconds: 1 });
    const timedOut = await expectPartial(res.create("order", inputs));
    assert.match(
      host.output.join(""),
      new RegExp(`domain_verify: publish DNS TXT _dnsauth\\.${domain.replace(/\./g, "\\.")} = "`),
      "progress says what to publish",
    );
    assert.equal(timedOut.id, (await objects()).orders[0]?.orderId);
    assert.equal(timedOut.properties["state"], "domain_verify");
    assert.equal(timedOut.properties["__provider"], providerText);
    assert.match(timedOut.reasons.join(), /timed out after 1s waiting for issuance/);

    // The next `up` retries through update; this time the CA rejects the validation.
    const retry = res.update("order", timedOut.id, timedOut.properties, { ...inputs, issuanceTimeoutSeconds: 60 });
    await new Promise((r) => setTimeout(r, 300));
    await emu.control.service("cas", "failValidation", { orderId: timedOut.id });
    const rejected = await expectPartial(retry);
    assert.equal(rejected.properties["state"], "verify_fail");
    assert.match(rejected.reasons.join(), /verify_fail/);
    assert.equal((await objects()).orders.length, 1, "no second order");
  });

  it("adopts an existing order by orderId without placing one", async () => {
    const existing = await res.create("existing", (await orderInputs()).inputs);
    await emu.control.clearRequests();
    const checked = await res.check("adopted", {}, { orderId: existing.id });
    assert.deepEqual(checked.failures, []);
    const adopted = await res.create("adopted", checked.inputs);
    assert.equal(adopted.id, existing.id);
    assert.equal(adopted.properties["recordDomain"], existing.properties["recordDomain"]);
    assert.deepEqual(await calls(), ["ListUserCertificateOrder", "DescribeCertificateState"]);
    assert.equal(await used(), 1);
    await assert.rejects(res.create("missing", { ...checked.inputs, orderId: "98987582437929999" }), /no such order/);
  });

  it("says plainly when the account has no DV resource plan left, and places nothing", async () => {
    await emu.control.service("cas", "setQuota", { productCode: "digicert-free-1-free", total: 1, used: 1 });
    await assert.rejects(
      res.create("order", (await orderInputs()).inputs),
      /no certificates left in its DV resource plan.*NotRemainCount/s,
    );
    const { inputs } = await orderInputs({ productCode: "geotrust-dv-1-starter" });
    await emu.control.service("cas", "setQuota", { productCode: "geotrust-dv-1-starter", total: 0 });
    await assert.rejects(res.create("order2", inputs), /no certificates left/);
    assert.equal((await objects()).orders.length, 0);
  });

  describe("injected faults leave exactly one order and consume one quota unit", () => {
    const cases: { name: string; fault: Parameters<RunningEmulator["control"]["addFault"]>[0]; creates: number }[] = [
      {
        name: "throttling on create (retried)",
        fault: {
          product: "cas",
          action: "CreateCertificateWithCsrRequest",
          code: "Throttling.User",
          status: 400,
          count: 2,
        },
        creates: 3,
      },
      {
        name: "5xx on describe (retried)",
        fault: { product: "cas", action: "DescribeCertificateState", count: 2 },
        creates: 1,
      },
      {
        name: "connection reset on create (not applied: looked up, created once more)",
        fault: { product: "cas", action: "CreateCertificateWithCsrRequest", mode: "reset", count: 1 },
        creates: 2,
      },
      {
        name: "timeout after commit on create (found by the lookup, never re-created)",
        fault: { product: "cas", action: "CreateCertificateWithCsrRequest", mode: "timeoutAfterCommit", count: 1 },
        creates: 1,
      },
      {
        name: "two 503s on create (each looked up, not applied, created again)",
        fault: { product: "cas", action: "CreateCertificateWithCsrRequest", count: 2 },
        creates: 3,
      },
      {
        name: "five 503s on create (no attempt count: retried until the deadline)",
        fault: { product: "cas", action: "CreateCertificateWithCsrRequest", count: 5 },
        creates: 6,
      },
      {
        name: "throttling on the order list (retried)",
        fault: { product: "cas", action: "ListUserCertificateOrder", code: "Throttling.User", status: 400, count: 1 },
        creates: 1,
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const { inputs } = await orderInputs();
        await emu.control.addFault(c.fault);
        const created = await res.create("order", inputs);
        const { orders } = await objects();
        assert.deepEqual(
          orders.map((o) => o.orderId),
          [created.id],
        );
        assert.equal(await used(), 1);
        assert.equal((await calls()).filter((a) => a === "CreateCertificateWithCsrRequest").length, c.creates);
      });
    }
  });
});

describe("provider tier: cas.DvCertificateOrder non-idempotent deletes under faults", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;
  let keys: PemKeyPair;

  before(async () => {
    emu = await startEmulator({ quiet: true });
    host = await ProviderHost.start({
      cwd: path.join(REPO_ROOT, "examples/dv-certificate-order"),
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "200" },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    res = host.resource(await serializeProvider(pkg.cas.dvCertificateOrderProvider), TYPE);
    keys = generateKeyPair();
  });

  after(async () => {
    host?.close();
    await emu?.close();
  });

  async function pendingOrder(domain: string): Promise<{ id: string; properties: Props }> {
    const csr = await createCsr(keys, domain);
    const checked = await res.check(domain, {}, { csr, ...CONTACT, validateType: "DNS" });
    return res.create(domain, checked.inputs);
  }

  it("two 503s on CancelOrderRequest: looked up, cancelled again, and the destroy succeeds", async () => {
    const order = await pendingOrder("cancel.example.com");
    await emu.control.addFault({ product: "cas", action: "CancelOrderRequest", count: 2 });
    await emu.control.clearRequests();
    await res.delete("cancel.example.com", order.id, order.properties);
    const actions = (await emu.control.requests({ product: "cas" })).map((r) => r.action);
    assert.equal(actions.filter((a) => a === "CancelOrderRequest").length, 3);
    const left = ((await emu.control.objects())["cas"] as CasObjects).orders;
    assert.ok(!left.some((o) => o.orderId === order.id), "the order is cancelled and deleted");
  });

  it("a failed delete prints its message without a JavaScript stack trace", async () => {
    const order = await pendingOrder("stack.example.com");
    await emu.control.addFault({ product: "cas", action: "CancelOrderRequest", code: "InvalidParameter", status: 400 });
    const printed = host.output.length;
    await assert.rejects(
      res.delete("stack.example.com", order.id, order.properties),
      /CancelOrderRequest failed: InvalidParameter/,
    );
    await emu.control.reset();
    const stderr = host.output.slice(printed).join("");
    assert.match(stderr, /AlibabaCloudError: CAS CancelOrderRequest failed: InvalidParameter/);
    assert.doesNotMatch(stderr, /\n\s+at \S/, `a stack trace was printed:\n${stderr}`);
  });
});

/** The base64 DER SPKI of a PEM public key. */
function x509PublicKey(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
}
