/**
 * Engine tier (issue 26, items 5 and 6): the flagship flow as a YAML program, in ONE `pulumi up`, through the real
 * `pulumi` CLI, pulumi-language-yaml and the native plugin found through `plugins.providers[].path` (the staged
 * package's bin/), against the emulator:
 * a CAS DV order with delegated validation, the platform's TXT record, the issuance wait, the issued certificate
 * uploaded to an ESA custom hostname and bound to a GA HTTPS listener.
 *
 * The program is examples/yaml/Pulumi.yaml, the example users copy, with two substitutions (each checked to apply):
 * its plugin path points at the staged package, and its DNS record block (`# [dns-record]`) is the stand-in record
 * of tests/engine/projects/native-yaml-dns, a plugin writing to the emulator's public DNS (a YAML program cannot
 * declare a dynamic resource, which is what the TypeScript flagship's stand-in is).
 */
import "reflect-metadata"; // @peculiar/x509 (CSR generation) needs the Reflect metadata API loaded first
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { onboardingRecords, publish, unpublish, type OnboardingRecord } from "../../demo/onboarding";
import { leftovers } from "../../demo/report";
import { createCsr, generateKeyPair } from "../../examples/dv-certificate-order/csr";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { LANGUAGE_HOST_BUILD_TIMEOUT_MS, installLanguageHost } from "../helpers/language-hosts";

const EXAMPLE = path.join(REPO_ROOT, "examples/yaml/Pulumi.yaml");
const DNS_PLUGIN = path.join(REPO_ROOT, "tests/engine/projects/native-yaml-dns");
const STAGED_PLUGIN = path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs/bin");
const DOMAIN = "shop.customer-one.com";
const DCV_ZONE = "dcv.example-saas.com";
const RECORD_ID = "4042843419650112";
const HTTPS = "lsr-bp1emulatorhttps00001";
/** The signature Pulumi writes in place of a secret value in a stored (encrypted) state. */
const SECRET_SIGNATURE = "4dabf18193072939515e22adb298388d";

/** The stand-in record: same name as the example's resource, so the program's references are unchanged. */
const STAND_IN_RECORD = `  # STAND-IN for your DNS provider's record resource (tests/engine/projects/native-yaml-dns).
  dcv-record:
    type: emulator-dns:index:Record
    properties:
      name: \${certificate.delegatedRecord.name}
      type: TXT
      value: \${certificate.delegatedRecord.value}
`;

/** Replace `find` in `text` exactly once, or throw: a change to the example must not silently skip a substitution. */
function replaceOnce(text: string, find: string | RegExp, by: string): string {
  const matches = typeof find === "string" ? text.split(find).length - 1 : (text.match(find) ?? []).length;
  if (matches !== 1) throw new Error(`examples/yaml/Pulumi.yaml: expected one ${String(find)}, found ${matches}`);
  return text.replace(find, () => by);
}

/** The example as this test runs it, in a directory of its own. */
function writeProject(): string {
  let text = fs.readFileSync(EXAMPLE, "utf8");
  text = replaceOnce(
    text,
    "      path: ./node_modules/pulumi-alicloud-certs/bin\n",
    `      path: ${STAGED_PLUGIN}\n    - name: emulator-dns\n      path: ${DNS_PLUGIN}\n`,
  );
  text = replaceOnce(text, / {2}# \[dns-record\][\s\S]*? {2}# \[\/dns-record\]\n/, STAND_IN_RECORD);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "native-yaml-"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), text);
  return dir;
}

interface Objects {
  esa?: { hostnames?: { hostname: string; status?: string; certType?: string; certificate?: string }[] };
  ga?: { bindings?: Record<string, { domain: string; certificateId?: string; certId?: string; state?: string }[]> };
  cas?: { orders?: { orderId?: unknown; quotaReleased?: boolean }[] };
}

describe("engine tier: the flagship flow as a YAML program on the native provider (examples/yaml)", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;
  let projectDir: string;
  let onboarding: OnboardingRecord[];
  const key = generateKeyPair();
  /** The private key's body, without the PEM armour: what must never be in a state file. */
  const keyBody = key.privateKeyPem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "");

  before(async function () {
    this.timeout(LANGUAGE_HOST_BUILD_TIMEOUT_MS);
    installLanguageHost("yaml");
    emu = await startEmulator({ quiet: true });
    onboarding = await onboardingRecords(emu.control, {
      domain: DOMAIN,
      freeHostnames: [],
      dcvZone: DCV_ZONE,
      recordId: RECORD_ID,
    });
    await publish(emu.control, onboarding);
    projectDir = writeProject();
    stack = await PulumiStack.create(projectDir, {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "100",
      ALICLOUD_CERTS_MAX_POLL_MS: "400",
    });
    await stack.setConfig("alicloud-certs:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud-certs:secretKey", emu.accessKeySecret, true);
    await stack.setConfig("csr", await createCsr(key, DOMAIN));
    await stack.setConfig("privateKey", key.privateKeyPem, true);
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
    if (projectDir !== undefined) fs.rmSync(projectDir, { recursive: true, force: true });
  });

  it("orders, validates, uploads to ESA and binds on GA in one pulumi up", async () => {
    await stack.up();
    const out = await stack.outputs();
    assert.equal(out["certificateState"], "certificate", "the waiter saw the certificate issued");
    assert.equal(out["hostnameStatus"], "active");
    assert.equal(out["certStatus"], "OK");
    const certIdentifier = out["certIdentifier"];
    assert.ok(typeof certIdentifier === "string" && /^\d+-cn-hangzhou$/.test(certIdentifier), String(certIdentifier));
    assert.deepEqual(out["onboardingCname"], {
      name: `_dnsauth.${DOMAIN}`,
      type: "CNAME",
      value: onboarding[0]?.value,
    });

    const objects = (await emu.control.objects()) as Objects;
    const hostnames = objects.esa?.hostnames ?? [];
    assert.deepEqual(
      hostnames.map((h) => [h.hostname, h.status]),
      [[DOMAIN, "active"]],
    );
    const bindings = objects.ga?.bindings?.[HTTPS] ?? [];
    assert.deepEqual(
      bindings.map((b) => b.domain),
      [DOMAIN],
    );
    // The order's TXT went to the platform's zone through the program's record resource, and the CA followed the
    // customer's CNAME to it.
    const answer = await emu.control.resolveDns(`_dnsauth.${DOMAIN}`, "TXT");
    assert.ok(answer.status === "NOERROR" && answer.values.length === 1, JSON.stringify(answer));
  });

  it("stores the private key and the secret key encrypted", async () => {
    const raw = stack.rawStateText();
    assert.ok(raw.length > 0);
    assert.ok(!raw.includes(keyBody), "no private key text in the state file");
    assert.ok(!raw.includes(keyBody.slice(0, 40)), "no part of the private key in the state file");
    assert.ok(!raw.includes(emu.accessKeySecret), "no secret key in the state file");
    const { resources } = await stack.exportedState();
    const customer = resources.find((r) => r.type === "alicloud-certs:esa:CustomHostname");
    for (const stored of [customer?.inputs, customer?.outputs]) {
      const value = stored?.["privateKey"] as Record<string, unknown> | undefined;
      assert.ok(value?.[SECRET_SIGNATURE] !== undefined, "privateKey stored as a secret");
    }
    const provider = resources.find((r) => r.type === "pulumi:providers:alicloud-certs");
    const secretKey = provider?.inputs?.["secretKey"] as Record<string, unknown> | undefined;
    assert.ok(secretKey?.[SECRET_SIGNATURE] !== undefined, "the default provider's secretKey stored as a secret");
  });

  it("records the issuance on the next up, touching nothing else, then previews no change", async () => {
    // As in the TypeScript flagship (demo/run.ts): the order was created without waiting, so the next run's diff
    // reads its state once and records the issuance (`renewalDue`), an update of the order alone, with no API write.
    const since = (await emu.control.requests()).at(-1)?.seq ?? 0;
    // Its preview keeps the order's id (an in-place update keeps it), so nothing reading it is shown as replaced.
    const previewed = await stack.preview();
    assert.doesNotMatch(previewed.stdout, /to replace|replaced|\+-/, previewed.stdout);
    const next = await stack.up();
    assert.match(next.stdout, /~ 1 updated/);
    assert.match(next.stdout, /5 unchanged/);
    assert.ok(typeof (await stack.outputs())["renewalDue"] === "string", "the order recorded its renewalDue");
    const writes = (await emu.control.requests({ since })).filter((r) => !/^(Describe|Get|List)/.test(r.action ?? ""));
    assert.deepEqual(
      writes.map((r) => r.action),
      [],
      "the bookkeeping run writes nothing",
    );
    const again = await stack.preview(["--expect-no-changes"]);
    assert.match(again.stdout, /6 unchanged/);
  });

  it("destroys, leaving nothing in the emulator but the customers' own records", async () => {
    await stack.destroy();
    assert.equal((await stack.exportedState()).resources.length, 0);
    const published = await emu.control.records();
    assert.deepEqual(
      published.map((r) => `${r.type} ${r.name}`).sort(),
      onboarding.map((r) => `${r.type} ${r.name}`).sort(),
      "the order's TXT is gone; only the customers' one-time CNAMEs remain",
    );
    await unpublish(emu.control, onboarding);
    assert.equal(leftovers(await emu.control.objects(), (await emu.control.records()).length), "nothing");
  });
});
