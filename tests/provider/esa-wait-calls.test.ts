/**
 * Provider tier: the calls of an esa.CustomHostname wait, counted in the emulator's request log. While the hostname
 * is pending, each poll is one VerifyCustomHostname (the one call that can change the outcome), a Get only after it
 * passed: not a Get and a Verify per poll.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import { ProviderHost, serializeProvider, type HostResource } from "../helpers/provider-host";

const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";

describe("provider tier: esa.CustomHostname wait calls", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;

  before(async () => {
    emu = await startEmulator({ quiet: true });
    host = await ProviderHost.start({
      cwd: REPO_ROOT,
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "300" },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    res = host.resource(await serializeProvider(pkg.esa.customHostnameProvider), TYPE);
  });
  after(async () => {
    host?.close();
    await emu?.close();
  });

  it("a pending wait costs one Verify per poll, and one Get once it passed", async () => {
    const news = {
      siteId: "7096621098379520",
      hostname: "wait.customer.com",
      recordId: "4042843419650112",
      waitFor: "active",
    };
    const checked = await res.check("w", {}, news);
    // The customer's CNAME appears about 1.5 s into the wait (polls are 200 ms apart at first).
    const publish = new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        emu.control
          .publishRecord({ kind: "dns", name: "wait.customer.com", type: "CNAME", value: "origin.example-saas.com" })
          .then(resolve, reject);
      }, 1500);
    });
    const created = await res.create("w", checked.inputs);
    await publish;
    assert.equal(created.properties["status"], "active");

    const log = (await emu.control.requests({ product: "esa" })).map((r) => `${r.action ?? "?"}:${r.outcome}`);
    const verifies = log.filter((l) => l.startsWith("VerifyCustomHostname"));
    assert.ok(verifies.length >= 3, `several pending polls: ${log.join(", ")}`);
    assert.deepEqual(log, [
      "CreateCustomHostname:ok",
      "GetCustomHostname:ok",
      ...verifies.slice(0, -1).map(() => "VerifyCustomHostname:CustomHostname.VerifyUnpassed"),
      "VerifyCustomHostname:ok",
      "GetCustomHostname:ok",
    ]);
    await res.delete("w", created.id, created.properties);
  });
});
