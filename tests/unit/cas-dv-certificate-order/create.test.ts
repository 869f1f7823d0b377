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

    it("creates once more when no order appeared, and gives up after a second silent failure", async () => {
      const { api: client } = fakeApi({
        ListUserCertificateOrder: [list(), list(), list()],
        CreateCertificateWithCsrRequest: [timeout, timeout],
      });
      await assert.rejects(placeOrder(client, inputs, "a.example.com"), /got no reply twice and placed no order/);
    });
  });
});
