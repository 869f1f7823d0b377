/** CAS handler tests: CreateCertificateWithCsrRequest rules, quota and DescribePackageState. */
import { strict as assert } from "node:assert";
import { createOrder, createParams, call, expectApiError, makeCsr, makeWorld } from "./helpers/cas-fixtures";

const ORDER_ID_BASE = 98987582437920968n;

describe("cas CreateCertificateWithCsrRequest", () => {
  it("creates a DNS order from an RSA 2048 CSR, returns a bigint OrderId above 2^53 and consumes one unit", async () => {
    const world = makeWorld();
    const { pem } = await makeCsr({ sans: ["shop.example.com", "www.shop.example.com"] });
    const body = call(world, "CreateCertificateWithCsrRequest", createParams(pem));
    const orderId = body["OrderId"];
    assert.equal(typeof orderId, "bigint");
    assert.equal(orderId, ORDER_ID_BASE + 1n);
    assert.ok((orderId as bigint) > BigInt(Number.MAX_SAFE_INTEGER));
    const order = world.state.orders[String(orderId)];
    assert.ok(order);
    assert.equal(order.domain, "shop.example.com");
    assert.deepEqual(order.sans, ["shop.example.com", "www.shop.example.com"]);
    assert.equal(order.productCode, "digicert-free-1-free");
    assert.equal(order.state, "domain_verify");
    assert.equal(order.keyAlgorithm, "RSA");
    assert.equal(world.state.packages["digicert-free-1-free"]?.used, 1);
    assert.equal(createOrder(world, pem), String(ORDER_ID_BASE + 2n));
  });

  it("accepts an ECDSA P-256 CSR (ECC)", async () => {
    const world = makeWorld();
    const { pem } = await makeCsr({ alg: "ECDSA", cn: "api.example.org" });
    const id = createOrder(world, pem);
    assert.equal(world.state.orders[id]?.keyAlgorithm, "ECC");
    assert.equal(world.state.orders[id]?.domain, "api.example.org");
  });

  it("stores Tags.N.Key/Value", async () => {
    const world = makeWorld();
    const { pem } = await makeCsr();
    const id = createOrder(world, pem, { "Tags.1.Key": "env", "Tags.1.Value": "prod", "Tags.2.Key": "team" });
    assert.deepEqual(world.state.orders[id]?.tags, [
      { key: "env", value: "prod" },
      { key: "team", value: "" },
    ]);
  });

  describe("rejects bad input with InvalidParameter (400)", () => {
    it("a CSR without a CN", async () => {
      const { pem } = await makeCsr({ cn: null, sans: ["shop.example.com"] });
      const e = expectApiError(() => createOrder(makeWorld(), pem), 400, "InvalidParameter");
      assert.match(e.message, /CN/);
    });

    it("an RSA key below 2048 bits", async () => {
      const { pem } = await makeCsr({ rsaBits: 1024 });
      expectApiError(() => createOrder(makeWorld(), pem), 400, "InvalidParameter");
    });

    it("a CSR whose self-signature does not verify", async () => {
      const { csr } = await makeCsr();
      const der = Buffer.from(csr.rawData);
      der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0xff; // flip bits inside the signature
      const pem = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
      const e = expectApiError(() => createOrder(makeWorld(), pem), 400, "InvalidParameter");
      assert.match(e.message, /signature/);
    });

    it("text that is not a CSR", () => {
      expectApiError(() => createOrder(makeWorld(), "hello"), 400, "InvalidParameter");
      const pem = "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----";
      expectApiError(() => createOrder(makeWorld(), pem), 400, "InvalidParameter");
    });

    it("a CN that is not a domain name", async () => {
      const { pem } = await makeCsr({ cn: "localhost" });
      expectApiError(() => createOrder(makeWorld(), pem), 400, "InvalidParameter");
    });

    it("contact fields and ValidateType", async () => {
      const { pem } = await makeCsr();
      const world = makeWorld();
      expectApiError(() => createOrder(world, pem, { Phone: "12ab" }), 400, "InvalidParameter.MobileIllegal");
      expectApiError(() => createOrder(world, pem, { Phone: "1234" }), 400, "InvalidParameter.MobileIllegal");
      expectApiError(
        () => createOrder(world, pem, { Phone: "+" + "1".repeat(21) }),
        400,
        "InvalidParameter.MobileIllegal",
      );
      expectApiError(() => createOrder(world, pem, { Email: "tom.example.com" }), 400, "InvalidParameter");
      expectApiError(() => createOrder(world, pem, { Username: "   " }), 400, "InvalidParameter");
      expectApiError(() => createOrder(world, pem, { ValidateType: "EMAIL" }), 400, "InvalidParameter");
      assert.equal(createOrder(world, pem, { Phone: "+8613900001234" }).length, 17);
      // Nothing above consumed quota except the last, successful call.
      assert.equal(world.state.packages["digicert-free-1-free"]?.used, 1);
    });

    it("missing required parameters (core check)", async () => {
      const { pem } = await makeCsr();
      const params = createParams(pem);
      delete params["Email"];
      expectApiError(() => call(makeWorld(), "CreateCertificateWithCsrRequest", params), 400, "MissingEmail");
    });

    it("tags outside the documented rules", async () => {
      const { pem } = await makeCsr();
      const world = makeWorld();
      const bad: Record<string, string>[] = [
        { "Tags.21.Key": "k" },
        { "Tags.0.Key": "k" },
        { "Tags.1.Key": "acs:env" },
        { "Tags.1.Key": "aliyunTeam" },
        { "Tags.1.Key": "see https://x" },
        { "Tags.1.Key": "k".repeat(129) },
        { "Tags.1.Key": "k", "Tags.1.Value": "v".repeat(129) },
        { "Tags.1.Value": "orphan" },
        { "Tags.1.Key": "a", "Tags.2.Key": "a" },
        { "Tags.1.Name": "a" },
      ];
      for (const tags of bad) expectApiError(() => createOrder(world, pem, tags), 400, "InvalidParameter");
      createOrder(world, pem, { "Tags.20.Key": "k".repeat(128), "Tags.20.Value": "v".repeat(128) });
    });
  });

  describe("wildcards", () => {
    it("needs a wildcard product code", async () => {
      const { pem } = await makeCsr({ cn: "*.example.com" });
      const world = makeWorld();
      const e = expectApiError(() => createOrder(world, pem), 400, "InvalidParameter");
      assert.match(e.message, /wildcard/);
      for (const code of ["symantec-dv-1-starter", "geotrust-dv-w-starter", "globalsign-dv-w-advanced"]) {
        const id = createOrder(world, pem, { ProductCode: code });
        assert.equal(world.state.orders[id]?.domain, "*.example.com");
      }
    });

    it("rejects a wildcard SAN on a single-domain product and FILE validation for wildcards", async () => {
      const world = makeWorld();
      const sanWildcard = await makeCsr({ cn: "example.net", sans: ["example.net", "*.example.net"] });
      expectApiError(() => createOrder(world, sanWildcard.pem), 400, "InvalidParameter");
      const wildcard = await makeCsr({ cn: "*.example.com" });
      expectApiError(
        () => createOrder(world, wildcard.pem, { ProductCode: "symantec-dv-1-starter", ValidateType: "FILE" }),
        400,
        "InvalidParameter",
      );
    });
  });

  describe("quota", () => {
    it("an unknown or never-bought product code is 404 NotFoundPackage", async () => {
      const { pem } = await makeCsr();
      expectApiError(() => createOrder(makeWorld(), pem, { ProductCode: "no-such-product" }), 404, "NotFoundPackage");
      const onlyFree = makeWorld({ packages: [{ productCode: "digicert-free-1-free", total: 1 }] });
      expectApiError(
        () => createOrder(onlyFree, pem, { ProductCode: "geotrust-dv-1-starter" }),
        404,
        "NotFoundPackage",
      );
    });

    it("a used-up plan is 404 NotRemainCount and consumes nothing more", async () => {
      const { pem } = await makeCsr();
      const world = makeWorld();
      createOrder(world, pem, { ProductCode: "geotrust-dv-1-starter" });
      createOrder(world, pem, { ProductCode: "geotrust-dv-1-starter" });
      expectApiError(() => createOrder(world, pem, { ProductCode: "geotrust-dv-1-starter" }), 404, "NotRemainCount");
      assert.deepEqual(call(world, "DescribePackageState", { ProductCode: "geotrust-dv-1-starter" }), {
        ProductCode: "geotrust-dv-1-starter",
        TotalCount: 2,
        UsedCount: 2,
        IssuedCount: 0,
      });
    });

    it("DescribePackageState defaults to digicert-free-1-free and reports zeros for a plan never bought", () => {
      const world = makeWorld({ packages: [] });
      assert.deepEqual(call(world, "DescribePackageState"), {
        ProductCode: "digicert-free-1-free",
        TotalCount: 0,
        UsedCount: 0,
        IssuedCount: 0,
      });
      assert.equal(call(makeWorld(), "DescribePackageState")["TotalCount"], 20);
    });
  });
});
