/** The conflict hint's look-up, against a fake client: each holder of the name gets its own advice. */
import { strict as assert } from "node:assert";
import { conflictHint, isNameConflict } from "../../../provider/resources/esa/custom-hostname/conflict";
import { AlibabaCloudError } from "../../../provider/transport/errors";

type Rows = Record<string, Record<string, unknown>[]>;

/** A `call` that answers ListSites/ListRecords/ListCustomHostnames from `rows` (keyed `Action` or `Action:SiteId`). */
function fakeClient(rows: Rows, fail = false): Parameters<typeof conflictHint>[0] {
  return {
    call: (async (op: { action: string }, request: Record<string, unknown>) => {
      if (fail) throw new Error("network down");
      const key = op.action === "ListSites" ? "ListSites" : `${op.action}:${String(request["SiteId"])}`;
      const list = rows[key] ?? [];
      if (op.action === "ListSites") return { sites: list, totalCount: list.length };
      if (op.action === "ListRecords") return { records: list, totalCount: list.length };
      return { hostnames: list, totalCount: list.length, pageNumber: 1, pageSize: 100 };
    }) as never,
  };
}

const SITES = [
  { siteId: "1", siteName: "one.com" },
  { siteId: "2", siteName: "two.com" },
];

describe("esa conflict hint", () => {
  it("recognizes only the documented conflict code", () => {
    const make = (code: string): AlibabaCloudError =>
      new AlibabaCloudError({
        product: "esa",
        action: "CreateCustomHostname",
        kind: "api",
        code,
        httpStatus: 400,
        serviceMessage: "m",
        retryable: false,
        notFound: false,
      });
    assert.equal(isNameConflict(make("CustomHostname.ConflictWithExistingResource")), true);
    assert.equal(isNameConflict(make("CustomHostname.AlreadyExist")), false);
  });

  it("suggests adoptExisting for a custom hostname in the same site", async () => {
    const hint = await conflictHint(
      fakeClient({ "ListCustomHostnames:1": [{ hostnameId: "77", hostname: "Shop.x.org" }] }),
      "1",
      "shop.x.org",
    );
    assert.match(hint, /HostnameId 77\)\. To manage it with this resource, set adoptExisting: true/);
  });

  it("points at the other site for a custom hostname there", async () => {
    const hint = await conflictHint(
      fakeClient({ ListSites: SITES, "ListCustomHostnames:2": [{ hostnameId: "9", hostname: "shop.x.org" }] }),
      "1",
      "shop.x.org",
    );
    assert.match(hint, /custom hostname of another site, 2 \(HostnameId 9\).*set siteId to 2/);
  });

  it("names the objects it cannot look up when nothing visible holds the name", async () => {
    const hint = await conflictHint(fakeClient({ ListSites: SITES }), "1", "shop.x.org");
    assert.match(hint, /2 site\(s\) searched.*load balancer, an origin pool or a Layer 4 record/);
    assert.doesNotMatch(hint, /set adoptExisting/);
  });

  it("stays useful when the look-up itself fails", async () => {
    const hint = await conflictHint(fakeClient({}, true), "1", "shop.x.org");
    assert.match(hint, /could not be looked up/);
  });
});
