/**
 * SDK fidelity: the official `@alicloud/cas20200407` client (signature V3 over HTTP) calls every CAS action against a
 * running emulator. Success bodies must decode into the SDK's models (its `$dara.cast` rejects mistyped fields);
 * documented errors must surface as the SDK's `ClientError` with `code` and `statusCode`. OrderIds exceed 2^53, so
 * the SDK's `JSON.parse` rounds them: the exact digits are checked in the raw body (`bodyType: "string"`), and ids
 * are sent back as strings, the way a lossless client does.
 */
import assert from "node:assert/strict";
import Client, * as $Cas from "@alicloud/cas20200407";
import { $OpenApiUtil, ClientError } from "@alicloud/openapi-core";
import { isLosslessNumber, parse } from "lossless-json";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { makeCsr, pemBlocks } from "./helpers/cas-fixtures";
import { callActionText, realClient } from "./helpers/openapi";

const FIRST_ORDER_ID = "98987582437920969";

function client(emu: RunningEmulator, secret = emu.accessKeySecret): Client {
  return new Client(
    new $OpenApiUtil.Config({
      accessKeyId: emu.accessKeyId,
      accessKeySecret: secret,
      endpoint: emu.endpoint,
      protocol: "http",
    }),
  );
}

/** An id the SDK types as `number`, sent as its exact decimal string (the SDK puts it in the query verbatim). */
function exactId(id: string): number {
  return id as unknown as number;
}

async function expectSdkError(p: Promise<unknown>, code: string, statusCode: number): Promise<ClientError> {
  try {
    await p;
  } catch (e: unknown) {
    assert.ok(e instanceof ClientError, `expected ClientError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.statusCode, statusCode);
    return e;
  }
  return assert.fail(`expected ${code}`);
}

describe("cas via the official SDK", function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let cas: Client;

  beforeEach(async () => {
    emu = await startEmulator({ speed: 0, quiet: true });
    cas = client(emu);
  });
  afterEach(async () => {
    await emu.close();
  });

  function createRequest(csr: string, extra: Partial<$Cas.CreateCertificateWithCsrRequestRequest> = {}) {
    return new $Cas.CreateCertificateWithCsrRequestRequest({
      csr,
      username: "Tom",
      phone: "13900001234",
      email: "tom@example.com",
      validateType: "DNS",
      ...extra,
    });
  }

  async function state(orderId: string): Promise<$Cas.DescribeCertificateStateResponseBody> {
    const res = await cas.describeCertificateState(
      new $Cas.DescribeCertificateStateRequest({ orderId: exactId(orderId) }),
    );
    assert.ok(res.body);
    return res.body;
  }

  it("creates, validates, issues, lists, details, revokes and deletes through the SDK", async () => {
    const { pem } = await makeCsr({ sans: ["shop.example.com", "www.shop.example.com"] });
    const created = await cas.createCertificateWithCsrRequest(
      createRequest(pem, {
        tags: [new $Cas.CreateCertificateWithCsrRequestRequestTags({ key: "env", value: "test" })],
      }),
    );
    assert.equal(created.statusCode, 200);
    assert.match(String(created.body?.requestId), /^[0-9A-F-]{36}$/);
    // JSON.parse rounds the 17-digit id: the SDK cannot hold it exactly.
    assert.equal(created.body?.orderId, Number(FIRST_ORDER_ID));
    assert.notEqual(String(created.body?.orderId), FIRST_ORDER_ID);
    const orderId = FIRST_ORDER_ID;

    const pending = await state(orderId);
    assert.equal(pending.type, "domain_verify");
    assert.equal(pending.validateType, "DNS");
    assert.equal(pending.recordDomain, "_dnsauth");
    assert.equal(pending.recordType, "TXT");
    assert.match(String(pending.recordValue), /^\d{17}[a-z0-9]{47}$/);

    await emu.control.publishRecord({
      kind: "dns",
      name: "_dnsauth.shop.example.com",
      type: "TXT",
      value: String(pending.recordValue),
    });
    assert.equal((await state(orderId)).type, "process");
    await emu.control.advanceTime(2000);
    const issued = await state(orderId);
    assert.equal(issued.type, "certificate");
    assert.equal(issued.privateKey, "");
    assert.equal(pemBlocks(String(issued.certificate)).length, 2);

    // CertId is not in the npm 3.0.0 model (the SDK drops it); the raw body has it.
    const raw = parse(
      await callActionText(realClient(emu.endpoint, emu), "cas", "DescribeCertificateState", { OrderId: orderId }),
    ) as Record<string, unknown>;
    const certId = String(raw["CertId"]);
    assert.match(certId, /^\d+$/);

    const detail = await cas.getUserCertificateDetail(
      new $Cas.GetUserCertificateDetailRequest({ certId: Number(certId), certFilter: false }),
    );
    assert.equal(detail.body?.id, Number(certId));
    assert.equal(detail.body?.certIdentifier, `${certId}-cn-hangzhou`);
    assert.equal(detail.body?.common, "shop.example.com");
    assert.equal(detail.body?.sans, "shop.example.com,www.shop.example.com");
    assert.equal(detail.body?.key, "");
    assert.equal(detail.body?.expired, false);
    assert.equal(detail.body?.certChain?.length, 2);
    assert.equal(detail.body?.certChain?.[0]?.issuerCommonName, "Alibaba Cloud Emulator Root CA");
    const filtered = await cas.getUserCertificateDetail(
      new $Cas.GetUserCertificateDetailRequest({ certId: Number(certId), certFilter: true }),
    );
    assert.equal(filtered.body?.cert, undefined);

    const orders = await cas.listUserCertificateOrder(new $Cas.ListUserCertificateOrderRequest({}));
    assert.equal(orders.body?.totalCount, 1);
    assert.equal(orders.body?.showSize, 50);
    assert.equal(orders.body?.certificateOrderList?.[0]?.status, "ISSUED");
    assert.equal(orders.body?.certificateOrderList?.[0]?.domain, "shop.example.com");
    const certs = await cas.listUserCertificateOrder(new $Cas.ListUserCertificateOrderRequest({ orderType: "CERT" }));
    assert.equal(certs.body?.certificateOrderList?.[0]?.certificateId, Number(certId));
    assert.equal(certs.body?.certificateOrderList?.[0]?.upload, false);

    const pkg = await cas.describePackageState(new $Cas.DescribePackageStateRequest({}));
    assert.deepEqual(
      [pkg.body?.productCode, pkg.body?.totalCount, pkg.body?.usedCount, pkg.body?.issuedCount],
      ["digicert-free-1-free", 20, 1, 1],
    );

    await expectSdkError(
      cas.deleteUserCertificate(new $Cas.DeleteUserCertificateRequest({ certId: Number(certId) })),
      "OperationDenied.StatusNotSupport",
      400,
    );
    await cas.cancelCertificateForPackageRequest(
      new $Cas.CancelCertificateForPackageRequestRequest({ orderId: exactId(orderId) }),
    );
    assert.equal((await state(orderId)).type, "unknow");
    const deleted = await cas.deleteUserCertificate(new $Cas.DeleteUserCertificateRequest({ certId: Number(certId) }));
    assert.equal(deleted.statusCode, 200);
    await expectSdkError(
      cas.getUserCertificateDetail(new $Cas.GetUserCertificateDetailRequest({ certId: Number(certId) })),
      "NotFound",
      400,
    );
  });

  it("the raw body carries every digit of OrderId (create, list, detail)", async () => {
    const { pem } = await makeCsr({ alg: "ECDSA" });
    const raw = realClient(emu.endpoint, emu);
    const text = await callActionText(raw, "cas", "CreateCertificateWithCsrRequest", {
      Csr: pem,
      Username: "Tom",
      Phone: "13900001234",
      Email: "tom@example.com",
      ValidateType: "FILE",
    });
    assert.match(text, new RegExp(`"OrderId":${FIRST_ORDER_ID}[,}]`));
    const body = parse(text) as Record<string, unknown>;
    assert.ok(isLosslessNumber(body["OrderId"]));
    assert.equal(String(body["OrderId"]), FIRST_ORDER_ID);
    assert.match(
      await callActionText(raw, "cas", "ListUserCertificateOrder", {}),
      new RegExp(`"OrderId":${FIRST_ORDER_ID}[,}]`),
    );
    const pending = await state(FIRST_ORDER_ID);
    assert.equal(pending.validateType, "FILE");
    assert.equal(pending.uri, "/.well-known/pki-validation/fileauth.txt");
    assert.equal(pending.domain, "shop.example.com");
    const issued = (await emu.control.service("cas", "issueNow", { orderId: FIRST_ORDER_ID })) as { certId: string };
    assert.match(
      await callActionText(raw, "cas", "GetUserCertificateDetail", { CertId: issued.certId }),
      new RegExp(`"OrderId":${FIRST_ORDER_ID}[,}]`),
    );
  });

  it("CancelOrderRequest → payed → DeleteCertificateRequest; verify_fail deletes with a refund", async () => {
    const { pem } = await makeCsr();
    await cas.createCertificateWithCsrRequest(createRequest(pem));
    await cas.createCertificateWithCsrRequest(createRequest(pem));
    const [a, b] = [FIRST_ORDER_ID, "98987582437920970"];
    const cancelled = await cas.cancelOrderRequest(new $Cas.CancelOrderRequestRequest({ orderId: exactId(a) }));
    assert.match(String(cancelled.body?.requestId), /^[0-9A-F-]{36}$/);
    assert.equal((await state(a)).type, "payed");
    await cas.deleteCertificateRequest(new $Cas.DeleteCertificateRequestRequest({ orderId: exactId(a) }));
    await expectSdkError(state(a), "NotFound", 400);
    await emu.control.service("cas", "failValidation", { orderId: b });
    assert.equal((await state(b)).type, "verify_fail");
    await expectSdkError(
      cas.cancelOrderRequest(new $Cas.CancelOrderRequestRequest({ orderId: exactId(b) })),
      "OperationDenied.StatusNotSupport",
      400,
    );
    await cas.deleteCertificateRequest(new $Cas.DeleteCertificateRequestRequest({ orderId: exactId(b) }));
    const pkg = await cas.describePackageState(
      new $Cas.DescribePackageStateRequest({ productCode: "digicert-free-1-free" }),
    );
    assert.equal(pkg.body?.usedCount, 1, "the payed order kept its unit, the failed one gave it back");
  });

  it("quota errors arrive as 404 ClientErrors; parameter errors as 400", async () => {
    const { pem } = await makeCsr();
    await emu.control.service("cas", "setQuota", { productCode: "geotrust-dv-1-starter", total: 0 });
    const e = await expectSdkError(
      cas.createCertificateWithCsrRequest(createRequest(pem, { productCode: "geotrust-dv-1-starter" })),
      "NotRemainCount",
      404,
    );
    assert.match(String(e.data?.["Recommend"]), /NotRemainCount/);
    await expectSdkError(
      cas.createCertificateWithCsrRequest(createRequest(pem, { productCode: "cfca-ov-1-personal" })),
      "NotFoundPackage",
      404,
    );
    await expectSdkError(
      cas.createCertificateWithCsrRequest(createRequest(pem, { phone: "call me" })),
      "InvalidParameter.MobileIllegal",
      400,
    );
    await expectSdkError(cas.createCertificateWithCsrRequest(createRequest("not a csr")), "InvalidParameter", 400);
    await expectSdkError(
      cas.createCertificateWithCsrRequest(createRequest(pem, { email: undefined as unknown as string })),
      "MissingEmail",
      400,
    );
    await expectSdkError(state("123"), "NotFound", 400);
  });

  it("a wrong secret gives SignatureDoesNotMatch", async () => {
    await expectSdkError(
      client(emu, "wrong-secret").describePackageState(new $Cas.DescribePackageStateRequest({})),
      "SignatureDoesNotMatch",
      400,
    );
  });
});
