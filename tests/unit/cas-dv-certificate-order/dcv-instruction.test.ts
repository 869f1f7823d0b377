/**
 * Unit tier for the line a stalled wait prints (provider/resources/cas/dcv-instruction.ts): full record names, never
 * the bare `_dnsauth` label; under delegation, the customer's CNAME and the platform's TXT, and which one DNS shows
 * missing.
 */
import { strict as assert } from "node:assert";
import { dcvInstruction, delegationRecordsOf } from "../../../provider/resources/cas/dcv-instruction";
import { delegationCname } from "../../../provider/resources/cas/dv-certificate-order/delegation";
import { type CertificateState } from "../../../provider/transport/operations/cas";
import { type DnsLookup, type LookupResult } from "../../../provider/util/dns";

const DOMAIN = "shop.customer.com";
const ZONE = "dcv.example-saas.com";
const cname = delegationCname(DOMAIN, ZONE);
const pending: CertificateState = {
  type: "domain_verify",
  validateType: "DNS",
  recordDomain: "_dnsauth",
  recordType: "TXT",
  recordValue: "token-1",
  domain: undefined,
  uri: undefined,
  content: undefined,
  certificate: undefined,
  privateKey: undefined,
  certId: undefined,
};

const none: LookupResult = { found: false, reason: "no-record" };
const found = (...values: string[]): LookupResult => ({ found: true, values });

/** A DNS holding `records` (name → CNAME target or TXT values). */
function dns(records: { cname?: Record<string, string>; txt?: Record<string, string[]> }): DnsLookup {
  return {
    cname: async (name) => {
      const target = records.cname?.[name];
      return target === undefined ? none : found(target);
    },
    txt: async (name) => {
      const values = records.txt?.[name];
      return values === undefined ? none : found(...values);
    },
  };
}

describe("unit: the validation instruction of a stalled wait", () => {
  const delegated = { domain: DOMAIN, delegation: delegationRecordsOf(cname) };

  it("names the full TXT name without delegation, and says it is missing", async () => {
    const line = await dcvInstruction(pending, { domain: DOMAIN, delegation: undefined }, dns({}));
    assert.equal(line, `publish DNS TXT _dnsauth.${DOMAIN} = "token-1" (DNS check: TXT _dnsauth.${DOMAIN} is missing)`);
  });

  it("under delegation, names the customer's CNAME and the platform's TXT; the CNAME is the missing one", async () => {
    const line = await dcvInstruction(pending, delegated, dns({ txt: { [cname.value]: ["token-1"] } }));
    assert.ok(line !== undefined);
    assert.match(
      line,
      new RegExp(`customer's CNAME _dnsauth\\.shop\\.customer\\.com → ${cname.value.replace(/\./g, "\\.")}`),
    );
    assert.match(line, new RegExp(`platform's TXT ${cname.value.replace(/\./g, "\\.")} = "token-1"`));
    assert.match(
      line,
      /DNS check: the customer's CNAME _dnsauth\.shop\.customer\.com is missing \(the customer must publish it\); TXT .* is in place/,
    );
    assert.doesNotMatch(line, /publish DNS TXT _dnsauth =/);
  });

  it("under delegation, the platform's TXT is the missing one", async () => {
    const line = await dcvInstruction(pending, delegated, dns({ cname: { [cname.name]: cname.value } }));
    assert.match(line ?? "", new RegExp(`DNS check: TXT ${cname.value.replace(/\./g, "\\.")} is missing`));
    assert.doesNotMatch(line ?? "", /the customer.s CNAME \S+ is missing/);
  });

  it("under delegation, a CNAME pointing elsewhere and a stale TXT value are named", async () => {
    const line = await dcvInstruction(
      pending,
      delegated,
      dns({ cname: { [cname.name]: "elsewhere.example.net" }, txt: { [cname.value]: ["old-token"] } }),
    );
    assert.match(line ?? "", /points to elsewhere\.example\.net, not dcv-/);
    assert.match(line ?? "", /has 1 other value\(s\), not the order's/);
  });

  it("both in place: waiting for the CA", async () => {
    const line = await dcvInstruction(
      pending,
      delegated,
      dns({ cname: { [cname.name]: cname.value.toUpperCase() + "." }, txt: { [cname.value]: ["token-1"] } }),
    );
    assert.match(line ?? "", /is in place; waiting for the CA to check it\)$/);
    assert.doesNotMatch(line ?? "", /missing/);
  });

  it("a failed lookup is said, not guessed", async () => {
    const failing: DnsLookup = {
      cname: async () => ({ found: false, reason: "failed", detail: "ETIMEOUT" }),
      txt: async () => ({ found: false, reason: "failed", detail: "ESERVFAIL" }),
    };
    const line = await dcvInstruction(pending, delegated, failing);
    assert.match(line ?? "", /could not look up CNAME .*ETIMEOUT.*could not look up TXT .*ESERVFAIL/);
  });

  it("gives nothing for other states (the default line applies)", async () => {
    assert.equal(await dcvInstruction({ ...pending, type: "process" }, delegated, dns({})), undefined);
  });
});
