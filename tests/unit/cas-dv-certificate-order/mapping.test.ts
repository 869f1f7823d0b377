/** Unit tier for `cas.DvCertificateOrder`: mappings and the issuance wait acceptor. Table-driven; no API and no host. */
import { strict as assert } from "node:assert";
import { parseInputs } from "../../../provider/resources/cas/dv-certificate-order/inputs";
import { toCreateRequest, toOutputs } from "../../../provider/resources/cas/dv-certificate-order/mapping";
import { fullRecordName, issuanceDecision } from "../../../provider/resources/cas/issuance";
import { type CertificateState } from "../../../provider/transport/operations/cas";
import {} from "./fixtures";

describe("unit: cas.DvCertificateOrder", () => {
  describe("mapping", () => {
    it("maps inputs to CreateCertificateWithCsrRequest parameters (tags sorted, optional ones omitted)", () => {
      const base = parseInputs({ csr: "PEM", username: "U", phone: "123456", email: "e@x.io", validateType: "FILE" });
      assert.deepEqual(toCreateRequest(base), {
        Csr: "PEM",
        Username: "U",
        Phone: "123456",
        Email: "e@x.io",
        ValidateType: "FILE",
      });
      const full = parseInputs({ ...base, productCode: "geotrust-dv-w-starter", tags: { z: "1", a: "2" } });
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
      const inputs = parseInputs({ csr: "PEM" });
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
});
