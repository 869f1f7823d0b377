/**
 * Unit tier for the `certType: "cas"` coverage gate (issue 29, "a certificate bound to a domain it does not cover is
 * refused before the write, with the one read it needs, for a CAS id"): ESA create refuses a CAS certificate whose
 * names do not cover the hostname before any CreateCustomHostname; a covering one, or one whose names cannot be read,
 * goes ahead.
 */
import { strict as assert } from "node:assert";
import { assertCasCovers, uncoveredHostname } from "../../../provider/resources/esa/custom-hostname/cas-coverage";
import { createCustomHostname } from "../../../provider/resources/esa/custom-hostname/create";
import { fakeApi } from "../../helpers/fake-api";

const detail =
  (sans: string, identifier = "30000478-cn-hangzhou") =>
  () => ({
    Id: 30000478,
    CertIdentifier: identifier,
    Common: sans.split(",")[0] ?? "",
    Sans: sans,
  });

describe("unit: esa.CustomHostname CAS certificate coverage", () => {
  it("refuses, before any write, a CAS certificate that does not cover the hostname", async () => {
    const fake = fakeApi({ GetUserCertificateDetail: [detail("other.example.com,*.other.example.com")] });
    const bag = {
      siteId: "7096621098379520",
      recordId: "4042843419650112",
      hostname: "shop.customer.com",
      certType: "cas",
      certIdentifier: "30000478-cn-hangzhou",
      sslFlag: "on",
    };
    const error = await createCustomHostname(fake.api, bag).then(
      () => assert.fail("expected the coverage refusal"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof Error);
    assert.match(error.message, /CAS certificate 30000478-cn-hangzhou does not cover hostname "shop\.customer\.com"/);
    assert.match(error.message, /its names are other\.example\.com, \*\.other\.example\.com/);
    assert.deepEqual(fake.actions, ["GetUserCertificateDetail"], "the one read, and no write");
  });

  it("accepts an exact name or a wildcard one label above, case-insensitively", async () => {
    for (const sans of ["SHOP.customer.com", "*.customer.com", "a.example.com,*.Customer.COM."]) {
      const fake = fakeApi({ GetUserCertificateDetail: [detail(sans)] });
      await assertCasCovers(fake.api, "shop.customer.com", "30000478", "cn-hangzhou");
    }
    assert.match(uncoveredHostname("a.b.customer.com", "1-cn-hangzhou", ["*.customer.com"]) ?? "", /does not cover/);
  });

  it("goes ahead, saying so, when the names cannot be read or belong to the other CAS site", async () => {
    const denied = fakeApi({
      GetUserCertificateDetail: [
        () => {
          throw new Error("NoPermission");
        },
      ],
    });
    await assertCasCovers(denied.api, "shop.customer.com", "30000478", "cn-hangzhou");
    const otherSite = fakeApi({ GetUserCertificateDetail: [detail("x.example.com", "30000478-ap-southeast-1")] });
    await assertCasCovers(otherSite.api, "shop.customer.com", "30000478", "cn-hangzhou");
  });
});
