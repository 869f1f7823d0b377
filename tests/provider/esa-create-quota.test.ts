/**
 * Provider tier for the CreateCustomHostname quota of esa.CustomHostname (100 per hour per account): through the REAL
 * dynamic-provider host against the emulator, whose own limit and clock decide. A create past the quota either waits
 * and says so (why, how many queued, when the next slot opens) or fails fast with "quota: N of 100 used this hour";
 * a throttling answer from the API (the quota used by another process) is handled the same way, until the deadline.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AlibabaClient } from "../../provider/transport/client";
import { CreateCustomHostname } from "../../provider/transport/operations/esa";
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
const HOUR_MS = 3_600_000;

describe("provider tier: esa.CustomHostname CreateCustomHostname quota", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let providerText: string;
  const hosts: ProviderHost[] = [];

  before(async () => {
    emu = await startEmulator({ quiet: true });
    providerText = await serializeProvider(pkg.esa.customHostnameProvider);
  });
  after(async () => {
    for (const host of hosts) host.close();
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRateLimits();
    await emu.control.setSpeed(1);
    // Room for more hostnames than the quota lets through in an hour (the seeded plan allows 50).
    await emu.control.seed({
      esa: { sites: [{ siteId: SITE, siteName: "example-saas.com", customHostnameQuota: 500 }] },
    });
    await emu.control.clearRequests();
  });

  /** A fresh host (a fresh process, so a fresh local count) with `env` and optional extra stack config. */
  async function startHost(env: Record<string, string>, config: Record<string, string> = {}): Promise<HostResource> {
    const host = await ProviderHost.start({
      cwd: REPO_ROOT,
      env: {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_MIN_POLL_MS: "100",
        ALICLOUD_CERTS_MAX_POLL_MS: "300",
        ...env,
      },
    });
    hosts.push(host);
    await host.configure({
      "alicloud:accessKey": emu.accessKeyId,
      "alicloud:secretKey": emu.accessKeySecret,
      ...config,
    });
    return Object.assign(host.resource(providerText, TYPE), { output: host.output });
  }

  const outputOf = (res: HostResource): string => (res as HostResource & { output: string[] }).output.join("");

  async function create(res: HostResource, i: number, extra: Props = {}): Promise<{ id: string; properties: Props }> {
    const news = { siteId: SITE, hostname: `c${i}.customer.com`, recordId: ORIGIN, ...extra };
    const checked = await res.check(`h${i}`, {}, news);
    assert.deepEqual(checked.failures, []);
    return res.create(`h${i}`, checked.inputs);
  }

  /** Create hostnames `from..to` (inclusive) with at most 8 in flight, as `pulumi up` does by default. */
  async function createMany(res: HostResource, from: number, to: number): Promise<void> {
    let next = from;
    const worker = async (): Promise<void> => {
      for (let i = next++; i <= to; i = next++) await create(res, i);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  }

  const creates = async (): Promise<{ outcome: string }[]> =>
    emu.control.requests({ product: "esa", action: "CreateCustomHostname" });

  /** Another process (its own client) spends the API's quota: a call the provider host cannot count. */
  async function spendElsewhere(): Promise<void> {
    const other = new AlibabaClient({
      config: { get: (k) => ({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret })[k] },
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url },
    });
    await other.call(CreateCustomHostname, {
      SiteId: SITE,
      Hostname: "elsewhere.customer.com",
      RecordId: ORIGIN,
      SslFlag: "off",
    });
    await emu.control.clearRequests();
  }

  it("the 101st create in the hour waits for its slot, saying why, how many are queued and when, then completes", async () => {
    // The emulator's hour lasts 10 s (speed 360); the provider's window a little longer, so its count never lets a
    // create through before the emulator's own window has moved (then no call is spent on throttling).
    await emu.control.setSpeed(HOUR_MS / 10_000);
    const res = await startHost({ ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS: "10500" });
    await createMany(res, 1, 100);
    const started = Date.now();
    await create(res, 101);
    const waited = Date.now() - started;

    const log = await creates();
    assert.equal(log.length, 101, "one call per create: the waiting create spent none on throttling");
    assert.deepEqual(
      log.filter((r) => r.outcome !== "ok"),
      [],
    );
    assert.ok(waited >= 1000, `the 101st create waited for the window (${waited} ms)`);
    const output = outputOf(res);
    assert.match(
      output,
      /c\d+\.customer\.com: CreateCustomHostname quota 50 of 100 used this hour; creates past 100 wait until slots reopen, the first at \d\d:\d\d:\d\d UTC/,
    );
    assert.match(
      output,
      /c\d+\.customer\.com: CreateCustomHostname quota 100 of 100 used this hour; further creates wait until \d\d:\d\d:\d\d UTC/,
    );
    assert.match(
      output,
      /esa\.CustomHostname c101\.customer\.com waits: the CreateCustomHostname quota is used up \(100 of 100 this hour\); 1 create queued; the next slot opens at \d\d:\d\d:\d\d UTC \(in \d+s\)/,
    );
  });

  it('with esaCreateQuota "fail" (env), the 101st create fails at once: "quota: 100 of 100 used this hour", no call', async () => {
    const res = await startHost({ ALICLOUD_CERTS_ESA_CREATE_QUOTA: "fail" });
    await createMany(res, 1, 100);
    await emu.control.clearRequests();
    const started = Date.now();
    const err = await create(res, 101).catch((e: unknown) => e);
    assert.ok(Date.now() - started < 5000, "failed fast");
    assert.ok(err instanceof HostCallError && err.partial === undefined, "a plain failure: no hostname exists");
    assert.match(
      err.message,
      /quota: 100 of 100 CreateCustomHostname calls used this hour; the next slot opens at \d\d:\d\d:\d\d UTC/,
    );
    assert.match(err.message, /Set alicloud:esaCreateQuota \(or ALICLOUD_CERTS_ESA_CREATE_QUOTA\) to "wait"/);
    assert.deepEqual(await creates(), [], "no call spent");
  });

  it("a throttling answer (the quota used elsewhere) is waited out with progress lines, until the slot opens", async () => {
    // The API allows one create per 3 simulated minutes, which last 3 s (speed 60); another process just used it
    // (after the host started, so a slow start cannot outlast the window).
    await emu.control.setRateLimit({ product: "esa", action: "CreateCustomHostname", limit: 1, windowMs: 180_000 });
    await emu.control.setSpeed(60);
    const res = await startHost({});
    await spendElsewhere();
    const created = await create(res, 1);
    assert.match(created.id, /^\d+$/);
    const outcomes = (await creates()).map((r) => r.outcome);
    assert.ok(outcomes.length >= 2 && outcomes.at(-1) === "ok", `throttled, then accepted: ${outcomes.join(",")}`);
    assert.ok(
      outcomes.slice(0, -1).every((o) => o === "TooManyRequests"),
      outcomes.join(","),
    );
    assert.match(
      outputOf(res),
      /c1\.customer\.com waits: the API answered TooManyRequests: the CreateCustomHostname quota \(100 per hour\) is used up, by another process or stack; 1 create queued; trying again at \d\d:\d\d:\d\d UTC/,
    );
  });

  it("a throttling answer is waited out only until the resource's timeout", async () => {
    await emu.control.setRateLimit({ product: "esa", action: "CreateCustomHostname", limit: 1, windowMs: HOUR_MS });
    await spendElsewhere();
    const res = await startHost({});
    const started = Date.now();
    const err = await create(res, 1, { waitTimeoutSeconds: 2 }).catch((e: unknown) => e);
    const took = Date.now() - started;
    assert.ok(err instanceof HostCallError && err.partial === undefined);
    assert.match(
      err.message,
      /quota: 100 of 100 CreateCustomHostname calls used this hour \(the API answered TooManyRequests/,
    );
    assert.match(err.message, /after this create's deadline/);
    assert.ok(took >= 1500 && took < 10_000, `waited about the 2 s timeout (${took} ms)`);
    assert.ok((await creates()).every((r) => r.outcome === "TooManyRequests"));
  });

  it('with esaCreateQuota "fail" (stack config), a throttling answer fails at once, after one call', async () => {
    await emu.control.setRateLimit({ product: "esa", action: "CreateCustomHostname", limit: 1, windowMs: HOUR_MS });
    await spendElsewhere();
    const res = await startHost({}, { "alicloud:esaCreateQuota": "fail" });
    const err = await create(res, 1).catch((e: unknown) => e);
    assert.ok(err instanceof HostCallError);
    assert.match(
      err.message,
      /quota: 100 of 100 CreateCustomHostname calls used this hour \(the API answered TooManyRequests: another process or stack used the quota\)/,
    );
    assert.deepEqual(
      (await creates()).map((r) => r.outcome),
      ["TooManyRequests"],
      "one call: the transport did not retry the throttling silently",
    );
  });

  it("a setting other than wait or fail is an error naming it and the rule", async () => {
    const res = await startHost({ ALICLOUD_CERTS_ESA_CREATE_QUOTA: "later" });
    const err = await create(res, 1).catch((e: unknown) => e);
    assert.ok(err instanceof HostCallError);
    assert.match(
      err.message,
      /alicloud:esaCreateQuota \(or ALICLOUD_CERTS_ESA_CREATE_QUOTA\) is "later": it must be "wait"/,
    );
    assert.deepEqual(await creates(), []);
  });
});
