/** Unit tier for `cas.DvCertificateOrder`: check rules, diff decisions and mappings, table-driven, no API and no host. */
import "reflect-metadata"; // before @peculiar/x509 (the example's CSR module loads it)
import { strict as assert } from "node:assert";
import { generateKeyPairSync } from "node:crypto";
import { createCsr, generateKeyPair, type PemKeyPair } from "../../examples/dv-certificate-order/csr";
import { UNKNOWN } from "../../provider/resources/common/dynamic";
import { checkOrder } from "../../provider/resources/cas/dv-certificate-order/check";
import { diffOrder } from "../../provider/resources/cas/dv-certificate-order/diff";
import {
  fullRecordName,
  inputsOf,
  toCreateRequest,
  toOutputs,
} from "../../provider/resources/cas/dv-certificate-order/mapping";
import { placeOrder } from "../../provider/resources/cas/dv-certificate-order/create";
import { issuanceDecision } from "../../provider/resources/cas/dv-certificate-order/wait";
import { fakeApi } from "../helpers/fake-api";
import { certificateRequest, x509 } from "../helpers/x509";
import { AlibabaCloudError } from "../../provider/transport/errors";
import { type CertificateState } from "../../provider/transport/operations/cas";

const CONTACT = { username: "Ada Lovelace", phone: "+86 139-0000-1234", email: "ada@example.com" };
type Bag = Record<string, unknown>;

/** PEM as check normalizes it: LF line endings, one final newline. */
function pem(text: string): string {
  return `${text.trim()}\n`;
}

/** A CSR from raw x509 parameters (for the shapes the example's generator never makes); RSA when `rsaBits` is set. */
async function rawCsr(options: {
  name: string;
  rsaBits?: number;
  names?: { type: "dns" | "ip"; value: string }[];
}): Promise<string> {
  const keyType = options.rsaBits === undefined ? "ECDSA" : "RSA";
  return (await certificateRequest({ subject: options.name, names: options.names, keyType, rsaBits: options.rsaBits }))
    .pem;
}

describe("unit: cas.DvCertificateOrder", () => {
  let keys: PemKeyPair;
  let csr: string;
  before(async () => {
    keys = generateKeyPair();
    csr = pem(await createCsr(keys, "shop.example.com", ["www.shop.example.com"]));
  });

  describe("check", () => {
    it("normalizes good inputs and fills the behaviour defaults", async () => {
      const { inputs, failures } = await checkOrder(
        {},
        { csr: csr.replace(/\n/g, "\r\n"), ...CONTACT, validateType: "DNS", tags: { env: "prod" } },
      );
      assert.deepEqual(failures, []);
      assert.deepEqual(inputs, {
        csr,
        username: "Ada Lovelace",
        phone: "+8613900001234",
        email: "ada@example.com",
        validateType: "DNS",
        tags: { env: "prod" },
        waitForIssuance: false,
        issuanceTimeoutSeconds: 3600,
        revokeOnDelete: false,
      });
    });

    const bad: { name: string; news: () => Promise<Bag>; property: string; reason: RegExp }[] = [
      {
        name: "missing csr",
        news: async () => ({ ...CONTACT, validateType: "DNS" }),
        property: "csr",
        reason: /csr is required/,
      },
      {
        name: "not PEM",
        news: async () => ({ csr: "hello", ...CONTACT, validateType: "DNS" }),
        property: "csr",
        reason: /not a PEM certificate request/,
      },
      {
        name: "PEM with a broken body",
        news: async () => ({
          csr: "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----",
          ...CONTACT,
          validateType: "DNS",
        }),
        property: "csr",
        reason: /not a valid PKCS#10/,
      },
      {
        name: "CSR without CN (shows the SANs)",
        news: async () => ({
          csr: await rawCsr({ name: "O=Example", names: [{ type: "dns", value: "a.example.com" }] }),
          ...CONTACT,
          validateType: "DNS",
        }),
        property: "csr",
        reason: /no CN, SANs "a\.example\.com"\) has no subject CN/,
      },
      {
        name: "RSA 1024 key",
        news: async () => ({
          csr: await rawCsr({ name: "CN=small.example.com", rsaBits: 1024 }),
          ...CONTACT,
          validateType: "DNS",
        }),
        property: "csr",
        reason: /CN "small\.example\.com".*RSA 1024 key/,
      },
      {
        name: "IP subjectAltName",
        news: async () => ({
          csr: await rawCsr({ name: "CN=ip.example.com", names: [{ type: "ip", value: "10.0.0.1" }] }),
          ...CONTACT,
          validateType: "DNS",
        }),
        property: "csr",
        reason: /not DNS names \(ip:10\.0\.0\.1\)/,
      },
      {
        name: "CN that is not a hostname",
        news: async () => ({ csr: await rawCsr({ name: "CN=not a host" }), ...CONTACT, validateType: "DNS" }),
        property: "csr",
        reason: /"not a host", which is not a valid DNS name/,
      },
      {
        name: "wildcard with a single-domain product",
        news: async () => ({
          csr: await createCsr(keys, "*.example.com"),
          ...CONTACT,
          validateType: "DNS",
          productCode: "geotrust-dv-1-starter",
        }),
        property: "csr",
        reason: /wildcard names but productCode "geotrust-dv-1-starter" is single-domain/,
      },
      {
        name: "wildcard with FILE validation",
        news: async () => ({
          csr: await createCsr(keys, "*.example.com"),
          ...CONTACT,
          validateType: "FILE",
          productCode: "geotrust-dv-w-starter",
        }),
        property: "csr",
        reason: /validate by DNS only/,
      },
      {
        name: "wrong ValidateType",
        news: async () => ({ csr, ...CONTACT, validateType: "EMAIL" }),
        property: "validateType",
        reason: /"EMAIL" must be one of "DNS", "FILE"/,
      },
      {
        name: "unknown productCode",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", productCode: "letsencrypt" }),
        property: "productCode",
        reason: /must be one of "digicert-free-1-free"/,
      },
      {
        name: "bad email (value not shown)",
        news: async () => ({ csr, ...CONTACT, email: "ada-at-example", validateType: "DNS" }),
        property: "email",
        reason: /^email \(value not shown/,
      },
      {
        name: "bad phone (value not shown)",
        news: async () => ({ csr, ...CONTACT, phone: "call me", validateType: "DNS" }),
        property: "phone",
        reason: /^phone \(value not shown/,
      },
      {
        name: "empty username",
        news: async () => ({ csr, ...CONTACT, username: " ", validateType: "DNS" }),
        property: "username",
        reason: /1 to 64 characters/,
      },
      {
        name: "too many tags",
        news: async () => ({
          csr,
          ...CONTACT,
          validateType: "DNS",
          tags: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, "v"])),
        }),
        property: "tags",
        reason: /21 entries; the API takes at most 20/,
      },
      {
        name: "reserved tag key",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", tags: { "acs:owner": "x" } }),
        property: "tags",
        reason: /"acs:owner" must not start with "acs:" or "aliyun"/,
      },
      {
        name: "oversized tag value",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", tags: { k: "v".repeat(129) } }),
        property: "tags",
        reason: /129 characters; at most 128/,
      },
      {
        name: "orderId above 2^53 as a number",
        news: async () => ({ orderId: 2 ** 60 }), // a number past 2^53 (the digits are already lost)
        property: "orderId",
        reason: /pass ids above 2\^53 as strings/,
      },
      {
        name: "timeout out of range",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", issuanceTimeoutSeconds: 0 }),
        property: "issuanceTimeoutSeconds",
        reason: /from 1 to 172800/,
      },
      {
        name: "non-boolean waitForIssuance",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", waitForIssuance: "yes" }),
        property: "waitForIssuance",
        reason: /must be true or false/,
      },
    ];
    for (const c of bad) {
      it(`fails: ${c.name}`, async () => {
        const failures = (await checkOrder({}, await c.news())).failures ?? [];
        const failure = failures.find((f) => f.property === c.property);
        assert.ok(failure, `no failure on ${c.property}: ${JSON.stringify(failures)}`);
        assert.match(failure.reason, c.reason);
        for (const f of failures)
          assert.ok(
            !f.reason.includes("ada@example.com") &&
              !f.reason.includes("call me") &&
              !f.reason.includes("ada-at-example"),
          );
      });
    }

    it("detects a CSR whose self-signature does not verify", async () => {
      const csrB = await createCsr(generateKeyPair(), "other.example.com");
      const a = new x509.Pkcs10CertificateRequest(csr);
      const b = new x509.Pkcs10CertificateRequest(csrB);
      // Graft B's signature onto A's request.
      const der = Buffer.from(a.rawData);
      const sigA = Buffer.from(a.signature);
      const forged = Buffer.from(
        der
          .toString("hex")
          .replace(sigA.toString("hex"), Buffer.from(b.signature).subarray(0, sigA.length).toString("hex")),
        "hex",
      );
      const pem = `-----BEGIN CERTIFICATE REQUEST-----\n${forged.toString("base64")}\n-----END CERTIFICATE REQUEST-----\n`;
      const failures = (await checkOrder({}, { csr: pem, ...CONTACT, validateType: "DNS" })).failures ?? [];
      assert.ok(
        failures.some((f) => /self-signature does not verify|not a valid PKCS#10/.test(f.reason)),
        JSON.stringify(failures),
      );
    });

    it("skips rules on unknown values and lets an adopted order omit the CSR and contact", async () => {
      const unknowns = await checkOrder(
        {},
        {
          csr: UNKNOWN,
          username: UNKNOWN,
          phone: UNKNOWN,
          email: UNKNOWN,
          validateType: UNKNOWN,
          tags: UNKNOWN,
          waitForIssuance: UNKNOWN,
        },
      );
      assert.deepEqual(unknowns.failures, []);
      const adopted = await checkOrder({}, { orderId: "98987582437920968" });
      assert.deepEqual(adopted.failures, []);
      assert.equal(adopted.inputs?.orderId, "98987582437920968");
    });

    it("keeps the stored CSR when the new one asks for the same thing (re-signed), not when the names change", async () => {
      const again = await createCsr(keys, "shop.example.com", ["www.shop.example.com"]);
      assert.notEqual(again, csr, "ECDSA re-signing changes the PEM");
      assert.equal((await checkOrder({ csr }, { csr: again, ...CONTACT, validateType: "DNS" })).inputs?.csr, csr);
      const other = await createCsr(keys, "shop.example.com");
      assert.equal(
        (await checkOrder({ csr }, { csr: other, ...CONTACT, validateType: "DNS" })).inputs?.csr,
        pem(other),
      );
    });
  });

  describe("diff", () => {
    const olds: Bag = {
      csr: "A",
      ...CONTACT,
      validateType: "DNS",
      orderId: "98987582437920968",
      state: "domain_verify",
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
    };
    const news: Bag = {
      csr: "A",
      ...CONTACT,
      validateType: "DNS",
      waitForIssuance: false,
      issuanceTimeoutSeconds: 3600,
      revokeOnDelete: false,
    };
    const table: { name: string; change: Bag; changes: boolean; replaces: string[] }[] = [
      { name: "nothing", change: {}, changes: false, replaces: [] },
      {
        name: "default productCode spelled out",
        change: { productCode: "digicert-free-1-free" },
        changes: false,
        replaces: [],
      },
      { name: "empty tags", change: { tags: {} }, changes: false, replaces: [] },
      { name: "the own orderId spelled out", change: { orderId: "98987582437920968" }, changes: false, replaces: [] },
      { name: "csr", change: { csr: "B" }, changes: true, replaces: ["csr"] },
      { name: "unknown csr", change: { csr: UNKNOWN }, changes: true, replaces: ["csr"] },
      { name: "email", change: { email: "b@example.com" }, changes: true, replaces: ["email"] },
      { name: "validateType", change: { validateType: "FILE" }, changes: true, replaces: ["validateType"] },
      {
        name: "productCode",
        change: { productCode: "geotrust-dv-1-starter" },
        changes: true,
        replaces: ["productCode"],
      },
      { name: "tags", change: { tags: { a: "1" } }, changes: true, replaces: ["tags"] },
      { name: "another orderId", change: { orderId: "5" }, changes: true, replaces: ["orderId"] },
      { name: "waitForIssuance (in place)", change: { waitForIssuance: true }, changes: true, replaces: [] },
      {
        name: "issuanceTimeoutSeconds (in place)",
        change: { issuanceTimeoutSeconds: 60 },
        changes: true,
        replaces: [],
      },
      { name: "revokeOnDelete (in place)", change: { revokeOnDelete: true }, changes: true, replaces: [] },
    ];
    for (const row of table) {
      it(`${row.name} → ${row.changes ? (row.replaces.length > 0 ? "replace" : "update") : "no change"}`, () => {
        const result = diffOrder("1", olds, { ...news, ...row.change });
        assert.equal(result.changes, row.changes);
        assert.deepEqual(result.replaces, row.replaces);
      });
    }
    it("tag order does not matter", () => {
      assert.equal(
        diffOrder("1", { ...olds, tags: { a: "1", b: "2" } }, { ...news, tags: { b: "2", a: "1" } }).changes,
        false,
      );
    });
  });

  describe("mapping", () => {
    it("maps inputs to CreateCertificateWithCsrRequest parameters (tags sorted, optional ones omitted)", () => {
      const base = inputsOf({ csr: "PEM", username: "U", phone: "123456", email: "e@x.io", validateType: "FILE" });
      assert.deepEqual(toCreateRequest(base), {
        Csr: "PEM",
        Username: "U",
        Phone: "123456",
        Email: "e@x.io",
        ValidateType: "FILE",
      });
      const full = inputsOf({ ...base, productCode: "geotrust-dv-w-starter", tags: { z: "1", a: "2" } });
      assert.deepEqual(toCreateRequest(full), {
        Csr: "PEM",
        Username: "U",
        Phone: "123456",
        Email: "e@x.io",
        ValidateType: "FILE",
        ProductCode: "geotrust-dv-w-starter",
        Tags: [
          { Key: "a", Value: "2" },
          { Key: "z", Value: "1" },
        ],
      });
    });

    const records: [string, string | undefined, string][] = [
      ["_dnsauth", "shop.example.com", "_dnsauth.shop.example.com"],
      ["_dnsauth", "*.example.com", "_dnsauth.example.com"],
      ["_dnsauth.shop.example.com", "shop.example.com", "_dnsauth.shop.example.com"],
      ["_DNSAUTH.Shop.Example.com.", "shop.example.com", "_dnsauth.shop.example.com"],
      ["_dnsauth", undefined, "_dnsauth"],
    ];
    for (const [record, cn, full] of records)
      it(`record name ${record} + ${cn ?? "(no CN)"} → ${full}`, () => assert.equal(fullRecordName(record, cn), full));

    function state(fields: Partial<CertificateState>): CertificateState {
      const empty = {
        validateType: undefined,
        recordDomain: undefined,
        recordType: undefined,
        recordValue: undefined,
        domain: undefined,
        uri: undefined,
        content: undefined,
        certificate: undefined,
        privateKey: undefined,
        certId: undefined,
      };
      return { ...empty, type: "domain_verify", ...fields };
    }

    it("outputs: DNS instructions while pending, certificate fields once issued, never a private key or undefined", () => {
      const inputs = inputsOf({ csr: "PEM" });
      const pending = toOutputs(inputs, {
        orderId: "9",
        commonName: "a.example.com",
        detail: undefined,
        state: state({ recordDomain: "_dnsauth", recordType: "TXT", recordValue: "tok" }),
      });
      assert.deepEqual(
        {
          state: pending.state,
          recordDomain: pending.recordDomain,
          recordType: pending.recordType,
          recordValue: pending.recordValue,
          certificate: pending.certificate,
        },
        {
          state: "domain_verify",
          recordDomain: "_dnsauth.a.example.com",
          recordType: "TXT",
          recordValue: "tok",
          certificate: undefined,
        },
      );
      const file = toOutputs(inputs, {
        orderId: "9",
        commonName: "a.example.com",
        detail: undefined,
        state: state({ domain: "a.example.com", uri: "/.well-known/pki-validation/fileauth.txt", content: "c" }),
      });
      assert.equal(file.uri, "/.well-known/pki-validation/fileauth.txt");
      const detail = {
        id: "77",
        certIdentifier: "77-cn-hangzhou",
        commonName: "a.example.com",
        sans: undefined,
        notAfter: Date.UTC(2030, 0, 2),
        notBefore: undefined,
        expired: false,
        orderId: "9",
        issuer: undefined,
        cert: undefined,
        key: undefined,
      };
      const issued = toOutputs(inputs, {
        orderId: "9",
        commonName: "a.example.com",
        detail,
        state: state({ type: "certificate", certificate: "CERT", certId: "77", privateKey: "SHOULD-NOT-APPEAR" }),
      });
      assert.deepEqual(
        {
          certificate: issued.certificate,
          certId: issued.certId,
          certIdentifier: issued.certIdentifier,
          notAfter: issued.notAfter,
          recordDomain: issued.recordDomain,
        },
        {
          certificate: "CERT",
          certId: "77",
          certIdentifier: "77-cn-hangzhou",
          notAfter: "2030-01-02T00:00:00.000Z",
          recordDomain: undefined,
        },
      );
      assert.ok(!JSON.stringify(issued).includes("SHOULD-NOT-APPEAR"));
      assert.ok(Object.values(issued).every((v) => v !== undefined));
    });

    it("the issuance acceptor: success when issued, failure on verify_fail and on cancelled orders, progress otherwise", () => {
      assert.equal(issuanceDecision(state({ type: "certificate" }), "a.example.com").state, "success");
      assert.equal(issuanceDecision(state({ type: "verify_fail" }), "a.example.com").state, "failure");
      assert.equal(issuanceDecision(state({ type: "payed" }), "a.example.com").state, "failure");
      assert.deepEqual(
        issuanceDecision(state({ recordDomain: "_dnsauth", recordType: "TXT", recordValue: "v" }), "a.example.com"),
        { state: "retry", progress: 'domain_verify: publish DNS TXT _dnsauth.a.example.com = "v"' },
      );
    });
  });

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

  it("generates keys the example way that CAS accepts (RSA keys too)", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    assert.equal(rsa.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    const failures = (
      await checkOrder(
        {},
        { csr: await rawCsr({ name: "CN=rsa.example.com", rsaBits: 2048 }), ...CONTACT, validateType: "FILE" },
      )
    ).failures;
    assert.deepEqual(failures, []);
  });
});
