/** cas.DvCertificateOrder's CertId fallback against a fake client: match by fingerprint or serial, paging, limits. */
import { strict as assert } from "node:assert";
import { X509Certificate } from "node:crypto";
import { certIdOf, leafIdentity } from "../../../provider/resources/cas/cert-id";
import { type CertificateState } from "../../../provider/transport/operations/cas";
import { selfSignedCertificate } from "../../helpers/test-certs";

type Item = { certificateId: string; fingerprint?: string; serialNo?: string };

function state(certificate: string | undefined, certId?: string): CertificateState {
  return {
    type: certificate === undefined ? "process" : "certificate",
    validateType: "DNS",
    recordDomain: undefined,
    recordType: undefined,
    recordValue: undefined,
    domain: undefined,
    uri: undefined,
    content: undefined,
    certificate,
    privateKey: "",
    certId,
  };
}

/** A `call` serving `items` as ListUserCertificateOrder pages; records each request. */
function fakeClient(items: Item[], requests: Record<string, unknown>[]): Parameters<typeof certIdOf>[0] {
  return {
    call: (async (_op: unknown, request: Record<string, unknown>) => {
      requests.push(request);
      const page = Number(request["CurrentPage"]);
      const size = Number(request["ShowSize"]);
      const slice = items.slice((page - 1) * size, page * size);
      return {
        orders: slice.map((i) => ({
          ...i,
          orderId: undefined,
          domain: undefined,
          status: undefined,
          productCode: undefined,
        })),
        totalCount: items.length,
        currentPage: page,
        showSize: size,
      };
    }) as never,
  };
}

describe("cas: CertId of an issued order", () => {
  let pem: string;
  let cert: X509Certificate;
  before(async () => {
    pem = (await selfSignedCertificate(["id.example.com"])).certificate;
    cert = new X509Certificate(pem);
  });

  it("uses the reply's CertId without a look-up", async () => {
    const requests: Record<string, unknown>[] = [];
    assert.equal(await certIdOf(fakeClient([], requests), state(pem, "42")), "42");
    assert.deepEqual(requests, []);
  });

  it("is undefined before issuance, without a look-up", async () => {
    const requests: Record<string, unknown>[] = [];
    assert.equal(await certIdOf(fakeClient([], requests), state(undefined)), undefined);
    assert.deepEqual(requests, []);
  });

  it("finds the certificate by fingerprint, whatever its spelling (case, colons)", async () => {
    const requests: Record<string, unknown>[] = [];
    const items = [
      { certificateId: "1", fingerprint: "00" },
      { certificateId: "7", fingerprint: cert.fingerprint.toLowerCase() },
    ];
    assert.equal(await certIdOf(fakeClient(items, requests), state(`${pem}\n${pem}`)), "7");
    assert.equal(requests[0]?.["OrderType"], "CERT");
  });

  it("finds it by serial (leading zeros and case ignored) on a later page", async () => {
    const requests: Record<string, unknown>[] = [];
    const filler = Array.from({ length: 100 }, (_, i) => ({ certificateId: String(100 + i), serialNo: "ff" }));
    const items = [...filler, { certificateId: "9", serialNo: `000${cert.serialNumber.toLowerCase()}` }];
    assert.equal(await certIdOf(fakeClient(items, requests), state(pem)), "9");
    assert.deepEqual(
      requests.map((r) => r["CurrentPage"]),
      [1, 2],
    );
  });

  it("is undefined when nothing matches, after the last page", async () => {
    const requests: Record<string, unknown>[] = [];
    assert.equal(await certIdOf(fakeClient([{ certificateId: "1", serialNo: "ab" }], requests), state(pem)), undefined);
    assert.equal(requests.length, 1);
  });

  it("reads the leaf (first block) of a chain, and nothing from garbage", () => {
    assert.equal(leafIdentity(pem)?.serial, cert.serialNumber.replace(/^0+/, "").toLowerCase());
    assert.equal(leafIdentity("not a pem"), undefined);
  });
});
