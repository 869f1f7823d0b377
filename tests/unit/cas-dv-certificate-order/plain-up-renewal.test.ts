/**
 * Unit tier for issue 24 ("renewal you can leave alone"): a plain `pulumi up` learns issuance through the one read a
 * diff may make (an order whose recorded state is not final), records it with an update, and from then on decides
 * renewal offline from the recorded lifetime; a window at or above the lifetime falls back instead of looping.
 */
import { strict as assert } from "node:assert";
import { diffOrderReading } from "../../../provider/resources/cas/dv-certificate-order/diff";
import { updateOrder } from "../../../provider/resources/cas/dv-certificate-order/update";
import { DAY_MS } from "../../../provider/resources/cas/dv-certificate-order/renewal";
import { fakeApi } from "../../helpers/fake-api";
import { selfSignedCertificate } from "../../helpers/x509";
import { CREATE_TOKEN_KEY, recordedToken } from "../../../provider/resources/cas/dv-certificate-order/create-token";
import { parseInputs } from "../../../provider/resources/cas/dv-certificate-order/inputs";
import { readOrder } from "../../../provider/resources/cas/dv-certificate-order/read";
import { CONTACT, shopCsr, type Bag } from "./fixtures";

const ISSUED = Date.UTC(2027, 3, 1, 12, 0, 0);

/** A leaf valid `days` days from {@link ISSUED} (notAfter inclusive: one second short of the full span). */
async function leaf(days: number): Promise<string> {
  const { certificate } = await selfSignedCertificate({
    cn: "shop.example.com",
    dnsNames: ["shop.example.com"],
    notBefore: new Date(ISSUED),
    notAfter: new Date(ISSUED + days * DAY_MS - 1000),
  });
  return certificate;
}

/** Capture the provider's progress lines (stderr) while `run` runs. */
async function progressOf<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array): boolean => {
    lines.push(String(chunk).trimEnd());
    return true;
  }) as typeof process.stderr.write;
  try {
    return { result: await run(), lines };
  } finally {
    process.stderr.write = write;
  }
}

describe("unit: cas.DvCertificateOrder renewal under a plain pulumi up", () => {
  const inputs: Bag = { csr: "A", ...CONTACT, validateType: "DNS", waitForIssuance: false, revokeOnDelete: true };
  const pending: Bag = {
    ...inputs,
    orderId: "98987582437920968",
    state: "domain_verify",
    commonName: "shop.example.com",
    issuanceTimeoutSeconds: 3600,
  };

  it("a pending order is read once; once issued, diff proposes the update that records it", async () => {
    const pem = await leaf(90);
    const fake = fakeApi({ DescribeCertificateState: [() => ({ Type: "certificate", Certificate: pem, CertId: 77 })] });
    const { result, lines } = await progressOf(() =>
      diffOrderReading(fake.api, "98987582437920968", pending, inputs, new Date(ISSUED + DAY_MS)),
    );
    assert.deepEqual(fake.actions, ["DescribeCertificateState"], "exactly one read");
    assert.deepEqual(result, { changes: true, replaces: [], deleteBeforeReplace: false });
    assert.ok(
      lines.some((l) => /is issued, valid until 2027-06-30.*recording its issuance/.test(l)),
      lines.join("\n"),
    );
  });

  it("a pending order still pending: one read, no change", async () => {
    const fake = fakeApi({
      DescribeCertificateState: [() => ({ Type: "domain_verify", RecordDomain: "_dnsauth", RecordValue: "v" })],
    });
    const diff = await diffOrderReading(fake.api, "1", pending, inputs, new Date(ISSUED));
    assert.equal(diff.changes, false);
    assert.deepEqual(fake.actions, ["DescribeCertificateState"]);
  });

  it("an order found verify_fail without a refresh is replaced", async () => {
    const fake = fakeApi({ DescribeCertificateState: [() => ({ Type: "verify_fail" })] });
    const diff = await diffOrderReading(fake.api, "1", pending, inputs, new Date(ISSUED));
    assert.deepEqual(diff.replaces, ["state"]);
  });

  it("a failed read neither fails the preview nor changes anything", async () => {
    const fake = fakeApi({
      DescribeCertificateState: [
        () => {
          throw new Error("connect ECONNREFUSED");
        },
      ],
    });
    const { result, lines } = await progressOf(() => diffOrderReading(fake.api, "1", pending, inputs, new Date()));
    assert.equal(result.changes, false);
    assert.ok(lines.some((l) => /could not read its state.*ECONNREFUSED/.test(l)));
  });

  it("once issuance is recorded, a quiet diff makes no API call", async () => {
    const recorded: Bag = {
      ...pending,
      state: "certificate",
      notBefore: new Date(ISSUED).toISOString(),
      notAfter: new Date(ISSUED + 90 * DAY_MS - 1000).toISOString(),
    };
    const fake = fakeApi({});
    const diff = await diffOrderReading(fake.api, "1", recorded, inputs, new Date(ISSUED + 30 * DAY_MS));
    assert.equal(diff.changes, false);
    assert.deepEqual(fake.actions, []);
  });

  it("the update records issuance: notBefore, notAfter, ids and renewalDue", async () => {
    const pem = await leaf(90);
    const fake = fakeApi({
      DescribeCertificateState: [() => ({ Type: "certificate", Certificate: pem, CertId: 77 })],
      GetUserCertificateDetail: [
        () => ({
          Id: 77,
          CertIdentifier: "77-cn-hangzhou",
          Common: "shop.example.com",
          NotBefore: ISSUED,
          NotAfter: ISSUED + 90 * DAY_MS - 1000,
        }),
      ],
    });
    const { outs } = await updateOrder(fake.api, "98987582437920968", pending, inputs);
    assert.equal(outs?.state, "certificate");
    assert.equal(outs?.certIdentifier, "77-cn-hangzhou");
    assert.equal(outs?.notBefore, new Date(ISSUED).toISOString());
    assert.equal(outs?.notAfter, new Date(ISSUED + 90 * DAY_MS - 1000).toISOString());
    // Unset renewBeforeDays: one third of the 90-day lifetime before notAfter, i.e. 60 days after notBefore.
    assert.equal(outs?.renewalDue, new Date(ISSUED + 60 * DAY_MS - 1000).toISOString());
  });

  it("renewBeforeDays: 100 on a 90-day certificate does not loop: quiet the day after issuance, with a warning", async () => {
    const recorded: Bag = {
      ...pending,
      renewBeforeDays: 100,
      state: "certificate",
      notBefore: new Date(ISSUED).toISOString(),
      notAfter: new Date(ISSUED + 90 * DAY_MS - 1000).toISOString(),
    };
    const news = { ...inputs, renewBeforeDays: 100 };
    const fake = fakeApi({});
    const quiet = await progressOf(() => diffOrderReading(fake.api, "1", recorded, news, new Date(ISSUED + DAY_MS)));
    assert.equal(quiet.result.changes, false, "a fresh certificate is not replaced");
    assert.ok(quiet.lines.some((l) => /renewBeforeDays 100 is at or above its 90-day lifetime/.test(l)));
    const due = await progressOf(() => diffOrderReading(fake.api, "1", recorded, news, new Date(ISSUED + 60 * DAY_MS)));
    assert.deepEqual(due.result.replaces, ["notAfter"]);
    assert.deepEqual(fake.actions, []);
  });
});

describe("unit: cas.DvCertificateOrder refresh of an order a renewal already replaced", () => {
  it("records supersededBy, and the diff then says so instead of 'renewing'", async () => {
    const { csr } = await shopCsr();
    const recorded: Bag = {
      csr,
      ...CONTACT,
      phone: "+8613900001234",
      validateType: "DNS",
      orderId: "5",
      state: "certificate",
      commonName: "shop.example.com",
      revokeOnDelete: true,
    };
    const token = await recordedToken(parseInputs(recorded));
    assert.ok(token !== undefined);
    const pem = await leaf(90);
    const fake = fakeApi({
      DescribeCertificateState: [() => ({ Type: "certificate", Certificate: pem, CertId: 77 })],
      GetUserCertificateDetail: [
        () => ({ Id: 77, NotBefore: ISSUED, NotAfter: ISSUED + 90 * DAY_MS - 1000, Common: "shop.example.com" }),
      ],
      ListTagResources: [
        () => ({
          TagResources: {
            TagResource: [
              { ResourceId: "cas-ivauto-9", ResourceType: "instance", TagKey: CREATE_TOKEN_KEY, TagValue: token },
            ],
          },
          NextToken: "",
        }),
      ],
      ListUserCertificateOrder: [
        () => ({
          CertificateOrderList: [
            { OrderId: "5", InstanceId: "cas-ivauto-5", Status: "ISSUED", Domain: "shop.example.com" },
            { OrderId: "9", InstanceId: "cas-ivauto-9", Status: "CHECKING", Domain: "shop.example.com" },
          ],
          TotalCount: 2,
        }),
      ],
    });
    const due = new Date(ISSUED + 80 * DAY_MS);
    const read = await readOrder(fake.api, "5", recorded, () => Promise.resolve(due));
    assert.equal(read.props?.["supersededBy"], "9");
    const { lines, result } = await progressOf(() =>
      diffOrderReading(
        fakeApi({}).api,
        "5",
        { ...recorded, ...read.props },
        { csr, ...CONTACT, phone: "+8613900001234", validateType: "DNS" },
        due,
      ),
    );
    assert.ok(
      lines.some((l) => /order 9, placed by a renewal of this resource, already replaces this one/.test(l)),
      lines.join("\n"),
    );
    assert.ok(!lines.some((l) => /renewing/.test(l)), lines.join("\n"));
    assert.deepEqual(result.replaces, ["notAfter"], "a live order in this position is still replaced (a lost run)");
  });
});
