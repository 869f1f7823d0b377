/**
 * Provider tier: every esa.CustomHostname write whose answer is lost (the emulator commits it, then cuts the
 * connection: `timeoutAfterCommit`; or cuts it before the service sees it: `reset`) is read back before anything
 * else: a write that landed is neither failed nor repeated, one that did not is sent again. Counted in the
 * emulator's request log: no duplicate, no orphan, no failure when the write landed. Also the create after an
 * ambiguous failure: a same-named hostname that differs from the inputs is not taken for the lost create's.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const WWW = "4042843419650113";

type Fault = Parameters<RunningEmulator["control"]["addFault"]>[0];

describe("provider tier: esa.CustomHostname writes whose answer was lost", function () {
  this.timeout(120_000);
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
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });
  afterEach(async () => {
    await emu.control.clearFaults();
    const esa = (await emu.control.objects()).esa as { hostnames: unknown[] };
    assert.deepEqual(esa.hostnames, [], "no custom hostname is left in the emulator");
  });

  const inputs = (extra: Props = {}): Props => ({
    siteId: SITE,
    hostname: "lost.customer.com",
    recordId: ORIGIN,
    ...extra,
  });
  /** The ESA calls since the last clear, as `Action:outcome` (a lost answer still logs the real outcome). */
  const log = async (): Promise<string[]> =>
    (await emu.control.requests({ product: "esa" })).map(
      (r) => `${r.action ?? "?"}${r.fault === undefined ? "" : " (lost)"}`,
    );
  const hostnames = async (): Promise<
    { hostnameId: string; status: string; recordId: string; certStatus: string | null }[]
  > =>
    (
      (await emu.control.objects()).esa as {
        hostnames: { hostnameId: string; status: string; recordId: string; certStatus: string | null }[];
      }
    ).hostnames;
  const lose = (action: string, mode: Fault["mode"] = "timeoutAfterCommit"): Promise<string> =>
    emu.control.addFault({ product: "esa", action, mode, count: 1 });

  async function create(name: string, news: Props): Promise<{ id: string; properties: Props; checked: Props }> {
    const checked = await res.check(name, {}, news);
    assert.deepEqual(checked.failures, []);
    return { ...(await res.create(name, checked.inputs)), checked: checked.inputs };
  }

  /** A free-certificate hostname whose application failed, read back as the refreshed state: Apply is due. */
  async function applyDue(name: string): Promise<{ id: string; props: Props; news: Props }> {
    const created = await create(name, inputs({ certType: "free" }));
    await emu.control.service("esa", "failCertificate", { hostnameId: created.id });
    const refreshed = await res.read(name, created.id, created.properties, created.checked);
    assert.equal(refreshed.properties["certStatus"], "ApplyFailed");
    const news = (await res.check(name, refreshed.inputs, refreshed.inputs)).inputs;
    assert.equal((await res.diff(name, created.id, refreshed.properties, news)).changes, "some");
    await emu.control.clearRequests();
    return { id: created.id, props: refreshed.properties, news };
  }

  it("ApplyCustomHostnameCertificate that landed but whose answer was lost: read back, not failed, not repeated", async () => {
    const due = await applyDue("apply");
    await lose("ApplyCustomHostnameCertificate");
    const updated = await res.update("apply", due.id, due.props, due.news);
    assert.deepEqual(await log(), ["ApplyCustomHostnameCertificate (lost)", "GetCustomHostname", "GetCustomHostname"]);
    assert.notEqual(updated.properties["certStatus"], "ApplyFailed");
    assert.match(
      host.output.join(""),
      /ApplyCustomHostnameCertificate for lost\.customer\.com got no clear answer; reading/,
    );
    await res.delete("apply", due.id, updated.properties);
  });

  it("ApplyCustomHostnameCertificate cut before it reached ESA: read back, then sent again once", async () => {
    const due = await applyDue("apply-reset");
    await lose("ApplyCustomHostnameCertificate", "reset");
    const updated = await res.update("apply-reset", due.id, due.props, due.news);
    assert.deepEqual(await log(), [
      "ApplyCustomHostnameCertificate (lost)",
      "GetCustomHostname",
      "ApplyCustomHostnameCertificate",
      "GetCustomHostname",
    ]);
    assert.notEqual(updated.properties["certStatus"], "ApplyFailed");
    await res.delete("apply-reset", due.id, updated.properties);
  });

  it("UpdateCustomHostname that landed but whose answer was lost: read back, not failed, not repeated", async () => {
    const created = await create("update", inputs());
    await emu.control.clearRequests();
    await lose("UpdateCustomHostname");
    const news = (await res.check("update", created.checked, inputs({ recordId: WWW }))).inputs;
    const updated = await res.update("update", created.id, created.properties, news);
    assert.deepEqual(await log(), ["UpdateCustomHostname (lost)", "GetCustomHostname", "GetCustomHostname"]);
    assert.equal(updated.properties["recordId"], WWW);
    assert.deepEqual(
      (await hostnames()).map((h) => h.recordId),
      [WWW],
    );
    await res.delete("update", created.id, updated.properties);
  });

  it("UpdateCustomHostname cut before it reached ESA: read back (not applied), then sent again", async () => {
    const created = await create("update-reset", inputs());
    await emu.control.clearRequests();
    await lose("UpdateCustomHostname", "reset");
    const news = (await res.check("update-reset", created.checked, inputs({ recordId: WWW }))).inputs;
    const updated = await res.update("update-reset", created.id, created.properties, news);
    assert.deepEqual(await log(), [
      "UpdateCustomHostname (lost)",
      "GetCustomHostname",
      "UpdateCustomHostname",
      "GetCustomHostname",
    ]);
    assert.equal(updated.properties["recordId"], WWW);
    await res.delete("update-reset", created.id, updated.properties);
  });

  it("DeleteCustomHostname that landed but whose answer was lost: the read-back confirms it gone, success", async () => {
    const created = await create("delete", inputs());
    await emu.control.clearRequests();
    await lose("DeleteCustomHostname");
    await res.delete("delete", created.id, created.properties);
    assert.deepEqual(await log(), ["DeleteCustomHostname (lost)", "ListCustomHostnames"]);
  });

  it("VerifyCustomHostname that activated the hostname but whose answer was lost: read back as active", async () => {
    const created = await create("verify", inputs());
    await emu.control.publishRecord({
      kind: "dns",
      name: String(created.properties["verifyHost"]),
      type: "TXT",
      value: String(created.properties["verifyCode"]),
    });
    await emu.control.clearRequests();
    await lose("VerifyCustomHostname");
    const active = await res.update("verify", created.id, created.properties, {
      ...created.checked,
      waitFor: "active",
    });
    assert.equal(active.properties["status"], "active");
    assert.deepEqual(await log(), [
      "GetCustomHostname",
      "VerifyCustomHostname (lost)",
      "GetCustomHostname",
      "GetCustomHostname",
    ]);
    await res.delete("verify", created.id, active.properties);
  });

  it("an ambiguous create never takes a same-named hostname that differs from its inputs for its own", async () => {
    const other = await create("other", inputs({ recordId: WWW }));
    await emu.control.clearRequests();
    await lose("CreateCustomHostname", "reset");
    const checked = await res.check("mine", {}, inputs());
    const error = await res.create("mine", checked.inputs).catch((e: unknown) => e);
    assert.ok(error instanceof HostCallError && error.partial === undefined, `a plain failure, got ${String(error)}`);
    assert.match(error.message, /ConflictWithExistingResource/);
    assert.match(error.message, /differs from this resource's inputs in recordId.*set adoptExisting: true/);
    assert.deepEqual(
      (await hostnames()).map((h) => h.hostnameId),
      [other.id],
      "no second hostname, and the other one untouched",
    );
    await res.delete("other", other.id, other.properties);
  });
});
