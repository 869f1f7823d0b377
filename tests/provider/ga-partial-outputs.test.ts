/**
 * Provider tier, issue 12 item 6: after a GA create that failed part-way, the recorded outputs describe only the
 * bindings the cloud confirmed. The fault: every AssociateAdditionalCertificatesWithListener answers 503 (the write
 * may or may not have been applied, so the engine must look before it records), while the Update of a domain that
 * was already bound goes through.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type * as Package from "pulumi-alicloud-certs";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  type HostResource,
  type Props,
} from "../helpers/provider-host";

const REPO_ROOT = path.resolve(__dirname, "../..");
// Loaded by path (see ga-listener-certificates.test.ts): the staged install is what Pulumi serializes by reference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs")) as typeof Package;

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const cert = (n: number): string => `${32000000 + n}-cn-hangzhou`;
const domain = (n: number): string => `partial${n}.example.com`;
const SEED: EmulatorSeed = {
  cas: {
    // `*.example.com` covers every partial<n>.example.com: the GA engine binds only covering certificates.
    certificates: Array.from({ length: 9 }, (_, i) => ({
      certId: String(32000001 + i),
      commonName: domain(i),
      sans: ["*.example.com"],
    })),
  },
  ga: GA_DEFAULT_SEED,
};

async function bindings(emu: RunningEmulator): Promise<Record<string, string>> {
  const objects = (await emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; certificateId: string }[]> };
  };
  return Object.fromEntries((objects.ga?.bindings?.[HTTPS] ?? []).map((b) => [b.domain, b.certificateId]));
}

async function failedCreate(res: HostResource, name: string, news: Props): Promise<HostCallError> {
  const { inputs, failures } = await res.check(name, {}, news);
  assert.deepEqual(failures, []);
  const { __provider: _p, ...rest } = inputs;
  return res.create(name, rest).then(
    () => assert.fail("create must fail"),
    (e: unknown) => {
      assert.ok(e instanceof HostCallError, String(e));
      return e;
    },
  );
}

describe("provider tier: GA outputs after a create that failed part-way", function () {
  this.timeout(120_000);
  let emu: RunningEmulator | undefined;
  let host: ProviderHost | undefined;
  let single: HostResource;
  let set: HostResource;
  beforeEach(async () => {
    emu = await startEmulator({ seed: SEED, timings: { gaWriteMs: 200 }, quiet: true });
    host = await ProviderHost.start({
      env: {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_MIN_POLL_MS: "100",
        ALICLOUD_CERTS_MAX_POLL_MS: "400",
        ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
        ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
      },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    single = host.resource(
      await serializeProvider(pkg.ga.listenerAdditionalCertificateProvider),
      "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate",
    );
    set = host.resource(
      await serializeProvider(pkg.ga.listenerAdditionalCertificatesProvider),
      "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates",
    );
    await emu.control.addFault({
      product: "ga",
      action: "AssociateAdditionalCertificatesWithListener",
      code: "ServiceUnavailable",
      status: 503,
      count: 1000,
    });
  });
  afterEach(async () => {
    host?.close();
    await emu?.close();
  });

  it("ga.ListenerAdditionalCertificates records the updated domain, not the two whose Associate never applied", async () => {
    await emu!.control.service("ga", "bindOutOfBand", { listenerId: HTTPS, domain: domain(1), certificateId: cert(9) });
    const certificates = { [domain(1)]: cert(1), [domain(2)]: cert(2), [domain(3)]: cert(3) };
    const error = await failedCreate(set, "set", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      certificates,
      timeoutSeconds: 3,
    });
    assert.ok(error.partial !== undefined, `the update of ${domain(1)} went through: a partial failure`);
    assert.match(error.message, /partial2\.example\.com: .*ServiceUnavailable/);
    assert.deepEqual(await bindings(emu!), { [domain(1)]: cert(1) }, "what the cloud holds");
    assert.deepEqual(error.partial.properties["certificates"], { [domain(1)]: cert(1) }, "what the state records");
    assert.deepEqual(error.partial.properties["domains"], [domain(1)]);
  });

  it("ga.ListenerAdditionalCertificate records nothing when a read confirms the Associate never applied", async () => {
    const error = await failedCreate(single, "one", {
      acceleratorId: ACC,
      listenerId: HTTPS,
      domain: domain(4),
      certificateId: cert(4),
      timeoutSeconds: 3,
    });
    assert.equal(error.partial, undefined, "no binding exists, so none is recorded");
    assert.match(error.message, /ServiceUnavailable/);
    assert.deepEqual(await bindings(emu!), {});
  });
});
