/**
 * Engine tier: GA claims are exclusive and certificates must cover their domains, through the real `pulumi` CLI
 * (tests/engine/projects/ga-claims, resources from stack config). The engine runs every dynamic resource of a
 * deployment in one provider host process, so a per-domain resource and a set resource of one program see each
 * other's claims: the preview that declares both for one domain fails, naming both, with no API call.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { type EmulatorSeed, type RunningEmulator, startEmulator } from "../../emulator";
import { GA_DEFAULT_SEED } from "../../emulator/services/ga";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "tests/engine/projects/ga-claims");
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
/** Covers every `<label>.example.com`. */
const WILDCARD = "36000001-cn-hangzhou";
/** Covers only shop.example.org. */
const ORG = "36000002-cn-hangzhou";
const SEED: EmulatorSeed = {
  cas: {
    certificates: [
      { certId: "36000001", commonName: "*.example.com" },
      { certId: "36000002", commonName: "shop.example.org" },
    ],
  },
  ga: GA_DEFAULT_SEED,
};

type Declared =
  { name: string; domain: string; certificateId: string } | { name: string; certificates: Record<string, string> };

async function bindings(emu: RunningEmulator): Promise<Record<string, string>> {
  const objects = (await emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; certificateId: string; state: string }[]> };
  };
  const list = objects.ga?.bindings?.[HTTPS] ?? [];
  for (const b of list) assert.equal(b.state, "active", `${b.domain} is settled`);
  return Object.fromEntries(list.map((b) => [b.domain, b.certificateId]).sort());
}

describe("engine tier: GA claims and coverage (tests/engine/projects/ga-claims)", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;

  before(async () => {
    emu = await startEmulator({ seed: SEED, timings: { gaWriteMs: 300 }, quiet: true });
    stack = await PulumiStack.create(PROJECT, {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "100",
      ALICLOUD_CERTS_MAX_POLL_MS: "400",
    });
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    await stack.setConfig("acceleratorId", ACC);
    await stack.setConfig("listenerId", HTTPS);
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  const program = (resources: Declared[]): Promise<void> => stack.setConfig("resources", JSON.stringify(resources));
  const count = async (action: string): Promise<number> =>
    (await emu.control.requests({ product: "ga", action })).length;

  it("refuses a double claim at preview, hands domains over on a rename and a move, and refuses uncovered domains", async () => {
    // One domain claimed by a set and, spelled in upper case, by a per-domain resource: the preview fails.
    await program([
      { name: "customers", certificates: { "a.example.com": WILDCARD, "b.example.com": WILDCARD } },
      { name: "vip", domain: "A.Example.com", certificateId: WILDCARD },
    ]);
    await emu.control.clearRequests();
    const refused = await stack.run(["preview"], { allowFailure: true });
    const said = `${refused.stdout}\n${refused.stderr}`;
    assert.notEqual(refused.code, 0, "the preview fails");
    // The engine registers the two concurrently: whichever is checked second is refused, naming the other.
    const vipRefused =
      /domain "A\.Example\.com" on GA listener lsr-bp1emulatorhttps00001 is claimed by both ga\.ListenerAdditionalCertificate "vip" and ga\.ListenerAdditionalCertificates "customers" \(as "a\.example\.com"\)/;
    const setRefused =
      /domain "a\.example\.com" on GA listener lsr-bp1emulatorhttps00001 is claimed by both ga\.ListenerAdditionalCertificates "customers" and ga\.ListenerAdditionalCertificate "vip" \(as "A\.Example\.com"\)/;
    assert.ok(vipRefused.test(said) || setRefused.test(said), said);
    assert.deepEqual(await emu.control.requests(), [], "a preview calls no API");

    // Fixed: each domain claimed once.
    await program([
      { name: "customers", certificates: { "a.example.com": WILDCARD, "b.example.com": WILDCARD } },
      { name: "vip", domain: "v.example.com", certificateId: WILDCARD },
    ]);
    await stack.up();
    assert.deepEqual(await bindings(emu), {
      "a.example.com": WILDCARD,
      "b.example.com": WILDCARD,
      "v.example.com": WILDCARD,
    });
    const unchanged = await stack.preview();
    assert.match(unchanged.stdout, /3 unchanged/, "the hidden resource name shows no change");
    assert.doesNotMatch(unchanged.stdout, /to update|to create|to replace/);

    // "vip" renamed to "vip2" without an alias, and b.example.com moved from the set to its own resource: the old
    // resource's delete and the set's update leave the domains bound to their new claimants.
    await program([
      { name: "customers", certificates: { "a.example.com": WILDCARD } },
      { name: "vip2", domain: "v.example.com", certificateId: WILDCARD },
      { name: "b", domain: "b.example.com", certificateId: WILDCARD },
    ]);
    await emu.control.clearRequests();
    const moved = await stack.up();
    assert.deepEqual(await bindings(emu), {
      "a.example.com": WILDCARD,
      "b.example.com": WILDCARD,
      "v.example.com": WILDCARD,
    });
    assert.equal(await count("DissociateAdditionalCertificatesFromListener"), 0, "nothing was unbound");
    assert.match(
      moved.stdout,
      /ga\.ListenerAdditionalCertificate "vip" gives up domain "v\.example\.com" without dissociating it: ga\.ListenerAdditionalCertificate "vip2" of this deployment claims it/,
      "the user is told",
    );
    const refreshed = await stack.refresh();
    assert.doesNotMatch(refreshed.stdout, /of this stack claims/, "a refresh of exclusive claims names no holder");

    // A certificate that does not cover its domain: refused before any write.
    await program([
      { name: "customers", certificates: { "a.example.com": WILDCARD } },
      { name: "vip2", domain: "v.example.com", certificateId: WILDCARD },
      { name: "b", domain: "b.example.com", certificateId: WILDCARD },
      { name: "shop", domain: "shop.example.com", certificateId: ORG },
    ]);
    await emu.control.clearRequests();
    const uncovered = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    assert.notEqual(uncovered.code, 0);
    assert.match(
      `${uncovered.stdout}\n${uncovered.stderr}`,
      /certificate 36000002-cn-hangzhou does not cover domain "shop\.example\.com": its names are shop\.example\.org/,
    );
    assert.equal(await count("AssociateAdditionalCertificatesWithListener"), 0);

    await program([]);
    await stack.destroy();
    assert.deepEqual(await bindings(emu), {});
  });
});
