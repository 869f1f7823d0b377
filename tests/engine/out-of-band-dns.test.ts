/**
 * Engine tier for examples/out-of-band-dns: the two-step flow (serve=false, the customers publish the exported records
 * out of band, serve=true) with the REAL pulumi CLI against the emulator, then destroy, leaving nothing behind.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { PulumiStack, REPO_ROOT } from "../helpers/engine";

const PROJECT = path.join(REPO_ROOT, "examples/out-of-band-dns");

interface DnsRecord {
  readonly purpose: string;
  readonly name: string;
  readonly type: string;
  readonly value: string;
}

interface LiveObjects {
  esa: { hostnames: unknown[] };
  cas: { orders: { quotaReleased: boolean }[] };
  ga: { bindings: Record<string, unknown[]> };
}

describe("engine tier: the two-step flow for out-of-band DNS (examples/out-of-band-dns)", function () {
  this.timeout(600_000);
  let emu: RunningEmulator;
  let stack: PulumiStack | undefined;

  before(async () => {
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 500, esaCertIssueMs: 500, gaWriteMs: 500 } });
  });

  after(async () => {
    await stack?.remove();
    await emu?.close();
  });

  it("orders and registers, waits for the published records, serves on ESA and GA, and destroys", async () => {
    stack = await PulumiStack.create(PROJECT, {
      ALICLOUD_CERTS_ENDPOINT: emu.url,
      ALICLOUD_ACCESS_KEY: emu.accessKeyId,
      ALICLOUD_SECRET_KEY: emu.accessKeySecret,
      ALICLOUD_CERTS_MIN_POLL_MS: "200",
      ALICLOUD_CERTS_MAX_POLL_MS: "500",
    });
    await stack.setConfig("serve", "false");
    await stack.up();
    let out = await stack.outputs();
    assert.equal((out["certificate"] as { state: string }).state, "domain_verify", "no wait while serve=false");
    const records = out["dnsRecords"] as DnsRecord[];
    assert.deepEqual(
      records.map((r) => `${r.type} ${r.name}`),
      [
        "TXT _esa_custom_hostname.shop.customer-one.com",
        "TXT _esa_custom_hostname.docs.customer-two.com",
        "TXT _dnsauth.shop.customer-one.com",
      ],
    );
    assert.deepEqual(out["listenerBindings"], {}, "nothing is bound before the certificate is issued");

    for (const r of records)
      await emu.control.publishRecord({ kind: "dns", name: r.name, type: r.type, value: r.value });
    await stack.setConfig("serve", "true");
    await stack.up();
    out = await stack.outputs();
    const certificate = out["certificate"] as { state: string; certIdentifier: string };
    assert.equal(certificate.state, "certificate");
    const states = out["hostnameStates"] as Record<string, { status: string; certStatus: string }>;
    assert.equal(states["shop.customer-one.com"]?.status, "active");
    assert.equal(states["shop.customer-one.com"]?.certStatus, "OK");
    assert.equal(states["docs.customer-two.com"]?.certStatus, "OK");
    assert.deepEqual(out["listenerBindings"], { "shop.customer-one.com": certificate.certIdentifier });

    await stack.destroy();
    const objects = (await emu.control.objects()) as unknown as LiveObjects;
    assert.equal(objects.esa.hostnames.length, 0);
    assert.equal(objects.cas.orders.filter((o) => !o.quotaReleased).length, 0, "every order was revoked or deleted");
    assert.equal(Object.values(objects.ga.bindings).flat().length, 0);
  });
});
