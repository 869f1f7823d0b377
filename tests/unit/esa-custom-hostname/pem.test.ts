/** Unit tests of the PEM checks used by esa.CustomHostname (the certificate generator lives in tests/helpers). */
import { strict as assert } from "node:assert";
import {
  certificateCovers,
  keyMatches,
  parseCertificate,
  parsePrivateKey,
} from "../../../provider/resources/esa/custom-hostname/pem";
import { selfSignedCertificate, type TestCertificate } from "../../helpers/test-certs";

describe("esa.CustomHostname PEM checks (unit)", () => {
  let shop: TestCertificate;
  let other: TestCertificate;
  before(async () => {
    shop = await selfSignedCertificate(["shop.customer.com", "*.apps.customer.com"]);
    other = await selfSignedCertificate(["other.example.org"]);
  });

  it("parses a certificate and its key, and sees they belong together", () => {
    const cert = parseCertificate(shop.certificate);
    const key = parsePrivateKey(shop.privateKey);
    assert.ok(typeof cert !== "string" && typeof key !== "string");
    assert.equal(keyMatches(cert, key), true);
    const otherKey = parsePrivateKey(other.privateKey);
    assert.ok(typeof otherKey !== "string");
    assert.equal(keyMatches(cert, otherKey), false);
  });

  it("matches names as TLS clients do (exact, one-label wildcard, literal wildcard hostnames)", () => {
    const cert = parseCertificate(shop.certificate);
    assert.ok(typeof cert !== "string");
    assert.equal(certificateCovers(cert, "shop.customer.com"), true);
    assert.equal(certificateCovers(cert, "a.apps.customer.com"), true);
    assert.equal(certificateCovers(cert, "a.b.apps.customer.com"), false);
    assert.equal(certificateCovers(cert, "*.apps.customer.com"), true);
    assert.equal(certificateCovers(cert, "www.customer.com"), false);
  });

  it("explains what is wrong with a bad PEM without quoting it", () => {
    assert.match(String(parseCertificate("hello")), /not a PEM certificate/);
    assert.match(
      String(parseCertificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")),
      /not a parseable/,
    );
    const reason = String(parsePrivateKey("-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleQ==\n-----END PRIVATE KEY-----"));
    assert.match(reason, /not a parseable PEM private key/);
    assert.doesNotMatch(reason, /c2VjcmV0/);
    assert.match(
      String(parsePrivateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n-----END ENCRYPTED PRIVATE KEY-----")),
      /encrypted/,
    );
  });
});
