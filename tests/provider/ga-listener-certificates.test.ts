/**
 * Provider tier for the GA listener additional-certificate resources: the REAL dynamic-provider host, fed the
 * providers serialized from the staged package (node_modules/pulumi-alicloud-certs), against the emulator.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  UNKNOWN,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const pkg = stagedPackage();

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const TCP = "lsr-bp1emulatortcp000001";
const OTHER_ACC = "ga-bp1emulatorisolated001";
const OTHER_HTTPS = "lsr-bp1emulatorisolated01";
const SINGLE_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate";
const SET_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates";
const WRITE_MS = 400;

/** CAS certificate `n` as GA takes it. */
const cert = (n: number): string => `${30000000 + n}-cn-hangzhou`;
const domain = (n: number): string => `customer${n}.example.com`;

/** Each certificate names its own domain and `*.example.com`, so it covers every domain these tests bind it to. */
const SEED: EmulatorSeed = {
  cas: {
    certificates: Array.from({ length: 60 }, (_, i) => ({
      certId: String(30000001 + i),
      commonName: domain(i + 1),
      sans: ["*.example.com"],
    })),
  },
  ga: GA_DEFAULT_SEED,
};

interface Fixture {
  emu: RunningEmulator;
  host: ProviderHost;
  single: HostResource;
  set: HostResource;
}

async function start(env: Record<string, string> = {}): Promise<Fixture> {
  const emu = await startEmulator({ seed: SEED, timings: { gaWriteMs: WRITE_MS }, quiet: true });
  const host = await ProviderHost.start({
    env: {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "100",
      ALICLOUD_CERTS_MAX_POLL_MS: "400",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
      ...env,
    },
  });
  await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
  const single = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificateProvider), SINGLE_TYPE);
  const set = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificatesProvider), SET_TYPE);
  return { emu, host, single, set };
}

async function stop(f: Fixture | undefined): Promise<void> {
  f?.host.close();
  await f?.emu.close();
}

/** The emulator's additional bindings of a listener, domain → certificate (every binding must be settled). */
async function bindings(emu: RunningEmulator, listenerId = HTTPS): Promise<Record<string, string>> {
  const objects = (await emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; certificateId: string; state: string }[]> };
  };
  const list = objects.ga?.bindings?.[listenerId] ?? [];
  for (const b of list) assert.equal(b.state, "active", `binding ${b.domain} is settled`);
  return Object.fromEntries(
    list.map((b) => [b.domain, b.certificateId]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

async function count(emu: RunningEmulator, action: string): Promise<number> {
  return (await emu.control.requests({ product: "ga", action })).length;
}

/** Check then create, as the engine does. */
async function checkAndCreate(
  res: HostResource,
  name: string,
  news: Props,
): Promise<{ id: string; properties: Props; checked: Props }> {
  const { inputs, failures } = await res.check(name, {}, news);
  assert.deepEqual(failures, []);
  const { __provider: _p, ...rest } = inputs;
  return { ...(await res.create(name, rest)), checked: rest };
}

function strip(props: Props): Props {
  const { __provider: _p, ...rest } = props;
  return rest;
}

describe("provider tier: ga.ListenerAdditionalCertificate (per-domain)", function () {
  this.timeout(120_000);
  let f: Fixture | undefined;
  beforeEach(async () => (f = await start()));
  afterEach(async () => stop(f));

  it("creates, reads, rotates in place, refreshes and deletes one binding", async () => {
    const { emu, single } = f!;
    const created = await checkAndCreate(single, "a", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: "Customer1.Example.com",
      certificateId: cert(1),
    });
    assert.equal(created.id, `${ACC}:${HTTPS}:customer1.example.com`);
    assert.deepEqual(strip(created.properties), {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: "customer1.example.com",
      certificateId: cert(1),
      state: "active",
    });
    assert.deepEqual(await bindings(emu), { "customer1.example.com": cert(1) });

    const read = await single.read("a", created.id, strip(created.properties), created.checked);
    assert.equal(read.id, created.id);
    assert.equal(read.inputsReturned, false, "nothing drifted: the engine keeps the recorded inputs");
    assert.deepEqual(strip(read.inputs), {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: "customer1.example.com",
      certificateId: cert(1),
    });

    const news = { ...strip(read.inputs), certificateId: cert(2) };
    const diff = await single.diff("a", created.id, strip(created.properties), news);
    assert.deepEqual(diff, { changes: "some", replaces: [], deleteBeforeReplace: false });
    await emu.control.clearRequests();
    const updated = await single.update("a", created.id, strip(created.properties), news);
    assert.equal(updated.properties["certificateId"], cert(2));
    assert.deepEqual(await bindings(emu), { "customer1.example.com": cert(2) });
    assert.equal(await count(emu, "UpdateAdditionalCertificateWithListener"), 1);
    assert.equal(await count(emu, "AssociateAdditionalCertificatesWithListener"), 0);

    await single.delete("a", created.id, strip(updated.properties));
    assert.deepEqual(await bindings(emu), {});
    const gone = await single.read("a", created.id, strip(updated.properties), {});
    assert.equal(gone.id, "");
  });

  it("previews with unknowns: check skips unknown values, diff decides, zero API calls", async () => {
    const { emu, single } = f!;
    await emu.control.clearRequests();
    const checked = await single.check(
      "p",
      {},
      { acceleratorId: ACC, listenerId: HTTPS, domain: UNKNOWN, certificateId: UNKNOWN },
    );
    assert.deepEqual(checked.failures, []);
    assert.equal(checked.inputs["domain"], UNKNOWN);
    const olds = {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: "customer1.example.com",
      certificateId: cert(1),
      state: "active",
    };
    const id = `${ACC}:${HTTPS}:customer1.example.com`;
    assert.deepEqual(await single.diff("p", id, olds, { ...olds, certificateId: UNKNOWN }), {
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await single.diff("p", id, olds, { ...olds, domain: UNKNOWN }), {
      changes: "some",
      replaces: ["domain"],
      deleteBeforeReplace: true,
    });
    const { state: _s, ...inputs } = olds;
    assert.deepEqual(await single.diff("p", id, olds, inputs), {
      changes: "none",
      replaces: [],
      deleteBeforeReplace: false,
    });
    assert.deepEqual(await emu.control.requests({ product: "ga" }), []);
  });

  it("adopts an existing binding with the same certificate (no write) and updates one with another certificate", async () => {
    const { emu, single } = f!;
    await emu.control.service("ga", "bindOutOfBand", { listenerId: HTTPS, domain: domain(1), certificateId: cert(1) });
    await emu.control.service("ga", "bindOutOfBand", { listenerId: HTTPS, domain: domain(2), certificateId: cert(2) });
    await emu.control.clearRequests();
    await checkAndCreate(single, "adopt", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: domain(1),
      certificateId: cert(1),
    });
    assert.equal(await count(emu, "AssociateAdditionalCertificatesWithListener"), 0);
    assert.equal(await count(emu, "UpdateAdditionalCertificateWithListener"), 0);
    assert.equal(await count(emu, "ListListenerCertificates"), 1, "adoption costs one read");
    await checkAndCreate(single, "takeover", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: domain(2),
      certificateId: cert(3),
    });
    assert.equal(await count(emu, "UpdateAdditionalCertificateWithListener"), 1);
    assert.deepEqual(await bindings(emu), { [domain(1)]: cert(1), [domain(2)]: cert(3) });
  });

  it("refresh after an out-of-band dissociate reports the binding gone; update re-associates it", async () => {
    const { emu, single } = f!;
    const created = await checkAndCreate(single, "r", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: domain(1),
      certificateId: cert(1),
    });
    await emu.control.service("ga", "dissociateOutOfBand", { listenerId: HTTPS, domain: domain(1) });
    assert.equal((await single.read("r", created.id, strip(created.properties), {})).id, "");
    await single.update("r", created.id, strip(created.properties), strip(created.properties));
    assert.deepEqual(await bindings(emu), { [domain(1)]: cert(1) });
  });

  it("delete is idempotent: an absent domain or a missing listener is success with no write", async () => {
    const { emu, single } = f!;
    await emu.control.clearRequests();
    await single.delete("d", `${ACC}:${HTTPS}:${domain(9)}`, {});
    await single.delete("d", `${ACC}:lsr-doesnotexist0001:${domain(9)}`, {});
    assert.equal(await count(emu, "DissociateAdditionalCertificatesFromListener"), 0);
    assert.equal(
      (await single.read("d", `${ACC}:lsr-doesnotexist0001:${domain(9)}`, {}, {})).id,
      "",
      "a missing listener reads as gone",
    );
  });

  it("rejects a TCP listener with the API's error and records nothing", async () => {
    const { emu, single } = f!;
    await assert.rejects(
      checkAndCreate(single, "tcp", { acceleratorId: ACC, listenerId: TCP, domain: domain(1), certificateId: cert(1) }),
      (e: unknown) =>
        e instanceof HostCallError && e.partial === undefined && /ProtocalIllegal\.Listener/.test(e.message),
    );
    assert.deepEqual(await bindings(emu, TCP), {});
  });

  it("a wait that times out after an accepted write is a partial failure carrying id and __provider; the next up completes it", async () => {
    const { emu, single } = f!;
    await emu.control.setSpeed(0); // the write is accepted, but the listener never settles
    const inputs = {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: domain(1),
      certificateId: cert(1),
      timeoutSeconds: 2,
    };
    const error = await checkAndCreate(single, "slow", inputs).then(
      () => assert.fail("create must fail"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HostCallError && error.partial !== undefined, `a partial failure, got ${String(error)}`);
    assert.equal(error.partial.id, `${ACC}:${HTTPS}:${domain(1)}`);
    assert.equal(typeof error.partial.properties["__provider"], "string", "the engine can find the provider later");
    assert.equal(error.partial.properties["certificateId"], cert(1));
    assert.match(error.partial.reasons[0] ?? "", /did not settle/);
    await emu.control.setSpeed(1);
    await emu.control.advanceTime(WRITE_MS);
    // The engine retries a resource with init errors with an Update of the same inputs.
    await single.update("slow", error.partial.id, strip(error.partial.properties), inputs);
    assert.deepEqual(await bindings(emu), { [domain(1)]: cert(1) });
    assert.equal(await count(emu, "AssociateAdditionalCertificatesWithListener"), 1, "never applied twice");
  });
});

describe("provider tier: GA engine under concurrency and faults", function () {
  this.timeout(180_000);
  let f: Fixture | undefined;
  beforeEach(async () => (f = await start()));
  afterEach(async () => stop(f));

  it("50 per-domain resources created concurrently share one queue: ~5 Associate calls and ~5 waits", async () => {
    const { emu, single, host } = f!;
    await emu.control.clearRequests();
    const started = Date.now();
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    await Promise.all(
      ids.map((n) =>
        checkAndCreate(single, `b${n}`, {
          acceleratorId: ACC,
          listenerId: HTTPS,
          domain: domain(n),
          certificateId: cert(n),
        }),
      ),
    );
    const elapsed = Date.now() - started;
    const figures = {
      associate: await count(emu, "AssociateAdditionalCertificatesWithListener"),
      list: await count(emu, "ListListenerCertificates"),
      describeListener: await count(emu, "DescribeListener"),
      describeAccelerator: await count(emu, "DescribeAccelerator"),
      stateErrors: (await emu.control.requests({ product: "ga" })).filter((r) => r.outcome.startsWith("StateError"))
        .length,
      elapsedMs: elapsed,
    };
    console.log(`      50 concurrent creates: ${JSON.stringify(figures)}`);
    assert.equal(Object.keys(await bindings(emu)).length, 50);
    assert.ok(figures.associate >= 5 && figures.associate <= 6, `5-6 Associate calls, got ${figures.associate}`);
    assert.ok(
      figures.describeAccelerator <= 7,
      `about one accelerator poll per write, got ${figures.describeAccelerator}`,
    );
    assert.equal(figures.stateErrors, 0, "writes never collide: one queue per accelerator");
    assert.ok(
      host.output.join("").includes("AssociateAdditionalCertificatesWithListener"),
      "progress lines are printed",
    );

    await emu.control.clearRequests();
    await Promise.all(ids.map((n) => single.delete(`b${n}`, `${ACC}:${HTTPS}:${domain(n)}`, {})));
    const dissociate = await count(emu, "DissociateAdditionalCertificatesFromListener");
    console.log(`      50 concurrent deletes: ${dissociate} Dissociate calls`);
    assert.ok(dissociate >= 5 && dissociate <= 6);
    assert.deepEqual(await bindings(emu), {});
  });

  it("both resource types (two provider texts) in one host share the accelerator lock and batch together", async () => {
    const { emu, single, set } = f!;
    await emu.control.clearRequests();
    const singles = Array.from({ length: 15 }, (_, i) => i + 1);
    // A listener takes at most 10 distinct additional certificates: 15 domains share 10 (SAN) certificates.
    const setCertificates = Object.fromEntries(
      Array.from({ length: 15 }, (_, i) => [domain(i + 21), cert(21 + (i % 10))]),
    );
    await Promise.all([
      ...singles.map((n) =>
        checkAndCreate(single, `s${n}`, {
          acceleratorId: ACC,
          listenerId: HTTPS,
          domain: domain(n),
          certificateId: cert(n),
        }),
      ),
      checkAndCreate(set, "set", { acceleratorId: ACC, listenerId: HTTPS, certificates: setCertificates }),
      checkAndCreate(set, "other", {
        acceleratorId: OTHER_ACC,
        listenerId: OTHER_HTTPS,
        certificates: { [domain(50)]: cert(50) },
      }),
    ]);
    const log = await emu.control.requests({ product: "ga" });
    assert.equal(
      log.filter((r) => r.outcome.startsWith("StateError")).length,
      0,
      "no write ever hit a busy accelerator",
    );
    const associates = log.filter(
      (r) => r.action === "AssociateAdditionalCertificatesWithListener" && r.params["AcceleratorId"] === ACC,
    );
    assert.ok(associates.length <= 4, `30 domains in ≤ 4 Associate calls, got ${associates.length}`);
    const mixed = associates.some(
      (r) => Object.values(r.params).includes(domain(1)) && Object.values(r.params).includes(domain(21)),
    );
    assert.ok(mixed || associates.length <= 3, "per-domain and set intents are coalesced into the same calls");
    assert.equal(Object.keys(await bindings(emu)).length, 30);
    assert.deepEqual(await bindings(emu, OTHER_HTTPS), { [domain(50)]: cert(50) });
  });

  it("a timeout after commit is retried with the same ClientToken and applied once", async () => {
    const { emu, single } = f!;
    await emu.control.addFault({
      product: "ga",
      action: "AssociateAdditionalCertificatesWithListener",
      mode: "timeoutAfterCommit",
      count: 1,
    });
    await checkAndCreate(single, "t", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: domain(1),
      certificateId: cert(1),
    });
    const writes = await emu.control.requests({ product: "ga", action: "AssociateAdditionalCertificatesWithListener" });
    assert.equal(writes.length, 2, "sent twice");
    assert.equal(writes[0]?.params["ClientToken"], writes[1]?.params["ClientToken"], "with one token");
    assert.match(writes[0]?.params["ClientToken"] ?? "", /^pac-[0-9a-f]{40}$/);
    assert.equal(writes[1]?.replayed, true, "the second is a replay");
    assert.deepEqual(await bindings(emu), { [domain(1)]: cert(1) });
  });

  it("retries throttling, 5xx, resets and StateError contention without duplicates or orphans", async () => {
    const { emu, set } = f!;
    await emu.control.addFault({
      product: "ga",
      action: "ListListenerCertificates",
      code: "Throttling.User",
      status: 400,
      count: 1,
    });
    await emu.control.addFault({
      product: "ga",
      action: "AssociateAdditionalCertificatesWithListener",
      code: "ServiceUnavailable",
      status: 503,
      count: 1,
    });
    await emu.control.addFault({
      product: "ga",
      action: "AssociateAdditionalCertificatesWithListener",
      mode: "reset",
      count: 1,
    });
    // Someone else's write holds the accelerator: GA answers StateError.Accelerator until it is released. Release it
    // once the log shows that answer (not on a wall-clock timer, which a loaded machine's backoff can outlast), with a
    // bounded fallback so a provider that never retries into the lock fails the assertion below instead of hanging.
    await emu.control.service("ga", "setAcceleratorState", { acceleratorId: ACC, state: "configuring" });
    const releaser = { stop: false };
    const releaseAfterContention = (async (): Promise<void> => {
      const giveUpAt = Date.now() + 60_000;
      while (!releaser.stop && Date.now() < giveUpAt) {
        const associates = await emu.control.requests({
          product: "ga",
          action: "AssociateAdditionalCertificatesWithListener",
        });
        if (associates.some((r) => r.outcome === "StateError.Accelerator")) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await emu.control.service("ga", "setAcceleratorState", { acceleratorId: ACC, state: "active" });
    })();
    try {
      const certificates = Object.fromEntries([1, 2, 3].map((n) => [domain(n), cert(n)]));
      await checkAndCreate(set, "faulty", { acceleratorId: ACC, listenerId: HTTPS, certificates });
    } finally {
      releaser.stop = true;
      await releaseAfterContention;
    }
    const log = await emu.control.requests({ product: "ga" });
    const outcomes = log
      .filter((r) => r.action === "AssociateAdditionalCertificatesWithListener")
      .map((r) => r.outcome);
    assert.ok(outcomes.includes("StateError.Accelerator"), `contention was hit: ${outcomes.join(", ")}`);
    assert.equal(outcomes.filter((o) => o === "ok").length, 1, "applied exactly once");
    assert.deepEqual(await bindings(emu), { [domain(1)]: cert(1), [domain(2)]: cert(2), [domain(3)]: cert(3) });
  });

  it("associating a domain again after dissociating it is applied (tokens are unique per write)", async () => {
    const { emu, single } = f!;
    const inputs = { acceleratorId: ACC, listenerId: HTTPS, domain: domain(1), certificateId: cert(1) };
    const first = await checkAndCreate(single, "again", inputs);
    await single.delete("again", first.id, strip(first.properties));
    await checkAndCreate(single, "again", inputs);
    assert.deepEqual(await bindings(emu), { [domain(1)]: cert(1) });
    const tokens = (
      await emu.control.requests({ product: "ga", action: "AssociateAdditionalCertificatesWithListener" })
    ).map((r) => r.params["ClientToken"]);
    assert.equal(new Set(tokens).size, 2);
  });
});

describe("provider tier: ga.ListenerAdditionalCertificates (set per listener)", function () {
  this.timeout(120_000);
  let f: Fixture | undefined;
  beforeEach(async () => (f = await start()));
  afterEach(async () => stop(f));

  it("creates, rotates/adds/removes in one batched update, leaves unowned bindings alone, refreshes and deletes", async () => {
    const { emu, set } = f!;
    await emu.control.service("ga", "bindOutOfBand", {
      listenerId: HTTPS,
      domain: "not-ours.example.com",
      certificateId: cert(60),
    });
    // At most 10 distinct certificates per listener: 12 domains share 8 (SAN) certificates.
    const initial = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [domain(i + 1), cert((i % 8) + 1)]));
    await emu.control.clearRequests();
    const created = await checkAndCreate(set, "set", { acceleratorId: ACC, listenerId: HTTPS, certificates: initial });
    assert.equal(created.id, `${ACC}:${HTTPS}`);
    assert.equal(await count(emu, "AssociateAdditionalCertificatesWithListener"), 2, "12 domains in 2 calls");
    assert.deepEqual((created.properties["domains"] as string[]).length, 12);

    const next: Record<string, string> = {
      ...initial,
      [domain(1)]: cert(9),
      [domain(13)]: cert(10),
      [domain(14)]: cert(1),
      [domain(15)]: cert(2),
    };
    delete next[domain(11)];
    delete next[domain(12)];
    const { inputs } = await set.check("set", strip(created.properties), {
      acceleratorId: ACC,
      listenerId: HTTPS,
      certificates: next,
    });
    assert.deepEqual(await set.diff("set", created.id, strip(created.properties), strip(inputs)), {
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    await emu.control.clearRequests();
    const updated = await set.update("set", created.id, strip(created.properties), strip(inputs));
    assert.deepEqual(
      {
        u: await count(emu, "UpdateAdditionalCertificateWithListener"),
        a: await count(emu, "AssociateAdditionalCertificatesWithListener"),
        d: await count(emu, "DissociateAdditionalCertificatesFromListener"),
      },
      { u: 1, a: 1, d: 1 },
    );
    assert.deepEqual(await bindings(emu), { ...next, "not-ours.example.com": cert(60) });

    await emu.control.service("ga", "dissociateOutOfBand", { listenerId: HTTPS, domain: domain(2) });
    const read = await set.read("set", created.id, strip(updated.properties), {});
    assert.equal(read.inputsReturned, true, "a domain drifted away: the rebuilt inputs are returned");
    const expected = { ...next };
    delete expected[domain(2)];
    assert.deepEqual(read.inputs["certificates"], Object.fromEntries(Object.entries(expected).sort()));
    assert.deepEqual(await set.diff("set", created.id, strip(read.properties), strip(inputs)), {
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });

    await set.delete("set", created.id, strip(read.properties));
    assert.deepEqual(await bindings(emu), { "not-ours.example.com": cert(60) }, "only owned domains are removed");
  });

  it("a certificate CAS does not know fails only its own domain; the others are recorded as a partial failure", async () => {
    const { emu, set } = f!;
    const certificates = {
      ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [domain(n), cert(n)])),
      [domain(6)]: "39999999-cn-hangzhou",
    };
    const error = await checkAndCreate(set, "bad", { acceleratorId: ACC, listenerId: HTTPS, certificates }).then(
      () => assert.fail("create must fail"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HostCallError && error.partial !== undefined, `a partial failure, got ${String(error)}`);
    assert.match(error.message, /customer6\.example\.com: .*NotExist\.Certificate/);
    const recorded = error.partial.properties["certificates"] as Record<string, string>;
    assert.deepEqual(Object.keys(recorded), [1, 2, 3, 4, 5].map(domain));
    assert.deepEqual(await bindings(emu), recorded, "state and cloud agree: no orphan");
  });

  it("get-style read (no owned domains yet) reports every additional certificate; a missing listener is gone", async () => {
    const { emu, set } = f!;
    await emu.control.service("ga", "bindOutOfBand", { listenerId: HTTPS, domain: domain(7), certificateId: cert(7) });
    const read = await set.read("g", `${ACC}:${HTTPS}`, {}, {});
    assert.deepEqual(read.properties["certificates"], { [domain(7)]: cert(7) });
    assert.equal((await set.read("g", `${ACC}:lsr-doesnotexist0001`, {}, {})).id, "");
  });
});
