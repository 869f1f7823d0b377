/**
 * Provider tier: a renewal inside the CA's DCV reuse period (ballot SC-081, the emulator's default schedule) through
 * the REAL dynamic-provider host. The new order reports its validation record like any other (so a program that feeds
 * `delegatedRecord` to a DNS resource has a value), and the waiter sees it issued without the record being published.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createCsr, generateKeyPair } from "../../examples/dv-certificate-order/csr";
import { delegationCname } from "../../provider/resources/cas/dv-certificate-order/delegation";
import { REPO_ROOT } from "../helpers/engine";
import { stagedPackage } from "../helpers/staged-package";
import { ProviderHost, serializeProvider, type Props } from "../helpers/provider-host";

const pkg = stagedPackage();
const ORDER = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder";
const VALIDATION = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateValidation";
const DOMAIN = "reuse.example.com";
const ZONE = "dcv.example-saas.com";
const DAY = 86_400_000;

function strip(props: Props): Props {
  const { __provider: _p, ...rest } = props;
  return rest;
}

describe("provider tier: a renewal inside the DCV reuse period (real host, emulator)", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;

  before(async () => {
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 300, gaWriteMs: 300 } });
    host = await ProviderHost.start({
      cwd: path.join(REPO_ROOT, "examples/dv-certificate-order"),
      env: {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
        ALICLOUD_CERTS_DNS_SERVERS: emu.dnsServer,
        ALICLOUD_CERTS_MIN_POLL_MS: "100",
        ALICLOUD_CERTS_MAX_POLL_MS: "200",
      },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
  });

  after(async () => {
    host?.close();
    await emu?.close();
  });

  it("the renewal's order has a delegatedRecord, and is issued with nothing new published", async () => {
    const order = host.resource(await serializeProvider(pkg.cas.dvCertificateOrderProvider), ORDER);
    const validation = host.resource(await serializeProvider(pkg.cas.dvCertificateValidationProvider), VALIDATION);
    const cname = delegationCname(DOMAIN, ZONE);
    await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    const csr = await createCsr(generateKeyPair(), DOMAIN, []);
    const news = {
      csr,
      username: "Ada Lovelace",
      phone: "+8613900001234",
      email: "ada@example.com",
      validateType: "DNS",
      validationDelegation: { zone: ZONE },
    };
    const inputs = strip((await order.check("order", {}, news)).inputs);

    const first = strip((await order.create("order", inputs)).properties);
    const txt = first["delegatedRecord"] as { name: string; value: string };
    await emu.control.publishRecord({ kind: "dns", name: txt.name, type: "TXT", value: txt.value });
    const waiter = { orderId: String(first["orderId"]), delegationCname: cname, timeoutSeconds: 30 };
    const issued = strip((await validation.create("v1", waiter)).properties);
    assert.equal(issued["state"], "certificate");

    // 60 days on (inside the 200-day reuse period) the platform's TXT is gone; a renewal's order needs none.
    await emu.control.advanceTime(60 * DAY);
    await emu.control.unpublishRecord({ kind: "dns", name: txt.name, type: "TXT" });
    const renewal = strip((await order.create("order", inputs)).properties);
    assert.notEqual(renewal["orderId"], first["orderId"]);
    assert.equal(renewal["state"], "domain_verify", "the order reports its record like any other");
    const record = renewal["delegatedRecord"] as { name: string; type: string; value: string } | undefined;
    assert.ok(record !== undefined, "a program feeding delegatedRecord to a DNS resource has a value");
    assert.equal(record.name, txt.name, "the same delegated name");
    const renewed = strip(
      (await validation.create("v2", { ...waiter, orderId: String(renewal["orderId"]) })).properties,
    );
    assert.equal(renewed["state"], "certificate", "issued on the reused validation, nothing published");
    assert.notEqual(renewed["certId"], issued["certId"]);
  });
});
