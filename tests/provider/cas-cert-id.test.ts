/**
 * Provider tier: `certIdentifier` and the revoke-and-delete path work whether or not DescribeCertificateState
 * carries `CertId` (the newest official models have it, older API versions' models do not). The emulator's CAS
 * `configure {describeStateCertId: false}` leaves it out; the provider then finds the certificate in
 * ListUserCertificateOrder (OrderType=CERT) by the issued leaf's fingerprint or serial.
 */
import { strict as assert } from "node:assert";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { createCsr, generateKeyPair, type PemKeyPair } from "../../examples/dv-certificate-order/csr";
import type * as packageTypes from "../../provider/index";
import { REPO_ROOT } from "../helpers/engine";
import { ProviderHost, serializeProvider, type HostResource, type Props } from "../helpers/provider-host";

const STAGED = path.join(REPO_ROOT, "node_modules/pulumi-alicloud-certs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(STAGED) as typeof packageTypes;
const TYPE = "pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder";
const CONTACT = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com" };

interface CasObjects {
  orders: { orderId: string; certId: string | null }[];
  certificates: { certId: string; revoked: boolean }[];
}

describe("provider tier: cas.DvCertificateOrder certIdentifier with and without CertId", function () {
  this.timeout(120_000);
  let emu: RunningEmulator;
  let host: ProviderHost;
  let res: HostResource;
  let keys: PemKeyPair;
  let n = 0;

  before(async () => {
    emu = await startEmulator({ quiet: true, timings: { casIssueMs: 300 } });
    host = await ProviderHost.start({
      cwd: path.join(REPO_ROOT, "examples/dv-certificate-order"),
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url, ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "200" },
    });
    await host.configure({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret });
    res = host.resource(await serializeProvider(pkg.cas.dvCertificateOrderProvider), TYPE);
    keys = generateKeyPair();
  });
  after(async () => {
    host?.close();
    await emu?.close();
  });
  beforeEach(async () => {
    await emu.control.reset();
    await emu.control.clearRequests();
  });

  async function issuedOrder(): Promise<{ id: string; properties: Props; inputs: Props }> {
    const domain = `certid${++n}.example.com`;
    const csr = await createCsr(keys, domain, [`www.${domain}`]);
    const checked = await res.check(`o${n}`, {}, { csr, ...CONTACT, validateType: "DNS", revokeOnDelete: true });
    assert.deepEqual(checked.failures, []);
    const created = await res.create(`o${n}`, checked.inputs);
    await emu.control.service("cas", "issueNow", { orderId: created.id });
    return { ...created, inputs: checked.inputs };
  }

  async function certIdOfOrder(orderId: string): Promise<string> {
    const order = ((await emu.control.objects())["cas"] as CasObjects).orders.find((o) => o.orderId === orderId);
    assert.ok(order?.certId, "the emulator issued a certificate");
    return order.certId;
  }

  for (const withCertId of [true, false]) {
    it(`${withCertId ? "with" : "without"} CertId in the reply: refresh fills certId/certIdentifier, delete revokes and deletes the certificate`, async () => {
      const order = await issuedOrder();
      const certId = await certIdOfOrder(order.id);
      const configured = await emu.control.service("cas", "configure", { describeStateCertId: withCertId });
      assert.deepEqual(configured, { describeStateCertId: withCertId });
      await emu.control.clearRequests();

      const read = await res.read("o", order.id, order.properties, order.inputs);
      assert.equal(read.properties["state"], "certificate");
      assert.equal(read.properties["certId"], certId);
      assert.equal(read.properties["certIdentifier"], `${certId}-cn-hangzhou`);
      const actions = (await emu.control.requests({ product: "cas" })).map((r) => r.action);
      assert.equal(
        actions.includes("ListUserCertificateOrder"),
        !withCertId,
        `the CERT list is consulted only without CertId: ${actions.join(", ")}`,
      );

      await res.delete("o", order.id, read.properties);
      const left = (await emu.control.objects())["cas"] as CasObjects;
      assert.equal(
        left.certificates.some((c) => c.certId === certId),
        false,
        "the revoked certificate was deleted too",
      );
    });
  }
});
