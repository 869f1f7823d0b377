/** Unit tier for `cas.DvCertificateOrder`: placing an order after an ambiguous create. Table-driven; no API and no host. */
import { strict as assert } from "node:assert";
import { inputsOf } from "../../../provider/resources/cas/dv-certificate-order/mapping";
import { placeOrder } from "../../../provider/resources/cas/dv-certificate-order/create";
import { fakeApi } from "../../helpers/fake-api";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import {} from "./fixtures";

describe("unit: cas.DvCertificateOrder", () => {
  describe("placing an order after an ambiguous failure", () => {
    const inputs = inputsOf({ csr: "PEM", username: "U", phone: "123456", email: "e@x.io", validateType: "DNS" });
    const list =
      (...ids: string[]) =>
      () => ({
        CertificateOrderList: ids.map((orderId) => ({ OrderId: orderId, Domain: "a.example.com" })),
        TotalCount: ids.length,
        CurrentPage: 1,
        ShowSize: 50,
      });
    const timeout = () => {
      throw new AlibabaCloudError({
        product: "cas",
        action: "CreateCertificateWithCsrRequest",
        kind: "network",
        code: "RequestTimeout",
        serviceMessage: "no reply",
        retryable: true,
        notFound: false,
      });
    };

    it("adopts the single order that appeared", async () => {
      const { api: client, actions } = fakeApi({
        ListUserCertificateOrder: [list("1"), list("1", "2")],
        CreateCertificateWithCsrRequest: [timeout],
      });
      assert.equal(await placeOrder(client, inputs, "a.example.com"), "2");
      assert.deepEqual(actions, [
        "ListUserCertificateOrder",
        "CreateCertificateWithCsrRequest",
        "ListUserCertificateOrder",
      ]);
    });

    it("refuses to guess between several new orders", async () => {
      const { api: client } = fakeApi({
        ListUserCertificateOrder: [list(), list("2", "3")],
        CreateCertificateWithCsrRequest: [timeout],
      });
      await assert.rejects(placeOrder(client, inputs, "a.example.com"), /2 new orders .* \(2, 3\)/);
    });

    it("creates again after every silent failure (no count: three here), looking up before each", async () => {
      const placed = () => ({ OrderId: "9" });
      const { api: client, actions } = fakeApi({
        ListUserCertificateOrder: [list(), list(), list(), list()],
        CreateCertificateWithCsrRequest: [timeout, timeout, timeout, placed],
      });
      assert.equal(await placeOrder(client, inputs, "a.example.com"), "9");
      assert.equal(actions.filter((a) => a === "CreateCertificateWithCsrRequest").length, 4);
      assert.equal(actions.filter((a) => a === "ListUserCertificateOrder").length, 4);
    });

    it("gives up at the create's deadline (issuanceTimeoutSeconds) when no order ever appears", async () => {
      const short = inputsOf({ ...inputs, issuanceTimeoutSeconds: 1 });
      const { api: client } = fakeApi({
        ListUserCertificateOrder: Array.from({ length: 40 }, () => list()),
        CreateCertificateWithCsrRequest: Array.from({ length: 40 }, () => timeout),
      });
      const started = Date.now();
      await assert.rejects(
        placeOrder(client, short, "a.example.com"),
        /CreateCertificateWithCsrRequest for a.example.com did not succeed before its deadline/,
      );
      assert.ok(Date.now() - started < 2000, "bounded by the 1 s deadline");
    });
  });
});
