/**
 * Engine tier (issue 26, items 4 and 6): `pulumi import` of every resource the cloud can name, through the default
 * native provider configured from `alicloud-certs:*` stack config, then a preview of the program that declares them
 * shows no change (tests/engine/projects/native-stack).
 *
 * The objects are made by another stack (someone else's), then imported by their cloud ids: ESA by HostnameId, the
 * CAS order and its waiter by OrderId, the GA binding by `<acceleratorId>:<listenerId>:<domain>`, the GA set by
 * `<acceleratorId>:<listenerId>`. The program declares each as docs/native-provider.md says; the inputs the cloud
 * cannot return ({@link NOT_RETURNED}) are absent from what the import stored.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { selfSignedCertificate } from "../helpers/test-certs";
import { certificateRequest } from "../helpers/x509";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/native-stack");
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const OTHER_ACC = "ga-bp1emulatorisolated001";
const OTHER_HTTPS = "lsr-bp1emulatorisolated01";
const CERT = "43000001-cn-hangzhou";
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/**
 * Inputs the cloud cannot return, by type: an import stores none of them, so a program declares the resource
 * without them (docs/native-provider.md, "Importing"): the CAS order's request (CAS keeps no CSR nor contact; the
 * program names the order by `orderId`), and ESA's `casRegion` (GetCustomHostname has no CasRegion).
 */
const NOT_RETURNED: Readonly<Record<string, readonly string[]>> = {
  "alicloud-certs:cas:DvCertificateOrder": ["csr", "username", "phone", "email", "productCode", "tags"],
  "alicloud-certs:esa:CustomHostname": ["casRegion"],
};

interface CasObjects {
  orders: { orderId: string; state: string }[];
}

describe("engine tier: pulumi import through the native provider, then a no-change preview", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let maker: PulumiStack;
  let importer: PulumiStack;
  let work: string;
  let privateKey: string;

  /** A stack of the project whose default provider points at the emulator (endpoints as @pulumi/alicloud's list). */
  async function stack(name: string): Promise<PulumiStack> {
    const s = await PulumiStack.create(PROJECT, { ALICLOUD_CERTS_MIN_POLL_MS: "100" }, name);
    for (const product of ["esa", "cas", "ga"])
      await s.run(["config", "set", "--path", `alicloud-certs:endpoints[0].${product}`, emu.url]);
    await s.setConfig("alicloud-certs:accessKey", emu.accessKeyId);
    await s.setConfig("alicloud-certs:secretKey", emu.accessKeySecret, true);
    return s;
  }

  before(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "native-import-"));
    emu = await startEmulator({ timings: { gaWriteMs: 300, casIssueMs: 300 }, quiet: true });
    await emu.control.seed({ cas: { certificates: [{ certId: "43000001", commonName: "*.import-customer.com" }] } });
    const uploaded = await selfSignedCertificate(["*.import-customer.com"]);
    privateKey = uploaded.privateKey;
    const csr = await certificateRequest({ subject: "CN=order.import-customer.com" });
    maker = await stack("maker");
    importer = await stack("importer");
    for (const s of [maker, importer]) {
      await s.setConfig("shopCertificate", uploaded.certificate, true);
      await s.setConfig("shopKey", uploaded.privateKey, true);
    }
    await maker.setConfig(
      "native-stack:resources",
      JSON.stringify([
        {
          type: "alicloud-certs:esa:CustomHostname",
          name: "shop",
          args: { siteId: SITE, hostname: "shop.import-customer.com", recordId: ORIGIN, certType: "upload" },
          secretArgs: { certificate: "shopCertificate", privateKey: "shopKey" },
        },
        {
          type: "alicloud-certs:cas:DvCertificateOrder",
          name: "order",
          args: {
            csr: csr.pem,
            username: "Import Test",
            phone: "+8613800000000",
            email: "ops@import-customer.com",
            validateType: "DNS",
          },
        },
        {
          type: "alicloud-certs:ga:ListenerAdditionalCertificate",
          name: "api",
          args: { acceleratorId: ACC, listenerId: HTTPS, domain: "api.import-customer.com", certificateId: CERT },
        },
        {
          type: "alicloud-certs:ga:ListenerAdditionalCertificates",
          name: "set",
          args: {
            acceleratorId: OTHER_ACC,
            listenerId: OTHER_HTTPS,
            certificates: { "a.import-customer.com": CERT, "b.import-customer.com": CERT },
          },
        },
      ]),
    );
  });

  after(async () => {
    await importer?.remove();
    await maker?.remove();
    await emu?.close();
    if (work !== undefined) fs.rmSync(work, { recursive: true, force: true });
  });

  it("imports each resource by its cloud id, and the program that declares them previews no change", async () => {
    await maker.up();
    const ids = (await maker.outputs())["ids"] as Record<string, string>;
    // Issue the order (publish its validation record), so its waiter has something to have waited for.
    const { resources } = await maker.exportedState();
    const order = resources.find((r) => r.type === "alicloud-certs:cas:DvCertificateOrder");
    await emu.control.publishRecord({
      kind: "dns",
      name: String(order?.outputs?.["recordDomain"]),
      type: "TXT",
      value: String(order?.outputs?.["recordValue"]),
    });
    for (let i = 0; i < 100; i++) {
      const cas = (await emu.control.objects()).cas as CasObjects;
      if (cas.orders.find((o) => o.orderId === ids["order"])?.state === "certificate") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const orderId = ids["order"] ?? "";
    const file = path.join(work, "import.json");
    fs.writeFileSync(
      file,
      JSON.stringify({
        resources: [
          { type: "alicloud-certs:esa:CustomHostname", name: "shop", id: ids["shop"] },
          { type: "alicloud-certs:cas:DvCertificateOrder", name: "order", id: orderId },
          { type: "alicloud-certs:cas:DvCertificateValidation", name: "issued", id: orderId },
          {
            type: "alicloud-certs:ga:ListenerAdditionalCertificate",
            name: "api",
            id: `${ACC}:${HTTPS}:api.import-customer.com`,
          },
          { type: "alicloud-certs:ga:ListenerAdditionalCertificates", name: "set", id: `${OTHER_ACC}:${OTHER_HTTPS}` },
        ],
      }),
    );
    await importer.run(["import", "--file", file, "--yes", "--protect=false", "--generate-code=false"]);

    await importer.setConfig(
      "native-stack:resources",
      JSON.stringify([
        {
          type: "alicloud-certs:esa:CustomHostname",
          name: "shop",
          args: { siteId: SITE, hostname: "shop.import-customer.com", recordId: ORIGIN, certType: "upload" },
          secretArgs: { certificate: "shopCertificate", privateKey: "shopKey" },
        },
        { type: "alicloud-certs:cas:DvCertificateOrder", name: "order", args: { orderId } },
        { type: "alicloud-certs:cas:DvCertificateValidation", name: "issued", args: { orderId } },
        {
          type: "alicloud-certs:ga:ListenerAdditionalCertificate",
          name: "api",
          args: { acceleratorId: ACC, listenerId: HTTPS, domain: "api.import-customer.com", certificateId: CERT },
        },
        {
          type: "alicloud-certs:ga:ListenerAdditionalCertificates",
          name: "set",
          args: {
            acceleratorId: OTHER_ACC,
            listenerId: OTHER_HTTPS,
            certificates: { "a.import-customer.com": CERT, "b.import-customer.com": CERT },
          },
        },
      ]),
    );
    await emu.control.clearRequests();
    await importer.preview(["--expect-no-changes"]);
    const writes = (await emu.control.requests()).filter((r) => !/^(Get|List|Describe)/.test(r.action ?? ""));
    assert.deepEqual(writes, [], "the preview wrote nothing");
  });

  it("stored what the import read, the uploaded key encrypted, and none of the inputs the cloud cannot return", async () => {
    const { resources } = await importer.exportedState();
    const ours = resources.filter((r) => r.type.startsWith("alicloud-certs:"));
    assert.deepEqual(ours.map((r) => r.urn.split("::").pop()).sort(), ["api", "issued", "order", "set", "shop"]);
    for (const r of ours) {
      for (const name of NOT_RETURNED[r.type] ?? []) assert.equal(r.inputs?.[name], undefined, `${r.type}.${name}`);
      assert.ok(!JSON.stringify(r).includes("__"), `${r.urn}: no internal key (__provider, __resourceName)`);
    }
    const shop = ours.find((r) => r.type === "alicloud-certs:esa:CustomHostname");
    assert.ok((shop?.outputs?.["privateKey"] as Record<string, unknown>)[SECRET_SIGNATURE] !== undefined);
    assert.ok(!importer.rawStateText().includes(privateKey.split("\n")[1] ?? "-"), "no key in plaintext");
  });

  it("manages what it imported: destroy deletes the objects", async () => {
    await importer.destroy();
    const objects = JSON.stringify(await emu.control.objects());
    assert.doesNotMatch(objects, /shop\.import-customer\.com|api\.import-customer\.com|a\.import-customer\.com/);
  });
});
