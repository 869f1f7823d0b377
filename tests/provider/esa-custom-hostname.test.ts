/**
 * Provider tier for esa.CustomHostname: the REAL dynamic-provider host, driven over gRPC, running the provider as
 * serialized from the staged package (node_modules/pulumi-alicloud-certs), against the emulator. Every test checks
 * the API calls in the emulator's request log, and that nothing is left behind.
 */
import { strict as assert } from "node:assert";
import { stagedPackage } from "../helpers/staged-package";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { AlibabaClient } from "../../provider/transport/client";
import { UpdateCustomHostname } from "../../provider/transport/operations/esa";
import { REPO_ROOT } from "../helpers/engine";
import {
  HostCallError,
  ProviderHost,
  serializeProvider,
  UNKNOWN,
  type HostResource,
  type Props,
} from "../helpers/provider-host";
import { BAD_CASES } from "../helpers/esa-bad-inputs";
import { selfSignedCertificate, type TestCertificate } from "../helpers/test-certs";
import { failedProperty } from "../helpers/check-failures";

// The staged build, loaded by path so the serializer sees a module under node_modules (as users' programs do); a
// bare "pulumi-alicloud-certs" would resolve to this repository itself (package self-reference) and be inlined.
const pkg = stagedPackage();
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const WWW = "4042843419650113";
const DAY = 86_400_000;

describe("provider tier: esa.CustomHostname", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;
  let providerText: string;
  let cert: TestCertificate;
  let rotated: TestCertificate;

  before(async () => {
    emu = await startEmulator({ quiet: true });
    providerText = await serializeProvider(pkg.esa.customHostnameProvider);
    host = await ProviderHost.start({
      cwd: REPO_ROOT,
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "300" },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    res = host.resource(providerText, TYPE);
    cert = await selfSignedCertificate(["up.customer.com"]);
    rotated = await selfSignedCertificate(["up.customer.com"]);
  });
  after(async () => {
    host?.close();
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });
  afterEach(async () => {
    // Nothing is ever left behind: every test deletes what it made (faults cleared first).
    await emu.control.clearFaults();
    const esa = (await emu.control.objects()).esa as { hostnames: unknown[] };
    assert.deepEqual(esa.hostnames, [], "no custom hostname is left in the emulator");
  });

  const calls = async (): Promise<string[]> =>
    (await emu.control.requests({ product: "esa" })).map((r) => r.action ?? "?");
  const resetCalls = (): Promise<void> => emu.control.clearRequests();
  const inputs = (extra: Props = {}): Props => ({
    siteId: SITE,
    hostname: "shop.customer.com",
    recordId: ORIGIN,
    ...extra,
  });

  /** check + create through the host, as the engine does. */
  async function create(name: string, news: Props): Promise<{ id: string; properties: Props; checked: Props }> {
    const checked = await res.check(name, {}, news);
    assert.deepEqual(checked.failures, []);
    const created = await res.create(name, checked.inputs);
    return { ...created, checked: checked.inputs };
  }

  /** check + diff + update, as `pulumi up` does for an existing resource. */
  async function update(name: string, id: string, olds: Props, news: Props): Promise<Props> {
    const checked = await res.check(name, olds, news);
    assert.deepEqual(checked.failures, []);
    return (await res.update(name, id, olds, checked.inputs)).properties;
  }

  async function publishOwnership(props: Props): Promise<void> {
    await emu.control.publishRecord({
      kind: "dns",
      name: String(props["verifyHost"]),
      type: "TXT",
      value: String(props["verifyCode"]),
    });
  }

  it("serializes to a small, secret-free __provider that only requires the package's provider module", () => {
    assert.ok(providerText.length <= 1536, `__provider is ${providerText.length} bytes`);
    const requires = [...providerText.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    assert.deepEqual(requires, ["pulumi-alicloud-certs/dist/provider/resources/esa/custom-hostname/provider.js"]);
    for (const secret of [emu.accessKeySecret, "emulator-default-secret-change-me", "PRIVATE KEY"])
      assert.ok(!providerText.includes(secret));
  });

  it(`rejects ${BAD_CASES.length} bad inputs at check with zero API calls`, async () => {
    const certs = {
      shop: await selfSignedCertificate(["shop.customer.com"]),
      other: await selfSignedCertificate(["other.example.org"]),
    };
    for (const bad of BAD_CASES) {
      const news = Object.fromEntries(
        Object.entries({ ...inputs(), ...bad.inputs(certs) }).filter(([, v]) => v !== undefined),
      );
      const { failures } = await res.check("bad", {}, news);
      assert.ok(
        failures.some((f) => failedProperty(f) === bad.property && bad.reason.test(f.reason)),
        `${bad.name}: ${JSON.stringify(failures)}`,
      );
    }
    const missing = await res.check("bad", {}, { hostname: "shop.customer.com" });
    assert.deepEqual(missing.failures.map((f) => f.property).sort(), ["recordId", "siteId"]);
    assert.deepEqual(await calls(), []);
  });

  it("preview with unknowns: check passes and normalizes, diff answers without calling the API", async () => {
    const checked = await res.check(
      "p",
      {},
      inputs({ siteId: UNKNOWN, hostname: UNKNOWN, certType: "upload", certificate: UNKNOWN, privateKey: UNKNOWN }),
    );
    assert.deepEqual(checked.failures, []);
    assert.equal(checked.inputs["hostname"], UNKNOWN);
    const olds = {
      ...inputs({ sslFlag: "off", waitFor: "none", waitTimeoutSeconds: 1800, adoptExisting: false }),
      hostnameId: "1",
      status: "active",
    };
    const diff = await res.diff("p", "1", olds, checked.inputs);
    assert.equal(diff.changes, "some");
    assert.deepEqual(diff.replaces.sort(), ["hostname", "siteId"]);
    assert.equal(diff.deleteBeforeReplace, true);
    assert.deepEqual(await calls(), []);
  });

  it("full lifecycle: create 2 calls, read 1, unchanged diff 0, update 2, rotate 2, delete 2", async () => {
    const created = await create(
      "life",
      inputs({
        hostname: " Up.Customer.COM",
        certType: "upload",
        certificate: cert.certificate,
        privateKey: cert.privateKey,
      }),
    );
    assert.deepEqual(await calls(), ["CreateCustomHostname", "GetCustomHostname"]);
    const p = created.properties;
    assert.equal(created.id, p["hostnameId"]);
    assert.equal(p["hostname"], "up.customer.com");
    assert.equal(p["status"], "pending");
    assert.equal(p["verifyHost"], "_esa_custom_hostname.up.customer.com");
    assert.match(String(p["verifyCode"]), /^verify_/);
    assert.equal(p["recordName"], "origin.example-saas.com");
    assert.equal(p["siteName"], "example-saas.com");
    assert.equal(p["certStatus"], "OK");
    assert.equal(typeof p["__provider"], "string");

    await resetCalls();
    const read = await res.read("life", created.id, p, created.checked);
    assert.deepEqual(await calls(), ["GetCustomHostname"]);
    assert.equal(read.id, created.id);
    assert.equal(read.inputsReturned, false, "nothing drifted: the engine keeps the recorded inputs");
    assert.equal(read.inputs["recordId"], ORIGIN);
    assert.equal(read.inputs["privateKey"], cert.privateKey.trim());

    await resetCalls();
    const same = await res.check("life", read.inputs, created.checked);
    assert.equal((await res.diff("life", created.id, read.properties, same.inputs)).changes, "none");
    assert.deepEqual(await calls(), [], "an unchanged preview makes zero API calls");

    const moved = await update("life", created.id, read.properties, { ...created.checked, recordId: WWW });
    assert.deepEqual(await calls(), ["UpdateCustomHostname", "GetCustomHostname"]);
    assert.equal(moved["recordName"], "www.example-saas.com");
    const updateParams =
      (await emu.control.requests({ product: "esa", action: "UpdateCustomHostname" }))[0]?.params ?? {};
    assert.equal(updateParams["RecordId"], WWW);
    assert.equal(updateParams["SslFlag"], undefined, "no SSL block when only the record changed");

    await resetCalls();
    const rotatedProps = await update("life", created.id, moved, {
      ...created.checked,
      recordId: WWW,
      certificate: rotated.certificate,
      privateKey: rotated.privateKey,
    });
    assert.deepEqual(await calls(), ["UpdateCustomHostname", "GetCustomHostname"]);
    const rotateParams =
      (await emu.control.requests({ product: "esa", action: "UpdateCustomHostname" }))[0]?.params ?? {};
    assert.deepEqual(
      [rotateParams["SslFlag"], rotateParams["CertType"], rotateParams["PrivateKey"]],
      ["on", "upload", "[REDACTED]"],
    );
    assert.notEqual(rotatedProps["certId"], p["certId"], "the new certificate is deployed in place");
    assert.equal(rotatedProps["hostnameId"], created.id);

    await resetCalls();
    await res.delete("life", created.id, rotatedProps);
    assert.deepEqual(await calls(), ["DeleteCustomHostname", "ListCustomHostnames"]);
  });

  it("waits for active: Verify while pending (VerifyUnpassed and Passed:false are 'not yet'), then active", async () => {
    const created = await create("w", inputs());
    await resetCalls();
    await publishOwnership(created.properties);
    const active = await update("w", created.id, created.properties, { ...created.checked, waitFor: "active" });
    assert.equal(active["status"], "active");
    assert.deepEqual(await calls(), ["GetCustomHostname", "VerifyCustomHostname", "GetCustomHostname"]);
    await res.delete("w", created.id, active);

    for (const style of ["error-200", "passed-false"]) {
      await emu.control.service("esa", "configure", { verifyUnpassedStyle: style });
      const err = await res
        .create("t", (await res.check("t", {}, inputs({ waitFor: "active", waitTimeoutSeconds: 1 }))).inputs)
        .catch((e: unknown) => e);
      assert.ok(
        err instanceof HostCallError && err.partial,
        `${style}: a timeout after the create is a partial failure`,
      );
      assert.match(
        err.message,
        /timed out after 1s waiting for shop.customer.com to be active.*publish TXT _esa_custom_hostname/,
      );
      assert.equal(typeof err.partial.properties["__provider"], "string", "the partial state carries __provider");
      assert.equal(err.partial.properties["status"], "pending");
      await res.delete("t", err.partial.id, err.partial.properties);
    }
  });

  it("fails clearly on conflicted (what it conflicts with) and offline (why), keeping the hostname in state", async () => {
    const created = await create("c", inputs());
    const id = created.id;
    await emu.control.service("esa", "setStatus", {
      hostnameId: id,
      status: "conflicted",
      conflictWith: "existing_record",
    });
    const conflicted = await update("c", id, created.properties, { ...created.checked, waitFor: "active" }).catch(
      (e: unknown) => e,
    );
    assert.ok(conflicted instanceof HostCallError && conflicted.partial?.id === id);
    assert.match(
      conflicted.message,
      /conflicted \(ConflictWith existing_record: a DNS record of an ESA site already uses this name\)/,
    );
    await emu.control.service("esa", "setStatus", { hostnameId: id, status: "offline", offlineReason: "missing_icp" });
    const offline = await update("c", id, created.properties, { ...created.checked, waitFor: "active" }).catch(
      (e: unknown) => e,
    );
    assert.ok(offline instanceof HostCallError);
    assert.match(offline.message, /offline \(OfflineReason missing_icp\)/);
    await res.delete("c", id, created.properties);
  });

  it("free certificate: waits for issuance, reports ApplyFailed with code and message, heals Expiring on refresh", async () => {
    const created = await create("f", inputs({ certType: "free" }));
    await publishOwnership(created.properties);
    await emu.control.service("esa", "failCertificate", { hostnameId: created.id, code: 7, message: "dcv timeout" });
    const failed = await update("f", created.id, created.properties, {
      ...created.checked,
      waitFor: "certificateIssued",
    }).catch((e: unknown) => e);
    assert.ok(failed instanceof HostCallError && failed.partial);
    assert.match(failed.message, /CertApplyCode 7: dcv timeout/);
    const failedProps = failed.partial.properties;
    assert.equal(failedProps["certStatus"], "ApplyFailed");

    // ApplyFailed in the refreshed state: diff says change, update re-applies once, then waits for OK.
    const news = (await res.check("f", failedProps, { ...created.checked, waitFor: "certificateIssued" })).inputs;
    assert.equal((await res.diff("f", created.id, failedProps, news)).changes, "some");
    await resetCalls();
    const issued = await res.update("f", created.id, failedProps, news);
    assert.equal(issued.properties["certStatus"], "OK");
    const log = await calls();
    assert.deepEqual(log.slice(0, 2), ["ApplyCustomHostnameCertificate", "GetCustomHostname"]);
    assert.equal(log.filter((a) => a === "ApplyCustomHostnameCertificate").length, 1);

    // OK: no change, and a trigger change does not call Apply (ESA would refuse it).
    assert.equal((await res.diff("f", created.id, issued.properties, news)).changes, "none");
    await resetCalls();
    const triggered = await update("f", created.id, issued.properties, {
      ...created.checked,
      waitFor: "certificateIssued",
      applyCertificateTrigger: "2",
    });
    assert.ok(!(await calls()).includes("ApplyCustomHostnameCertificate"));
    assert.ok(host.output.join("").includes("applyCertificateTrigger changed, but the certificate is OK"));

    // 65 simulated days later the certificate is Expiring: refresh sees it, diff says change, update heals it.
    await emu.control.advanceTime(65 * DAY);
    await resetCalls();
    const refreshed = await res.read("f", created.id, triggered, news);
    assert.equal(refreshed.properties["certStatus"], "Expiring");
    const healNews = (await res.check("f", refreshed.inputs, refreshed.inputs)).inputs;
    assert.equal((await res.diff("f", created.id, refreshed.properties, healNews)).changes, "some");
    const healed = await res.update("f", created.id, refreshed.properties, healNews);
    assert.equal(healed.properties["certStatus"], "OK");
    assert.equal((await calls()).filter((a) => a === "ApplyCustomHostnameCertificate").length, 1);
    await res.delete("f", created.id, healed.properties);
  });

  it("refresh: out-of-band changes become a diff that update repairs; out-of-band delete reads as gone", async () => {
    const created = await create("r", inputs());
    // Someone rebinds the record in the console.
    const client = new AlibabaClient({
      config: { get: (k) => ({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret })[k] },
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url },
    });
    await client.call(UpdateCustomHostname, { HostnameId: created.id, RecordId: WWW });
    const read = await res.read("r", created.id, created.properties, created.checked);
    assert.equal(read.inputsReturned, true, "the record drifted: the rebuilt inputs are returned");
    assert.equal(read.inputs["recordId"], WWW);
    const program = (await res.check("r", read.inputs, inputs())).inputs;
    assert.equal((await res.diff("r", created.id, read.properties, program)).changes, "some");
    const repaired = await res.update("r", created.id, read.properties, program);
    assert.equal(repaired.properties["recordId"], ORIGIN);

    await emu.control.service("esa", "deleteOutOfBand", { hostnameId: created.id });
    await resetCalls();
    const gone = await res.read("r", created.id, repaired.properties, program);
    assert.equal(gone.id, "", "confirmed absent: the engine drops it");
    // SSL off: the site's shared listing (which no longer shows it), then the Get and the exact-name List that
    // confirm absence; a listing alone never does.
    assert.deepEqual(await calls(), ["ListCustomHostnames", "GetCustomHostname", "ListCustomHostnames"]);
  });

  it("read: transient errors are retried, other errors are thrown, never mistaken for gone", async () => {
    // SSL on, so refresh reads with GetCustomHostname (SSL off would share the site's List pages).
    const created = await create("e", inputs({ certType: "free" }));
    await emu.control.addFault({
      product: "esa",
      action: "GetCustomHostname",
      code: "ServiceUnavailable",
      status: 503,
      count: 2,
    });
    assert.equal((await res.read("e", created.id, created.properties, created.checked)).id, created.id);
    await emu.control.addFault({
      product: "esa",
      action: "GetCustomHostname",
      code: "NoPermission",
      status: 403,
      count: 1,
    });
    await assert.rejects(res.read("e", created.id, created.properties, created.checked), /NoPermission/);
    await res.delete("e", created.id, created.properties);
  });

  it("read-only lookup (CustomHostname.get): read with no stored properties builds everything from Get", async () => {
    const created = await create("g", inputs({ certType: "free" }));
    const got = await res.read("g", created.id, {}, {});
    assert.equal(got.id, created.id);
    assert.equal(got.properties["hostname"], "shop.customer.com");
    assert.equal(got.properties["siteId"], SITE);
    assert.equal(got.inputs["certType"], "free");
    await res.delete("g", created.id, created.properties);
  });

  const createFaults: {
    name: string;
    fault: Parameters<RunningEmulator["control"]["addFault"]>[0];
    creates: number;
  }[] = [
    {
      name: "throttling (retried by the transport)",
      fault: { code: "Throttling.User", status: 400, count: 2 },
      creates: 3,
    },
    {
      name: "5xx (ambiguous: looked up, then retried)",
      fault: { code: "ServiceUnavailable", status: 503, count: 1 },
      creates: 2,
    },
    { name: "connection reset (ambiguous: looked up, then retried)", fault: { mode: "reset", count: 1 }, creates: 2 },
    {
      name: "timeout after commit (looked up and found: no second create)",
      fault: { mode: "timeoutAfterCommit", count: 1 },
      creates: 1,
    },
  ];
  for (const c of createFaults) {
    it(`create survives ${c.name} with exactly one hostname`, async () => {
      await emu.control.addFault({ product: "esa", action: "CreateCustomHostname", ...c.fault });
      const created = await create("x", inputs());
      const esa = (await emu.control.objects()).esa as { hostnames: { hostnameId: string }[] };
      assert.deepEqual(
        esa.hostnames.map((h) => h.hostnameId),
        [created.id],
        "no duplicate",
      );
      assert.equal((await calls()).filter((a) => a === "CreateCustomHostname").length, c.creates);
      await res.delete("x", created.id, created.properties);
    });
  }

  it("delete retries busy codes, treats not-found as success, and confirms absence", async () => {
    const created = await create("d", inputs());
    await emu.control.addFault({
      product: "esa",
      action: "DeleteCustomHostname",
      code: "Record.ServiceBusy",
      status: 400,
      count: 2,
    });
    await res.delete("d", created.id, created.properties);
    await resetCalls();
    await res.delete("d", created.id, created.properties);
    assert.deepEqual(await calls(), ["DeleteCustomHostname", "ListCustomHostnames"], "deleting again is a success");
  });

  it("a failure after the create is a partial failure with id and __provider, never an orphan (and no key in it)", async () => {
    await emu.control.addFault({
      product: "esa",
      action: "GetCustomHostname",
      code: "NoPermission",
      status: 403,
      count: 1,
    });
    const news = (
      await res.check(
        "pf",
        {},
        inputs({
          hostname: "up.customer.com",
          certType: "upload",
          certificate: cert.certificate,
          privateKey: cert.privateKey,
        }),
      )
    ).inputs;
    const err = await res.create("pf", news).catch((e: unknown) => e);
    assert.ok(err instanceof HostCallError && err.partial);
    assert.match(err.message, /was created, but .*NoPermission/);
    assert.ok(!err.message.includes(cert.privateKey.slice(40, 80)));
    assert.equal(typeof err.partial.properties["__provider"], "string");
    assert.equal(err.partial.properties["hostname"], "up.customer.com");
    await res.delete("pf", err.partial.id, err.partial.properties);
  });

  it("adoption: adoptExisting takes over a same-named hostname (List + Get); without it the duplicate error says how", async () => {
    const first = await create("a1", inputs());
    await resetCalls();
    const dup = await res.create("a2", (await res.check("a2", {}, inputs())).inputs).catch((e: unknown) => e);
    assert.ok(dup instanceof HostCallError && dup.partial === undefined);
    assert.match(dup.message, /already exists.*adoptExisting: true/);
    await resetCalls();
    const adopted = await create("a2", inputs({ adoptExisting: true }));
    assert.equal(adopted.id, first.id);
    assert.deepEqual(await calls(), ["ListCustomHostnames", "GetCustomHostname"]);
    await resetCalls();
    const rebound = await create("a3", inputs({ adoptExisting: true, recordId: WWW }));
    assert.deepEqual(await calls(), [
      "ListCustomHostnames",
      "GetCustomHostname",
      "UpdateCustomHostname",
      "GetCustomHostname",
    ]);
    assert.equal(rebound.properties["recordName"], "www.example-saas.com");
    await res.delete("a3", rebound.id, rebound.properties);
  });

  it("cas certificates: a CertIdentifier maps to CasId + CasRegion on the wire", async () => {
    await emu.control.seed({ cas: { certificates: [{ certId: "20000001", commonName: "shop.customer.com" }] } });
    const created = await create("cas", inputs({ certType: "cas", certIdentifier: "20000001-cn-hangzhou" }));
    const params = (await emu.control.requests({ product: "esa", action: "CreateCustomHostname" }))[0]?.params ?? {};
    assert.deepEqual([params["CertType"], params["CasId"], params["CasRegion"]], ["cas", "20000001", "cn-hangzhou"]);
    const read = await res.read("cas", created.id, created.properties, created.checked);
    assert.equal(
      read.inputs["certIdentifier"],
      "20000001-cn-hangzhou",
      "refresh keeps the identifier: no permanent diff",
    );
    await res.delete("cas", created.id, created.properties);
  });
});
