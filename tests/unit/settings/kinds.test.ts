/** The kinds of provider settings (provider/settings/kinds.ts): one rule each, over generated values. */
import { strict as assert } from "node:assert";
import { Resolver } from "node:dns/promises";
import fc from "fast-check";
import {
  duration,
  endpoint,
  endpointMap,
  httpUrl,
  MAX_TIMER_MS,
  onOff,
  oneOf,
  resolverList,
  text,
  trueFalseOrList,
  type Kind,
  type Parsed,
} from "../../../provider/settings/kinds";

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) assert.fail("expected a value, got a failure");
  return parsed.value;
}

/** The same text in a random mix of upper and lower case. */
const anyCase = (word: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) => [...word].map((c, i) => (upper[i] === true ? c.toUpperCase() : c)).join(""));

/** Text that is trimmed and not empty, as the reader hands it to a kind. */
const trimmed = fc
  .string({ minLength: 1 })
  .map((s) => s.trim())
  .filter((s) => s !== "");

describe("unit: settings kinds", () => {
  describe("duration (ms)", () => {
    const allowed = duration("allowed");
    const refused = duration("refused");

    it("reads every decimal number in range as Number() does (ECMA-262 StringToNumber)", () => {
      fc.assert(
        fc.property(fc.double({ min: 0, max: MAX_TIMER_MS, noNaN: true }), (ms) => {
          const text = String(ms);
          assert.equal(value(allowed.parse(text)), ms === 0 ? 0 : ms);
          if (ms > 0) assert.equal(value(refused.parse(text)), ms);
        }),
      );
      for (const [text, ms] of [
        ["200", 200],
        ["2.5", 2.5],
        ["1e3", 1000],
        ["+7", 7],
        [".5", 0.5],
        ["5.", 5],
      ] as const)
        assert.equal(value(allowed.parse(text)), ms, text);
    });

    it("refuses what is not a decimal number, a negative, a value past the timer limit, and 0 where 0 is no value", () => {
      fc.assert(
        fc.property(
          trimmed.filter((s) => !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)),
          (text) => assert.equal(allowed.parse(text).ok, false),
        ),
      );
      for (const text of [
        "2s",
        "0x10",
        "0b1",
        "Infinity",
        "NaN",
        "1_000",
        "-1",
        "-0.5",
        String(MAX_TIMER_MS + 1),
        "1e10",
      ])
        assert.equal(allowed.parse(text).ok, false, text);
      for (const zero of ["0", "0.0", "-0", "0e5"]) {
        assert.equal(refused.parse(zero).ok, false, zero);
        assert.ok(Object.is(value(allowed.parse(zero)), 0), `${zero} is 0, never -0`);
      }
      assert.equal(value(allowed.parse(String(MAX_TIMER_MS))), MAX_TIMER_MS);
      assert.equal(allowed.rule, "a number of milliseconds from 0 to 2147483647");
      assert.equal(refused.rule, "a number of milliseconds above 0, at most 2147483647");
    });
  });

  it('switch: "on" or "off" in any case, nothing else', () => {
    fc.assert(
      fc.property(anyCase("on"), anyCase("off"), (on, off) => {
        assert.equal(value(onOff.parse(on)), true);
        assert.equal(value(onOff.parse(off)), false);
      }),
    );
    fc.assert(
      fc.property(
        trimmed.filter((s) => !["on", "off"].includes(s.toLowerCase())),
        (other) => assert.equal(onOff.parse(other).ok, false),
      ),
    );
    for (const other of ["true", "false", "1", "0", "yes", "no", "disabled"])
      assert.equal(onOff.parse(other).ok, false);
  });

  it("enum: a declared value in any case, returned as declared; the rule lists each with its meaning", () => {
    const kind = oneOf([
      { value: "wait", means: "queue" },
      { value: "fail", means: "fail at once" },
      { value: "HTTP" },
    ]);
    const typed = fc
      .constantFrom("wait", "fail", "HTTP")
      .chain((declared) => anyCase(declared).map((t) => [declared, t]));
    fc.assert(fc.property(typed, ([declared, t]) => assert.equal(value(kind.parse(t)), declared)));
    assert.equal(kind.parse("later").ok, false);
    assert.equal(kind.rule, '"wait" (queue), "fail" (fail at once) or "HTTP"');
  });

  it("string: any text is a value", () => {
    fc.assert(fc.property(trimmed, (t) => assert.equal(value(text.parse(t)), t)));
  });

  it("URL: http:// and https:// URLs as typed; other schemes and non-URLs are refused", () => {
    fc.assert(fc.property(fc.webUrl(), (url) => assert.equal(value(httpUrl.parse(url)), url)));
    for (const bad of ["127.0.0.1:1/clock", "ftp://clock.test/", "file:///etc/hosts", "http://", "clock"])
      assert.equal(httpUrl.parse(bad).ok, false, bad);
  });

  describe("endpoint", () => {
    it("a URL gives its host and scheme (the path is ignored); a bare host[:port] keeps the configured protocol", () => {
      fc.assert(
        fc.property(fc.webUrl(), (url) => {
          const parsed = new URL(url);
          assert.deepEqual(value(endpoint.parse(url)), {
            host: parsed.host,
            protocol: parsed.protocol === "http:" ? "http" : "https",
          });
        }),
      );
      fc.assert(
        fc.property(fc.domain(), fc.option(fc.integer({ min: 1, max: 65_535 })), fc.nat(3), (host, port, slashes) => {
          const bare = port === null ? host : `${host}:${port}`;
          assert.deepEqual(value(endpoint.parse(bare + "/".repeat(slashes))), { host: bare, protocol: undefined });
        }),
      );
    });

    it("refuses other schemes, unparsable URLs, and a bare value with a path or a blank", () => {
      for (const bad of ["ftp://esa.test", "http://", "https://[::1", "esa.test/path", "esa test", "///"])
        assert.equal(endpoint.parse(bad).ok, false, bad);
    });
  });

  describe("JSON endpoints (alicloud:endpoints)", () => {
    const kind = endpointMap(["esa", "cas", "ga"]);

    it("reads a list of objects or one object; the first object naming a product wins; other keys are ignored", () => {
      const listed = value(
        kind.parse('[{"ecs": 5, "cas": "cas.internal"}, {"cas": "other", "ga": "http://ga.local:8080"}]'),
      );
      assert.deepEqual(Object.fromEntries(listed), {
        cas: { host: "cas.internal", protocol: undefined },
        ga: { host: "ga.local:8080", protocol: "http" },
      });
      assert.deepEqual(Object.fromEntries(value(kind.parse('{"esa": " esa.x ", "cas": ""}'))), {
        esa: { host: "esa.x", protocol: undefined },
      });
    });

    it("fails on text that is not JSON or not objects, naming the entry at fault when one is", () => {
      for (const bad of ["esa=foo", "5", '"esa"', "[5]", "[[]]", "null"]) {
        const parsed = kind.parse(bad);
        assert.ok(!parsed.ok && parsed.detail === undefined, bad);
      }
      const parsed = kind.parse('[{"esa": 5}]');
      assert.ok(!parsed.ok);
      assert.equal(parsed.detail, 'its "esa" entry 5 is not an endpoint');
      const scheme = kind.parse('{"ga": "ftp://ga"}');
      assert.ok(!scheme.ok);
      assert.equal(scheme.detail, 'its "ga" entry "ftp://ga" is not an endpoint');
      assert.match(kind.rule, /^JSON: /);
    });
  });

  describe("resolver list", () => {
    const resolverAccepts = (entry: string): boolean => {
      try {
        new Resolver().setServers([entry]);
        return true;
      } catch {
        return false;
      }
    };
    const port = fc.integer({ min: 1, max: 65_535 });
    const wellFormed = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.tuple(fc.ipV4(), port).map(([ip, p]) => `${ip}:${p}`),
      fc.tuple(fc.ipV6(), port).map(([ip, p]) => `[${ip}]:${p}`),
      fc.ipV6().map((ip) => `[${ip}]`),
    );

    it("takes every address form dns.Resolver#setServers documents, in a comma-separated list", () => {
      fc.assert(
        fc.property(fc.array(wellFormed, { minLength: 1, maxLength: 4 }), (entries) => {
          assert.deepEqual(value(resolverList.parse(entries.join(" , "))), entries);
          for (const entry of entries) assert.ok(resolverAccepts(entry), entry);
        }),
      );
    });

    it("never takes an entry node:dns would refuse (so a wait never fails on setServers)", () => {
      const noise = fc.oneof(
        fc.string(),
        fc.domain(),
        fc.tuple(fc.domain(), port).map(([d, p]) => `${d}:${p}`),
        fc.tuple(fc.ipV4(), fc.integer()).map(([ip, p]) => `${ip}:${p}`),
        wellFormed.map((e) => `${e}x`),
      );
      fc.assert(
        fc.property(
          noise.map((s) => s.trim()).filter((s) => s !== "" && !s.includes(",")),
          (entry) => {
            if (resolverList.parse(entry).ok) assert.ok(resolverAccepts(entry), entry);
          },
        ),
      );
      for (const bad of ["dns.example.com", "1.2.3.4:0", "1.2.3.4:65536", "[1.2.3.4]:53", "::1:53x"]) {
        const parsed = resolverList.parse(bad);
        assert.ok(!parsed.ok, bad);
        assert.equal(parsed.detail, `an entry ${JSON.stringify(bad)} is not a resolver address`);
      }
    });

    it("an empty entry is a comma too many", () => {
      for (const bad of ["1.2.3.4,,5.6.7.8", "1.2.3.4,", ",1.2.3.4"]) {
        const parsed = resolverList.parse(bad);
        assert.ok(!parsed.ok);
        assert.equal(parsed.detail, `${JSON.stringify(bad)} has an empty entry (a comma too many)`);
      }
    });
  });

  it('switch or list: "true", "false" in any case, or a list of trimmed entries without an empty one', () => {
    const kind = trueFalseOrList("hostnames");
    fc.assert(
      fc.property(anyCase("true"), anyCase("false"), (yes, no) => {
        assert.deepEqual(value(kind.parse(yes)), { kind: "all" });
        assert.deepEqual(value(kind.parse(no)), { kind: "none" });
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.domain(), { minLength: 1, maxLength: 5 }), (names) => {
        assert.deepEqual(value(kind.parse(names.map((n) => ` ${n} `).join(","))), { kind: "list", entries: names });
      }),
    );
    assert.ok(!kind.parse("a.test,,b.test").ok);
    assert.equal(kind.rule, '"true", "false" or a comma-separated list of hostnames');
  });

  it("every kind reads back what it shows (the table shows defaults as a user would type them)", () => {
    const roundTrip = <T>(kind: Kind<T>, arbitrary: fc.Arbitrary<T>): void =>
      fc.assert(fc.property(arbitrary, (v) => assert.deepEqual(value(kind.parse(kind.show(v))), v)));
    roundTrip(
      duration("allowed"),
      fc.double({ min: 0, max: MAX_TIMER_MS, noNaN: true, noDefaultInfinity: true }).map((d) => (d === 0 ? 0 : d)),
    );
    roundTrip(onOff, fc.boolean());
    roundTrip(oneOf([{ value: "wait" }, { value: "fail" }]), fc.constantFrom("wait" as const, "fail" as const));
    roundTrip(text, trimmed);
    roundTrip(httpUrl, fc.webUrl());
    roundTrip(
      endpoint,
      fc
        .record({ host: fc.domain(), protocol: fc.constantFrom("http" as const, "https" as const, undefined) })
        .map((r) => ({ host: r.host, protocol: r.protocol })),
    );
    roundTrip(resolverList, fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 }));
    roundTrip(
      trueFalseOrList("hostnames"),
      fc.oneof(
        fc.constant({ kind: "all" as const }),
        fc.constant({ kind: "none" as const }),
        fc.array(fc.domain(), { minLength: 1, maxLength: 3 }).map((entries) => ({ kind: "list" as const, entries })),
      ),
    );
  });
});
