/**
 * Unit tier for `cas.DvCertificateOrder`'s delete (issue 24, "clean-up always finishes"): a revocation waits for the
 * domain's renewal in flight and fails (keeping the order in the state) instead of leaving a valid certificate
 * unmanaged; a revoked certificate whose DeleteUserCertificate failed before is deleted by a later run.
 */
import { strict as assert } from "node:assert";
import FakeTimers from "@sinonjs/fake-timers";
import { deleteOrder, RENEWAL_SETTLE_TIMEOUT_MS } from "../../../provider/resources/cas/dv-certificate-order/delete";
import { fakeApi, type ScriptedReply } from "../../helpers/fake-api";
import { type Bag } from "./fixtures";

const ORDER = "98987582437920968";
const RENEWAL = "98987582437920999";
const props: Bag = {
  orderId: ORDER,
  commonName: "shop.example.com",
  state: "certificate",
  certId: "77",
  revokeOnDelete: true,
};

const listing =
  (renewalStatus: string | undefined): ScriptedReply =>
  () => {
    const orders = [{ OrderId: ORDER, Domain: "shop.example.com", Status: "ISSUED" }];
    if (renewalStatus !== undefined)
      orders.push({ OrderId: RENEWAL, Domain: "shop.example.com", Status: renewalStatus });
    return { CertificateOrderList: orders, TotalCount: orders.length, CurrentPage: 1, ShowSize: 50 };
  };
const issued: ScriptedReply = () => ({ Type: "certificate", CertId: 77 });

describe("unit: cas.DvCertificateOrder delete", () => {
  let clock: FakeTimers.Clock | undefined;
  afterEach(() => {
    clock?.uninstall();
    clock = undefined;
  });

  it("revokes once the renewal in flight is gone, in the same delete", async () => {
    clock = FakeTimers.install({ now: Date.now(), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const fake = fakeApi({
      DescribeCertificateState: [issued, issued],
      ListUserCertificateOrder: [listing("CHECKING"), listing("CHECKING"), listing(undefined)],
      CancelCertificateForPackageRequest: [() => ({})],
      DeleteUserCertificate: [() => ({})],
    });
    const deleting = deleteOrder(fake.api, ORDER, props);
    await clock.tickAsync(60_000);
    await deleting;
    assert.deepEqual(fake.actions, [
      "DescribeCertificateState",
      "ListUserCertificateOrder",
      "ListUserCertificateOrder",
      "ListUserCertificateOrder",
      "CancelCertificateForPackageRequest",
      "DeleteUserCertificate",
    ]);
  });

  it("fails, keeping the order in the state, when the renewal never finishes", async () => {
    clock = FakeTimers.install({ now: Date.now(), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const fake = fakeApi({
      DescribeCertificateState: [issued],
      ListUserCertificateOrder: Array.from({ length: 500 }, () => listing("CHECKING")),
    });
    const deleting = deleteOrder(fake.api, ORDER, props).then(
      () => assert.fail("a delete that leaves a valid certificate must not succeed"),
      (e: unknown) => e,
    );
    await clock.tickAsync(RENEWAL_SETTLE_TIMEOUT_MS + 60_000);
    const error = await deleting;
    assert.ok(error instanceof Error);
    assert.match(error.message, new RegExp(`was not revoked and stays in the Pulumi state: order ${RENEWAL}`));
    assert.ok(!fake.actions.includes("CancelCertificateForPackageRequest"));
  });

  it("deletes the certificate a revocation left behind (state unknow) when revokeOnDelete", async () => {
    const fake = fakeApi({
      DescribeCertificateState: [() => ({ Type: "unknow" })],
      DeleteUserCertificate: [() => ({})],
    });
    await deleteOrder(fake.api, ORDER, props);
    assert.deepEqual(fake.actions, ["DescribeCertificateState", "DeleteUserCertificate"]);
  });

  it("leaves a certificate revoked elsewhere alone when revokeOnDelete is false", async () => {
    const fake = fakeApi({ DescribeCertificateState: [() => ({ Type: "unknow" })] });
    await deleteOrder(fake.api, ORDER, { ...props, revokeOnDelete: false });
    assert.deepEqual(fake.actions, ["DescribeCertificateState"]);
  });
});
