/**
 * The examples of the issue "input rules from the specifications", one test each: every one was accepted (or
 * reported misleadingly) before the rules were written from their specifications. The classes behind them are
 * covered by the property suites (`./property-suites.test.ts`); these tests pin the reported cases.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { checkBinding } from "../../../provider/resources/ga/listener-additional-certificate/check";
import { checkBindingSet } from "../../../provider/resources/ga/listener-additional-certificates/check";
import { certificateChain, certificateRequest, selfSignedCertificate, type TestChain } from "../../helpers/x509";
import { keyLines } from "./secrets";

const ESA = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };
const CONTACT = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com", validateType: "DNS" };
const GA = {
  acceleratorId: "ga-bp1odcab8tmno0hdq1234",
  listenerId: "lsr-bp1bpn0kn908w4nbw1234",
  domain: "shop.example.com",
  certificateId: "6092123-cn-hangzhou",
};

type Failures = readonly { property: string; reason: string }[] | undefined;

function only(failures: Failures): { property: string; reason: string } {
  assert.equal(failures?.length, 1, JSON.stringify(failures));
  const [failure] = failures ?? [];
  assert.ok(failure !== undefined);
  return failure;
}

describe("unit: the issue's examples are refused with a clear message", () => {
  let csr: string;
  let chain: TestChain;
  before(async () => {
    csr = (await certificateRequest({ subject: "CN=shop.example.com" })).pem;
    chain = await certificateChain({ dnsNames: ["shop.customer.com"] });
  });

  describe("a PEM value holding more than it should", () => {
    it("refuses a private key pasted after the certificate, and neither shows nor returns it", async () => {
      const shop = await selfSignedCertificate({ cn: "shop.customer.com", dnsNames: ["shop.customer.com"] });
      const { inputs, failures } = checkInputs({
        ...ESA,
        certType: "upload",
        certificate: `${shop.certificate}${shop.privateKey}`,
        privateKey: shop.privateKey,
      });
      const failure = only(failures);
      assert.equal(failure.property, "", "the engine would print the value of a named property");
      assert.match(
        failure.reason,
        /^certificate holds a PEM "PRIVATE KEY" block; a private key belongs only in privateKey/,
      );
      assert.equal(inputs.certificate, undefined, "the refused certificate is not returned (the engine stores it)");
      const { privateKey: _secretInput, ...plain } = inputs;
      const shown = JSON.stringify({ plain, failures });
      for (const line of keyLines(shop.privateKey)) assert.ok(!shown.includes(line), "a line of the key was returned");
    });

    it("refuses text after the CSR", async () => {
      const failure = only(
        (await checkOrder({}, { csr: `${csr}\nsubject=CN = shop.example.com\n`, ...CONTACT })).failures,
      );
      assert.equal(failure.property, "csr");
      assert.match(
        failure.reason,
        /^csr has text after block 1 .* outside any PEM block; it must be one PEM certificate request/,
      );
    });

    it("refuses a second CSR after the first", async () => {
      const second = (await certificateRequest({ subject: "CN=other.example.com" })).pem;
      const failure = only((await checkOrder({}, { csr: `${csr}${second}`, ...CONTACT })).failures);
      assert.match(failure.reason, /^csr must be one PEM certificate request .* it holds 2 blocks/);
    });
  });

  describe("CSR structure", () => {
    it("refuses a CSR with two CN attributes", async () => {
      const two = (await certificateRequest({ subject: "CN=a.example.com, CN=b.example.com" })).pem;
      const failure = only((await checkOrder({}, { csr: two, ...CONTACT })).failures);
      assert.match(failure.reason, /has 2 CN attributes \("a\.example\.com, b\.example\.com"\).*give exactly one CN/);
    });

    it("refuses a CN longer than 64 characters, which CAS refuses only when called", async () => {
      const long = `${"a".repeat(60)}.example.com`;
      const request = (await certificateRequest({ subject: `CN=${long}` })).pem;
      const failure = only((await checkOrder({}, { csr: request, ...CONTACT })).failures);
      assert.match(failure.reason, /has a CN of 72 characters; a CN holds at most 64 \(RFC 5280 Appendix A/);
    });
  });

  describe("silent oddities", () => {
    it("refuses a validationDelegation.zone inside the customer's own domain", async () => {
      const news = { csr, ...CONTACT, validationDelegation: { zone: "dcv.shop.example.com" } };
      const failure = only((await checkOrder({}, news)).failures);
      assert.equal(failure.property, "validationDelegation");
      assert.match(
        failure.reason,
        /zone "dcv\.shop\.example\.com" lies inside "shop\.example\.com", the domain the order validates/,
      );
    });

    it("refuses an unknown key inside validationDelegation", async () => {
      const news = { csr, ...CONTACT, validationDelegation: { zone: "dcv.example-saas.com", zones: "x" } };
      const failure = only((await checkOrder({}, news)).failures);
      assert.equal(failure.property, "validationDelegation");
      assert.match(
        failure.reason,
        /^validationDelegation\.zones: validationDelegation has the field "zones", which it does not take; did you mean "zone"\?/,
      );
    });
  });

  describe("messages", () => {
    for (const [value, shown] of [
      [Number.NaN, "NaN"],
      [Number.POSITIVE_INFINITY, "Infinity"],
    ] as const) {
      it(`renders ${shown} as ${shown}, not "null"`, async () => {
        const failure = only((await checkBinding({}, { ...GA, timeoutSeconds: value })).failures);
        assert.match(failure.reason, new RegExp(`^timeoutSeconds ${shown} is not`));
        assert.doesNotMatch(failure.reason, /null/);
      });
    }

    it("reports a failure inside a map under the map's name, so the engine prints the map, not {<nil>}", async () => {
      const news = {
        acceleratorId: GA.acceleratorId,
        listenerId: GA.listenerId,
        certificates: { "bad domain": "1-cn-hangzhou" },
      };
      const failure = only((await checkBindingSet({}, news)).failures);
      assert.equal(failure.property, "certificates");
      assert.match(failure.reason, /^certificates\["bad domain"\] "bad domain" is not a valid hostname/);
    });

    it("says an empty domain key is empty, not that it is required", async () => {
      const news = {
        acceleratorId: GA.acceleratorId,
        listenerId: GA.listenerId,
        certificates: { "": "1-cn-hangzhou" },
      };
      const failure = only((await checkBindingSet({}, news)).failures);
      assert.match(failure.reason, /^certificates\[""\] is an empty key/);
      assert.doesNotMatch(failure.reason, /required/);
    });

    it("reports a chain in the wrong order as a chain-order problem", () => {
      for (const certificate of [
        `${chain.intermediate}${chain.leaf}`,
        `${chain.root}${chain.intermediate}${chain.leaf}`,
        `${chain.leaf}${chain.root}${chain.intermediate}`,
      ]) {
        const { failures } = checkInputs({ ...ESA, certType: "upload", certificate, privateKey: chain.privateKey });
        const failure = only(failures);
        assert.match(failure.reason, /^certificate is a chain in the wrong order: .*the leaf comes first/);
        assert.doesNotMatch(failure.reason, /does not belong|does not cover/);
      }
    });

    it("accepts the chain in order: leaf, intermediate, root", () => {
      const certificate = `${chain.leaf}${chain.intermediate}${chain.root}`;
      const { failures } = checkInputs({ ...ESA, certType: "upload", certificate, privateKey: chain.privateKey });
      assert.deepEqual(failures, []);
    });
  });
});
