/**
 * Unit tier: RFC 6125 §6.4 name matching (`common/coverage.ts`): the canonical form names compare in, which names a
 * certificate presents, and when a presented name covers a domain. Examples from the RFC and the CA/B Forum rules,
 * then the invariants over generated names (fast-check).
 */
import { strict as assert } from "node:assert";
import { domainToASCII } from "node:url";
import * as fc from "fast-check";
import {
  canonicalDnsName,
  coveringName,
  presentedNameCovers,
  presentedNames,
} from "../../../provider/resources/common/coverage";

/** An LDH label, mixed case, 1–12 characters, no hyphen at either end. */
const ldhLabel = fc
  .stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,10}[A-Za-z0-9])?$/)
  .filter((label) => !/^xn--/i.test(label) && label.slice(2, 4) !== "--");
/** A label that may hold letters IDNA maps (ü, é, ß, upper case). */
const idnLabel = fc
  .array(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789üéöçßÜÉ"), {
    minLength: 1,
    maxLength: 10,
  })
  .map((chars) => chars.join(""));
/** A name of at least two labels whose last label is alphabetic (a TLD). */
const hostname = fc
  .tuple(fc.array(fc.oneof(ldhLabel, idnLabel), { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[A-Za-z]{2,6}$/))
  .map(([labels, tld]) => [...labels, tld].join("."));
/** Flip the case of some ASCII letters. */
const recase = (name: string, flips: readonly boolean[]): string =>
  [...name].map((ch, i) => (flips[i % Math.max(flips.length, 1)] ? swapAscii(ch) : ch)).join("");
function swapAscii(ch: string): string {
  if (/[a-z]/.test(ch)) return ch.toUpperCase();
  if (/[A-Z]/.test(ch)) return ch.toLowerCase();
  return ch;
}

describe("unit: common/coverage canonical DNS names (RFC 6125 §6.4.1–2)", () => {
  const examples: [string, string][] = [
    ["Shop.Example.COM", "shop.example.com"],
    ["shop.example.com.", "shop.example.com"],
    ["  shop.example.com ", "shop.example.com"],
    ["bücher.example", "xn--bcher-kva.example"],
    ["XN--BCHER-KVA.Example.", "xn--bcher-kva.example"],
    ["*.Example.com", "*.example.com"],
  ];
  for (const [input, expected] of examples) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(canonicalDnsName(input), expected));
  }

  it("is idempotent", () => {
    fc.assert(fc.property(hostname, (name) => canonicalDnsName(canonicalDnsName(name)) === canonicalDnsName(name)));
  });

  it("ignores ASCII case and a trailing dot", () => {
    fc.assert(
      fc.property(hostname, fc.array(fc.boolean(), { minLength: 1 }), fc.boolean(), (name, flips, dot) => {
        assert.equal(canonicalDnsName(recase(name, flips) + (dot ? "." : "")), canonicalDnsName(name));
      }),
    );
  });

  it("gives a U-label name and its A-label form one canonical form", () => {
    fc.assert(
      fc.property(hostname, (name) => {
        const aLabels = domainToASCII(name);
        fc.pre(aLabels !== "");
        assert.equal(canonicalDnsName(aLabels.toUpperCase()), canonicalDnsName(name));
      }),
    );
  });
});

describe("unit: common/coverage presented names and coverage (RFC 6125 §6.4.3–4)", () => {
  const covers: [string, string, boolean][] = [
    ["shop.example.com", "shop.example.com", true],
    ["SHOP.example.com.", "shop.Example.com", true],
    ["*.example.com", "shop.example.com", true],
    ["*.example.com", "example.com", false],
    ["*.example.com", "a.shop.example.com", false],
    ["*.example.com", "*.example.com", true],
    ["shop.example.com", "*.example.com", false],
    ["*.example.com", "*.shop.example.com", false],
    ["f*.example.com", "foo.example.com", false],
    ["*oo.example.com", "foo.example.com", false],
    ["a.*.example.com", "a.b.example.com", false],
    ["*.com", "example.com", false],
    ["*.xn--bcher-kva.example", "shop.bücher.example", true],
    ["bücher.example", "XN--BCHER-KVA.example", true],
    ["other.example.org", "shop.example.com", false],
  ];
  for (const [presented, reference, expected] of covers) {
    it(`${presented} ${expected ? "covers" : "does not cover"} ${reference}`, () =>
      assert.equal(presentedNameCovers(presented, reference), expected));
  }

  it("a name without a wildcard covers exactly the names DNS treats as the same", () => {
    fc.assert(
      fc.property(hostname, hostname, fc.array(fc.boolean(), { minLength: 1 }), (a, b, flips) => {
        assert.equal(presentedNameCovers(a, recase(a, flips)), true);
        assert.equal(presentedNameCovers(a, b), canonicalDnsName(a) === canonicalDnsName(b));
      }),
    );
  });

  it("a wildcard stands for exactly one label: not the parent, not two labels, not another parent", () => {
    fc.assert(
      fc.property(ldhLabel, ldhLabel, hostname, hostname, (one, two, parent, other) => {
        const wildcard = `*.${parent}`;
        assert.equal(presentedNameCovers(wildcard, `${one}.${parent}`), true);
        assert.equal(presentedNameCovers(wildcard, parent), false);
        assert.equal(presentedNameCovers(wildcard, `${one}.${two}.${parent}`), false);
        assert.equal(
          presentedNameCovers(wildcard, `${one}.${other}`),
          canonicalDnsName(other) === canonicalDnsName(parent),
        );
      }),
    );
  });

  it("a wildcard domain is covered only by the same wildcard", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostname,
          hostname.map((h) => `*.${h}`),
        ),
        hostname,
        (presented, parent) => {
          const domain = `*.${parent}`;
          assert.equal(
            presentedNameCovers(presented, domain),
            canonicalDnsName(presented) === canonicalDnsName(domain),
          );
        },
      ),
    );
  });

  it("takes the subjectAltNames, the CN only when there are none (§6.4.4), canonical and distinct", () => {
    assert.deepEqual(presentedNames("a.example.com, *.Example.com,a.example.com", "cn.example.com"), [
      "a.example.com",
      "*.example.com",
    ]);
    assert.deepEqual(presentedNames(undefined, "CN.example.com"), ["cn.example.com"]);
    assert.deepEqual(presentedNames("", "cn.example.com"), ["cn.example.com"]);
    assert.deepEqual(presentedNames([], undefined), []);
    assert.equal(
      coveringName(presentedNames("a.example.com,*.example.com", undefined), "b.example.com"),
      "*.example.com",
    );
    assert.equal(coveringName(presentedNames("a.example.com", "b.example.com"), "b.example.com"), undefined);
  });
});
