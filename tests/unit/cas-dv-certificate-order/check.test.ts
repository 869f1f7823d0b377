/** Unit tier for `cas.DvCertificateOrder`: check rules. Table-driven; no API and no host. */
import "reflect-metadata"; // before @peculiar/x509 (the example's CSR module loads it)
import { strict as assert } from "node:assert";
import { generateKeyPairSync } from "node:crypto";
import { createCsr, generateKeyPair } from "../../../examples/dv-certificate-order/csr";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { x509 } from "../../helpers/x509";
import { CONTACT, pem, rawCsr, shopCsr, type Bag } from "./fixtures";
import { type PemKeyPair } from "../../../examples/dv-certificate-order/csr";
import { failedProperty } from "../../helpers/check-failures";

describe("unit: cas.DvCertificateOrder", () => {
  let keys: PemKeyPair;
  let csr: string;
  before(async () => {
    ({ keys, csr } = await shopCsr());
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
        // renewBeforeDays has no default: unset renews when one third of the lifetime remains (see renewal.ts).
      });
    });

    it("keeps renewBeforeDays and a normalized delegation zone", async () => {
      const { inputs, failures } = await checkOrder(
        {},
        {
          csr,
          ...CONTACT,
          validateType: "DNS",
          renewBeforeDays: 0,
          validationDelegation: { zone: "DCV.Example.net." },
        },
      );
      assert.deepEqual(failures, []);
      assert.equal(inputs?.renewBeforeDays, 0);
      assert.deepEqual(inputs?.validationDelegation, { zone: "dcv.example.net" });
    });

    const bad: { name: string; news: () => Promise<Bag>; property: string; reason: RegExp }[] = [
      {
        name: "renewBeforeDays above a year",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", renewBeforeDays: 400 }),
        property: "renewBeforeDays",
        reason: /renewBeforeDays 400 must be a whole number of days from 0 \(renewal off\) to 365/,
      },
      {
        name: "fractional renewBeforeDays",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", renewBeforeDays: 1.5 }),
        property: "renewBeforeDays",
        reason: /whole number/,
      },
      {
        name: "negative renewBeforeDays",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", renewBeforeDays: -1 }),
        property: "renewBeforeDays",
        reason: /renewBeforeDays -1 must/,
      },
      {
        name: "delegation with FILE validation",
        news: async () => ({
          csr,
          ...CONTACT,
          validateType: "FILE",
          validationDelegation: { zone: "dcv.example.net" },
        }),
        property: "validationDelegation",
        reason: /DNS validation only.*validateType is "FILE"/,
      },
      {
        name: "delegation zone that is not a hostname",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", validationDelegation: { zone: "not a zone" } }),
        property: "validationDelegation",
        reason: /^validationDelegation.zone "not a zone" is not a valid hostname/,
      },
      {
        name: "delegation without a zone",
        news: async () => ({ csr, ...CONTACT, validateType: "DNS", validationDelegation: {} }),
        property: "validationDelegation",
        reason: /^validationDelegation.zone is required/,
      },
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
        reason:
          /21 entries; at most 19 are allowed \(the API takes 20, one is the provider's pulumi-alicloud-certs:create-token\)/,
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
        const failure = failures.find((f) => failedProperty(f) === c.property);
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
