/**
 * Provider tier, issue 14 "Reads coalesce like writes": 50 per-domain `ga.ListenerAdditionalCertificate` resources on
 * a listener holding 100 bindings, refreshed concurrently through the real host, share one listing (2 pages of 50),
 * instead of each listing both pages (100 calls). A read after a write sees the write, never the shared listing.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import type * as Package from "pulumi-alicloud-certs";
import { type RunningEmulator, startEmulator } from "../../emulator";
import { ProviderHost, serializeProvider, type HostResource, type Props } from "../helpers/provider-host";

const REPO_ROOT = path.resolve(__dirname, "../..");
// Loaded by path (see ga-listener-certificates.test.ts): the staged install is what Pulumi serializes by reference.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs")) as typeof Package;

const ACC = "ga-bp1refreshaccelerator1";
const LSN = "lsr-bp1refreshhttps000001";
const BINDINGS = 100;
const RESOURCES = 50;
/** A listener takes at most 10 distinct additional certificates: 100 domains share 10. */
const cert = (n: number): string => `${33000001 + (n % 10)}-cn-hangzhou`;
const domain = (n: number): string => `tenant${n}.example.com`;
const ids = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

function props(n: number, certificateId = cert(n)): Props {
  return { acceleratorId: ACC, listenerId: LSN, domain: domain(n), certificateId, state: "active" };
}

describe("provider tier: concurrent refresh of per-domain GA bindings", function () {
  this.timeout(120_000);
  let emu: RunningEmulator | undefined;
  let host: ProviderHost | undefined;
  let single: HostResource;
  before(async () => {
    emu = await startEmulator({
      quiet: true,
      timings: { gaWriteMs: 200 },
      seed: {
        cas: {
          certificates: Array.from({ length: 10 }, (_, i) => ({
            certId: String(33000001 + i),
            commonName: `*.shard${i}.example.com`,
            // Covers tenant<n>.example.com: the GA engine binds only covering certificates.
            sans: ["*.example.com"],
          })),
        },
        ga: {
          accelerators: [
            {
              acceleratorId: ACC,
              name: "refresh",
              state: "active",
              listeners: [
                {
                  listenerId: LSN,
                  protocol: "HTTPS",
                  port: 443,
                  defaultCertificateId: cert(0),
                  additionalCertificates: ids(BINDINGS).map((n) => ({ domain: domain(n), certificateId: cert(n) })),
                },
              ],
            },
          ],
        },
      },
    });
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
  });
  after(async () => {
    host?.close();
    await emu?.close();
  });

  const lists = async (): Promise<number> =>
    (await emu!.control.requests({ product: "ga", action: "ListListenerCertificates" })).length;

  it(`${RESOURCES} resources on a ${BINDINGS}-binding listener cost at most 2 ListListenerCertificates calls`, async () => {
    await emu!.control.clearRequests();
    const reads = await Promise.all(
      ids(RESOURCES).map((n) => single.read(`b${n}`, `${ACC}:${LSN}:${domain(n)}`, props(n), props(n))),
    );
    const calls = await lists();
    console.log(`      refresh of ${RESOURCES} per-domain bindings: ${calls} ListListenerCertificates calls`);
    assert.ok(calls <= Math.ceil(BINDINGS / 50), `at most 2 list calls, got ${calls}`);
    reads.forEach((read, i) => {
      assert.equal(read.id, `${ACC}:${LSN}:${domain(i + 1)}`);
      assert.equal(read.inputs["certificateId"], cert(i + 1), `resource ${i + 1} reads its own binding`);
    });
  });

  it("a read right after an update sees the new certificate, not the shared listing", async () => {
    const id = `${ACC}:${LSN}:${domain(1)}`;
    const rotated = cert(5);
    assert.notEqual(rotated, cert(1));
    assert.equal((await single.read("b1", id, props(1), props(1))).inputs["certificateId"], cert(1));
    const { state: _s, ...news } = props(1, rotated);
    await single.update("b1", id, props(1), news);
    const after = await single.read("b1", id, props(1, rotated), news);
    assert.equal(after.inputs["certificateId"], rotated);
  });
});
