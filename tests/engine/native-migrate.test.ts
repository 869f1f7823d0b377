/**
 * Engine tier (issue 26, item 7): moving an existing stack from the dynamic classes to the native provider without
 * touching the cloud (docs/native-provider.md, "Moving a stack from the dynamic classes").
 *
 * A stack made with the dynamic `esa.CustomHostname`, `cas.DvCertificateOrder` and `ga.ListenerAdditionalCertificate`
 * is moved the documented way: the program declares the native types with an alias to each stored dynamic type (the
 * v3.259 engine accepts the provider change: it asks the new provider's Diff, which sees no change, so the step is a
 * `same`); `pulumi up` records them under the native provider; a `pulumi refresh` rewrites their outputs without the
 * dynamic provider's stored code (`__provider`); then the aliases can go. The emulator's request log holds no write
 * call from the first command of the move to the last.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { certificateRequest } from "../helpers/x509";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/native-stack");
const HOSTNAME_ARGS = {
  siteId: "7096621098379520",
  hostname: "shop.moving-customer.com",
  recordId: "4042843419650112",
};
const BINDING_ARGS = {
  acceleratorId: "ga-bp1emulatordefault0001",
  listenerId: "lsr-bp1emulatorhttps00001",
  domain: "api.moving-customer.com",
  certificateId: "44000001-cn-hangzhou",
};
/** The order's inputs; its CSR is made in `before`. */
const ORDER_ARGS: Record<string, string> = {
  username: "Moving Test",
  phone: "+8613800000000",
  email: "ops@moving-customer.com",
  validateType: "DNS",
};
/** Each resource's type before the move (the dynamic class, as stored) and after it (the schema token). */
const MOVES = [
  {
    name: "shop",
    args: HOSTNAME_ARGS,
    program: "dynamic:esa.CustomHostname",
    stored: "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname",
    token: "alicloud-certs:esa:CustomHostname",
  },
  {
    name: "order",
    args: ORDER_ARGS,
    program: "dynamic:cas.DvCertificateOrder",
    stored: "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder",
    token: "alicloud-certs:cas:DvCertificateOrder",
  },
  {
    name: "api",
    args: BINDING_ARGS,
    program: "dynamic:ga.ListenerAdditionalCertificate",
    stored: "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate",
    token: "alicloud-certs:ga:ListenerAdditionalCertificate",
  },
] as const;

/** The emulator's requests that are not reads (a write changes the cloud). */
async function writeCalls(emu: RunningEmulator): Promise<string[]> {
  return (await emu.control.requests())
    .map((r) => r.action ?? "?")
    .filter((action) => !/^(Get|List|Describe)/.test(action));
}

describe("engine tier: moving a stack from the dynamic classes to the native provider, with no write", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;
  const ids: Record<string, string> = {};

  const declare = (resources: readonly object[]): Promise<void> =>
    stack.setConfig("native-stack:resources", JSON.stringify(resources));

  before(async () => {
    emu = await startEmulator({ timings: { gaWriteMs: 300 }, quiet: true });
    ORDER_ARGS["csr"] = (await certificateRequest({ subject: "CN=order.moving-customer.com" })).pem;
    await emu.control.seed({
      cas: { certificates: [{ certId: "44000001", commonName: "*.moving-customer.com" }] },
    });
    // The dynamic classes read the environment; the native provider its alicloud-certs:* config.
    stack = await PulumiStack.create(
      PROJECT,
      {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_ACCESS_KEY: emu.accessKeyId,
        ALICLOUD_SECRET_KEY: emu.accessKeySecret,
        ALICLOUD_CERTS_MIN_POLL_MS: "100",
      },
      "moving",
    );
    for (const product of ["esa", "cas", "ga"])
      await stack.run(["config", "set", "--path", `alicloud-certs:endpoints[0].${product}`, emu.url]);
    await stack.setConfig("alicloud-certs:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud-certs:secretKey", emu.accessKeySecret, true);
    await declare(MOVES.map((m) => ({ type: m.program, name: m.name, args: m.args })));
    await stack.up();
    for (const r of (await stack.exportedState()).resources) {
      const move = MOVES.find((m) => m.stored === r.type);
      if (move !== undefined && r.id !== undefined) ids[move.name] = r.id;
    }
    assert.deepEqual(Object.keys(ids).sort(), ["api", "order", "shop"], "the dynamic stack holds the three objects");
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  it("with aliases to the stored dynamic types, preview and up show no change and write nothing", async () => {
    await declare(MOVES.map((m) => ({ type: m.token, name: m.name, args: m.args, aliases: [m.stored] })));
    await emu.control.clearRequests();
    await stack.preview(["--expect-no-changes"]);
    await stack.up(["--expect-no-changes"]);
    const moved = (await stack.exportedState()).resources;
    assert.deepEqual(
      moved.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/")).map((r) => r.urn),
      [],
      "no dynamic resource is left in the state",
    );
    for (const m of MOVES) {
      const r = moved.find((x) => x.type === m.token);
      assert.equal(r?.id, ids[m.name], `${m.name}: the native resource holds the very same object`);
      assert.match(String(r?.urn), new RegExp(`::${m.token}::${m.name}$`));
    }
    assert.deepEqual(await writeCalls(emu), [], "the move wrote nothing to the cloud");
  });

  it("a refresh drops the dynamic provider's stored code; the aliases can go; still no change, no write", async () => {
    await stack.refresh();
    const refreshed = (await stack.exportedState()).resources.filter((r) => r.type.startsWith("alicloud-certs:"));
    assert.equal(refreshed.length, MOVES.length);
    for (const r of refreshed) assert.ok(!JSON.stringify(r).includes("__provider"), `${r.urn}: no __provider`);
    await declare(MOVES.map((m) => ({ type: m.token, name: m.name, args: m.args })));
    await stack.preview(["--expect-no-changes"]);
    assert.deepEqual(await writeCalls(emu), [], "the move wrote nothing to the cloud");
  });

  it("the moved stack manages the objects: destroy deletes them", async () => {
    await stack.destroy();
    assert.doesNotMatch(
      JSON.stringify(await emu.control.objects()),
      /shop\.moving-customer\.com|api\.moving-customer\.com/,
    );
  });
});
