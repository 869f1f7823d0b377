/**
 * Provider tier: how esa.CustomHostname meets the documented codes the emulator now answers in their situations.
 * A "try again later" code (Site.ServiceBusy while the site is configured) is retried by the transport until it
 * clears, even though CreateCustomHostname is not idempotent; a terminal one (NoPermission) fails at once with what
 * to do.
 */
import { strict as assert } from "node:assert";
import { createRequire } from "node:module";
import * as path from "node:path";
import type * as Package from "pulumi-alicloud-certs";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const pkg = createRequire(__filename)(path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs")) as typeof Package;
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";

describe("provider tier: esa.CustomHostname and the documented service conditions", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;

  before(async () => {
    emu = await startEmulator({ quiet: true });
    host = await ProviderHost.start({ cwd: REPO_ROOT, env: { ALICLOUD_CERTS_ENDPOINT: emu.url } });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    res = host.resource(await serializeProvider(pkg.esa.customHostnameProvider), TYPE);
  });
  after(async () => {
    host?.close();
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });

  const inputs = (hostname: string): Props => ({ siteId: SITE, hostname, recordId: ORIGIN, waitFor: "none" });

  it("Site.ServiceBusy: the create is retried until the site is configured, and succeeds once", async () => {
    await emu.control.service("esa", "setCondition", { condition: "siteBusy", siteId: SITE, forMs: 1500 });
    const checked = await res.check("busy", {}, inputs("busy.customer.com"));
    const created = await res.create("busy", checked.inputs);
    const creates = await emu.control.requests({ product: "esa", action: "CreateCustomHostname" });
    assert.ok(creates.length >= 2, `retried: ${creates.map((r) => r.outcome).join(", ")}`);
    assert.equal(creates[0]?.outcome, "Site.ServiceBusy");
    assert.deepEqual(
      creates.map((r) => r.outcome).filter((o) => o === "ok"),
      ["ok"],
      "exactly one hostname was created",
    );
    await res.delete("busy", created.id, created.properties);
  });

  it("NoPermission: fails at once, naming the policy to attach", async () => {
    await emu.control.service("esa", "setCondition", { condition: "noPermission", accessKeyId: emu.accessKeyId });
    const checked = await res.check("denied", {}, inputs("denied.customer.com"));
    const error = await res.create("denied", checked.inputs).catch((e: unknown) => e);
    assert.ok(error instanceof HostCallError && error.partial === undefined, String(error));
    assert.match(error.message, /NoPermission \(HTTP 400\).*Attach the AliyunESAFullAccess policy/);
    const creates = await emu.control.requests({ product: "esa", action: "CreateCustomHostname" });
    assert.equal(creates.length, 1, "a terminal code is not retried");
    await emu.control.service("esa", "clearConditions", {});
  });
});
