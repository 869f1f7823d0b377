/**
 * Unit tier: a GA claim is exclusive. The providers' `check` (per-domain and set) declares each resource's claims in
 * the process-wide registry and refuses a domain another resource of the deployment claims on the same listener,
 * compared as DNS compares names, naming both resources; a resource that gives a domain up leaves it bound when
 * another resource declares it. Examples, then the invariants over generated programs (fast-check).
 */
import { strict as assert } from "node:assert";
import * as fc from "fast-check";
import { canonicalDnsName } from "../../../provider/resources/common/coverage";
import { type PropertyBag } from "../../../provider/resources/common/dynamic";
import { claimedElsewhere, noteApplied } from "../../../provider/resources/ga/claims/guards";
import { claimOn, claimRegistry, placeOf } from "../../../provider/resources/ga/claims/registry";
import * as single from "../../../provider/resources/ga/listener-additional-certificate/provider";
import * as set from "../../../provider/resources/ga/listener-additional-certificates/provider";
import { ACC, LSN } from "./fixtures";

const OTHER_LSN = "lsr-bp1otherlistener0001";
const NAME = "__resourceName";

/** What a program declares: one resource, per-domain or set. */
type Resource =
  | { kind: "single"; name: string; listenerId: string; domain: string; certificateId: string }
  | { kind: "set"; name: string; listenerId: string; certificates: Record<string, string> };

function news(r: Resource): PropertyBag {
  return r.kind === "single"
    ? { acceleratorId: ACC, listenerId: r.listenerId, domain: r.domain, certificateId: r.certificateId, [NAME]: r.name }
    : { acceleratorId: ACC, listenerId: r.listenerId, certificates: r.certificates, [NAME]: r.name };
}

async function check(r: Resource, olds: PropertyBag = {}): Promise<{ property: string; reason: string }[]> {
  const result = r.kind === "single" ? await single.check(olds, news(r)) : await set.check(olds, news(r));
  return result.failures ?? [];
}

/** The domains (as typed) a resource claims on its listener. */
function domainsOf(r: Resource): string[] {
  return r.kind === "single" ? [r.domain] : Object.keys(r.certificates);
}

describe("unit: GA claims are exclusive (check)", () => {
  beforeEach(() => claimRegistry.reset());
  after(() => claimRegistry.reset());

  it("refuses a second per-domain resource spelled in upper case, naming both", async () => {
    assert.deepEqual(
      await check({
        kind: "single",
        name: "a",
        listenerId: LSN,
        domain: "shop.example.com",
        certificateId: "1-cn-hangzhou",
      }),
      [],
    );
    const failures = await check({
      kind: "single",
      name: "b",
      listenerId: LSN,
      domain: "SHOP.Example.com",
      certificateId: "2-cn-hangzhou",
    });
    assert.equal(failures.length, 1);
    assert.equal(failures[0]?.property, "domain");
    assert.match(
      failures[0]?.reason ?? "",
      /domain "SHOP\.Example\.com" on GA listener lsr-\w+ is claimed by both ga\.ListenerAdditionalCertificate "b" and ga\.ListenerAdditionalCertificate "a" \(as "shop\.example\.com"\)/,
    );
    assert.match(failures[0]?.reason ?? "", /one additional certificate per domain/);
  });

  it("refuses between a set and a per-domain resource, and between two sets, on the set's key as typed", async () => {
    await check({ kind: "set", name: "s", listenerId: LSN, certificates: { "a.example.com.": "1-cn-hangzhou" } });
    const perDomain = await check({
      kind: "single",
      name: "p",
      listenerId: LSN,
      domain: "A.example.com",
      certificateId: "1-cn-hangzhou",
    });
    assert.match(
      perDomain[0]?.reason ?? "",
      /ga\.ListenerAdditionalCertificate "p" and ga\.ListenerAdditionalCertificates "s"/,
    );
    const otherSet = await check({
      kind: "set",
      name: "t",
      listenerId: LSN,
      certificates: { "b.example.com": "2-cn-hangzhou", "A.EXAMPLE.COM": "3-cn-hangzhou" },
    });
    assert.deepEqual(
      otherSet.map((f) => f.property),
      ['certificates["A.EXAMPLE.COM"]'],
    );
    assert.match(
      otherSet[0]?.reason ?? "",
      /ga\.ListenerAdditionalCertificates "t" and ga\.ListenerAdditionalCertificates "s"/,
    );
  });

  it("compares IDNA A-labels case-insensitively; a wildcard is its own name; another listener is another place", async () => {
    await check({
      kind: "single",
      name: "a",
      listenerId: LSN,
      domain: "xn--bcher-kva.example.com",
      certificateId: "1-cn-hangzhou",
    });
    assert.equal(
      (
        await check({
          kind: "single",
          name: "b",
          listenerId: LSN,
          domain: "XN--BCHER-KVA.example.com.",
          certificateId: "1-cn-hangzhou",
        })
      ).length,
      1,
    );
    assert.deepEqual(
      await check({
        kind: "single",
        name: "w",
        listenerId: LSN,
        domain: "*.example.com",
        certificateId: "1-cn-hangzhou",
      }),
      [],
    );
    assert.deepEqual(
      await check({
        kind: "single",
        name: "c",
        listenerId: OTHER_LSN,
        domain: "xn--bcher-kva.example.com",
        certificateId: "1-cn-hangzhou",
      }),
      [],
    );
  });

  it("lets a resource check again (an update) without claiming against itself", async () => {
    const a: Resource = {
      kind: "single",
      name: "a",
      listenerId: LSN,
      domain: "a.example.com",
      certificateId: "1-cn-hangzhou",
    };
    await check(a);
    assert.deepEqual(await check({ ...a, certificateId: "2-cn-hangzhou" }, news(a)), []);
    const s: Resource = { kind: "set", name: "s", listenerId: LSN, certificates: { "b.example.com": "1-cn-hangzhou" } };
    await check(s);
    assert.deepEqual(await check({ ...s, certificates: { "B.example.com": "2-cn-hangzhou" } }, news(s)), []);
  });

  it("refuses unnamed claimants too (calls without the hidden name), telling them apart by what they claim", async () => {
    const bag = { acceleratorId: ACC, listenerId: LSN, domain: "a.example.com", certificateId: "1-cn-hangzhou" };
    assert.equal((await single.check({}, bag)).failures, undefined);
    assert.equal((await single.check({}, bag)).failures, undefined, "the same resource checked again");
    const other = await single.check({}, { ...bag, domain: "A.example.com", certificateId: "2-cn-hangzhou" });
    assert.match(
      other.failures?.[0]?.reason ?? "",
      /claimed by both this ga\.ListenerAdditionalCertificate and an unnamed ga\.ListenerAdditionalCertificate \(certificate 1-cn-hangzhou\)/,
    );
  });

  it("keeps the hidden name in the checked inputs, and declares nothing for inputs that fail or are unknown", async () => {
    const result = await single.check(
      {},
      news({ kind: "single", name: "n", listenerId: LSN, domain: "n.example.com", certificateId: "1-cn-hangzhou" }),
    );
    assert.equal(result.inputs?.["__resourceName"], "n");
    await single.check(
      {},
      { acceleratorId: ACC, listenerId: LSN, domain: "x.example.com", certificateId: "bad", [NAME]: "bad" },
    );
    assert.deepEqual(
      await check({
        kind: "single",
        name: "ok",
        listenerId: LSN,
        domain: "x.example.com",
        certificateId: "1-cn-hangzhou",
      }),
      [],
    );
  });

  // The invariant over generated programs: each resource's check fails exactly when a resource accepted before it
  // claims one of its domains on its listener (as DNS compares names), and the failure names both resources.
  const label = fc.constantFrom("shop", "api", "www", "xn--bcher-kva", "*");
  const spelled = fc
    .tuple(label, fc.constantFrom("example.com", "Example.COM", "example.com."), fc.boolean())
    .map(([l, parent, upper]) => `${upper ? l.toUpperCase() : l}.${parent}`);
  const resource = (name: string): fc.Arbitrary<Resource> =>
    fc.oneof(
      fc.record({
        kind: fc.constant("single" as const),
        name: fc.constant(name),
        listenerId: fc.constantFrom(LSN, OTHER_LSN),
        domain: spelled,
        certificateId: fc.constantFrom("1-cn-hangzhou", "2-cn-hangzhou"),
      }),
      fc.record({
        kind: fc.constant("set" as const),
        name: fc.constant(name),
        listenerId: fc.constantFrom(LSN, OTHER_LSN),
        certificates: fc
          .uniqueArray(spelled, { minLength: 1, maxLength: 3, selector: canonicalDnsName })
          .map((ds) => Object.fromEntries(ds.map((d) => [d, "1-cn-hangzhou"]))),
      }),
    );
  const program = fc
    .integer({ min: 2, max: 6 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => resource(`r${i}`))));

  it("a claim is exclusive: over generated programs of per-domain and set resources", async () => {
    await fc.assert(
      fc.asyncProperty(program, async (resources) => {
        claimRegistry.reset();
        const accepted: Resource[] = [];
        for (const r of resources) {
          const failures = await check(r);
          const holders = accepted.filter(
            (a) =>
              a.listenerId === r.listenerId &&
              domainsOf(a).some((d) => domainsOf(r).some((e) => canonicalDnsName(d) === canonicalDnsName(e))),
          );
          assert.equal(failures.length > 0, holders.length > 0, `${r.name}: ${JSON.stringify(failures)}`);
          for (const f of failures) {
            assert.ok(f.reason.includes(`"${r.name}"`), "names the refused resource");
            assert.ok(
              holders.some((h) => f.reason.includes(`"${h.name}"`)),
              "names the holder",
            );
          }
          if (failures.length === 0) accepted.push(r);
        }
        // And the registry itself never holds two claims on one domain of one listener.
        const seen = new Set<string>();
        for (const d of claimRegistry.declared)
          for (const c of d.claims) {
            const key = `${c.listenerId} ${c.domain}`;
            assert.ok(!seen.has(key), key);
            seen.add(key);
          }
      }),
    );
  });
});

describe("unit: GA claims hand a domain over instead of unbinding it", () => {
  beforeEach(() => claimRegistry.reset());
  after(() => claimRegistry.reset());

  const SINGLE = "ga.ListenerAdditionalCertificate" as const;
  const SET = "ga.ListenerAdditionalCertificates" as const;
  const placeA = placeOf(SINGLE, ACC, LSN, "a.example.com");

  it("a renamed per-domain resource keeps the domain its successor holds; a lone delete gives it up", async () => {
    const successor: Resource = {
      kind: "single",
      name: "new",
      listenerId: LSN,
      domain: "a.example.com",
      certificateId: "1-cn-hangzhou",
    };
    await check(successor);
    const giving = [claimOn(ACC, LSN, "A.example.com", undefined)];
    assert.deepEqual(
      [...claimedElsewhere({ type: SINGLE, name: "old" }, placeA, giving, true)],
      [],
      "declared but not created yet (or its create failed): its state does not hold the domain",
    );
    noteApplied(SINGLE, news(successor));
    assert.deepEqual([...claimedElsewhere({ type: SINGLE, name: "old" }, placeA, giving, true)], ["a.example.com"]);
    assert.deepEqual(
      [...claimedElsewhere({ type: SINGLE, name: undefined }, placeA, giving, true)],
      ["a.example.com"],
      "state written without a name",
    );
    const alone = [claimOn(ACC, LSN, "b.example.com", undefined)];
    const placeB = placeOf(SINGLE, ACC, LSN, "b.example.com");
    assert.deepEqual([...claimedElsewhere({ type: SINGLE, name: "old" }, placeB, alone, true)], []);
  });

  it("a resource's delete releases its own declaration, whatever it changed since (one process)", async () => {
    const bag = { acceleratorId: ACC, listenerId: LSN, domain: "a.example.com", certificateId: "1-cn-hangzhou" };
    await single.check({}, { ...bag, [NAME]: "x" });
    await single.check({}, { ...bag, domain: "b.example.com" });
    const giving = [claimOn(ACC, LSN, "a.example.com", undefined)];
    assert.deepEqual([...claimedElsewhere({ type: SINGLE, name: "x" }, placeA, giving, true)], []);
    const placeB = placeOf(SINGLE, ACC, LSN, "b.example.com");
    const unnamed = [claimOn(ACC, LSN, "b.example.com", undefined)];
    assert.deepEqual([...claimedElsewhere({ type: SINGLE, name: undefined }, placeB, unnamed, true)], []);
    assert.equal(claimRegistry.declared.length, 0);
  });

  it("a set's update never counts its own declaration as another resource's", async () => {
    const bag = {
      acceleratorId: ACC,
      listenerId: LSN,
      certificates: { "a.example.com": "1-cn-hangzhou" },
      [NAME]: "s",
    };
    await set.check({}, bag);
    noteApplied(SET, bag);
    const dropped = [claimOn(ACC, LSN, "a.example.com", undefined)];
    assert.deepEqual([...claimedElsewhere({ type: SET, name: "s" }, placeOf(SET, ACC, LSN), dropped, false)], []);
    assert.equal(claimRegistry.declared.length, 1, "an update keeps the declaration");
  });

  it("never gives up a domain another resource holds, over generated declarations", async () => {
    const domain = fc.constantFrom("a.example.com", "b.example.com", "c.example.com");
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.constantFrom("p", "q", "r"), domain), { selector: ([, d]) => d }),
        fc.uniqueArray(domain, { minLength: 1 }),
        async (declared, giving) => {
          claimRegistry.reset();
          for (const [name, d] of declared) {
            const bag = { acceleratorId: ACC, listenerId: LSN, domain: d, certificateId: "1-cn-hangzhou" };
            await single.check({}, { ...bag, [NAME]: `${name}-${d}` });
            noteApplied(SINGLE, { ...bag, [NAME]: `${name}-${d}` });
          }
          const claims = giving.map((d) => claimOn(ACC, LSN, d, undefined));
          const kept = claimedElsewhere({ type: SET, name: "leaving" }, placeOf(SET, ACC, LSN), claims, true);
          assert.deepEqual([...kept].sort(), giving.filter((d) => declared.some(([, e]) => e === d)).sort());
        },
      ),
    );
  });
});
