/**
 * Provider tier, issue 14 "Reads coalesce like writes" for ESA: hostnames with SSL off, refreshed concurrently
 * through the real host, share one ListCustomHostnames listing of their site; hostnames with SSL on still cost their
 * own Get (a List item has no CasId, CertId, Certificate or PrivateKey). The listed read gives exactly what the Get
 * gives, sees our own writes at once, falls back to the Get for SSL turned on elsewhere or a failed listing, and
 * never concludes absence from a listing alone.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { REPO_ROOT } from "../helpers/engine";
import { ProviderHost, serializeProvider, type HostResource, type Props } from "../helpers/provider-host";
import { callAction, realClient } from "../emulator/helpers/openapi";

const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const WWW = "4042843419650113";
const SSL_OFF = 40;
const SSL_ON = 2;

describe("provider tier: concurrent refresh of esa.CustomHostname through shared site listings", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let providerText: string;
  const hosts: ProviderHost[] = [];
  const created: { name: string; id: string; properties: Props; checked: Props }[] = [];

  async function startHost(env: Record<string, string> = {}): Promise<HostResource> {
    const host = await ProviderHost.start({
      cwd: REPO_ROOT,
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ...env },
    });
    hosts.push(host);
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    return host.resource(providerText, TYPE);
  }
  const calls = async (): Promise<string[]> =>
    (await emu.control.requests({ product: "esa" })).map((r) => r.action ?? "?").sort();
  const count = (list: readonly string[], action: string): number => list.filter((a) => a === action).length;
  const readAll = (res: HostResource) =>
    Promise.all(created.map((c) => res.read(c.name, c.id, c.properties, c.checked)));

  before(async () => {
    emu = await startEmulator({ quiet: true });
    await emu.control.seed({
      esa: { sites: [{ siteId: SITE, siteName: "example-saas.com", customHostnameQuota: 100 }] },
    });
    providerText = await serializeProvider(pkg.esa.customHostnameProvider);
    const res = await startHost();
    for (let i = 1; i <= SSL_OFF + SSL_ON; i++) {
      const name = `h${i}`;
      const news: Props = { siteId: SITE, hostname: `t${i}.customer.com`, recordId: ORIGIN };
      if (i > SSL_OFF) Object.assign(news, { sslFlag: "on", certType: "free" });
      const checked = await res.check(name, {}, news);
      assert.deepEqual(checked.failures, []);
      created.push({ name, ...(await res.create(name, checked.inputs)), checked: checked.inputs });
    }
  });
  after(async () => {
    for (const host of hosts) host.close();
    await emu?.close();
  });
  beforeEach(() => emu.control.clearRequests());

  it(`${SSL_OFF} SSL-off hostnames cost one List, the ${SSL_ON} SSL-on ones a Get each, with what the Gets give`, async () => {
    const listed = await readAll(await startHost());
    const listedCalls = await calls();
    assert.equal(count(listedCalls, "ListCustomHostnames"), 1, listedCalls.join(", "));
    assert.equal(count(listedCalls, "GetCustomHostname"), SSL_ON, listedCalls.join(", "));
    assert.equal(listedCalls.length, 1 + SSL_ON);

    await emu.control.clearRequests();
    const got = await readAll(await startHost({ ALICLOUD_CERTS_ESA_LIST_READS: "off" }));
    const gotCalls = await calls();
    assert.deepEqual(gotCalls, Array<string>(SSL_OFF + SSL_ON).fill("GetCustomHostname"), "listing off: one Get each");
    assert.deepEqual(listed, got, "a listed read returns exactly the Get's id, outputs and inputs");
    assert.equal(listed[0]?.properties["status"], "pending");
    assert.equal(listed[0]?.inputs["sslFlag"], "off");
  });

  it("a read after our own write sees the write, not the listing shared before it", async () => {
    const res = await startHost();
    const first = created[0];
    assert.ok(first !== undefined);
    await readAll(res); // the site's listing is now cached in this host
    const moved = await res.check(first.name, first.checked, { ...first.checked, recordId: WWW });
    const updated = await res.update(first.name, first.id, first.properties, moved.inputs);
    const reread = await res.read(first.name, first.id, updated.properties, moved.inputs);
    assert.equal(reread.inputs["recordId"], WWW);
    assert.equal(count(await calls(), "ListCustomHostnames"), 2, "the write dropped the shared listing");
    // Put it back for the other tests.
    const back = await res.check(first.name, moved.inputs, first.checked);
    await res.update(first.name, first.id, updated.properties, back.inputs);
  });

  it("SSL turned on elsewhere falls back to the Get; a hostname deleted elsewhere is confirmed gone, not assumed", async () => {
    const client = realClient(emu.endpoint, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    const [tls, gone] = [created[1], created[2]];
    assert.ok(tls !== undefined && gone !== undefined);
    await callAction(client, "esa", "UpdateCustomHostname", { HostnameId: tls.id, SslFlag: "on", CertType: "free" });
    await callAction(client, "esa", "DeleteCustomHostname", { HostnameId: gone.id });
    await emu.control.clearRequests();

    const res = await startHost();
    const [tlsRead, goneRead] = await Promise.all([
      res.read(tls.name, tls.id, tls.properties, tls.checked),
      res.read(gone.name, gone.id, gone.properties, gone.checked),
    ]);
    assert.equal(tlsRead.inputs["sslFlag"], "on", "the drift shows: the Get's SSL block, not the stored one");
    assert.equal(tlsRead.inputs["certType"], "free");
    assert.equal(goneRead.id, "", "the engine is told the hostname is gone");
    const list = await calls();
    assert.equal(count(list, "GetCustomHostname"), 2, list.join(", "));
    assert.equal(
      count(list, "ListCustomHostnames"),
      2,
      "the shared listing, then the exact-name List confirming absence",
    );
    await callAction(client, "esa", "DeleteCustomHostname", { HostnameId: tls.id });
    created.splice(1, 2);
  });

  it("a listing that fails is never taken for gone: transient errors are retried, a refusal falls back to the Get", async () => {
    const first = created[0];
    assert.ok(first !== undefined);
    const fault = { product: "esa" as const, action: "ListCustomHostnames" };
    await emu.control.addFault({ ...fault, code: "ServiceUnavailable", status: 503, count: 2 });
    const retried = await (await startHost()).read(first.name, first.id, first.properties, first.checked);
    assert.equal(retried.id, first.id);
    assert.deepEqual(await calls(), Array<string>(3).fill("ListCustomHostnames"), "two 503s, then the listing");

    await emu.control.clearRequests();
    await emu.control.addFault({ ...fault, code: "NoPermission", status: 403, count: 1 });
    const refused = await (await startHost()).read(first.name, first.id, first.properties, first.checked);
    assert.equal(refused.id, first.id, "still there: read with its Get");
    assert.deepEqual(await calls(), ["GetCustomHostname", "ListCustomHostnames"]);
  });
});
