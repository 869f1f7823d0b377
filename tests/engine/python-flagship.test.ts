/**
 * Engine tier, the Python flagship (issue 27 item 2): the REAL `pulumi` CLI runs examples/python, a Python program,
 * through pulumi-language-python and the native plugin (`plugins.providers[].path` in its Pulumi.yaml names the
 * staged package's bin/) against the emulator.
 * - One `pulumi up`: a key pair and a CSR made in Python (pyca/cryptography), a CAS DV order with delegated
 *   validation, the platform's TXT written by a Python dynamic resource (the DNS stand-in, through
 *   pulumi-resource-pulumi-python), the waiter after it, the certificate uploaded with its key to an ESA hostname
 *   and bound on a GA listener.
 * - After the emulator's (and so the provider's) clock passes `renewalDue`, one plain `pulumi up` renews: a new
 *   order, both consumers switched in place, and only then the old certificate revoked.
 * - `pulumi destroy` leaves nothing in the emulator: no hostname, binding, order, certificate or record.
 * - The private key's text is in no state file, no exported state and no CLI output.
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { SC081_SCHEDULE, startEmulator, type RunningEmulator } from "../../emulator";
import { inspectCsr } from "../../provider/resources/cas/dv-certificate-order/csr";
import { MAX_COMMON_NAME_LENGTH, csrProblems } from "../../provider/resources/cas/dv-certificate-order/csr-rules";
import { delegationCname } from "../../provider/resources/cas/dv-certificate-order/delegation";
import { PulumiStack, REPO_ROOT, type CliResult } from "../helpers/engine";
import { LANGUAGE_HOST_BUILD_TIMEOUT_MS, installLanguageHost } from "../helpers/language-hosts";
import { installPythonDynamicPlugin, pathWith } from "../helpers/python-dynamic";
import { pythonCsrs } from "../helpers/python-csr";
import { installPythonSdk, installRequirements } from "../helpers/python-venv";
import { canonicalHostname } from "../unit/rules/generators";

const PROJECT = path.join(REPO_ROOT, "examples/python");
const DOMAIN = "py.example.com";
const ZONE = "dcv.example-saas.com";
const DAY = 86_400_000;
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const ACC = "ga-bp1emulatordefault0001";
const HTTPS = "lsr-bp1emulatorhttps00001";
const PRIVATE_KEY_HEADER = "-----BEGIN PRIVATE KEY-----";

interface CasObjects {
  orders: { orderId: string; domain: string; state: string }[];
  certificates: { certId: string; revoked: boolean }[];
}
interface EsaObjects {
  hostnames: { hostname: string }[];
}
interface GaObjects {
  bindings?: Record<string, { domain: string }[]>;
}

/** A string output of `pulumi stack export --show-secrets`: a secret is `{<sig>: …, plaintext: <JSON text>}`. */
function decrypted(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value !== "object" || value === null || !("plaintext" in value)) return undefined;
  const parsed: unknown = typeof value.plaintext === "string" ? JSON.parse(value.plaintext) : undefined;
  return typeof parsed === "string" ? parsed : undefined;
}

/**
 * The base64 lines of a PEM block: the text that must never appear outside an encrypted secret. Line by line, since
 * a state file or a display escapes or wraps the line breaks between them.
 */
function pemLines(pem: string): string[] {
  return pem.split("\n").filter((line) => line !== "" && !line.startsWith("-----"));
}

describe("engine tier: the Python flagship through the native plugin (examples/python)", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;
  let pluginDir: string | undefined;
  /** Every CLI run's output, to search for secrets at the end. */
  const said: string[] = [];
  const record = (result: CliResult): CliResult => {
    said.push(result.stdout, result.stderr);
    return result;
  };

  before(async function () {
    this.timeout(LANGUAGE_HOST_BUILD_TIMEOUT_MS);
    installLanguageHost("python");
    installRequirements(PROJECT);
    installPythonSdk();
    pluginDir = installPythonDynamicPlugin();
    // Renewal must validate again through the delegated zone: a CA that reuses no domain validation (see
    // tests/engine/certificate-renewal.test.ts).
    const caSchedule = SC081_SCHEDULE.map((step) => ({ ...step, dcvReuseDays: 0 }));
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500, gaWriteMs: 500 }, caSchedule });
    stack = await PulumiStack.create(PROJECT, {
      ...(pluginDir === undefined ? {} : { PATH: pathWith(pluginDir) }),
      ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
      ALICLOUD_CERTS_MIN_POLL_MS: "200",
      ALICLOUD_CERTS_MAX_POLL_MS: "500",
    });
    const config: Record<string, string> = {
      domain: DOMAIN,
      delegationZone: ZONE,
      emulatorUrl: emu.url,
      "alicloud-certs:accessKey": emu.accessKeyId,
      "alicloud-certs:endpoints": JSON.stringify([{ esa: emu.url, cas: emu.url, ga: emu.url }]),
      username: "Ada Lovelace",
      phone: "+8613900001234",
      email: "ada@example.com",
      siteId: SITE,
      recordId: ORIGIN,
      acceleratorId: ACC,
      listenerId: HTTPS,
    };
    for (const [key, value] of Object.entries(config)) await stack.setConfig(key, value);
    await stack.setConfig("alicloud-certs:secretKey", emu.accessKeySecret, true);
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
    if (pluginDir !== undefined) fs.rmSync(pluginDir, { recursive: true, force: true });
  });

  const cas = async (): Promise<CasObjects> => (await emu.control.objects())["cas"] as CasObjects;
  const hostnames = async (): Promise<string[]> =>
    ((await emu.control.objects())["esa"] as EsaObjects).hostnames.map((h) => h.hostname);
  const bound = async (): Promise<string[]> =>
    (((await emu.control.objects())["ga"] as GaObjects).bindings?.[HTTPS] ?? []).map((b) => b.domain);
  /** The certificate each consumer serves now (ESA hostname, GA binding), by consumer key. */
  const served = async (): Promise<Record<string, string | null | undefined>> =>
    Object.fromEntries(
      (await emu.control.serving()).consumers.map((c) => [c.key, c.periods.at(-1)?.certificate?.casCertId]),
    );

  it("one up orders from a Python CSR, writes the TXT, waits, and serves on ESA (upload) and GA", async () => {
    // Onboarding: the customer publishes the stable CNAME once.
    const cname = delegationCname(DOMAIN, ZONE);
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });

    record(await stack.up());
    const outputs = await stack.outputs();
    assert.deepEqual(outputs["customerCname"], cname);
    const certId = String(outputs["certId"]);
    assert.match(certId, /^\d+$/);
    assert.equal(outputs["gaCertificateId"], `${certId}-cn-hangzhou`);
    assert.deepEqual(await hostnames(), [`up.${DOMAIN}`]);
    assert.deepEqual(await bound(), [DOMAIN]);
    const serving = await served();
    assert.equal(Object.keys(serving).length, 2, "the ESA hostname and the GA binding");
    for (const [consumer, cert] of Object.entries(serving)) assert.equal(cert, certId, consumer);

    // The TXT the Python dynamic resource wrote is the one the order asked for, in the platform's zone.
    const txt = (await emu.control.records()).filter((r) => r.type === "TXT");
    assert.equal(txt.length, 1);
    assert.equal(txt[0]?.name, cname.value);

    // The order's CSR is the Python one: the key pair in the state, its names the domain and the ESA hostname.
    const { resources } = await stack.exportedState();
    assert.deepEqual(resources.map((r) => r.type).sort(), [
      "alicloud-certs:cas:DvCertificateOrder",
      "alicloud-certs:cas:DvCertificateValidation",
      "alicloud-certs:esa:CustomHostname",
      "alicloud-certs:ga:ListenerAdditionalCertificate",
      "pulumi-python:dynamic:Resource",
      "pulumi-python:dynamic:Resource",
      "pulumi:providers:alicloud-certs",
      "pulumi:providers:pulumi-python",
      "pulumi:pulumi:Stack",
    ]);
  });

  it("a plain up after the clock passes renewalDue renews: new order, consumers switched, old revoked", async () => {
    const first = await stack.outputs();
    // The next plain up records the order's issuance and its renewalDue.
    record(await stack.up());
    const due = Date.parse(String((await stack.outputs())["renewalDue"]));
    assert.ok(!Number.isNaN(due), "renewalDue is recorded");
    await emu.control.advanceTime(due - (await emu.control.clock()).now + DAY);
    await emu.control.clearServing();

    // The preview shows the order's replacement (the consumers follow), and calls nothing. It cannot show why: the
    // engine hides a non-dynamic plugin's stderr, where the diff writes "renewing N days ahead" (see the report of
    // this branch), so only the dynamic provider's test (certificate-renewal.test.ts) checks that line.
    await emu.control.clearRequests();
    const preview = record(await stack.preview(["--diff"]));
    assert.match(preview.stdout, /\+-\s*alicloud-certs:cas:DvCertificateOrder: \(replace\)/);
    assert.deepEqual(await emu.control.requests(), [], "the preview of a recorded order calls nothing");

    record(await stack.up());
    const second = await stack.outputs();
    assert.notEqual(second["orderId"], first["orderId"]);
    assert.notEqual(second["certId"], first["certId"]);
    assert.equal(second["hostnameId"], first["hostnameId"], "the ESA hostname is updated in place");
    assert.equal(second["gaCertificateId"], `${String(second["certId"])}-cn-hangzhou`);

    const log = (await emu.control.requests()).map((r) => r.action ?? "?");
    assert.equal(log.filter((a) => a === "CreateCertificateWithCsrRequest").length, 1, "exactly one new order");
    const revokedAt = log.indexOf("CancelCertificateForPackageRequest");
    assert.ok(revokedAt > 0, "the old certificate is revoked");
    assert.ok(log.lastIndexOf("UpdateCustomHostname") < revokedAt, "ESA switches before the revocation");
    assert.ok(log.lastIndexOf("UpdateAdditionalCertificateWithListener") < revokedAt, "GA switches before it");
    for (const never of [
      "CreateCustomHostname",
      "DeleteCustomHostname",
      "DissociateAdditionalCertificatesWithListener",
    ])
      assert.ok(!log.includes(never), `no ${never} during a renewal`);
    for (const [consumer, cert] of Object.entries(await served()))
      assert.equal(cert, String(second["certId"]), consumer);
    assert.deepEqual(
      (await emu.control.servingAnalysis()).violations.map((v) => `${v.key}: ${v.kind} ${v.detail}`),
      [],
      "zero gaps, zero invalid certificates",
    );
    const old = (await cas()).certificates.find((c) => c.certId === String(first["certId"]));
    assert.ok(old === undefined || old.revoked, "the old certificate is revoked");
  });

  it("keeps the private key out of the state files, the exported state and the CLI output", async () => {
    const exported = await stack.run(["stack", "export", "--show-secrets"]);
    const key = JSON.parse(exported.stdout) as { deployment: { resources: { outputs?: Record<string, unknown> }[] } };
    const pems = key.deployment.resources
      .map((r) => decrypted(r.outputs?.["private_key_pem"]))
      .filter((pem): pem is string => pem !== undefined);
    assert.equal(pems.length, 1, "the key pair's private key, decrypted with --show-secrets");
    assert.ok(pems[0]?.startsWith(PRIVATE_KEY_HEADER));
    const lines = pemLines(pems[0] ?? "");
    assert.ok(lines.length >= 2 && lines.every((line) => line.length >= 40), "a P-256 PKCS#8 key is 3 lines of base64");
    const places: Record<string, string> = {
      "the state files": stack.rawStateText(),
      "the exported state": (await stack.exportedState()).text,
      "the CLI output": said.join("\n"),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const line of lines) assert.ok(!text.includes(line), `no private key text in ${where}`);
      assert.ok(!text.includes(PRIVATE_KEY_HEADER), `no PEM private key in ${where}`);
    }
  });

  it("destroys everything: nothing left in the emulator", async () => {
    record(await stack.destroy());
    assert.deepEqual(await hostnames(), []);
    assert.deepEqual(await bound(), []);
    const left = await cas();
    assert.deepEqual(
      left.certificates.filter((c) => !c.revoked),
      [],
      "no certificate left valid",
    );
    assert.deepEqual(
      left.orders.filter((o) => o.state !== "revoked"),
      [],
      "every order revoked",
    );
    assert.deepEqual(
      (await emu.control.records()).filter((r) => r.type === "TXT"),
      [],
      "the platform's TXT is removed",
    );
    assert.deepEqual((await stack.exportedState()).resources, []);
  });
});

describe("the Python flagship's CSR (examples/python/csr.py) meets the provider's CSR rules", function () {
  this.timeout(300_000);

  before(function () {
    this.timeout(LANGUAGE_HOST_BUILD_TIMEOUT_MS);
    installLanguageHost("python");
    installRequirements(PROJECT);
  });

  it("asks for exactly the names given, with an accepted key and a valid self-signature, and re-signing is no change", async () => {
    // Names the provider accepts (RFC 1035/1123 LDH, no label reserved for IDNA: fast-check's own domains include
    // such labels, e.g. "aa--a"). A CN holds at most 64 characters (RFC 5280 ub-common-name; csr-rules.ts); extra
    // names have no such bound.
    const commonName = canonicalHostname.filter((name) => name.length <= MAX_COMMON_NAME_LENGTH);
    const request = fc.record({ commonName, extraNames: fc.uniqueArray(canonicalHostname, { maxLength: 4 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: 4 }), async (requests) => {
        const pairs = await pythonCsrs(requests);
        for (const [index, { commonName: cn, extraNames }] of requests.entries()) {
          const pair = pairs[index];
          assert.ok(pair !== undefined);
          const [first, second] = await Promise.all([inspectCsr(pair.first), inspectCsr(pair.second)]);
          if ("unreadable" in first || "unreadable" in second) assert.fail(`unreadable CSR for ${cn}`);
          assert.equal(first.commonName, cn.toLowerCase());
          assert.deepEqual(first.dnsNames, [...new Set([cn, ...extraNames].map((n) => n.toLowerCase()))]);
          // Every name in the subjectAltName, the CN included (CA/B Forum Baseline Requirements 7.1.4.3).
          assert.equal(first.sanCount, 1 + extraNames.length);
          assert.equal(first.keyDescription, "EC P-256");
          assert.deepEqual(csrProblems(first, { validateType: "DNS", productCode: undefined }), []);
          // ECDSA signatures are randomized: the PEMs differ, what they ask for does not (so no diff, no new order).
          assert.notEqual(pair.first, pair.second);
          assert.equal(first.identity, second.identity);
        }
      }),
      { numRuns: 15 },
    );
  });
});
