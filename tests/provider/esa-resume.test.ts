/**
 * Provider tier: resuming the hostname a lost run created, without editing the program. A create whose name is
 * taken by an identical hostname (what a lost create of this resource made) says how to resume it; with
 * `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES` naming the hostname (or `alicloud:esaResumeLostCreates`), the create takes
 * it over with no CreateCustomHostname, and refuses one that differs from its inputs. A malformed setting fails at
 * check, before any API call.
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
import { selfSignedCertificate } from "../helpers/test-certs";

const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const WWW = "4042843419650113";
const NAME = "resume.customer.com";
const ENV = "ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES";

describe("provider tier: esa.CustomHostname resumes what a lost run created", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  const hosts: ProviderHost[] = [];
  let providerText: string;

  /** A host whose environment (and stack config) carries `settings`. */
  async function host(env: Record<string, string> = {}, config: Record<string, string> = {}): Promise<HostResource> {
    const started = await ProviderHost.start({
      cwd: REPO_ROOT,
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ...env },
    });
    hosts.push(started);
    await started.configure({
      "alicloud:accessKey": emu.accessKeyId,
      "alicloud:secretKey": emu.accessKeySecret,
      ...config,
    });
    return started.resource(providerText, TYPE);
  }

  before(async () => {
    emu = await startEmulator({ quiet: true });
    providerText = await serializeProvider(pkg.esa.customHostnameProvider);
  });
  after(async () => {
    for (const h of hosts) h.close();
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });
  afterEach(async () => {
    const esa = (await emu.control.objects()).esa as { hostnames: unknown[] };
    assert.deepEqual(esa.hostnames, [], "no custom hostname is left in the emulator");
  });

  const inputs = (extra: Props = {}): Props => ({ siteId: SITE, hostname: NAME, recordId: ORIGIN, ...extra });
  const actions = async (): Promise<string[]> =>
    (await emu.control.requests({ product: "esa" })).map((r) => r.action ?? "?");

  async function create(res: HostResource, name: string, news: Props): Promise<{ id: string; properties: Props }> {
    const checked = await res.check(name, {}, news);
    assert.deepEqual(checked.failures, []);
    return res.create(name, checked.inputs);
  }

  /** What a lost run left: the hostname exists, and no state knows it. */
  async function lostRun(news: Props): Promise<{ id: string; properties: Props }> {
    const made = await create(await host(), "lost", news);
    await emu.control.clearRequests();
    return made;
  }

  it("without the setting, the conflict says the hostname is identical and how to resume it without an edit", async () => {
    const lost = await lostRun(inputs({ certType: "free" }));
    const res = await host();
    const checked = await res.check("again", {}, inputs({ certType: "free" }));
    const error = await res.create("again", checked.inputs).catch((e: unknown) => e);
    assert.ok(error instanceof HostCallError && error.partial === undefined);
    assert.match(error.message, new RegExp(`HostnameId ${lost.id}\\)\\. It is identical to this resource's inputs`));
    assert.match(error.message, new RegExp(`${ENV}=${NAME.replace(/\./g, "\\.")}`));
    assert.match(error.message, /adoptExisting: true/);
    await res.delete("again", lost.id, lost.properties);
  });

  it("with the setting naming it: an identical hostname is resumed (List + Get), no CreateCustomHostname", async () => {
    const lost = await lostRun(inputs({ certType: "free" }));
    const res = await host({ [ENV]: `other.customer.com, ${NAME.toUpperCase()}` });
    const resumed = await create(res, "again", inputs({ certType: "free" }));
    assert.equal(resumed.id, lost.id);
    assert.deepEqual(await actions(), ["ListCustomHostnames", "GetCustomHostname"]);
    assert.equal(resumed.properties["hostnameId"], lost.id);
    assert.match(
      hosts.at(-1)?.output.join("") ?? "",
      /resuming HostnameId \d+, created by an earlier, interrupted run/,
    );
    await res.delete("again", resumed.id, resumed.properties);
  });

  it("an uploaded certificate is compared too: identical is resumed with one Get, a different one is refused", async () => {
    const cert = await selfSignedCertificate([NAME]);
    const other = await selfSignedCertificate([NAME]);
    const upload = (c: typeof cert): Props =>
      inputs({ certType: "upload", certificate: c.certificate, privateKey: c.privateKey });
    const lost = await lostRun(upload(cert));
    const res = await host({}, { "alicloud:esaResumeLostCreates": "true" });

    const refused = await res.create("b", (await res.check("b", {}, upload(other))).inputs).catch((e: unknown) => e);
    assert.ok(refused instanceof HostCallError && refused.partial === undefined);
    assert.match(
      refused.message,
      /differs from this resource's inputs in certificate, privateKey.*adoptExisting: true/,
    );
    assert.ok(!refused.message.includes(other.privateKey.slice(40, 80)), "no key in the message");
    assert.deepEqual(await actions(), ["ListCustomHostnames", "GetCustomHostname"], "refused before any create");

    await emu.control.clearRequests();
    const resumed = await create(res, "a", upload(cert));
    assert.equal(resumed.id, lost.id);
    assert.deepEqual(await actions(), ["ListCustomHostnames", "GetCustomHostname"]);
    await res.delete("a", resumed.id, resumed.properties);
  });

  it("a same-named hostname bound to another record is not resumed, and nothing is created", async () => {
    const lost = await lostRun(inputs({ recordId: WWW }));
    const res = await host({ [ENV]: NAME });
    const error = await res.create("b", (await res.check("b", {}, inputs())).inputs).catch((e: unknown) => e);
    assert.ok(error instanceof HostCallError);
    assert.match(error.message, /differs from this resource's inputs in recordId/);
    assert.ok(!(await actions()).includes("CreateCustomHostname"));
    await res.delete("lost", lost.id, lost.properties);
  });

  it("with nothing to resume, the create creates (one List more)", async () => {
    const res = await host({ [ENV]: NAME });
    const created = await create(res, "new", inputs());
    assert.deepEqual(await actions(), ["ListCustomHostnames", "CreateCustomHostname", "GetCustomHostname"]);
    await res.delete("new", created.id, created.properties);
  });

  it("a malformed setting fails check, naming the setting, the value and the rule, before any API call", async () => {
    const res = await host({ [ENV]: "yes please" });
    const checked = await res.check("bad", {}, inputs());
    assert.equal(checked.failures.length, 1);
    assert.match(
      checked.failures[0]?.reason ?? "",
      /alicloud:esaResumeLostCreates \(or ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES\) must be "true", "false" or a comma-separated list of hostnames; an entry "yes please" is not a valid hostname/,
    );
    const error = await res.create("bad", checked.inputs).catch((e: unknown) => e);
    assert.ok(error instanceof HostCallError);
    assert.deepEqual(await actions(), []);
  });
});
