/**
 * Unit tier: the GA engine's coverage gate. Before it associates or updates a binding, the engine reads the CAS
 * certificate once (GetUserCertificateDetail, CertFilter=true) and refuses the intents whose domain the certificate
 * does not cover (RFC 6125 §6.4.3), with no write for them; one read per distinct certificate per process.
 */
import { strict as assert } from "node:assert";
import * as fc from "fast-check";
import { certificateNameReads } from "../../../provider/resources/ga/engine/certificate-names";
import { uncoveredReason } from "../../../provider/resources/ga/engine/coverage";
import { submitIntents } from "../../../provider/resources/ga/engine/scheduler";
import { type BindingIntent } from "../../../provider/resources/ga/engine/types";
import { presentedNameCovers } from "../../../provider/resources/common/coverage";
import { apiError, FakeGa } from "./fake-ga";

const ACC = "ga-bp1cov";
const LSN = "lsr-bp1cov";
const intent = (domain: string, certificateId: string | undefined): BindingIntent => ({
  acceleratorId: ACC,
  listenerId: LSN,
  domain,
  certificateId,
});

describe("unit: GA coverage gate", () => {
  let ga: FakeGa;
  const saved = { ...process.env };
  beforeEach(() => {
    process.env["ALICLOUD_CERTS_GA_GATHER_MS"] = "5";
    process.env["ALICLOUD_CERTS_MIN_POLL_MS"] = "1";
    process.env["ALICLOUD_CERTS_MAX_POLL_MS"] = "2";
    certificateNameReads.clear();
    ga = new FakeGa(ACC, LSN);
  });
  afterEach(() => {
    // The reads are process state: later test files must not see these certificates' names.
    certificateNameReads.clear();
    process.env = { ...saved };
  });

  it("refuses a certificate that does not cover its domain, naming the domain, the certificate and its names", async () => {
    ga.certificateSans.set("7", "shop.example.org,www.shop.example.org");
    const [refused, bound] = await submitIntents(
      ga,
      [intent("api.example.com", "7-cn-hangzhou"), intent("b.example.com", "8-cn-hangzhou")],
      10_000,
    );
    assert.ok(refused !== undefined && !refused.ok && !refused.accepted);
    assert.match(
      refused.error.message,
      /certificate 7-cn-hangzhou does not cover domain "api\.example\.com": its names are shop\.example\.org, www\.shop\.example\.org/,
    );
    assert.ok(bound?.ok, "the covered neighbour is bound");
    assert.deepEqual([...ga.bindings], [["b.example.com", "8-cn-hangzhou"]], "nothing was written for the refused one");
  });

  it("gates an update too, and never a dissociation or an adoption (no write, no read)", async () => {
    ga.bindings.set("a.example.com", "1-cn-hangzhou");
    ga.bindings.set("b.example.com", "2-cn-hangzhou");
    ga.bindings.set("c.example.com", "9-cn-hangzhou");
    ga.certificateSans.set("9", "elsewhere.example.org");
    const [update, gone, adopted] = await submitIntents(
      ga,
      [
        intent("a.example.com", "9-cn-hangzhou"),
        intent("b.example.com", undefined),
        intent("c.example.com", "9-cn-hangzhou"),
      ],
      10_000,
    );
    assert.ok(
      update !== undefined && !update.ok && /does not cover domain "a\.example\.com"/.test(update.error.message),
    );
    assert.ok(gone?.ok && gone.action === "dissociated");
    assert.ok(adopted?.ok && adopted.action === "unchanged", "an existing binding is adopted without a check");
    assert.equal(ga.count("UpdateAdditionalCertificateWithListener"), 0);
    assert.equal(ga.count("GetUserCertificateDetail"), 1, "one read, for the refused update");
  });

  it("reads each distinct certificate once per process, however many intents and rounds bind it", async () => {
    const first = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        submitIntents(ga, [intent(`d${i}.example.com`, `${(i % 3) + 1}-cn-hangzhou`)], 10_000),
      ),
    );
    assert.ok(first.every(([o]) => o?.ok));
    await submitIntents(ga, [intent("late.example.com", "1-cn-hangzhou")], 10_000);
    assert.equal(ga.count("GetUserCertificateDetail"), 3);
  });

  it("binds unchecked (saying so) when CAS cannot be read or answers for another certificate", async () => {
    ga.fault = (action) => (action === "GetUserCertificateDetail" ? apiError(action, "Forbidden.RAM") : undefined);
    const [unread] = await submitIntents(ga, [intent("a.example.com", "5-cn-hangzhou")], 10_000);
    assert.ok(unread?.ok, "GA has the last word on a certificate CAS would not show us");
    ga.fault = () => undefined;
    ga.certificateSans.set("6", "other.example.org");
    const call = ga.call.bind(ga);
    ga.call = (async (op, request) => {
      const reply = await call(op, request);
      return op.action === "GetUserCertificateDetail"
        ? { ...(reply as object), certIdentifier: "6-ap-southeast-1" }
        : reply;
    }) as typeof ga.call;
    const [otherSite] = await submitIntents(ga, [intent("b.example.com", "6-cn-hangzhou")], 10_000);
    assert.ok(otherSite?.ok, "an answer about 6-ap-southeast-1 says nothing about 6-cn-hangzhou");
    assert.equal(ga.count("GetUserCertificateDetail"), 2);
  });

  it("a wildcard domain needs the same wildcard", async () => {
    ga.certificateSans.set("3", "a.example.com,b.example.com");
    ga.certificateSans.set("4", "*.example.com");
    const [narrow, wide] = await submitIntents(
      ga,
      [intent("*.example.com", "3-cn-hangzhou"), intent("*.example.com", "4-cn-hangzhou")],
      10_000,
    );
    assert.ok(
      narrow !== undefined && !narrow.ok && /wildcard domain needs the same wildcard/.test(narrow.error.message),
    );
    assert.ok(wide?.ok);
  });

  it("refuses exactly the pairs RFC 6125 says the certificate does not cover", () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const name = fc.oneof(
      fc.tuple(label, label).map(([a, b]) => `${a}.${b}.test`),
      fc.tuple(label).map(([a]) => `*.${a}.test`),
    );
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), name, (names, domain) => {
        const reason = uncoveredReason(domain, "1-cn-hangzhou", names);
        assert.equal(
          reason === undefined,
          names.some((n) => presentedNameCovers(n, domain)),
        );
        if (reason !== undefined) for (const n of names) assert.ok(reason.includes(n), `${n} is listed`);
      }),
    );
  });
});
