/** CAS ListTagResources: the instances carrying an order's CreateCertificateWithCsrRequest tags. */
import { strict as assert } from "node:assert";
import { call, createOrder, expectApiError, makeCsr, makeWorld } from "./helpers/cas-fixtures";

describe("cas ListTagResources", () => {
  it("finds the instance of the order carrying a tag, as ListUserCertificateOrder names it", async () => {
    const world = makeWorld();
    const { pem } = await makeCsr();
    const tagged = createOrder(world, pem, {
      "Tags.1.Key": "token",
      "Tags.1.Value": "abc",
      "Tags.2.Key": "env",
      "Tags.2.Value": "prod",
    });
    createOrder(world, pem, { "Tags.1.Key": "token", "Tags.1.Value": "other" });
    const body = call(world, "ListTagResources", {
      RegionId: "cn-hangzhou",
      ResourceType: "instance",
      "Tag.1.Key": "token",
      "Tag.1.Value": "abc",
    });
    const instance = world.state.orders[tagged]?.instanceId;
    assert.deepEqual(body["TagResources"], {
      TagResource: [
        { ResourceId: instance, ResourceType: "instance", TagKey: "token", TagValue: "abc" },
        { ResourceId: instance, ResourceType: "instance", TagKey: "env", TagValue: "prod" },
      ],
    });
    assert.equal(body["NextToken"], "");
    const listed = call(world, "ListUserCertificateOrder", { OrderType: "CPACK", Keyword: String(instance) });
    const orders = listed["CertificateOrderList"] as { OrderId: bigint; InstanceId: string }[];
    assert.deepEqual(
      orders.map((o) => String(o.OrderId)),
      [tagged],
      "the instance id leads back to the order",
    );
  });

  it("pages with NextToken and MaxResults", async () => {
    const world = makeWorld();
    const { pem } = await makeCsr();
    for (let i = 0; i < 3; i++) createOrder(world, pem, { "Tags.1.Key": "batch", "Tags.1.Value": "1" });
    const params = { RegionId: "cn-hangzhou", ResourceType: "instance", "Tag.1.Key": "batch", MaxResults: "2" };
    const first = call(world, "ListTagResources", params);
    assert.equal((first["TagResources"] as { TagResource: unknown[] }).TagResource.length, 2);
    const second = call(world, "ListTagResources", { ...params, NextToken: String(first["NextToken"]) });
    assert.equal((second["TagResources"] as { TagResource: unknown[] }).TagResource.length, 1);
    assert.equal(second["NextToken"], "");
  });

  it("rejects another ResourceType and a request with neither ResourceId nor Tag", () => {
    const world = makeWorld();
    expectApiError(
      () => call(world, "ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "cert", "Tag.1.Key": "k" }),
      400,
      "InvalidParameter",
    );
    expectApiError(
      () => call(world, "ListTagResources", { RegionId: "cn-hangzhou", ResourceType: "instance" }),
      400,
      "InvalidParameter",
    );
  });
});
