/** CAS handler tests: validation → review → issuance, the issued certificate, cancel/delete/revoke paths, controls. */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import * as x509 from "@peculiar/x509";
import { casService } from "../../emulator/services/cas";
import {
  DAY,
  T0,
  call,
  control,
  createOrder,
  expectApiError,
  makeCsr,
  makeWorld,
  pemBlocks,
  type TestWorld,
} from "./helpers/cas-fixtures";

function describeState(world: TestWorld, orderId: string): Record<string, unknown> {
  return call(world, "DescribeCertificateState", { OrderId: orderId });
}

function publishDns(world: TestWorld, name: string, value: string): void {
  world.records.publish({ kind: "dns", name, type: "TXT", value });
}

/** Create a DNS order for shop.example.com and drive it to `certificate`. */
async function issuedOrder(world: TestWorld): Promise<{ orderId: string; certId: string }> {
  const { pem } = await makeCsr({ sans: ["shop.example.com", "www.shop.example.com"] });
  const orderId = createOrder(world, pem);
  publishDns(world, "_dnsauth.shop.example.com", String(describeState(world, orderId)["RecordValue"]));
  assert.equal(describeState(world, orderId)["Type"], "process"); // the CA sees the record at this tick
  world.advance(world.timings.casIssueMs);
  const state = describeState(world, orderId);
  assert.equal(state["Type"], "certificate");
  return { orderId, certId: String(state["CertId"]) };
}

function used(world: TestWorld, productCode = "digicert-free-1-free"): number {
  return world.state.packages[productCode]?.used ?? -1;
}

describe("cas order lifecycle", () => {
  it("DNS: domain_verify shows _dnsauth/TXT/token; the full-name record moves it to process, then certificate", async () => {
    const world = makeWorld();
    const { pem } = await makeCsr({ sans: ["shop.example.com", "www.shop.example.com"] });
    const orderId = createOrder(world, pem);
    const pending = describeState(world, orderId);
    assert.equal(pending["Type"], "domain_verify");
    assert.equal(pending["ValidateType"], "DNS");
    assert.equal(pending["RecordDomain"], "_dnsauth");
    assert.equal(pending["RecordType"], "TXT");
    assert.match(String(pending["RecordValue"]), /^\d{17}[a-z0-9]{47}$/);
    assert.equal(pending["Certificate"], undefined);

    publishDns(world, "_dnsauth.shop.example.com", "wrong-value");
    world.advance(10_000);
    assert.equal(describeState(world, orderId)["Type"], "domain_verify");

    publishDns(world, "_dnsauth.shop.example.com", String(pending["RecordValue"]));
    assert.deepEqual(describeState(world, orderId), { Type: "process" });
    const reviewStart = world.now();
    world.advance(world.timings.casIssueMs - 1);
    assert.equal(describeState(world, orderId)["Type"], "process");
    world.advance(5000); // the tick is late: issuance is still stamped at the end of the review
    const issued = describeState(world, orderId);
    assert.equal(issued["Type"], "certificate");
    assert.equal(issued["PrivateKey"], "");
    assert.equal(typeof issued["CertId"], "string");
    const cert = world.state.certificates[String(issued["CertId"])];
    assert.ok(cert);
    assert.equal(cert.notBefore, reviewStart + world.timings.casIssueMs);
    // 90 days inclusive of both ends (RFC 5280 §4.1.2.5): the last second is 90 days − 1 s after notBefore.
    assert.equal(cert.notAfter - cert.notBefore, 90 * DAY - 1000);
    assert.equal(call(world, "DescribePackageState")["IssuedCount"], 1);
  });

  it("DNS: the bare RecordDomain `_dnsauth` is accepted too", async () => {
    const world = makeWorld();
    const orderId = createOrder(world, (await makeCsr()).pem);
    publishDns(world, "_dnsauth", String(describeState(world, orderId)["RecordValue"]));
    assert.equal(describeState(world, orderId)["Type"], "process");
  });

  it("DNS for a wildcard validates on the base domain", async () => {
    const world = makeWorld();
    const orderId = createOrder(world, (await makeCsr({ cn: "*.example.com" })).pem, {
      ProductCode: "geotrust-dv-w-starter",
    });
    publishDns(world, "_dnsauth.example.com", String(describeState(world, orderId)["RecordValue"]));
    assert.equal(describeState(world, orderId)["Type"], "process");
  });

  it("FILE: domain_verify shows Domain/Uri/Content; the served file moves it on", async () => {
    const world = makeWorld();
    const orderId = createOrder(world, (await makeCsr()).pem, { ValidateType: "FILE" });
    const pending = describeState(world, orderId);
    assert.equal(pending["ValidateType"], "FILE");
    assert.equal(pending["Domain"], "shop.example.com");
    assert.equal(pending["Uri"], "/.well-known/pki-validation/fileauth.txt");
    assert.match(String(pending["Content"]), /^\d{17}[a-z0-9]{47}$/);
    assert.equal(pending["RecordDomain"], undefined);
    world.records.publish({
      kind: "file",
      name: "http://shop.example.com/.well-known/pki-validation/fileauth.txt",
      type: "FILE",
      value: String(pending["Content"]),
    });
    assert.equal(describeState(world, orderId)["Type"], "process");
  });

  it("issues a real certificate: the CSR's key, the CN and SANs, serverAuth, 90 days, signed by the emulator root", async () => {
    for (const alg of ["RSA", "ECDSA"] as const) {
      const world = makeWorld();
      const testCsr = await makeCsr({ alg, sans: ["shop.example.com", "www.shop.example.com"] });
      const orderId = createOrder(world, testCsr.pem);
      publishDns(world, "_dnsauth.shop.example.com", String(describeState(world, orderId)["RecordValue"]));
      assert.equal(describeState(world, orderId)["Type"], "process");
      world.advance(world.timings.casIssueMs);
      const chain = pemBlocks(String(describeState(world, orderId)["Certificate"]));
      assert.equal(chain.length, 2);
      const leaf = new x509.X509Certificate(chain[0] ?? "");
      const root = new x509.X509Certificate(chain[1] ?? "");
      assert.deepEqual(Buffer.from(leaf.publicKey.rawData), Buffer.from(testCsr.csr.publicKey.rawData));
      assert.deepEqual(leaf.subjectName.getField("CN"), ["shop.example.com"]);
      assert.equal(root.subject, "O=Alibaba Cloud Emulator, CN=Alibaba Cloud Emulator Root CA");
      assert.equal(leaf.issuer, root.subject);
      assert.ok(await leaf.verify({ publicKey: root.publicKey, signatureOnly: true }));
      assert.ok(await root.verify({ signatureOnly: true }), "the root is self-signed");
      const san = leaf.getExtension(x509.SubjectAlternativeNameExtension);
      assert.deepEqual(
        san?.names.items.map((n) => n.value),
        ["shop.example.com", "www.shop.example.com"],
      );
      const eku = leaf.getExtension(x509.ExtendedKeyUsageExtension);
      assert.deepEqual([...(eku?.usages ?? [])], [x509.ExtendedKeyUsage.serverAuth]);
      assert.equal(leaf.getExtension(x509.BasicConstraintsExtension)?.ca, false);
      assert.equal(root.getExtension(x509.BasicConstraintsExtension)?.ca, true);
      assert.equal(leaf.notAfter.getTime() - leaf.notBefore.getTime(), 90 * DAY - 1000);
      assert.equal(leaf.notBefore.getTime(), T0 + world.timings.casIssueMs);
      const chainBuilder = new x509.X509ChainBuilder({ certificates: [root] });
      const built = await chainBuilder.build(leaf);
      assert.equal(built.length, 2);
    }
  });

  it("survives a JSON round trip of the state: the CA is generated once and reused", async () => {
    const world = makeWorld();
    await issuedOrder(world);
    const caPem = world.state.ca?.certPem;
    assert.ok(caPem);
    const copy = makeWorld(undefined, JSON.parse(JSON.stringify(world.state)) as typeof world.state);
    const orderId = createOrder(copy, (await makeCsr({ alg: "ECDSA" })).pem);
    control(copy, "issueNow", { orderId });
    assert.equal(copy.state.ca?.certPem, caPem);
    const chain = pemBlocks(String(describeState(copy, orderId)["Certificate"]));
    assert.ok(
      await new x509.X509Certificate(chain[0] ?? "").verify({
        publicKey: new x509.X509Certificate(caPem).publicKey,
        signatureOnly: true,
      }),
    );
  });

  it("an unknown OrderId is 400 NotFound; a malformed one is InvalidParameter", () => {
    const world = makeWorld();
    for (const action of [
      "DescribeCertificateState",
      "CancelOrderRequest",
      "DeleteCertificateRequest",
      "CancelCertificateForPackageRequest",
    ]) {
      expectApiError(() => call(world, action, { OrderId: "98987582437920999" }), 400, "NotFound");
      expectApiError(() => call(world, action, { OrderId: "12ab" }), 400, "InvalidParameter");
      expectApiError(() => call(world, action, {}), 400, "MissingOrderId");
    }
  });

  describe("CancelOrderRequest", () => {
    it("moves domain_verify and process orders to payed, which never progress", async () => {
      const world = makeWorld();
      const { pem } = await makeCsr();
      const a = createOrder(world, pem);
      const b = createOrder(world, pem);
      publishDns(world, "_dnsauth.shop.example.com", String(describeState(world, b)["RecordValue"]));
      assert.equal(describeState(world, b)["Type"], "process");
      assert.deepEqual(call(world, "CancelOrderRequest", { OrderId: a }), {});
      assert.deepEqual(call(world, "CancelOrderRequest", { OrderId: b }), {});
      publishDns(world, "_dnsauth.shop.example.com", String(describeState(world, a)["RecordValue"]));
      world.advance(DAY);
      assert.deepEqual(describeState(world, a), { Type: "payed" });
      assert.deepEqual(describeState(world, b), { Type: "payed" });
      assert.equal(used(world), 2, "a cancelled order still holds its unit");
      expectApiError(() => call(world, "CancelOrderRequest", { OrderId: a }), 400, "OperationDenied.StatusNotSupport");
    });

    it("refuses issued and failed orders", async () => {
      const world = makeWorld();
      const { orderId } = await issuedOrder(world);
      expectApiError(
        () => call(world, "CancelOrderRequest", { OrderId: orderId }),
        400,
        "OperationDenied.StatusNotSupport",
      );
      const failed = createOrder(world, (await makeCsr()).pem);
      control(world, "failValidation", { orderId: failed });
      expectApiError(
        () => call(world, "CancelOrderRequest", { OrderId: failed }),
        400,
        "OperationDenied.StatusNotSupport",
      );
    });
  });

  describe("DeleteCertificateRequest", () => {
    it("deletes a verify_fail order and gives its unit back", async () => {
      const world = makeWorld();
      const orderId = createOrder(world, (await makeCsr()).pem);
      control(world, "failValidation", { orderId });
      assert.deepEqual(describeState(world, orderId), { Type: "verify_fail" });
      assert.equal(used(world), 1);
      assert.deepEqual(call(world, "DeleteCertificateRequest", { OrderId: orderId }), {});
      assert.equal(used(world), 0);
      expectApiError(() => describeState(world, orderId), 400, "NotFound");
    });

    it("deletes a payed order without a refund", async () => {
      const world = makeWorld();
      const orderId = createOrder(world, (await makeCsr()).pem);
      call(world, "CancelOrderRequest", { OrderId: orderId });
      call(world, "DeleteCertificateRequest", { OrderId: orderId });
      assert.equal(used(world), 1);
      expectApiError(() => describeState(world, orderId), 400, "NotFound");
    });

    it("refuses pending and issued orders", async () => {
      const world = makeWorld();
      const pending = createOrder(world, (await makeCsr()).pem);
      expectApiError(
        () => call(world, "DeleteCertificateRequest", { OrderId: pending }),
        400,
        "OperationDenied.StatusNotSupport",
      );
      const { orderId } = await issuedOrder(world);
      expectApiError(
        () => call(world, "DeleteCertificateRequest", { OrderId: orderId }),
        400,
        "OperationDenied.StatusNotSupport",
      );
    });
  });

  describe("CancelCertificateForPackageRequest", () => {
    it("revokes an issued certificate and restores the unit, once", async () => {
      const world = makeWorld();
      const { orderId, certId } = await issuedOrder(world);
      assert.ok(casService.certificateExists?.(world.state, certId));
      assert.equal(used(world), 1);
      assert.deepEqual(call(world, "CancelCertificateForPackageRequest", { OrderId: orderId }), {});
      assert.equal(used(world), 0);
      assert.deepEqual(describeState(world, orderId), { Type: "unknow" });
      assert.equal(world.state.certificates[certId]?.revoked, true);
      assert.equal(casService.certificateExists?.(world.state, certId), false);
      expectApiError(
        () => call(world, "CancelCertificateForPackageRequest", { OrderId: orderId }),
        400,
        "OperationDenied.StatusNotSupport",
      );
      assert.equal(used(world), 0);
    });

    it("withdraws a pending order: the order is gone and the unit is back", async () => {
      const world = makeWorld();
      const orderId = createOrder(world, (await makeCsr()).pem);
      call(world, "CancelCertificateForPackageRequest", { OrderId: orderId });
      assert.equal(used(world), 0);
      expectApiError(() => describeState(world, orderId), 400, "NotFound");
    });

    it("never refunds twice (verify_fail → cancel-for-package)", async () => {
      const world = makeWorld();
      const orderId = createOrder(world, (await makeCsr()).pem);
      control(world, "failValidation", { orderId });
      call(world, "CancelCertificateForPackageRequest", { OrderId: orderId });
      assert.equal(used(world), 0);
    });
  });

  describe("controls", () => {
    it("failValidation and issueNow act on pending orders only; orderId must be a decimal string", async () => {
      const world = makeWorld();
      const orderId = createOrder(world, (await makeCsr()).pem);
      const result = control(world, "issueNow", { orderId }) as Record<string, unknown>;
      assert.equal(result["state"], "certificate");
      assert.equal(describeState(world, orderId)["CertId"], result["certId"]);
      expectApiError(() => control(world, "failValidation", { orderId }), 400, "OperationDenied.StatusNotSupport");
      expectApiError(() => control(world, "issueNow", { orderId: Number(orderId) }), 400, "InvalidControlInput");
      expectApiError(() => control(world, "issueNow", {}), 400, "InvalidControlInput");
      expectApiError(() => control(world, "issueNow", { orderId: "98987582437920999" }), 400, "NotFound");
    });

    it("setQuota sets a plan and validates its input", async () => {
      const world = makeWorld();
      assert.deepEqual(control(world, "setQuota", { productCode: "digicert-free-1-free", total: 1, used: 1 }), {
        productCode: "digicert-free-1-free",
        total: 1,
        used: 1,
      });
      expectApiError(() => createOrder(world, "x"), 400, "InvalidParameter");
      const { pem } = await makeCsr();
      expectApiError(() => createOrder(world, pem), 404, "NotRemainCount");
      control(world, "setQuota", { productCode: "digicert-free-1-free", total: 3 });
      createOrder(world, pem);
      for (const bad of [
        { productCode: "nope", total: 1 },
        { productCode: "digicert-free-1-free", total: -1 },
        { productCode: "digicert-free-1-free", total: 1, used: 2 },
        { productCode: "digicert-free-1-free", total: 1, extra: true },
        "text",
      ]) {
        expectApiError(() => control(world, "setQuota", bad), 400, "InvalidControlInput");
      }
    });
  });
});
