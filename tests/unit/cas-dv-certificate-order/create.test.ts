/** Unit tier for `cas.DvCertificateOrder`: placing an order after an ambiguous create. Table-driven; no API and no host. */
import { strict as assert } from "node:assert";
import { parseInputs } from "../../../provider/resources/cas/dv-certificate-order/inputs";
import { placeOrder } from "../../../provider/resources/cas/dv-certificate-order/create";
import { CREATE_TOKEN_KEY, createToken } from "../../../provider/resources/cas/dv-certificate-order/create-token";
import { fakeApi } from "../../helpers/fake-api";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import {} from "./fixtures";

describe("unit: cas.DvCertificateOrder", () => {
  describe("placing an order after an ambiguous failure", () => {
    const inputs = parseInputs({ csr: "PEM", username: "U", phone: "123456", email: "e@x.io", validateType: "DNS" });
    const list =
      (...ids: string[]) =>
      () => ({
        CertificateOrderList: ids.map((orderId) => ({ OrderId: orderId, Domain: "a.example.com" })),
        TotalCount: ids.length,
        CurrentPage: 1,
        ShowSize: 50,
      });
    const untagged = () => ({ TagResources: { TagResource: [] }, NextToken: "" });
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
        ListTagResources: [untagged],
        ListUserCertificateOrder: [list("1"), list("1", "2")],
        CreateCertificateWithCsrRequest: [timeout],
      });
      assert.equal(await placeOrder(client, inputs, "a.example.com", "csr-identity"), "2");
      assert.deepEqual(actions, [
        "ListTagResources",
        "ListUserCertificateOrder",
        "CreateCertificateWithCsrRequest",
        "ListUserCertificateOrder",
      ]);
    });

    it("refuses to guess between several new orders", async () => {
      const { api: client } = fakeApi({
        ListTagResources: [untagged],
        ListUserCertificateOrder: [list(), list("2", "3")],
        CreateCertificateWithCsrRequest: [timeout],
      });
      await assert.rejects(placeOrder(client, inputs, "a.example.com", "csr-identity"), /2 new orders .* \(2, 3\)/);
    });

    it("creates again after every silent failure (no count: three here), looking up before each", async () => {
      const placed = () => ({ OrderId: "9" });
      const { api: client, actions } = fakeApi({
        ListTagResources: [untagged],
        ListUserCertificateOrder: [list(), list(), list(), list()],
        CreateCertificateWithCsrRequest: [timeout, timeout, timeout, placed],
      });
      assert.equal(await placeOrder(client, inputs, "a.example.com", "csr-identity"), "9");
      assert.equal(actions.filter((a) => a === "CreateCertificateWithCsrRequest").length, 4);
      assert.equal(actions.filter((a) => a === "ListUserCertificateOrder").length, 4);
    });

    it("gives up at the create's deadline (issuanceTimeoutSeconds) when no order ever appears", async () => {
      const short = parseInputs({ ...inputs, issuanceTimeoutSeconds: 1 });
      const { api: client } = fakeApi({
        ListTagResources: [untagged],
        ListUserCertificateOrder: Array.from({ length: 40 }, () => list()),
        CreateCertificateWithCsrRequest: Array.from({ length: 40 }, () => timeout),
      });
      const started = Date.now();
      await assert.rejects(
        placeOrder(client, short, "a.example.com", "csr-identity"),
        /CreateCertificateWithCsrRequest for a.example.com did not succeed before its deadline/,
      );
      assert.ok(Date.now() - started < 2000, "bounded by the 1 s deadline");
    });
  });

  describe("resuming the order an interrupted run placed (create token)", () => {
    const inputs = parseInputs({ csr: "PEM", username: "U", phone: "123456", email: "e@x.io", validateType: "DNS" });
    const token = createToken(inputs, "csr-identity");
    const tagged =
      (...instances: string[]) =>
      () => ({
        TagResources: {
          TagResource: instances.map((id) => ({
            ResourceId: id,
            ResourceType: "instance",
            TagKey: CREATE_TOKEN_KEY,
            TagValue: token,
          })),
        },
        NextToken: "",
      });
    const orders =
      (...rows: [string, string, string][]) =>
      () => ({
        CertificateOrderList: rows.map(([orderId, instanceId, status]) => ({
          OrderId: orderId,
          InstanceId: instanceId,
          Status: status,
          Domain: "a.example.com",
        })),
        TotalCount: rows.length,
      });

    it("resumes the tagged order without ordering again, and skips a cancelled one", async () => {
      const { api: client, actions } = fakeApi({
        ListTagResources: [tagged("cas-ivauto-1", "cas-ivauto-2")],
        ListUserCertificateOrder: [
          orders(["5", "cas-ivauto-1", "CHECKING"], ["6", "cas-ivauto-2", "PAYED"], ["7", "cas-ivauto-3", "CHECKING"]),
        ],
      });
      assert.equal(await placeOrder(client, inputs, "a.example.com", "csr-identity"), "5");
      assert.deepEqual(actions, ["ListTagResources", "ListUserCertificateOrder"]);
    });

    it("is the same for the same request from the same key, and differs when anything ordered differs", () => {
      assert.equal(createToken(inputs, "csr-identity"), token);
      assert.match(token, /^[0-9a-f]{40}$/);
      const others = [
        createToken(inputs, "other-key"),
        createToken(parseInputs({ ...inputs, tags: { env: "prod" } }), "csr-identity"),
        createToken(parseInputs({ ...inputs, productCode: "geotrust-dv-1-starter" }), "csr-identity"),
        createToken(parseInputs({ ...inputs, email: "f@x.io" }), "csr-identity"),
      ];
      assert.equal(new Set([token, ...others]).size, 5);
    });
  });
});
