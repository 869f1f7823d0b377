/**
 * One example per rule of docs/rules.md that the examples and the shared bad-input lists do not already pin:
 * the hostname, PEM, certificate, CSR, id, number and private-key rules, each with the message that names it.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { CheckReport, readHostname, readId } from "../../../provider/resources/common/check";
import { privateKeyIn } from "../../../provider/resources/common/private-keys";
import { render } from "../../../provider/resources/common/render";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { checkBinding } from "../../../provider/resources/ga/listener-additional-certificate/check";
import { webcrypto } from "node:crypto";
import {
  certificateChain,
  certificateRequest,
  generateKeys,
  pemOf,
  selfSignedCertificate,
  signingAlgorithm,
  x509,
} from "../../helpers/x509";
import { privateKeyTexts } from "./generators";

const ESA = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };
const CONTACT = { username: "Ada Lovelace", phone: "+8613900001234", email: "ada@example.com", validateType: "DNS" };
const GA = {
  acceleratorId: "ga-bp1odcab8tmno0hdq1234",
  listenerId: "lsr-bp1bpn0kn908w4nbw1234",
  domain: "shop.example.com",
  certificateId: "6092123-cn-hangzhou",
};

/** The one reason `readHostname` gives for `value`, or the normalized name. */
function hostname(value: unknown, allowWildcard = true): string {
  const report = new CheckReport();
  const name = readHostname(report, "hostname", value, { required: true, allowWildcard });
  return name ?? report.failures.map((f) => f.reason).join("; ");
}

/** The reasons of an ESA upload check. */
function upload(certificate: string, privateKey: string, host = "shop.customer.com"): string[] {
  return checkInputs({ ...ESA, hostname: host, certType: "upload", certificate, privateKey }).failures.map(
    (f) => f.reason,
  );
}

/** The reasons of a CAS order check for a CSR. */
async function order(csr: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  return ((await checkOrder({}, { csr, ...CONTACT, ...extra })).failures ?? []).map((f) => f.reason);
}

describe("unit: input rules, one example each", () => {
  describe("hostnames", () => {
    it("converts U-labels to A-labels (UTS #46) and lower-cases", () => {
      assert.equal(hostname("Bücher.Example"), "xn--bcher-kva.example");
      assert.equal(hostname("例え.テスト"), "xn--r8jz45g.xn--zckzah");
      assert.equal(hostname("shop。customer.com"), "shop.customer.com");
      assert.equal(hostname("*.bücher.example"), "*.xn--bcher-kva.example");
    });

    it("refuses an xn-- label that is not punycode and a reserved label", () => {
      assert.match(
        hostname("xn--zz.example.com"),
        /"xn--zz", which starts with "xn--" but is not a valid punycode A-label \(RFC 5891 §5.4\)/,
      );
      assert.match(
        hostname("ab--cd.example.com"),
        /"--" in the third and fourth characters is reserved for IDNA \(RFC 5890 §2.3.1\)/,
      );
    });

    it("refuses underscores, blanks, control characters and empty labels, naming the label", () => {
      assert.match(
        hostname("shop_1.example.com"),
        /the label "shop_1", which holds "_"; labels hold letters, digits and hyphens only \(RFC 1123 §2.1\)/,
      );
      assert.match(hostname("shop example.com"), /holds a blank/);
      assert.match(hostname("shop\u0000.example.com"), /holds a control character/);
      assert.match(hostname("shop..example.com"), /has an empty label/);
      assert.match(hostname("-shop.example.com"), /starts or ends with a hyphen/);
    });

    it("refuses lengths over 63 per label and 253 per name", () => {
      assert.match(hostname(`${"a".repeat(64)}.com`), /a label of 64 characters .* at most 63 \(RFC 1035 §2.3.4\)/);
      assert.match(hostname(`${"abcdefghi.".repeat(26)}com`), /has 263 characters; at most 253 \(RFC 1035 §3.1\)/);
    });

    it("refuses an all-numeric top-level label (an IP address) and a single label", () => {
      assert.match(hostname("203.0.113.7"), /all-numeric label: an IP address .*RFC 3696 §2/);
      assert.match(hostname("localhost"), /has a single label/);
    });

    it("allows a wildcard only as the whole leftmost label, over two labels, where wildcards are allowed", () => {
      assert.equal(hostname("*.example.com"), "*.example.com");
      assert.match(hostname("f*.example.com"), /never part of a label/);
      assert.match(hostname("a.*.example.com"), /a wildcard is only the whole leftmost label/);
      assert.match(hostname("*.com"), /covers a top-level domain/);
      assert.match(hostname("*.example.com", false), /is a wildcard; wildcards are not supported here/);
    });
  });

  describe("ids and numbers", () => {
    it("takes ids up to 2^63 - 1 and refuses larger ones, signs and leading zeros", () => {
      const read = (value: unknown): string => {
        const report = new CheckReport();
        return readId(report, "siteId", value, true) ?? report.failures.map((f) => f.reason).join("; ");
      };
      assert.equal(read("9223372036854775807"), "9223372036854775807");
      assert.match(read("9223372036854775808"), /must be at most 2\^63 - 1/);
      assert.match(read("007"), /no sign or leading zero/);
      assert.match(read("+7"), /no sign or leading zero/);
      assert.match(
        read(2 ** 53 + 2),
        /^siteId 9007199254740994 is not a safe positive integer; pass ids above 2\^53 as strings/,
      );
    });

    it("refuses an ESA certIdentifier whose casId is above 2^63 - 1", () => {
      const { failures } = checkInputs({ ...ESA, certType: "cas", certIdentifier: "99999999999999999999-cn-hangzhou" });
      assert.match(failures[0]?.reason ?? "", /has a casId above 2\^63 - 1/);
    });

    it("refuses a GA certificate id whose CertId is above 2^63 - 1", async () => {
      const { failures } = await checkBinding({}, { ...GA, certificateId: "99999999999999999999-cn-hangzhou" });
      assert.match(failures?.[0]?.reason ?? "", /has a certId above 2\^63 - 1/);
    });

    it("shows numbers as typed: -0, 1e+21, a numeric string", async () => {
      const reasons = async (timeoutSeconds: unknown): Promise<string> =>
        ((await checkBinding({}, { ...GA, timeoutSeconds })).failures ?? []).map((f) => f.reason).join("; ");
      assert.match(await reasons(-0), /^timeoutSeconds -0 is out of range/);
      assert.match(await reasons(1e21), /^timeoutSeconds 1e\+21 is out of range/);
      assert.match(
        await reasons("60"),
        /^timeoutSeconds "60" \(a string\) must be a whole number .*write the number without quotes/,
      );
    });

    it("renders any value as typed, never as null or [object Object]", () => {
      fc.assert(
        fc.property(fc.anything(), (value) => {
          const shown = render(value);
          assert.ok(value === null || shown !== "null");
          assert.ok(!shown.includes("[object Object]"));
        }),
      );
      assert.equal(render({ a: Number.NaN, b: [undefined] }), '{"a": NaN, "b": [undefined]}');
      assert.equal(render(""), '""');
    });
  });

  describe("uploaded certificates and keys", () => {
    it("matches names on DNS subjectAltNames only: no CN fallback (RFC 9525 §6.3)", async () => {
      const cnOnly = await selfSignedCertificate({ cn: "shop.customer.com" });
      assert.match(
        upload(cnOnly.certificate, cnOnly.privateKey).join(),
        /no DNS subjectAltName .* does not cover hostname "shop.customer.com"/,
      );
    });

    it("does not match a partial wildcard (f*.customer.com)", async () => {
      const partial = await selfSignedCertificate({ cn: "f*.customer.com", dnsNames: ["f*.customer.com"] });
      assert.match(
        upload(partial.certificate, partial.privateKey, "foo.customer.com").join(),
        /does not cover hostname "foo.customer.com"/,
      );
    });

    it("refuses a leaf whose extended key usage lacks serverAuth", async () => {
      const keys = await generateKeys();
      const cert = await x509.X509CertificateGenerator.createSelfSigned({
        serialNumber: "01",
        name: "CN=shop.customer.com",
        notBefore: new Date(Date.now() - 86_400_000),
        notAfter: new Date(Date.now() + 86_400_000),
        signingAlgorithm: signingAlgorithm(),
        keys,
        extensions: [
          new x509.ExtendedKeyUsageExtension(["1.3.6.1.5.5.7.3.2"]),
          new x509.SubjectAlternativeNameExtension([{ type: "dns", value: "shop.customer.com" }]),
        ],
      });
      const key = pemOf("PRIVATE KEY", await webcrypto.subtle.exportKey("pkcs8", keys.privateKey));
      assert.match(
        upload(cert.toString("pem"), key).join(),
        /is not for TLS servers: its extended key usage \(1.3.6.1.5.5.7.3.2\) lacks serverAuth/,
      );
    });

    it("refuses a broken chain (a missing intermediate) and a repeated block", async () => {
      const chain = await certificateChain({ dnsNames: ["shop.customer.com"] });
      assert.match(
        upload(`${chain.leaf}${chain.root}`, chain.privateKey).join(),
        /is a broken chain: block 1 of 2 .* is not issued by block 2 of 2/,
      );
      assert.match(
        upload(`${chain.leaf}${chain.intermediate}${chain.intermediate}`, chain.privateKey).join(),
        /repeating block 2; give each certificate once/,
      );
    });

    it("refuses an expired intermediate (validity of every block but a root)", async () => {
      const day = 86_400_000;
      const old = await certificateChain({
        dnsNames: ["shop.customer.com"],
        notBefore: new Date(Date.now() - 30 * day),
        notAfter: new Date(Date.now() - day),
      });
      const reasons = checkInputs(
        { ...ESA, certType: "upload", certificate: `${old.leaf}${old.intermediate}`, privateKey: old.privateKey },
        { previous: undefined, now: new Date() },
      ).failures.map((f) => f.reason);
      assert.match(reasons.join(), /^certificate \(subject "CN=shop.customer.com"\) expired/);
    });

    it("refuses an encrypted key and an EC PARAMETERS block, never quoting the key", () => {
      const shop = privateKeyTexts();
      const encrypted = shop.find((k) => k.kind === "encrypted PKCS#8")?.text ?? "";
      const cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
      assert.match(
        upload(cert, encrypted).join(),
        /is encrypted \(ENCRYPTED PRIVATE KEY\); ESA needs an unencrypted PEM private key/,
      );
      const sec1 = shop.find((k) => k.kind === "SEC1 EC")?.text ?? "";
      const params = `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${sec1}`;
      const reasons = upload(cert, params).join();
      assert.match(reasons, /holds an EC PARAMETERS block besides the key/);
      for (const line of sec1.split("\n").filter((l) => l.length > 16)) assert.ok(!reasons.includes(line));
    });
  });

  describe("CSRs", () => {
    it("refuses a name not in preferred syntax (a final dot) and a U-label CN", async () => {
      const dotted = (
        await certificateRequest({
          subject: "CN=shop.example.com",
          names: [{ type: "dns", value: "shop.example.com." }],
        })
      ).pem;
      assert.match(
        (await order(dotted)).join(),
        /asks for "shop.example.com.", which is not in preferred name syntax \(write "shop.example.com"; RFC 5280 §4.2.1.6\)/,
      );
      const unicode = (await certificateRequest({ subject: "CN=bücher.example" })).pem;
      assert.match((await order(unicode)).join(), /write each internationalized label as its A-label/);
    });

    it("reads the CN as signed: a CN with a blank is not trimmed into a valid name", async () => {
      const padded = (await certificateRequest({ subject: "CN=shop.example.com " })).pem;
      assert.match(
        (await order(padded)).join(),
        /asks for "shop.example.com ", which is not a valid DNS name: it holds a blank/,
      );
    });

    it("refuses a delegation zone that contains the validated domain", async () => {
      const csr = (await certificateRequest({ subject: "CN=shop.customer-one.com" })).pem;
      const reasons = await order(csr, { validationDelegation: { zone: "customer-one.com" } });
      assert.match(
        reasons.join(),
        /zone "customer-one.com" contains "shop.customer-one.com", the domain the order validates/,
      );
    });

    it("refuses more than 100 subjectAltNames", async () => {
      const names = Array.from({ length: 101 }, (_, i) => ({ type: "dns" as const, value: `n${i}.example.com` }));
      const many = (await certificateRequest({ subject: "CN=n0.example.com", names })).pem;
      assert.match((await order(many)).join(), /asks for 101 subjectAltNames; at most 100 are accepted/);
    });
  });

  describe("private keys outside a secret input", () => {
    for (const key of privateKeyTexts()) {
      it(`finds ${key.kind}, alone and among other words`, () => {
        assert.ok(privateKeyIn(key.text) !== undefined, `${key.kind} alone`);
        assert.ok(privateKeyIn(`note: ${key.text} (do not share)`) !== undefined, `${key.kind} among words`);
      });
    }

    it("does not take a certificate, a CSR or a hostname for a key", async () => {
      const shop = await selfSignedCertificate({ cn: "shop.customer.com", dnsNames: ["shop.customer.com"] });
      const csr = (await certificateRequest({ subject: "CN=shop.example.com" })).pem;
      for (const text of [shop.certificate, csr, "shop.customer.com", "A".repeat(200)])
        assert.equal(privateKeyIn(text), undefined);
    });

    it("refuses a key as an unknown input's value and as an input name, quoting neither", async () => {
      const [key] = privateKeyTexts();
      const text = key?.text ?? "";
      for (const news of [
        { ...GA, privatKey: text },
        { ...GA, [text]: "x" },
      ]) {
        const { failures, inputs } = await checkBinding({}, news);
        const shown = JSON.stringify({ failures, inputs });
        for (const line of text.split("\n").filter((l) => l.length > 16)) assert.ok(!shown.includes(line));
        assert.ok((failures ?? []).some((f) => f.property === "" && /holds a PEM "PRIVATE KEY" block/.test(f.reason)));
      }
    });
  });
});
