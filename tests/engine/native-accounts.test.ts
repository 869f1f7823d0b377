/**
 * Engine tier (issue 26, items 2, 3 and 6): one TypeScript program with explicit native providers pointed at two
 * emulators, two accounts with keys of their own, through the real `pulumi` CLI (tests/engine/projects/native-stack).
 * - Each object goes to its own account: both request logs show only their own key, both emulators hold only their
 *   own objects.
 * - Per-instance state is per provider instance: a third provider on the first account binds a domain on the same
 *   GA listener as the first, and its binding is a write of its own, while the first provider's two bindings share
 *   one (each provider instance is its own plugin process with its own GA queue).
 * - Secrets: both providers' secret keys (one from a secret config value, one typed in plain text) are stored
 *   encrypted; no state file holds either in plaintext.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/native-stack");
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";
/** The second account's key: the emulators' default key must not be what reaches the second one. */
const INTL = { accessKeyId: "LTAI5tNativeIntlAccount01", accessKeySecret: "intl-account-secret-0123456789" };

interface EsaObjects {
  hostnames: { hostname: string }[];
}
interface GaObjects {
  bindings?: Record<string, { domain: string; state: string }[]>;
}

describe("engine tier: two explicit native providers, two accounts (tests/engine/projects/native-stack)", function () {
  this.timeout(900_000);
  let cn: RunningEmulator;
  let intl: RunningEmulator;
  let stack: PulumiStack;

  const hostnames = async (emu: RunningEmulator): Promise<string[]> =>
    ((await emu.control.objects()).esa as EsaObjects).hostnames.map((h) => h.hostname).sort();
  const bound = async (emu: RunningEmulator): Promise<string[]> =>
    (((await emu.control.objects()).ga as GaObjects).bindings?.[HTTPS] ?? []).map((b) => b.domain).sort();

  before(async () => {
    [cn, intl] = await Promise.all([
      startEmulator({ timings: { gaWriteMs: 300 }, quiet: true }),
      startEmulator({ timings: { gaWriteMs: 300 }, quiet: true }),
    ]);
    await cn.control.seed({
      cas: { certificates: [{ certId: "41000001", commonName: "*.cn-customer.com" }] },
    });
    await intl.control.seed({
      credentials: [INTL],
      cas: { certificates: [{ certId: "42000001", commonName: "*.intl-customer.com" }] },
    });
    stack = await PulumiStack.create(PROJECT, {
      ALICLOUD_CERTS_MIN_POLL_MS: "100",
      ALICLOUD_CERTS_MAX_POLL_MS: "400",
      // Long enough that the bindings one provider is sent together are one write, however loaded the machine.
      ALICLOUD_CERTS_GA_GATHER_MS: "1500",
    });
    await stack.setConfig("cnSecret", cn.accessKeySecret, true);
    await stack.setConfig(
      "native-stack:providers",
      JSON.stringify([
        { name: "cn", endpoint: cn.url, accessKey: cn.accessKeyId, secretKeyFrom: "cnSecret" },
        { name: "intl", endpoint: intl.url, accessKey: INTL.accessKeyId, secretKey: INTL.accessKeySecret },
        { name: "cn-ops", endpoint: cn.url, accessKey: cn.accessKeyId, secretKeyFrom: "cnSecret" },
      ]),
    );
    const hostname = (name: string, host: string, provider: string): object => ({
      type: "alicloud-certs:esa:CustomHostname",
      name,
      provider,
      args: { siteId: SITE, hostname: host, recordId: ORIGIN },
    });
    const binding = (name: string, domain: string, certificateId: string, provider: string): object => ({
      type: "alicloud-certs:ga:ListenerAdditionalCertificate",
      name,
      provider,
      args: { acceleratorId: ACC, listenerId: HTTPS, domain, certificateId },
    });
    await stack.setConfig(
      "native-stack:resources",
      JSON.stringify([
        hostname("shop-cn", "shop.cn-customer.com", "cn"),
        hostname("shop-intl", "shop.intl-customer.com", "intl"),
        binding("api-cn", "api.cn-customer.com", "41000001-cn-hangzhou", "cn"),
        binding("www-cn", "www.cn-customer.com", "41000001-cn-hangzhou", "cn"),
        binding("ops-cn", "ops.cn-customer.com", "41000001-cn-hangzhou", "cn-ops"),
        binding("api-intl", "api.intl-customer.com", "42000001-cn-hangzhou", "intl"),
      ]),
    );
  });

  after(async () => {
    await stack?.remove();
    await Promise.all([cn?.close(), intl?.close()]);
  });

  it("sends each object to its own account, and no request to the other", async () => {
    const { stdout } = await stack.up();
    // The plugin's progress lines reach the user through the engine's Log RPC (its stderr is debug-only).
    assert.match(
      stdout,
      /Diagnostics:[\s\S]*GA \S+\/\S+: AssociateAdditionalCertificatesWithListener /,
      "GA progress in the up output",
    );
    assert.deepEqual(await hostnames(cn), ["shop.cn-customer.com"]);
    assert.deepEqual(await hostnames(intl), ["shop.intl-customer.com"]);
    assert.deepEqual(await bound(cn), ["api.cn-customer.com", "ops.cn-customer.com", "www.cn-customer.com"]);
    assert.deepEqual(await bound(intl), ["api.intl-customer.com"]);
    const keys = async (emu: RunningEmulator): Promise<string[]> => [
      ...new Set((await emu.control.requests()).map((r) => r.accessKeyId ?? "none")),
    ];
    assert.deepEqual(await keys(cn), [cn.accessKeyId], "the first account's log shows only its key");
    assert.deepEqual(await keys(intl), [INTL.accessKeyId], "the second account's log shows only its key");
  });

  it("keeps per-process state per provider instance: each instance writes a GA listener in rounds of its own", async () => {
    const writes = (await cn.control.requests({ product: "ga", action: "AssociateAdditionalCertificatesWithListener" }))
      .filter((r) => r.outcome === "ok")
      .map((r) =>
        Object.entries(r.params)
          .filter(([key]) => /^Certificates\.\d+\.Domain$/.test(key))
          .map(([, domain]) => domain)
          .sort()
          .join(","),
      )
      .sort();
    assert.deepEqual(writes, ["api.cn-customer.com,www.cn-customer.com", "ops.cn-customer.com"]);
  });

  it("stores both providers' secret keys encrypted, whether the program passed a secret or plain text", async () => {
    const raw = stack.rawStateText();
    for (const secret of [cn.accessKeySecret, INTL.accessKeySecret]) {
      assert.ok(!raw.includes(secret), "no secret key in plaintext in the state file");
    }
    const { resources } = await stack.exportedState();
    const providers = resources.filter((r) => r.type === "pulumi:providers:alicloud-certs");
    assert.deepEqual(providers.map((r) => r.urn.split("::").pop()).sort(), ["cn", "cn-ops", "intl"]);
    for (const provider of providers) {
      for (const stored of [provider.inputs, provider.outputs]) {
        const value = stored?.["secretKey"] as Record<string, unknown> | undefined;
        assert.ok(value?.[SECRET_SIGNATURE] !== undefined, `${provider.urn}: secretKey stored as a secret`);
      }
    }
    const ours = resources.filter((r) => r.type.startsWith("alicloud-certs:"));
    assert.equal(ours.length, 6);
    for (const r of ours) assert.ok(!JSON.stringify(r).includes("__provider"), `${r.urn} has no __provider`);
  });

  it("previews no change, and destroys everything in both accounts", async () => {
    await stack.preview(["--expect-no-changes"]);
    await stack.destroy();
    assert.deepEqual(await hostnames(cn), []);
    assert.deepEqual(await hostnames(intl), []);
    assert.deepEqual(await bound(cn), []);
    assert.deepEqual(await bound(intl), []);
  });
});
