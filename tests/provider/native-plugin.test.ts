/**
 * Provider tier for the native provider (issue 26, items 1-4): the staged plugin executable, driven over gRPC as the
 * engine drives it, against the emulator. The plugin is started with no endpoint and no key in its environment, so
 * every call here reaches the emulator only through the configuration the instance received.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import {
  type Bag,
  isSecret,
  NativePlugin,
  PluginCallError,
  type PluginResource,
  secret,
} from "../helpers/native-plugin";
import { selfSignedCertificate, type TestCertificate } from "../helpers/test-certs";
import { certificateRequest } from "../helpers/x509";

const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const WWW = "4042843419650113";
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const CERT = "30000001-cn-hangzhou";
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The environment of a plugin that knows no endpoint and no credential of its own (only its configuration will). */
const BARE_ENV = {
  ALICLOUD_CERTS_ENDPOINT: "",
  ALICLOUD_ACCESS_KEY: "",
  ALICLOUD_SECRET_KEY: "",
  ALIBABA_CLOUD_ACCESS_KEY_ID: "",
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: "",
  ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
  ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
  ALICLOUD_CERTS_MIN_POLL_MS: "100",
  ALICLOUD_CERTS_MAX_POLL_MS: "300",
};

/** The provider configuration that points an instance at `emu`, the secret key marked as the engine marks it. */
function configFor(emu: RunningEmulator): Bag {
  return {
    endpoints: [{ esa: emu.url, cas: emu.url, ga: emu.url }],
    accessKey: emu.accessKeyId,
    secretKey: secret(emu.accessKeySecret),
  };
}

describe("provider tier: the native provider plugin", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let plugin: NativePlugin;
  /** Another instance (another process, another stack): what makes the objects this test imports. */
  let maker: NativePlugin;
  let esa: PluginResource;
  let order: PluginResource;
  let validation: PluginResource;
  let binding: PluginResource;
  let bindings: PluginResource;
  let uploaded: TestCertificate;

  before(async () => {
    emu = await startEmulator({ timings: { gaWriteMs: 300, casIssueMs: 300 }, quiet: true });
    // The seed's certificate covers every domain these tests bind (GA refuses a certificate that does not).
    await emu.control.seed({
      cas: {
        certificates: [{ certId: "30000001", commonName: "api.native.example.com", sans: ["*.native.example.com"] }],
      },
    });
    plugin = await NativePlugin.start({ env: BARE_ENV });
    await plugin.configure(configFor(emu));
    maker = await NativePlugin.start({ env: BARE_ENV });
    await maker.configure(configFor(emu));
    esa = plugin.resource("alicloud-certs:esa:CustomHostname");
    order = plugin.resource("alicloud-certs:cas:DvCertificateOrder");
    validation = plugin.resource("alicloud-certs:cas:DvCertificateValidation");
    binding = plugin.resource("alicloud-certs:ga:ListenerAdditionalCertificate");
    bindings = plugin.resource("alicloud-certs:ga:ListenerAdditionalCertificates");
    uploaded = await selfSignedCertificate(["*.native.example.com"]);
  });
  after(async () => {
    plugin?.close();
    maker?.close();
    await emu?.close();
  });
  afterEach(async () => {
    await emu.control.clearFaults();
  });

  /** check then create, as `pulumi up` does. */
  async function created(
    res: PluginResource,
    name: string,
    news: Bag,
  ): Promise<{ id: string; properties: Bag; inputs: Bag }> {
    const checked = await res.check(name, {}, news);
    assert.deepEqual(checked.failures, []);
    const result = await res.create(name, checked.inputs);
    return { ...result, inputs: checked.inputs };
  }

  /** The diff a preview makes of `program` against recorded `outputs` and `inputs` (check, then diff). */
  async function previewDiff(
    res: PluginResource,
    name: string,
    id: string,
    recorded: { inputs: Bag; outputs: Bag },
    program: Bag,
  ) {
    const checked = await res.check(name, recorded.inputs, program);
    assert.deepEqual(checked.failures, []);
    return res.diff(name, id, recorded.outputs, checked.inputs);
  }

  it("answers GetPluginInfo with the package version, GetSchema with schema.json, and accepts secrets", async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    assert.equal(await plugin.pluginVersion(), manifest.version);
    assert.equal(await plugin.schema(), fs.readFileSync(path.join(REPO_ROOT, "schema.json"), "utf8"));
    assert.equal((await plugin.handshake()).getAcceptSecrets(), true);
  });

  it("CheckConfig refuses a bad value naming the key, and stores the key pair's secret as a secret", async () => {
    const bad = await plugin.checkConfig("default_0_1_0", { protocol: "ftp" });
    assert.deepEqual(bad.failures, [
      { property: "protocol", reason: 'alicloud-certs:protocol is "ftp": it must be "HTTPS" or "HTTP"' },
    ]);
    const explicit = await plugin.checkConfig("intl", { accessKey: "LTAI-id", secretKey: "plain-typed-secret" });
    assert.deepEqual(explicit.failures, []);
    assert.ok(isSecret(explicit.inputs["secretKey"]), "secretKey is a secret even typed in plain text");
    assert.equal(explicit.inputs["accessKey"], "LTAI-id");
    const half = await plugin.checkConfig("intl", { secretKey: secret("s") });
    assert.match(
      half.failures[0]?.reason ?? "",
      /^secretKey of provider "intl" is set but accessKey of provider "intl" is not/,
    );
  });

  it("runs an ESA hostname's whole life through the instance's configuration; secrets stay secret", async () => {
    await emu.control.clearRequests();
    const news = {
      siteId: SITE,
      hostname: "shop.native.example.com",
      recordId: ORIGIN,
      certType: "upload",
      certificate: uploaded.certificate,
      privateKey: secret(uploaded.privateKey),
    };
    const preview = await esa.create("shop", (await esa.check("shop", {}, news)).inputs, true);
    assert.equal(preview.properties["hostnameId"], UNKNOWN, "a preview's outputs are unknown");
    assert.deepEqual(await emu.control.requests({ product: "esa" }), [], "a preview calls no API");

    const made = await created(esa, "shop", news);
    assert.ok(isSecret(made.properties["privateKey"]) && isSecret(made.properties["certificate"]));
    assert.equal(made.properties["hostnameId"], made.id);
    const requests = await emu.control.requests({ product: "esa" });
    assert.ok(requests.length > 0 && requests.every((r) => r.accessKeyId === emu.accessKeyId), "the instance's key");

    const same = await previewDiff(esa, "shop", made.id, { inputs: made.inputs, outputs: made.properties }, news);
    assert.equal(same.changes, "none");
    const moved = await previewDiff(
      esa,
      "shop",
      made.id,
      { inputs: made.inputs, outputs: made.properties },
      {
        ...news,
        recordId: WWW,
      },
    );
    assert.equal(moved.changes, "some");
    assert.deepEqual(moved.replaces, []);
    const checked = await esa.check("shop", made.inputs, { ...news, recordId: WWW });
    const updated = await esa.update("shop", made.id, made.properties, checked.inputs);
    assert.equal(updated.properties["recordId"], WWW);
    assert.ok(isSecret(updated.properties["privateKey"]));

    const refreshed = await esa.read("shop", made.id, updated.properties, checked.inputs);
    assert.equal(refreshed.id, made.id);
    assert.equal(refreshed.inputs, undefined, "an unchanged object returns no inputs: the engine keeps its own");
    assert.ok(isSecret(refreshed.properties["privateKey"]));

    await esa.delete("shop", made.id, updated.properties);
    assert.equal((await esa.read("shop", made.id, updated.properties, checked.inputs)).id, "", "gone");
    const output = plugin.output.join("");
    assert.ok(!output.includes(uploaded.privateKey.split("\n")[1] ?? "-"), "no key in the plugin's output");
    assert.ok(!output.includes(emu.accessKeySecret), "no secret key in the plugin's output");
  });

  it("a failure after the hostname exists is a partial failure: the engine records the id, secrets marked", async () => {
    const news = {
      siteId: SITE,
      hostname: "partial.native.example.com",
      recordId: ORIGIN,
      certType: "upload",
      certificate: uploaded.certificate,
      privateKey: secret(uploaded.privateKey),
      waitFor: "active",
      waitTimeoutSeconds: 1,
    };
    const checked = await esa.check("partial", {}, news);
    const failed = await esa.create("partial", checked.inputs).then(
      () => undefined,
      (error: unknown) => error,
    );
    assert.ok(failed instanceof PluginCallError && failed.partial !== undefined, String(failed));
    assert.match(failed.partial.id, /^\d+$/);
    assert.equal(failed.partial.properties["hostnameId"], failed.partial.id);
    assert.ok(isSecret(failed.partial.properties["privateKey"]), "the partial state keeps the key secret");
    assert.equal("__provider" in failed.partial.properties, false);
    await esa.delete("partial", failed.partial.id, failed.partial.properties);
  });

  it("refuses a type it does not serve, naming the ones it does", async () => {
    const error = await plugin
      .resource("alicloud-certs:esa:Nope")
      .check("x", {}, {})
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof PluginCallError);
    assert.match(
      error.message,
      /no resource type "alicloud-certs:esa:Nope" \(it serves alicloud-certs:esa:CustomHostname, /,
    );
  });

  describe("import by the cloud's id (pulumi import): the read answers inputs, and the program's preview is no change", () => {
    it("esa.CustomHostname by HostnameId, an uploaded key included (secret)", async () => {
      const program = {
        siteId: SITE,
        hostname: "imported.native.example.com",
        recordId: ORIGIN,
        certType: "upload",
        certificate: uploaded.certificate,
        privateKey: secret(uploaded.privateKey),
      };
      const made = await created(maker.resource(esa.type), "original", program);
      const imported = await esa.read("imported", made.id);
      assert.equal(imported.id, made.id);
      assert.ok(imported.inputs !== undefined, "an import answers inputs");
      assert.ok(isSecret(imported.inputs["privateKey"]) && isSecret(imported.properties["privateKey"]));
      const preview = await previewDiff(
        esa,
        "imported",
        made.id,
        { inputs: imported.inputs, outputs: imported.properties },
        program,
      );
      assert.equal(preview.changes, "none", JSON.stringify(imported.inputs));
      await esa.delete("imported", made.id, imported.properties);
    });

    it("cas.DvCertificateOrder by OrderId, declared by orderId (CAS returns no CSR nor contact)", async () => {
      const csr = await certificateRequest({ subject: "CN=order.native.example.com" });
      const made = await created(maker.resource(order.type), "original", {
        csr: csr.pem,
        username: "Native Test",
        phone: "+8613800000000",
        email: "ops@native.example.com",
        validateType: "DNS",
      });
      const imported = await order.read("imported", made.id);
      assert.equal(imported.id, made.id);
      assert.ok(imported.inputs !== undefined);
      const preview = await previewDiff(
        order,
        "imported",
        made.id,
        { inputs: imported.inputs, outputs: imported.properties },
        { orderId: made.id },
      );
      assert.equal(preview.changes, "none", JSON.stringify(imported));

      // The waiter is satisfied once the order is issued (before, its preview is a wait, by design): issue it.
      await emu.control.publishRecord({
        kind: "dns",
        name: String(made.properties["recordDomain"]),
        type: "TXT",
        value: String(made.properties["recordValue"]),
      });
      for (let i = 0; i < 100 && (await order.read("imported", made.id)).properties["state"] !== "certificate"; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      const waiter = await validation.read("waiter", made.id);
      assert.equal(waiter.properties["state"], "certificate");
      assert.equal(waiter.id, made.id);
      assert.ok(waiter.inputs !== undefined);
      const waiterPreview = await previewDiff(
        validation,
        "waiter",
        made.id,
        { inputs: waiter.inputs, outputs: waiter.properties },
        { orderId: made.id },
      );
      assert.equal(waiterPreview.changes, "none", JSON.stringify(waiter));
      await order.delete("imported", made.id, imported.properties);
    });

    it("ga.ListenerAdditionalCertificate by <acceleratorId>:<listenerId>:<domain>", async () => {
      const one = { acceleratorId: ACC, listenerId: HTTPS, domain: "api.native.example.com", certificateId: CERT };
      const made = await created(maker.resource(binding.type), "original", one);
      assert.equal(made.id, `${ACC}:${HTTPS}:api.native.example.com`);
      const imported = await binding.read("imported", made.id);
      assert.ok(imported.inputs !== undefined);
      assert.equal("__resourceName" in imported.inputs, false, "the hidden name is never stored");
      const preview = await previewDiff(
        binding,
        "imported",
        made.id,
        { inputs: imported.inputs, outputs: imported.properties },
        one,
      );
      assert.equal(preview.changes, "none", JSON.stringify(imported));

      await binding.delete("imported", made.id, imported.properties);
    });

    it("ga.ListenerAdditionalCertificates by <acceleratorId>:<listenerId>", async () => {
      const certificates = { "a.native.example.com": CERT, "b.native.example.com": CERT };
      const made = await created(maker.resource(bindings.type), "original", {
        acceleratorId: ACC,
        listenerId: HTTPS,
        certificates,
      });
      assert.equal(made.id, `${ACC}:${HTTPS}`);
      const set = await bindings.read("set", made.id);
      assert.ok(set.inputs !== undefined);
      assert.deepEqual(set.inputs["certificates"], certificates);
      const preview = await previewDiff(
        bindings,
        "set",
        made.id,
        { inputs: set.inputs, outputs: set.properties },
        { acceleratorId: ACC, listenerId: HTTPS, certificates },
      );
      assert.equal(preview.changes, "none", JSON.stringify(set));
      await bindings.delete("set", made.id, set.properties);
    });

    it("an id that names nothing reads as gone (the engine then refuses the import: it does not exist)", async () => {
      const answer = await binding.read("ghost", `${ACC}:${HTTPS}:ghost.native.example.com`);
      assert.equal(answer.id, "");
    });
  });
});
