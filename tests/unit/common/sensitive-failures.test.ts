/** A failure on a secret or personal input never names it as `property`, so the engine never prints its value. */
import "reflect-metadata"; // before @peculiar/x509 (the CAS CSR module loads it)
import { strict as assert } from "node:assert";
import { checkOrder } from "../../../provider/resources/cas/dv-certificate-order/check";
import { checkInputs } from "../../../provider/resources/esa/custom-hostname/check";
import { shopCsr } from "../cas-dv-certificate-order/fixtures";
import { selfSignedCertificate } from "../../helpers/test-certs";

const ESA = { siteId: "7096621098379520", hostname: "shop.customer.com", recordId: "4042843419650112" };

describe("sensitive inputs are never a failure's property (unit)", () => {
  it("esa: a key that does not belong to the certificate, and a garbage certificate", async () => {
    const shop = await selfSignedCertificate(["shop.customer.com"]);
    const other = await selfSignedCertificate(["other.example.org"]);
    const { failures } = checkInputs({
      ...ESA,
      certType: "upload",
      certificate: shop.certificate,
      privateKey: other.privateKey,
    });
    assert.deepEqual(failures, [
      {
        property: "",
        reason: `privateKey (secret, ${other.privateKey.trim().length} characters) does not belong to the certificate (its public key differs)`,
      },
    ]);
    const garbage = checkInputs({ ...ESA, certType: "upload", certificate: "junk", privateKey: "junk" }).failures;
    assert.ok(garbage.length >= 2 && garbage.every((f) => f.property === ""), JSON.stringify(garbage));
  });

  it("cas: a bad email, phone and username", async () => {
    const { csr } = await shopCsr();
    const { failures } = await checkOrder(
      {},
      { csr, username: " ", phone: "call me", email: "ada-at-example", validateType: "DNS" },
    );
    assert.equal(failures?.length, 3, JSON.stringify(failures));
    for (const f of failures ?? []) assert.equal(f.property, "", f.reason);
    assert.ok(!JSON.stringify(failures).includes("ada-at-example") && !JSON.stringify(failures).includes("call me"));
  });
});
