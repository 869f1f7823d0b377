/**
 * Engine tier for esa.CustomHostname: the real `pulumi` CLI runs examples/esa-custom-hostname (with the staged
 * package) against the emulator: preview, up, the customers publish their TXT records, up with the wait, rotate an
 * uploaded certificate, heal an expiring free certificate with `up --refresh`, a read-only `get`, refresh after an
 * out-of-band delete, destroy. Asserts outputs, the emulator's objects and request log, and the state file.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";
import { selfSignedCertificate, type TestCertificate } from "../helpers/test-certs";

const PROJECT = "esa-custom-hostname";
const FREE = "shop.customer-a.com";
const UPLOAD = "app.customer-b.net";
const DAY = 86_400_000;

interface DnsRecord {
  readonly type: string;
  readonly name: string;
  readonly value: string;
}
type Status = Record<string, { id: string; status: string; certStatus: string }>;

describe("engine tier: examples/esa-custom-hostname", function () {
  this.timeout(900_000);
  let emu: RunningEmulator;
  let stack: PulumiStack;
  let first: TestCertificate;
  let second: TestCertificate;

  const hostnames = async (): Promise<
    { hostnameId: string; hostname: string; status: string; certStatus: string | null }[]
  > =>
    (
      (await emu.control.objects()).esa as {
        hostnames: { hostnameId: string; hostname: string; status: string; certStatus: string | null }[];
      }
    ).hostnames;
  const actions = async (): Promise<string[]> =>
    (await emu.control.requests({ product: "esa" })).map((r) => r.action ?? "?");
  const setUploads = (cert: TestCertificate): Promise<void> =>
    stack.setConfig(`${PROJECT}:uploadedCertificates`, JSON.stringify({ [UPLOAD]: cert }), true);

  /** Neither private key nor the access secret appears in the stored state; `__provider` is small. */
  async function assertStateIsClean(): Promise<void> {
    const exported = await stack.exportedState();
    for (const text of [stack.rawStateText(), exported.text]) {
      for (const cert of [first, second])
        assert.ok(!text.includes(cert.privateKey.split("\n")[1] ?? "?"), "no private key in the state");
      assert.ok(!text.includes(emu.accessKeySecret), "no access secret in the state");
    }
    for (const r of exported.resources.filter(
      (x) => x.type === "pulumi-nodejs:dynamic/alicloud-certs:EsaCustomHostname",
    )) {
      const provider = r.outputs?.["__provider"];
      assert.ok(
        typeof provider === "string" && provider.length <= 1536,
        `__provider is ${String(provider).length} bytes`,
      );
    }
  }

  before(async () => {
    emu = await startEmulator({ quiet: true });
    first = await selfSignedCertificate([UPLOAD]);
    second = await selfSignedCertificate([UPLOAD]);
    stack = await PulumiStack.create(path.join(REPO_ROOT, "examples", PROJECT), {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_CERTS_MIN_POLL_MS: "200",
      ALICLOUD_CERTS_MAX_POLL_MS: "500",
    });
    await stack.setConfig("alicloud:accessKey", emu.accessKeyId, true);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    await stack.setConfig(`${PROJECT}:siteId`, "7096621098379520");
    await stack.setConfig(`${PROJECT}:recordId`, "4042843419650112");
    await stack.setConfig(
      `${PROJECT}:customers`,
      JSON.stringify([{ hostname: FREE }, { hostname: UPLOAD, certType: "upload" }]),
    );
    await setUploads(first);
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  it("runs the whole life of a SaaS team's customer hostnames", async () => {
    // preview, then up: two pending hostnames, and the records each customer must publish.
    assert.match((await stack.preview()).stdout, /\+ 3 to create/);
    await stack.up();
    assert.deepEqual((await hostnames()).map((h) => [h.hostname, h.status]).sort(), [
      [UPLOAD, "pending"],
      [FREE, "pending"],
    ]);
    const outputs = await stack.outputs();
    const records = outputs["customerDnsRecords"] as Record<string, DnsRecord[]>;
    assert.deepEqual(Object.keys(records).sort(), [UPLOAD, FREE]);
    assert.deepEqual(
      records[FREE]?.slice(0, 2).map((r) => [r.type, r.name]),
      [
        ["TXT", `_esa_custom_hostname.${FREE}`],
        ["CNAME", FREE],
      ],
    );
    assert.ok(
      records[FREE]?.some((r) => r.name === `_acme-challenge.${FREE}`),
      "the free certificate's DCV record is listed",
    );
    await assertStateIsClean();

    // An unchanged preview makes no API call.
    await emu.control.clearRequests();
    assert.match((await stack.preview()).stdout, /3 unchanged/);
    assert.deepEqual(await actions(), []);

    // The customers publish their ownership TXT records; up with the wait ends with active hostnames and issued certs.
    for (const list of Object.values(records)) {
      const txt = list[0];
      if (txt !== undefined)
        await emu.control.publishRecord({ kind: "dns", name: txt.name, type: "TXT", value: txt.value });
    }
    await stack.setConfig(`${PROJECT}:waitFor`, "certificateIssued");
    await stack.up();
    const ready = (await stack.outputs())["hostnameStatus"] as Status;
    assert.deepEqual(
      [ready[FREE]?.status, ready[FREE]?.certStatus, ready[UPLOAD]?.status, ready[UPLOAD]?.certStatus],
      ["active", "OK", "active", "OK"],
    );

    // Rotate the uploaded certificate: one in-place UpdateCustomHostname, nothing created or deleted.
    await emu.control.clearRequests();
    await setUploads(second);
    const rotated = await stack.up();
    assert.match(rotated.stdout, /1 updated/);
    const rotation = await actions();
    assert.deepEqual(
      [
        rotation.filter((a) => a === "UpdateCustomHostname").length,
        rotation.includes("CreateCustomHostname"),
        rotation.includes("DeleteCustomHostname"),
      ],
      [1, false, false],
    );
    await assertStateIsClean();

    // 65 simulated days later the free certificate is Expiring: `up --refresh` re-applies (once) and waits for OK.
    await emu.control.advanceTime(65 * DAY);
    assert.equal((await hostnames()).find((h) => h.hostname === FREE)?.certStatus, "Expiring");
    await emu.control.clearRequests();
    await stack.up(["--refresh"]);
    assert.deepEqual((await actions()).filter((a) => a === "ApplyCustomHostnameCertificate").length, 1);
    assert.equal((await hostnames()).find((h) => h.hostname === FREE)?.certStatus, "OK");

    // A read-only look-up of one hostname by id (CustomHostname.get).
    const freeId = ready[FREE]?.id ?? "";
    await stack.setConfig(`${PROJECT}:lookupHostnameId`, freeId);
    await stack.up();
    assert.equal((await stack.outputs())["lookedUp"], "active");

    // Out-of-band delete, then refresh: the engine drops the resource.
    const uploadId = ready[UPLOAD]?.id ?? "";
    await emu.control.service("esa", "deleteOutOfBand", { hostnameId: uploadId });
    await stack.refresh();
    const ids = (await stack.exportedState()).resources.map((r) => r.id);
    assert.ok(!ids.includes(uploadId) && ids.includes(freeId));

    // Destroy: nothing left in the emulator, nothing in the state, no private key ever stored.
    await stack.destroy();
    assert.deepEqual(await hostnames(), []);
    assert.equal((await stack.exportedState()).resources.length, 0);
    await assertStateIsClean();
  });
});
