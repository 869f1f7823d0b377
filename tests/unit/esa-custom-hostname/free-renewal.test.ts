/**
 * Unit tier: a free certificate is renewed by a plain `pulumi up` (issue 24, no `--refresh`): the diff sees it due
 * from its recorded `certNotAfter` and the clock, and the update asks ESA for the live status before it applies (ESA
 * accepts an application only when the certificate is ApplyFailed, Expiring or Expired).
 */
import { strict as assert } from "node:assert";
import { diffCustomHostname } from "../../../provider/resources/esa/custom-hostname/diff";
import { updateCustomHostname } from "../../../provider/resources/esa/custom-hostname/update";
import { fakeApi } from "../../helpers/fake-api";

const DAY = 86_400_000;
const END = Date.UTC(2027, 2, 1);
const INPUTS = {
  siteId: "7096621098379520",
  hostname: "docs.customer.com",
  recordId: "4042843419650112",
  sslFlag: "on",
  certType: "free",
  waitFor: "none",
  waitTimeoutSeconds: 1800,
  adoptExisting: false,
};
const RECORDED = {
  ...INPUTS,
  hostnameId: "7200000000000001",
  status: "active",
  certStatus: "OK",
  certNotAfter: new Date(END).toISOString(),
};
const model = (certStatus: string) => () => ({
  RequestId: "r",
  CustomHostnameModel: {
    HostnameId: 7200000000000001,
    Hostname: "docs.customer.com",
    SiteId: 7096621098379520,
    RecordId: 4042843419650112,
    Status: "active",
    SslFlag: "on",
    CertType: "free",
    CertStatus: certStatus,
    CertNotAfter: new Date(END).toISOString(),
  },
});

describe("unit: esa.CustomHostname free certificate under a plain pulumi up", () => {
  it("the diff is quiet until 30 days before the recorded end, then proposes the update", () => {
    assert.equal(diffCustomHostname(RECORDED, INPUTS, new Date(END - 31 * DAY)).changes, false);
    assert.equal(diffCustomHostname(RECORDED, INPUTS, new Date(END - 29 * DAY)).changes, true);
    assert.equal(diffCustomHostname(RECORDED, INPUTS).changes, false, "no clock, no clock-based decision");
  });

  it("the update reads the live status and applies when ESA accepts it", async () => {
    const fake = fakeApi({
      GetCustomHostname: [model("Expiring"), model("Applying")],
      ApplyCustomHostnameCertificate: [() => ({ RequestId: "r" })],
    });
    await updateCustomHostname(fake.api, "7200000000000001", RECORDED, INPUTS, new Date(END - 29 * DAY));
    assert.deepEqual(fake.actions, ["GetCustomHostname", "ApplyCustomHostnameCertificate", "GetCustomHostname"]);
  });

  it("the update applies nothing while ESA still reports OK", async () => {
    const fake = fakeApi({ GetCustomHostname: [model("OK"), model("OK")] });
    await updateCustomHostname(fake.api, "7200000000000001", RECORDED, INPUTS, new Date(END - 29 * DAY));
    assert.ok(!fake.actions.includes("ApplyCustomHostnameCertificate"));
  });
});
