/**
 * Engine tier for `cas.DvCertificateOrder`: the REAL pulumi CLI runs examples/dv-certificate-order against the
 * emulator (the compiled package from node_modules, staged by scripts/stage-package). Covers preview, up, DNS
 * validation through the emulator, up with the wait, refresh, an in-place update, and destroy along each delete path,
 * with assertions on outputs, on the emulator's orders and quota, and on the stored state (secrets, __provider).
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import * as path from "node:path";
import * as x509 from "@peculiar/x509";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/dv-certificate-order");
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder";

interface CasObjects {
  packages: { productCode: string; used: number }[];
  orders: { orderId: string; domain: string; state: string }[];
}

describe("engine tier: cas.DvCertificateOrder (examples/dv-certificate-order)", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  const stacks: PulumiStack[] = [];

  async function newStack(name: string, domain: string): Promise<PulumiStack> {
    const stack = await PulumiStack.create(
      PROJECT,
      { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "200", ALICLOUD_CERTS_MAX_POLL_MS: "500" },
      name,
    );
    stacks.push(stack);
    await stack.setConfig("domain", domain);
    await stack.setConfig("username", "Ada Lovelace");
    await stack.setConfig("phone", "+8613900001234");
    await stack.setConfig("email", "ada@example.com");
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    return stack;
  }

  async function casCalls(): Promise<string[]> {
    return (await emu.control.requests({ product: "cas" })).map((r) => r.action ?? "?");
  }

  async function objects(): Promise<CasObjects> {
    return (await emu.control.objects())["cas"] as CasObjects;
  }

  before(async () => {
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500 } });
  });

  after(async () => {
    for (const stack of stacks) await stack.remove();
    await emu?.close();
  });

  it("orders, validates by DNS, waits, refreshes, updates in place, and revokes on destroy", async () => {
    const stack = await newStack("issue", "shop.example.com");
    assert.match((await stack.preview()).stdout, /\+ 3 to create/);
    assert.deepEqual(await casCalls(), [], "a preview of new resources calls no API");

    await stack.up();
    let out = await stack.outputs();
    assert.equal(out["state"], "domain_verify");
    const record = out["validationRecord"] as { name: string; type: string; value: string };
    assert.equal(record.name, "_dnsauth.shop.example.com");
    assert.equal(record.type, "TXT");

    await emu.control.publishRecord({ kind: "dns", name: record.name, type: record.type, value: record.value });
    await stack.setConfig("waitForIssuance", "true");
    const waited = await stack.up();
    assert.match(waited.stdout + waited.stderr, /waiting for issuance of CAS order/);
    out = await stack.outputs();
    assert.equal(out["state"], "certificate");
    const cert = new x509.X509Certificate(String(out["certificate"]));
    const spki = String(out["publicKeyPem"]).replace(/-----[^-]+-----|\s+/g, "");
    assert.equal(Buffer.from(cert.publicKey.rawData).toString("base64"), spki, "the certificate is for the CSR's key");
    assert.match(String(out["certIdentifier"]), /^\d+-cn-hangzhou$/);
    assert.match(String(out["privateKeyPem"]), /BEGIN PRIVATE KEY/);

    await emu.control.clearRequests();
    assert.match((await stack.preview()).stdout, /3 unchanged/, "a re-signed CSR is not a change");
    assert.deepEqual(await casCalls(), [], "an unchanged preview makes zero API calls");
    await stack.refresh();
    assert.deepEqual(await casCalls(), ["DescribeCertificateState", "GetUserCertificateDetail"]);
    assert.match((await stack.preview()).stdout, /3 unchanged/, "refresh leaves no diff");

    const { resources, text } = await stack.exportedState();
    const order = resources.find((r) => r.type === TYPE);
    assert.ok(order?.outputs !== undefined);
    assert.ok(String(order.outputs["__provider"]).length <= 1536);
    for (const secret of [String(out["privateKeyPem"]).split("\n")[1] ?? "?", emu.accessKeySecret]) {
      assert.ok(!text.includes(secret) && !stack.rawStateText().includes(secret), "no secret in plaintext state");
    }

    await stack.setConfig("revokeOnDelete", "true");
    await emu.control.clearRequests();
    assert.match((await stack.up()).stdout, /1 updated/);
    assert.deepEqual(await casCalls(), [], "a behaviour update makes no API call");
    await stack.destroy();
    assert.deepEqual(await casCalls(), [
      "DescribeCertificateState",
      "ListUserCertificateOrder", // no renewal of the domain is still being validated: revoking is safe
      "CancelCertificateForPackageRequest",
      "DeleteUserCertificate",
    ]);
    const [revoked] = (await objects()).orders;
    assert.equal(revoked?.state, "revoked");
  });

  it("destroys a pending order (cancel + delete) and retains an issued one by default, consuming no extra quota", async () => {
    const stack = await newStack("paths", "blog.example.com");
    await emu.control.clearRequests();
    await stack.up();
    const pendingId = String((await stack.outputs())["orderId"]);
    await stack.destroy();
    assert.ok(
      !(await objects()).orders.some((o) => o.orderId === pendingId),
      "the pending order was cancelled and deleted",
    );

    await stack.up();
    const issuedId = String((await stack.outputs())["orderId"]);
    await emu.control.service("cas", "issueNow", { orderId: issuedId });
    await stack.refresh();
    const refreshed = (await stack.exportedState()).resources.find((r) => r.type === TYPE);
    assert.equal(refreshed?.outputs?.["state"], "certificate", "refresh sees the out-of-band issuance");
    await stack.setConfig("lookupOrderId", issuedId);
    await stack.up();
    assert.equal(
      (await stack.outputs())["lookedUpState"],
      "certificate",
      "DvCertificateOrder.get reads an existing order",
    );
    const destroyed = await stack.destroy();
    assert.match(destroyed.stdout + destroyed.stderr, /left valid in CAS/);
    assert.ok(
      (await objects()).orders.some((o) => o.orderId === issuedId),
      "a looked-up order is never deleted",
    );
    const after = await objects();
    assert.equal(
      after.orders.find((o) => o.orderId === issuedId)?.state,
      "certificate",
      "the issued certificate is retained",
    );

    const creates = (await emu.control.requests({ product: "cas", action: "CreateCertificateWithCsrRequest" })).length;
    assert.equal(creates, 2, "one order per up that needed one: no duplicate");
    // Quota over both tests: the revoked unit came back; the cancelled order and the retained one keep theirs.
    assert.equal(after.packages.find((p) => p.productCode === "digicert-free-1-free")?.used, 2);
  });
});
