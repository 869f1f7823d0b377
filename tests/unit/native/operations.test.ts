/**
 * The native provider's resource operations on plain values (provider/native/operations.ts), the parts that need
 * no API: it serves exactly the resources `schema.json` declares, through their own verbs; `__provider` never
 * reaches a verb or leaves; the hidden name input comes from the request (so GA's claims name the resource) and is
 * never answered; declared secrets leave secret; a preview's create or update calls no API.
 */
import { strict as assert } from "node:assert";
import { check, create, nameOf, update } from "../../../provider/native/operations";
import { NATIVE_RESOURCES, resourceOf } from "../../../provider/native/resources";
import { isSecretValue, SECRET_SIGNATURE, SECRET_SIGNATURE_KEY } from "../../../provider/native/wire";
import { schemaToken } from "../../../provider/resources/common/declaration";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { DECLARATIONS } from "../../../scripts/generate/index";
import { selfSignedCertificate } from "../../helpers/test-certs";

const GA = "alicloud-certs:ga:ListenerAdditionalCertificate";
const ESA = "alicloud-certs:esa:CustomHostname";
const urn = (type: string, name: string): string => `urn:pulumi:dev::shop::${type}::${name}`;
const target = (type: string, name: string): { type: string; urn: string } => ({ type, urn: urn(type, name) });

/** A GA binding's inputs for `domain`. */
function binding(domain: string): Record<string, unknown> {
  return {
    acceleratorId: "ga-bp1native0000000001",
    listenerId: "lsr-bp1native0000000001",
    domain,
    certificateId: "23456789-cn-hangzhou",
  };
}

describe("unit: native provider operations", () => {
  it("serves exactly the resources of schema.json, by their tokens", () => {
    assert.deepEqual(
      NATIVE_RESOURCES.map((r) => r.token),
      DECLARATIONS.map(schemaToken),
    );
    assert.throws(
      () => resourceOf("alicloud-certs:esa:Nope"),
      /has no resource type "alicloud-certs:esa:Nope" \(it serves alicloud-certs:esa:CustomHostname, /,
    );
  });

  it("names a resource by the request's name, else by its URN", () => {
    assert.equal(nameOf({ type: GA, urn: urn(GA, "vip") }), "vip");
    assert.equal(nameOf({ type: GA, urn: urn(`parent$${GA}`, "a::b"), name: "" }), "a::b");
    assert.equal(nameOf({ type: GA, urn: urn(GA, "x"), name: "given" }), "given");
  });

  it("GA claims name each resource by its name from the request; the hidden name is never answered", async () => {
    const first = await check(target(GA, "vip"), {}, binding("claimed.native-ops.example.com"));
    assert.deepEqual(first.failures, []);
    assert.equal("__resourceName" in first.inputs, false, "the hidden name stays out of the checked inputs");
    const second = await check(target(GA, "vip-copy"), {}, binding("claimed.native-ops.example.com"));
    assert.equal(second.failures.length, 1);
    assert.match(
      second.failures[0]?.reason ?? "",
      /claimed by both ga\.ListenerAdditionalCertificate "vip-copy" and ga\.ListenerAdditionalCertificate "vip"/,
    );
  });

  it("drops the dynamic provider's __provider from what reaches a verb and from what leaves", async () => {
    const news = { ...binding("provider-key.native-ops.example.com"), __provider: "exports.handler = …" };
    const result = await check(target(GA, "moved"), { __provider: "old text" }, news);
    assert.deepEqual(result.failures, []);
    assert.equal("__provider" in result.inputs, false);
  });

  it("keeps declared secrets secret, even typed in plain text, and a secret the program marked", async () => {
    const cert = await selfSignedCertificate(["shop.native-ops.example.com"]);
    const news = {
      siteId: "7096621098379520",
      recordId: { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value: "4042843419650112" },
      hostname: "shop.native-ops.example.com",
      certType: "upload",
      certificate: cert.certificate,
      privateKey: cert.privateKey,
    };
    const result = await check(target(ESA, "shop"), {}, news);
    assert.deepEqual(result.failures, []);
    assert.ok(isSecretValue(result.inputs["privateKey"]), "a private key is always secret");
    assert.ok(isSecretValue(result.inputs["recordId"]), "a value the program made secret stays secret");
    assert.equal(result.inputs["hostname"], "shop.native-ops.example.com", "nothing else is marked");
  });

  it("a preview's create and update call no API: the inputs, every computed output unknown", async () => {
    const inputs = { ...binding("preview.native-ops.example.com") };
    const created = await create(target(GA, "preview"), inputs, true);
    assert.equal(created.id, "");
    assert.deepEqual(created.properties, { ...inputs, state: UNKNOWN });
    const updated = await update(target(GA, "preview"), "x", { ...inputs, state: "active" }, inputs, true);
    assert.deepEqual(updated.properties, { ...inputs, state: UNKNOWN });
  });

  it("a preview's update keeps the outputs that name the object (an update keeps the id), and no other", async () => {
    const CAS = "alicloud-certs:cas:DvCertificateOrder";
    const computed = resourceOf(CAS).computed;
    assert.ok(computed.includes("certId") && !computed.includes("orderId"), "orderId is an input too (adoption)");
    const olds = { validateType: "DNS", orderId: "8868", certId: "12345", state: "checking" };
    const updated = await update(target(CAS, "order"), "8868", olds, { validateType: "DNS" }, true);
    // Before: with the id unknown, the waiter reading orderId was previewed as replaced.
    assert.equal(updated.properties["orderId"], "8868", "the order's id is the resource's id: kept");
    assert.equal(updated.properties["certId"], UNKNOWN, "anything else the update may change is unknown");
    assert.equal(updated.properties["state"], UNKNOWN);
  });
});
