/**
 * Provider tier: a GA claim is exclusive, through the REAL dynamic-provider host (one host process serves every
 * dynamic resource of a deployment, as the engine tier's test shows). The bags carry the hidden `__resourceName` the
 * resource classes add, as the engine would send them.
 *
 * - check refuses a second claim on one domain of one listener (per-domain vs per-domain spelled in upper case, set
 *   vs per-domain, set vs set), naming both resources, with no API call;
 * - a rename without an alias (the old resource deleted after its successor adopted the binding) and a domain moved
 *   from a set to its own resource leave the domain bound;
 * - a refresh that finds a domain carrying the certificate another resource of the stack claims names that resource.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import { ProviderHost, serializeProvider, type HostResource, type Props } from "../helpers/provider-host";

const pkg = stagedPackage();

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const SINGLE_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate";
const SET_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates";
const cert = (n: number): string => `${34000000 + n}-cn-hangzhou`;

const SEED: EmulatorSeed = {
  cas: {
    certificates: Array.from({ length: 5 }, (_, i) => ({
      certId: String(34000001 + i),
      commonName: `c${i + 1}.example.com`,
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

async function start(emu?: RunningEmulator): Promise<Fixture> {
  const world = emu ?? (await startEmulator({ seed: SEED, timings: { gaWriteMs: 200 }, quiet: true }));
  const host = await ProviderHost.start({
    env: {
      ALICLOUD_CERTS_ENDPOINT: world.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "50",
      ALICLOUD_CERTS_MAX_POLL_MS: "200",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
    },
  });
  await host.configure({ "alicloud:accessKey": world.accessKeyId, "alicloud:secretKey": world.accessKeySecret });
  const single = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificateProvider), SINGLE_TYPE);
  const set = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificatesProvider), SET_TYPE);
  return { emu: world, host, single, set };
}

/** The emulator's additional bindings of the listener, domain → certificate. */
async function bindings(emu: RunningEmulator): Promise<Record<string, string>> {
  const objects = (await emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; certificateId: string }[]> };
  };
  return Object.fromEntries((objects.ga?.bindings?.[HTTPS] ?? []).map((b) => [b.domain, b.certificateId]).sort());
}

function strip(props: Props): Props {
  const { __provider: _p, ...rest } = props;
  return rest;
}

/** A per-domain resource's program bag, named as the class names it. */
const binding = (name: string, domain: string, certificateId: string): Props => ({
  acceleratorId: ACC,
  listenerId: HTTPS,
  domain,
  certificateId,
  __resourceName: name,
});
/** A set resource's program bag. */
const bindingSet = (name: string, certificates: Record<string, string>): Props => ({
  acceleratorId: ACC,
  listenerId: HTTPS,
  certificates,
  __resourceName: name,
});

/** check, then create with the checked inputs (what the engine does); fails the test on check failures. */
async function up(res: HostResource, name: string, news: Props): Promise<{ id: string; properties: Props }> {
  const { inputs, failures } = await res.check(name, {}, news);
  assert.deepEqual(failures, []);
  return res.create(name, strip(inputs));
}

describe("provider tier: GA claims are exclusive", function () {
  this.timeout(120_000);
  let f: Fixture | undefined;
  beforeEach(async () => (f = await start()));
  afterEach(async () => {
    f?.host.close();
    await f?.emu.close();
  });

  it("refuses a second per-domain resource for the domain spelled in upper case, naming both, before any call", async () => {
    const { emu, single } = f!;
    await emu.control.clearRequests();
    assert.deepEqual((await single.check("a", {}, binding("a", "shop.example.com", cert(1)))).failures, []);
    const { failures } = await single.check("b", {}, binding("b", "SHOP.example.com", cert(2)));
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.property, "domain");
    assert.match(
      failures[0]?.reason ?? "",
      /domain "SHOP\.example\.com" on GA listener lsr-bp1emulatorhttps00001 is claimed by both ga\.ListenerAdditionalCertificate "b" and ga\.ListenerAdditionalCertificate "a" \(as "shop\.example\.com"\)/,
    );
    assert.deepEqual(await emu.control.requests(), [], "check calls no API");
  });

  it("refuses a per-domain resource against a set, and a set against a set", async () => {
    const { set, single } = f!;
    assert.deepEqual((await set.check("s", {}, bindingSet("s", { "A.example.com": cert(1) }))).failures, []);
    const perDomain = await single.check("p", {}, binding("p", "a.example.com.", cert(1)));
    assert.match(
      perDomain.failures[0]?.reason ?? "",
      /claimed by both ga\.ListenerAdditionalCertificate "p" and ga\.ListenerAdditionalCertificates "s" \(as "A\.example\.com"\)/,
    );
    const other = await set.check("t", {}, bindingSet("t", { "b.example.com": cert(2), "a.EXAMPLE.com": cert(3) }));
    assert.deepEqual(
      other.failures.map((x) => x.property),
      ['certificates["a.EXAMPLE.com"]'],
    );
    assert.match(
      other.failures[0]?.reason ?? "",
      /ga\.ListenerAdditionalCertificates "t" and ga\.ListenerAdditionalCertificates "s"/,
    );
  });

  for (const legacy of [false, true]) {
    it(`a rename without an alias leaves the domain bound to the successor${legacy ? " (state written without the name)" : ""}`, async () => {
      const { emu, host, single } = f!;
      const old = await up(single, "old", binding("old", "vip.example.com", cert(1)));
      const { __resourceName: name, ...unnamed } = strip(old.properties);
      // The next deployment (a new host process): the program names the resource "new"; "old" is only in the state.
      host.close();
      f = await start(emu);
      await emu.control.clearRequests();
      await up(f.single, "new", binding("new", "vip.example.com", cert(1)));
      await f.single.delete("old", old.id, legacy ? unnamed : strip(old.properties));
      assert.deepEqual(await bindings(emu), { "vip.example.com": cert(1) }, "the domain new claims is still bound");
      const dissociations = await emu.control.requests({
        product: "ga",
        action: "DissociateAdditionalCertificatesFromListener",
      });
      assert.equal(dissociations.length, 0);
      assert.equal(name, "old", "the outputs keep the name for delete and refresh");
      const who = legacy ? "an unnamed ga\\.ListenerAdditionalCertificate" : 'ga\\.ListenerAdditionalCertificate "old"';
      assert.match(
        f.host.output.join(""),
        new RegExp(
          `${who} gives up domain "vip\\.example\\.com" without dissociating it: ga\\.ListenerAdditionalCertificate "new" of this deployment claims it`,
        ),
      );
    });
  }

  it("a domain moved from a set to its own resource stays bound; the set no longer owns it", async () => {
    const { emu, host } = f!;
    const created = await up(f!.set, "s", bindingSet("s", { "a.example.com": cert(1), "b.example.com": cert(2) }));
    // The next deployment moves b.example.com to a per-domain resource: it is checked and created, then the set
    // is checked and updated without it.
    host.close();
    f = await start(emu);
    const { set, single } = f;
    await up(single, "b", binding("b", "b.example.com", cert(2)));
    const { inputs, failures } = await set.check(
      "s",
      strip(created.properties),
      bindingSet("s", { "a.example.com": cert(1) }),
    );
    assert.deepEqual(failures, []);
    const updated = await set.update("s", created.id, strip(created.properties), strip(inputs));
    assert.deepEqual(updated.properties["certificates"], { "a.example.com": cert(1) });
    assert.deepEqual(await bindings(emu), { "a.example.com": cert(1), "b.example.com": cert(2) });
  });

  it("a lone delete still dissociates, and check, create, delete, check again works in one process", async () => {
    const { emu, single } = f!;
    const first = await up(single, "again", binding("again", "x.example.com", cert(1)));
    await single.delete("again", first.id, strip(first.properties));
    assert.deepEqual(await bindings(emu), {});
    await up(single, "again", binding("again", "x.example.com", cert(1)));
    assert.deepEqual(await bindings(emu), { "x.example.com": cert(1) });
  });

  it("a refresh names the resource of the stack whose certificate a domain now carries", async () => {
    const { emu, host, single } = f!;
    // State written before claims were exclusive: two per-domain resources for one domain, the second one's write last.
    const a = await single.create("a", strip(binding("a", "shop.example.com", cert(1))));
    const b = await single.create("b", strip(binding("b", "shop.example.com", cert(2))));
    assert.deepEqual(await bindings(emu), { "shop.example.com": cert(2) });
    // `pulumi refresh`: a new host process reads both resources at once.
    host.close();
    f = await start(emu);
    const [readA, readB] = await Promise.all([
      f.single.read("a", a.id, strip(a.properties), {}),
      f.single.read("b", b.id, strip(b.properties), {}),
    ]);
    assert.equal(readA.properties["certificateId"], cert(2), "recorded as found");
    assert.equal(readB.properties["certificateId"], cert(2));
    assert.match(
      f.host.output.join(""),
      /domain "shop\.example\.com" of ga\.ListenerAdditionalCertificate "a" carries 34000002-cn-hangzhou, not 34000001-cn-hangzhou: ga\.ListenerAdditionalCertificate "b" of this stack claims it with that certificate/,
    );
  });
});
