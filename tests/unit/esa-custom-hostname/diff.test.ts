/** esa.CustomHostname diff decisions, table-driven. Pure: no API. */
import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { diffCustomHostname } from "../../../provider/resources/esa/custom-hostname/diff";

const INPUTS = {
  siteId: "7096621098379520",
  hostname: "shop.customer.com",
  recordId: "4042843419650112",
  sslFlag: "on",
  certType: "free",
  waitFor: "none",
  waitTimeoutSeconds: 1800,
  adoptExisting: false,
};
const OUTPUTS = {
  ...INPUTS,
  hostnameId: "7200000000000001",
  status: "active",
  certStatus: "OK",
  verifyHost: "_esa_custom_hostname.shop.customer.com",
  __provider: "text-1",
};

interface DiffCase {
  readonly name: string;
  readonly olds?: Record<string, unknown>;
  readonly news?: Record<string, unknown>;
  readonly changes: boolean;
  readonly replaces?: string[];
}

const CASES: readonly DiffCase[] = [
  { name: "hostname changed", news: { hostname: "www.customer.com" }, changes: true, replaces: ["hostname"] },
  { name: "site changed", news: { siteId: "7096621098379648" }, changes: true, replaces: ["siteId"] },
  { name: "hostname unknown at preview", news: { hostname: UNKNOWN }, changes: true, replaces: ["hostname"] },
  { name: "record rebound", news: { recordId: "4042843419650113" }, changes: true },
  { name: "SSL turned off", news: { sslFlag: "off", certType: undefined }, changes: true },
  { name: "certificate type changed", news: { certType: "cas", casId: "1", casRegion: "cn-hangzhou" }, changes: true },
  {
    name: "uploaded certificate rotated",
    olds: { certType: "upload", certificate: "A", privateKey: "k1" },
    news: { certType: "upload", certificate: "B", privateKey: "k2" },
    changes: true,
  },
  { name: "trigger changed", news: { applyCertificateTrigger: "2" }, changes: true },
  { name: "wait timeout changed", news: { waitTimeoutSeconds: 60 }, changes: true },
  { name: "refreshed free certificate Expiring", olds: { certStatus: "Expiring" }, changes: true },
  { name: "refreshed free certificate Expired", olds: { certStatus: "Expired" }, changes: true },
  { name: "refreshed free certificate ApplyFailed", olds: { certStatus: "ApplyFailed" }, changes: true },
  { name: "free certificate still Applying", olds: { certStatus: "Applying" }, changes: false },
  {
    name: "uploaded certificate Expiring is the user's to rotate",
    olds: { certType: "upload", certificate: "A", privateKey: "k", certStatus: "Expiring" },
    news: { certType: "upload", certificate: "A", privateKey: "k" },
    changes: false,
  },
  {
    name: "wait for active not reached yet",
    olds: { status: "pending", waitFor: "active" },
    news: { waitFor: "active" },
    changes: true,
  },
  { name: "wait for active reached", olds: { waitFor: "active" }, news: { waitFor: "active" }, changes: false },
  {
    name: "wait for certificate while Applying",
    olds: { waitFor: "certificateIssued", certStatus: "Applying" },
    news: { waitFor: "certificateIssued" },
    changes: true,
  },
];

function withoutUndefined(bag: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(bag).filter(([, v]) => v !== undefined));
}

describe("esa.CustomHostname diff (unit)", () => {
  for (const c of CASES) {
    it(`${c.name} → changes ${c.changes}${c.replaces ? `, replaces ${c.replaces.join(",")}` : ""}`, () => {
      const olds = withoutUndefined({ ...OUTPUTS, ...c.olds });
      const news = withoutUndefined({ ...INPUTS, __provider: "text-1", ...c.news });
      const result = diffCustomHostname(olds, news);
      assert.equal(result.changes, c.changes);
      assert.deepEqual(result.replaces, c.replaces ?? []);
      assert.equal(result.deleteBeforeReplace, true, "the hostname is unique: always delete before replace");
    });
  }
});
