/**
 * Engine tier: the real `pulumi` CLI runs examples/ga-additional-certificates against the emulator. After every step
 * the emulator's listener bindings must match the program, and the state must hold no secret and a small provider.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const cert = (n: number): string => `${31000000 + n}-cn-hangzhou`;
const UNMANAGED = "not-in-the-stack.example.com";

const SEED: EmulatorSeed = {
  cas: {
    certificates: Array.from({ length: 10 }, (_, i) => ({
      certId: String(31000001 + i),
      commonName: `c${i + 1}.example.com`,
      // Covers every domain the program binds: the GA engine binds only covering certificates.
      sans: ["*.example.com"],
    })),
  },
  ga: GA_DEFAULT_SEED,
};

async function bindings(emu: RunningEmulator): Promise<Record<string, string>> {
  const objects = (await emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; certificateId: string; state: string }[]> };
  };
  const list = objects.ga?.bindings?.[HTTPS] ?? [];
  for (const b of list) assert.equal(b.state, "active", `${b.domain} is settled`);
  return Object.fromEntries(
    list.map((b) => [b.domain, b.certificateId]).sort(([a], [b]) => String(a).localeCompare(String(b))),
  );
}

describe("engine tier: examples/ga-additional-certificates", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;

  before(async () => {
    emu = await startEmulator({ seed: SEED, timings: { gaWriteMs: 300 }, quiet: true });
    stack = await PulumiStack.create(path.join(REPO_ROOT, "examples/ga-additional-certificates"), {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "100",
      ALICLOUD_CERTS_MAX_POLL_MS: "400",
    });
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    await stack.setConfig("acceleratorId", ACC);
    await stack.setConfig("listenerId", HTTPS);
    await stack.setConfig("vipDomain", "VIP.example.com");
    await stack.setConfig("vipCertificateId", cert(9));
    // A binding someone else made: the stack must never touch it.
    await emu.control.service("ga", "bindOutOfBand", { listenerId: HTTPS, domain: UNMANAGED, certificateId: cert(10) });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  const customers = async (map: Record<string, string>): Promise<void> =>
    stack.setConfig("customers", JSON.stringify(map));
  const gaCalls = async (): Promise<number> => (await emu.control.requests({ product: "ga" })).length;
  const count = async (action: string): Promise<number> =>
    (await emu.control.requests({ product: "ga", action })).length;

  it("previews, creates, rotates in place, adds and removes domains, repairs drift after refresh, and destroys", async () => {
    let expected: Record<string, string> = {
      "a.example.com": cert(1),
      "b.example.com": cert(2),
      "c.example.com": cert(3),
    };
    await customers(expected);

    await emu.control.clearRequests();
    const preview = await stack.preview();
    assert.match(preview.stdout, /\+ 3 to create/);
    assert.equal(await gaCalls(), 0, "a preview of creates calls no GA API");

    await stack.up();
    assert.deepEqual(await bindings(emu), { ...expected, "vip.example.com": cert(9), [UNMANAGED]: cert(10) });
    const outputs = await stack.outputs();
    assert.deepEqual(outputs["domains"], Object.keys(expected));
    assert.equal(outputs["vipBindingId"], `${ACC}:${HTTPS}:vip.example.com`);
    assert.equal(
      await count("AssociateAdditionalCertificatesWithListener"),
      1,
      "the set and the vip domain were batched together",
    );

    await emu.control.clearRequests();
    const unchanged = await stack.preview();
    assert.match(unchanged.stdout, /3 unchanged/);
    assert.equal(await gaCalls(), 0, "an unchanged preview calls no GA API");

    // Rotate one certificate: one in-place update, no association.
    expected = { ...expected, "b.example.com": cert(5) };
    await customers(expected);
    await emu.control.clearRequests();
    await stack.up();
    assert.equal(await count("UpdateAdditionalCertificateWithListener"), 1);
    assert.equal(await count("AssociateAdditionalCertificatesWithListener"), 0);
    assert.deepEqual(await bindings(emu), { ...expected, "vip.example.com": cert(9), [UNMANAGED]: cert(10) });

    // Add two customers and remove one: one Associate and one Dissociate.
    expected = {
      "a.example.com": cert(1),
      "b.example.com": cert(5),
      "d.example.com": cert(4),
      "e.example.com": cert(4),
    };
    await customers(expected);
    await emu.control.clearRequests();
    await stack.up();
    assert.equal(await count("AssociateAdditionalCertificatesWithListener"), 1);
    assert.equal(await count("DissociateAdditionalCertificatesFromListener"), 1);
    assert.deepEqual(await bindings(emu), { ...expected, "vip.example.com": cert(9), [UNMANAGED]: cert(10) });

    // Nothing drifted: the reads return no inputs, and the engine keeps the recorded ones unchanged.
    const oursInputs = async (): Promise<unknown[]> =>
      (await stack.exportedState()).resources
        .filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/alicloud-certs:"))
        .map((r) => [r.urn, r.inputs]);
    const recordedInputs = await oursInputs();
    assert.equal(recordedInputs.length, 2, "the set and the vip binding");
    await stack.refresh();
    assert.deepEqual(await oursInputs(), recordedInputs);

    // Someone removes two bindings out of band; refresh sees it, up repairs it.
    await emu.control.service("ga", "dissociateOutOfBand", { listenerId: HTTPS, domain: "d.example.com" });
    await emu.control.service("ga", "dissociateOutOfBand", { listenerId: HTTPS, domain: "vip.example.com" });
    await stack.refresh();
    // Refresh updates resource state, not stack outputs (the program does not run): look at the resources.
    const refreshed = (await stack.exportedState()).resources;
    const set = refreshed.find((r) => r.type.endsWith(":GaListenerAdditionalCertificates"));
    assert.deepEqual(set?.outputs?.["domains"], ["a.example.com", "b.example.com", "e.example.com"]);
    assert.deepEqual(set?.inputs?.["certificates"], {
      "a.example.com": cert(1),
      "b.example.com": cert(5),
      "e.example.com": cert(4),
    });
    assert.equal(
      refreshed.find((r) => r.type.endsWith(":GaListenerAdditionalCertificate")),
      undefined,
      "the vip binding is gone from state",
    );
    const drift = await stack.preview();
    assert.match(drift.stdout, /\+ 1 to create/, "the vanished vip binding is created again");
    assert.match(drift.stdout, /~ 1 to update/, "the set is updated");
    await stack.up();
    assert.deepEqual(await bindings(emu), { ...expected, "vip.example.com": cert(9), [UNMANAGED]: cert(10) });

    // The state: no secret, a small __provider per resource.
    const raw = stack.rawStateText();
    assert.ok(!raw.includes(emu.accessKeySecret), "the secret key is not in the state file");
    const { resources } = await stack.exportedState();
    const ours = resources.filter((r) => r.type.startsWith("pulumi-nodejs:dynamic/alicloud-certs:Ga"));
    assert.deepEqual(ours.map((r) => r.type).sort(), [
      "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificate",
      "pulumi-nodejs:dynamic/alicloud-certs:GaListenerAdditionalCertificates",
    ]);
    for (const r of ours) {
      const provider = r.outputs?.["__provider"];
      assert.ok(
        typeof provider === "string" && provider.length <= 1536,
        `__provider of ${r.urn} is ${String(provider).length} bytes`,
      );
    }

    await stack.destroy();
    assert.deepEqual(await bindings(emu), { [UNMANAGED]: cert(10) }, "only what the stack owned is gone");
  });
});
