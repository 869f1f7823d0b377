/**
 * Provider tier: a GA certificate must cover its domain (RFC 6125 §6.4.3). Before the engine associates or updates a
 * binding it reads the CAS certificate once (GetUserCertificateDetail, CertFilter=true) and refuses a domain the
 * certificate does not cover, naming the domain, the certificate and its names, with no GA write. The API calls are
 * counted from the emulator's request log: one CAS read per distinct certificate per host process.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const pkg = stagedPackage();

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const SINGLE_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate";
const SET_TYPE = "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates";

/** A wildcard certificate, one for two named hosts, and one for another site entirely. */
const WILDCARD = "35000001-cn-hangzhou";
const SHOP = "35000002-cn-hangzhou";
const ELSEWHERE = "35000003-cn-hangzhou";
const SEED: EmulatorSeed = {
  cas: {
    certificates: [
      { certId: "35000001", commonName: "*.example.com" },
      { certId: "35000002", commonName: "shop.example.com", sans: ["www.shop.example.com"] },
      { certId: "35000003", commonName: "shop.example.org" },
    ],
  },
  ga: GA_DEFAULT_SEED,
};

interface Fixture {
  emu: RunningEmulator;
  host: ProviderHost;
  single: HostResource;
  set: HostResource;
}

async function start(): Promise<Fixture> {
  const emu = await startEmulator({ seed: SEED, timings: { gaWriteMs: 200 }, quiet: true });
  const host = await ProviderHost.start({
    env: {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "50",
      ALICLOUD_CERTS_MAX_POLL_MS: "200",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
    },
  });
  await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
  const single = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificateProvider), SINGLE_TYPE);
  const set = host.resource(await serializeProvider(pkg.ga.listenerAdditionalCertificatesProvider), SET_TYPE);
  return { emu, host, single, set };
}

async function bindings(emu: RunningEmulator): Promise<Record<string, string>> {
  const objects = (await emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; certificateId: string }[]> };
  };
  return Object.fromEntries((objects.ga?.bindings?.[HTTPS] ?? []).map((b) => [b.domain, b.certificateId]).sort());
}

async function calls(emu: RunningEmulator, product: "ga" | "cas", action: string): Promise<Props[]> {
  return (await emu.control.requests({ product, action })).map((r) => r.params);
}

function strip(props: Props): Props {
  const { __provider: _p, ...rest } = props;
  return rest;
}

async function up(res: HostResource, name: string, news: Props): Promise<{ id: string; properties: Props }> {
  const { inputs, failures } = await res.check(name, {}, news);
  assert.deepEqual(failures, []);
  return res.create(name, strip(inputs));
}

const binding = (domain: string, certificateId: string): Props => ({
  acceleratorId: ACC,
  listenerId: HTTPS,
  domain,
  certificateId,
});

describe("provider tier: a GA certificate must cover its domain", function () {
  this.timeout(120_000);
  let f: Fixture | undefined;
  beforeEach(async () => (f = await start()));
  afterEach(async () => {
    f?.host.close();
    await f?.emu.close();
  });

  it("refuses to bind a certificate to a domain it does not cover: one CAS read, no GA write", async () => {
    const { emu, single } = f!;
    await emu.control.clearRequests();
    const error = await up(single, "api", binding("api.example.com", SHOP)).then(
      () => assert.fail("create must be refused"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HostCallError && error.partial === undefined, `a plain failure, got ${String(error)}`);
    assert.match(
      error.message,
      /certificate 35000002-cn-hangzhou does not cover domain "api\.example\.com": its names are shop\.example\.com, www\.shop\.example\.com/,
    );
    const reads = await calls(emu, "cas", "GetUserCertificateDetail");
    assert.deepEqual(
      reads.map((p) => [p["CertId"], p["CertFilter"]]),
      [["35000002", "true"]],
      "one read, without the PEM material",
    );
    assert.equal((await calls(emu, "ga", "AssociateAdditionalCertificatesWithListener")).length, 0);
    assert.deepEqual(await bindings(emu), {});
  });

  it("binds covering certificates (exact name, SAN, one-label wildcard) with one CAS read per distinct certificate", async () => {
    const { emu, single, set } = f!;
    await emu.control.clearRequests();
    await Promise.all([
      up(single, "shop", binding("Shop.example.com", SHOP)),
      up(single, "www", binding("www.shop.example.com", SHOP)),
      up(set, "customers", {
        acceleratorId: ACC,
        listenerId: HTTPS,
        certificates: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`c${i}.example.com`, WILDCARD])),
      }),
    ]);
    assert.equal(Object.keys(await bindings(emu)).length, 14);
    assert.deepEqual((await calls(emu, "cas", "GetUserCertificateDetail")).map((p) => p["CertId"]).sort(), [
      "35000001",
      "35000002",
    ]);
  });

  it("refuses a rotation to a certificate that does not cover the domain, keeping the bound one", async () => {
    const { emu, single } = f!;
    const created = await up(single, "shop", binding("shop.example.com", SHOP));
    const { inputs } = await single.check("shop", strip(created.properties), binding("shop.example.com", ELSEWHERE));
    await emu.control.clearRequests();
    const error = await single.update("shop", created.id, strip(created.properties), strip(inputs)).then(
      () => assert.fail("the update must be refused"),
      (e: unknown) => e,
    );
    assert.match(
      String(error),
      /certificate 35000003-cn-hangzhou does not cover domain "shop\.example\.com": its names are shop\.example\.org/,
    );
    assert.equal((await calls(emu, "ga", "UpdateAdditionalCertificateWithListener")).length, 0);
    assert.deepEqual(await bindings(emu), { "shop.example.com": SHOP });
  });

  it("a set with one uncovered domain binds the others and records them (a partial failure), never the refused one", async () => {
    const { emu, set } = f!;
    const error = await up(set, "mixed", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      certificates: { "a.example.com": WILDCARD, "b.example.com": WILDCARD, "a.b.example.com": WILDCARD },
    }).then(
      () => assert.fail("create must fail for a.b.example.com"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HostCallError && error.partial !== undefined, `a partial failure, got ${String(error)}`);
    assert.match(
      error.message,
      /a\.b\.example\.com: certificate 35000001-cn-hangzhou does not cover domain "a\.b\.example\.com": its names are \*\.example\.com/,
    );
    assert.deepEqual(error.partial.properties["certificates"], {
      "a.example.com": WILDCARD,
      "b.example.com": WILDCARD,
    });
    assert.deepEqual(await bindings(emu), { "a.example.com": WILDCARD, "b.example.com": WILDCARD });
  });
});
