/** CAS handler tests: certificate detail/deletion, ListUserCertificateOrder, seeds, dumpObjects and the GA lookup. */
import { strict as assert } from "node:assert";
import { casCertificateExists, casService } from "../../emulator/services/cas";
import {
  DAY,
  call,
  control,
  createOrder,
  expectApiError,
  makeCsr,
  makeWorld,
  pemBlocks,
  type TestWorld,
} from "./helpers/cas-fixtures";

const UPLOADED = { certId: 20000001, commonName: "uploaded.example.com", sans: ["alt.example.com"] };

/** Create an order for `cn` and issue it right away; returns the order and certificate ids. */
async function issue(world: TestWorld, cn = "shop.example.com"): Promise<{ orderId: string; certId: string }> {
  const orderId = createOrder(world, (await makeCsr({ cn })).pem);
  const result = control(world, "issueNow", { orderId }) as { certId: string };
  return { orderId, certId: result.certId };
}

function list(world: TestWorld, params: Record<string, string> = {}): Record<string, unknown>[] {
  const body = call(world, "ListUserCertificateOrder", params);
  return body["CertificateOrderList"] as Record<string, unknown>[];
}

describe("cas GetUserCertificateDetail", () => {
  it("describes an issued certificate; CertFilter=true drops the PEM fields", async () => {
    const world = makeWorld();
    const { orderId, certId } = await issue(world);
    const detail = call(world, "GetUserCertificateDetail", { CertId: certId });
    assert.equal(detail["Id"], Number(certId));
    assert.equal(detail["CertIdentifier"], `${certId}-cn-hangzhou`);
    assert.equal(detail["Common"], "shop.example.com");
    assert.equal(detail["Sans"], "shop.example.com");
    assert.equal(detail["OrderId"], BigInt(orderId));
    assert.equal(detail["Issuer"], "Alibaba Cloud Emulator Root CA");
    assert.equal(detail["Key"], "", "CAS never holds the key of a CSR order");
    assert.equal(pemBlocks(String(detail["Cert"])).length, 2);
    assert.equal(detail["Expired"], false);
    assert.equal(detail["BuyInAliyun"], true);
    assert.equal(detail["Algorithm"], "RSA");
    assert.equal(typeof detail["NotBefore"], "number");
    // The 3-month product's 90-day validity period, notBefore through notAfter inclusive (RFC 5280 §4.1.2.5).
    assert.equal((detail["NotAfter"] as number) - (detail["NotBefore"] as number), 90 * DAY - 1000);
    assert.match(String(detail["StartDate"]), /^\d{4}-\d{2}-\d{2}$/);
    assert.match(String(detail["Fingerprint"]), /^[0-9A-F]{40}$/);
    assert.match(String(detail["Sha2"]), /^[0-9A-F]{64}$/);
    assert.equal((detail["CertChain"] as unknown[]).length, 2);
    const filtered = call(world, "GetUserCertificateDetail", { CertId: certId, CertFilter: "true" });
    assert.equal(filtered["Cert"], undefined);
    assert.equal(filtered["Key"], undefined);
    assert.equal(filtered["Common"], "shop.example.com");
    expectApiError(
      () => call(world, "GetUserCertificateDetail", { CertId: certId, CertFilter: "yes" }),
      400,
      "InvalidParameter",
    );
  });

  it("answers 400 NotFound for unknown ids and InvalidParameter for non-integers", () => {
    const world = makeWorld();
    expectApiError(() => call(world, "GetUserCertificateDetail", { CertId: "999" }), 400, "NotFound");
    expectApiError(() => call(world, "GetUserCertificateDetail", { CertId: "abc" }), 400, "InvalidParameter");
  });

  it("shows a seeded uploaded certificate with its key", () => {
    const world = makeWorld({ certificates: [UPLOADED] });
    const detail = call(world, "GetUserCertificateDetail", { CertId: "20000001" });
    assert.equal(detail["Common"], "uploaded.example.com");
    assert.equal(detail["Sans"], "uploaded.example.com,alt.example.com");
    assert.equal(detail["OrderId"], undefined);
    assert.equal(detail["BuyInAliyun"], false);
    assert.match(String(detail["Key"]), /BEGIN PRIVATE KEY/);
  });
});

describe("cas DeleteUserCertificate", () => {
  it("deletes revoked, expired and uploaded certificates only", async () => {
    const world = makeWorld({ ...(casService.defaultSeed as object), certificates: [UPLOADED] });
    const valid = await issue(world, "a.example.com");
    const revoked = await issue(world, "b.example.com");
    call(world, "CancelCertificateForPackageRequest", { OrderId: revoked.orderId });
    expectApiError(
      () => call(world, "DeleteUserCertificate", { CertId: valid.certId }),
      400,
      "OperationDenied.StatusNotSupport",
    );
    assert.deepEqual(call(world, "DeleteUserCertificate", { CertId: revoked.certId }), {});
    assert.deepEqual(call(world, "DeleteUserCertificate", { CertId: "20000001" }), {});
    world.advance(91 * DAY);
    assert.deepEqual(call(world, "DeleteUserCertificate", { CertId: valid.certId }), {});
    for (const id of [valid.certId, revoked.certId, "20000001"]) {
      expectApiError(() => call(world, "GetUserCertificateDetail", { CertId: id }), 400, "NotFound");
      expectApiError(() => call(world, "DeleteUserCertificate", { CertId: id }), 400, "NotFound");
    }
  });
});

describe("cas ListUserCertificateOrder", () => {
  async function populated(): Promise<{
    world: TestWorld;
    issued: string;
    pending: string;
    failed: string;
    payed: string;
  }> {
    const world = makeWorld({ ...(casService.defaultSeed as object), certificates: [UPLOADED] });
    const { orderId: issued } = await issue(world, "issued.example.com");
    const pending = createOrder(world, (await makeCsr({ cn: "pending.example.com" })).pem);
    const failed = createOrder(world, (await makeCsr({ cn: "failed.example.com" })).pem);
    control(world, "failValidation", { orderId: failed });
    const payed = createOrder(world, (await makeCsr({ cn: "payed.example.com" })).pem);
    call(world, "CancelOrderRequest", { OrderId: payed });
    return { world, issued, pending, failed, payed };
  }

  it("lists CPACK orders by default with bigint OrderIds and the documented statuses", async () => {
    const { world, issued, pending, failed, payed } = await populated();
    const body = call(world, "ListUserCertificateOrder");
    assert.equal(body["CurrentPage"], 1);
    assert.equal(body["ShowSize"], 50);
    assert.equal(body["TotalCount"], 4);
    const items = body["CertificateOrderList"] as Record<string, unknown>[];
    const status = new Map(items.map((i) => [String(i["OrderId"]), i["Status"]]));
    assert.deepEqual(Object.fromEntries(status), {
      [issued]: "ISSUED",
      [pending]: "CHECKING",
      [failed]: "CHECKED_FAIL",
      [payed]: "PAYED",
    });
    const item = items.find((i) => String(i["OrderId"]) === issued) ?? {};
    assert.equal(typeof item["OrderId"], "bigint");
    assert.equal(item["Domain"], "issued.example.com");
    assert.equal(item["ProductCode"], "digicert-free-1-free");
    assert.equal(item["CertType"], "FREE");
    assert.equal(item["SourceType"], "cpack");
    assert.equal(typeof item["CertEndTime"], "number");
    assert.deepEqual(
      list(world, { Status: "CHECKING" }).map((i) => String(i["OrderId"])),
      [pending],
    );
  });

  it("filters by Keyword (domain or id, fuzzy) and pages", async () => {
    const { world, issued, pending } = await populated();
    assert.deepEqual(
      list(world, { Keyword: "PENDING.example" }).map((i) => String(i["OrderId"])),
      [pending],
    );
    assert.deepEqual(
      list(world, { Keyword: issued.slice(-6) }).map((i) => String(i["OrderId"])),
      [issued],
    );
    const page2 = call(world, "ListUserCertificateOrder", { ShowSize: "3", CurrentPage: "2" });
    assert.equal(page2["TotalCount"], 4);
    assert.equal((page2["CertificateOrderList"] as unknown[]).length, 1);
    expectApiError(() => list(world, { ShowSize: "0" }), 400, "InvalidParameter");
    expectApiError(() => list(world, { CurrentPage: "x" }), 400, "InvalidParameter");
  });

  it("CERT lists valid issued + uploaded certificates, UPLOAD only uploaded ones", async () => {
    const { world } = await populated();
    const certs = list(world, { OrderType: "CERT" });
    assert.deepEqual(certs.map((c) => c["CommonName"]).sort(), ["issued.example.com", "uploaded.example.com"]);
    const uploaded = list(world, { OrderType: "UPLOAD" });
    assert.equal(uploaded.length, 1);
    assert.equal(uploaded[0]?.["CertificateId"], 20000001);
    assert.equal(uploaded[0]?.["Upload"], true);
    assert.match(String(uploaded[0]?.["EndDate"]), /^\d{4}-\d{2}-\d{2}$/);
    assert.deepEqual(list(world, { OrderType: "BUY" }), []);
  });

  it("moves ISSUED to WILLEXPIRED (30 days before NotAfter) and EXPIRED", async () => {
    const { world, issued } = await populated();
    world.advance(61 * DAY);
    const statusOf = (): unknown => list(world, { Keyword: issued })[0]?.["Status"];
    assert.equal(statusOf(), "WILLEXPIRED");
    assert.equal(list(world, { OrderType: "CERT", Status: "WILLEXPIRED" }).length, 1);
    world.advance(30 * DAY);
    assert.equal(statusOf(), "EXPIRED");
    assert.deepEqual(
      list(world, { OrderType: "CERT", Status: "EXPIRED" }).map((c) => c["CommonName"]),
      ["issued.example.com"],
    );
    assert.equal(list(world, { OrderType: "CERT" }).length, 1, "only the uploaded certificate is still valid");
  });

  it("shows REVOKED orders and validates OrderType/Status combinations", async () => {
    const { world, issued } = await populated();
    call(world, "CancelCertificateForPackageRequest", { OrderId: issued });
    assert.equal(list(world, { Status: "REVOKED" }).length, 1);
    expectApiError(() => list(world, { OrderType: "CERT", Status: "PAYED" }), 400, "InvalidParameter");
    expectApiError(() => list(world, { OrderType: "NOPE" }), 400, "InvalidParameter");
    expectApiError(() => list(world, { Status: "DONE" }), 400, "InvalidParameter");
  });
});

describe("cas seed, dump and lookup", () => {
  it("the default seed holds the seven documented DV plans", () => {
    const world = makeWorld();
    assert.deepEqual(
      Object.values(world.state.packages).map((p) => [p.productCode, p.total, p.used]),
      [
        ["digicert-free-1-free", 20, 0],
        ["symantec-free-1-free", 5, 0],
        ["symantec-dv-1-starter", 2, 0],
        ["geotrust-dv-1-starter", 2, 0],
        ["geotrust-dv-w-starter", 2, 0],
        ["globalsign-dv-1-personal", 2, 0],
        ["globalsign-dv-w-advanced", 2, 0],
      ],
    );
    assert.equal(world.state.ca, null, "the CA is created on first use, not by the seed");
  });

  it("seeds uploaded certificates from a PEM and keeps issued ids clear of seeded ones", async () => {
    const source = makeWorld({ certificates: [UPLOADED] });
    const pem = source.state.certificates["20000001"]?.pem ?? "";
    const world = makeWorld({
      packages: [{ productCode: "digicert-free-1-free", total: 3, used: 1 }],
      certificates: [{ certId: "14000001", pem, name: "imported" }],
    });
    const seeded = world.state.certificates["14000001"];
    assert.equal(seeded?.commonName, "uploaded.example.com");
    assert.equal(seeded?.name, "imported");
    assert.equal(seeded?.key, "");
    const { certId } = await issue(world);
    assert.equal(certId, "14000002");
  });

  it("rejects bad seeds and leaves the state untouched", () => {
    const world = makeWorld({ packages: [] });
    const bad: unknown[] = [
      "x",
      { packages: {} },
      { packages: [{ productCode: "nope", total: 1 }] },
      { packages: [{ productCode: "digicert-free-1-free", total: 1.5 }] },
      { packages: [{ productCode: "digicert-free-1-free", total: 1, used: 2 }] },
      { certificates: [{ certId: 0, commonName: "a.example.com" }] },
      { certificates: [{ certId: 5 }] },
      { certificates: [{ certId: 5, commonName: "not a domain" }] },
      { certificates: [{ certId: 5, pem: "garbage" }] },
      { certificates: [{ certId: 5, commonName: "a.example.com", sans: "a.example.com" }] },
      { certificates: [UPLOADED, UPLOADED] },
      { packages: [{ productCode: "digicert-free-1-free", total: 9 }], certificates: [{ certId: 7 }] },
      { orders: [] },
    ];
    for (const seed of bad) assert.throws(() => casService.applySeed(world.state, seed, world.ctx), Error);
    assert.deepEqual(world.state.packages, {});
    assert.deepEqual(world.state.certificates, {});
    casService.applySeed(world.state, undefined, world.ctx);
  });

  it("casCertificateExists: issued and uploaded, not revoked; numeric id or <id>-cn-hangzhou", async () => {
    const world = makeWorld({ ...(casService.defaultSeed as object), certificates: [UPLOADED] });
    const { orderId, certId } = await issue(world);
    assert.ok(casCertificateExists(world.state, certId));
    assert.ok(casCertificateExists(world.state, "20000001"));
    assert.ok(casCertificateExists(world.state, "20000001-cn-hangzhou"));
    assert.ok(!casCertificateExists(world.state, "20000001-ap-southeast-1"));
    assert.ok(!casCertificateExists(world.state, "29999999"));
    assert.ok(!casCertificateExists(world.state, "abc"));
    call(world, "CancelCertificateForPackageRequest", { OrderId: orderId });
    assert.ok(!casCertificateExists(world.state, certId));
    assert.equal(casService.certificateExists, casCertificateExists);
  });

  it("dumpObjects lists packages, orders (string ids) and certificates without key material", async () => {
    const world = makeWorld({ ...(casService.defaultSeed as object), certificates: [UPLOADED] });
    const { orderId, certId } = await issue(world);
    const dump = casService.dumpObjects(world.state, world.ctx) as {
      packages: unknown[];
      orders: { orderId: unknown; certId: unknown }[];
      certificates: { certId: unknown }[];
      ca: unknown;
    };
    assert.equal(dump.packages.length, 7);
    assert.deepEqual(
      dump.orders.map((o) => [o.orderId, o.certId]),
      [[orderId, certId]],
    );
    assert.deepEqual(dump.certificates.map((c) => c.certId).sort(), [certId, "20000001"].sort());
    const text = JSON.stringify(dump);
    assert.ok(!text.includes("PRIVATE KEY") && !text.includes("BEGIN CERTIFICATE"));
  });

  it("declares required parameters and write flags", () => {
    const writes = Object.entries(casService.actions)
      .filter(([, a]) => a.write)
      .map(([name]) => name)
      .sort();
    assert.deepEqual(writes, [
      "CancelCertificateForPackageRequest",
      "CancelOrderRequest",
      "CreateCertificateWithCsrRequest",
      "DeleteCertificateRequest",
      "DeleteUserCertificate",
    ]);
    assert.deepEqual(casService.actions["CreateCertificateWithCsrRequest"]?.required, [
      "Csr",
      "Username",
      "Phone",
      "Email",
      "ValidateType",
    ]);
  });
});
