/**
 * Every setting keeps its meaning: for every value that was well-formed before the settings module, the provider
 * reads what it read before. The readers below are the code the module replaced (commit eb36bac), kept here only
 * as the reference; each property compares them with the function the provider calls now, over generated values.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { pollDelays } from "../../../provider/resources/common/host";
import { gatherMs } from "../../../provider/resources/ga/engine/settings";
import { readReuseMs } from "../../../provider/resources/ga/engine/reads";
import { listReadsEnabled } from "../../../provider/resources/esa/custom-hostname/site-listing";
import { quotaPolicy } from "../../../provider/resources/esa/custom-hostname/quota";
import { MAX_TIMER_MS } from "../../../provider/settings/kinds";
import { readSetting } from "../../../provider/settings/read";
import { SETTINGS } from "../../../provider/settings/table";
import { resolveEndpoint } from "../../../provider/transport/endpoints";
import { configFromRecord } from "../../../provider/transport/settings";
import { clockFromEnv, systemClock } from "../../../provider/util/clock";

/** Before: transport/settings.ts `envMilliseconds` (unset, blank or malformed: the fallback). */
function envMillisecondsBefore(raw: string | undefined, fallback: number): number {
  const text = raw === undefined || raw.trim() === "" ? undefined : raw.trim();
  const value = Number(text ?? NaN);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Before: common/host.ts `pollDelays`. */
function pollDelaysBefore(min?: string, max?: string): { minDelayMs: number; maxDelayMs: number } {
  const lo = Number(min ?? "") || 2000;
  const hi = Number(max ?? "") || Math.max(lo, 20_000);
  return { minDelayMs: lo, maxDelayMs: Math.max(lo, hi) };
}

/** Before: transport/endpoints.ts `parseEndpointOverride`. */
function endpointBefore(value: string, fallbackProtocol: "http" | "https"): { host: string; protocol: string } {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const url = new URL(value);
    return { host: url.host, protocol: url.protocol === "http:" ? "http" : "https" };
  }
  return { host: value.replace(/\/+$/, ""), protocol: fallbackProtocol };
}

/** Before: util/dns.ts, the resolvers `systemDnsLookup` set. */
function dnsServersBefore(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function withEnv<T>(values: Record<string, string | undefined>, body: () => T): T {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  const set = (entries: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(entries)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(values);
  try {
    return body();
  } finally {
    set(saved);
  }
}

/** Text as people type numbers of milliseconds, blanks and typos included. */
const numberish = fc.oneof(
  fc.string(),
  fc.nat().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom("", " ", "0", "-0", " 250 ", "1e3", "Infinity", "abc", "12ms", "-3"),
);
/** A number literal Number() reads that is not decimal (`0x10`): the one form the duration rule no longer takes. */
const nonDecimalLiteral = (raw: string): boolean => /^[+-]?0[xob]/i.test(raw.trim());

/** A well-formed positive duration, as typed. */
const positiveMs = fc.double({ min: Number.MIN_VALUE, max: MAX_TIMER_MS, noNaN: true }).map(String);
const unset = fc.constantFrom(undefined, "", "  ");

describe("unit: settings keep their meaning", () => {
  it("the GA and ESA tuning windows read every value as before (a malformed one still means the default)", () => {
    const windows = [
      { name: "ALICLOUD_CERTS_GA_GATHER_MS", read: gatherMs, fallback: 100 },
      { name: "ALICLOUD_CERTS_GA_READ_REUSE_MS", read: readReuseMs, fallback: 5000 },
      // The site listing's gather window (site-listing.ts passes this read to its SharedReads).
      { name: "ALICLOUD_CERTS_ESA_GATHER_MS", read: () => readSetting(SETTINGS.esaGatherMs), fallback: 0 },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...windows), numberish, (window, raw) => {
        if (nonDecimalLiteral(raw)) return;
        const before = envMillisecondsBefore(raw, window.fallback);
        // Past the timer limit a window was 1 ms in effect (Node.js sets a larger delay to 1): now the default.
        const expected = before > MAX_TIMER_MS ? window.fallback : before;
        assert.equal(withEnv({ [window.name]: raw }, window.read), expected === 0 ? 0 : expected);
      }),
    );
  });

  it("poll pacing: unset, blank and every well-formed value read as before", () => {
    fc.assert(
      fc.property(fc.oneof(unset, positiveMs), fc.oneof(unset, positiveMs), (min, max) => {
        const now = withEnv({ ALICLOUD_CERTS_MIN_POLL_MS: min, ALICLOUD_CERTS_MAX_POLL_MS: max }, pollDelays);
        assert.deepEqual(now, pollDelaysBefore(min, max));
      }),
    );
  });

  it("endpoints: every URL and bare host an override or alicloud:endpoints held reads as before", () => {
    const value = fc.oneof(
      fc.webUrl(),
      fc
        .tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65_535 })), fc.nat(2))
        .map(([host, port, slashes]) => `${port === null ? host : `${host}:${port}`}${"/".repeat(slashes)}`),
    );
    fc.assert(
      fc.property(value, fc.constantFrom(undefined, "HTTP", "https"), (endpoint, protocol) => {
        const fallback = protocol?.toLowerCase() === "http" ? "http" : "https";
        const config = protocol === undefined ? {} : { "alicloud:protocol": protocol };
        const before = endpointBefore(endpoint, fallback);
        assert.deepEqual(
          resolveEndpoint("cas", configFromRecord(config), { ALICLOUD_CERTS_ENDPOINT: endpoint }),
          before,
        );
        const listed = { ...config, "alicloud:endpoints": JSON.stringify([{ cas: endpoint }]) };
        assert.deepEqual(resolveEndpoint("cas", configFromRecord(listed), {}), before);
      }),
    );
  });

  it("switches and the quota policy: every value that worked means what it meant", () => {
    const spellings = (word: string): string[] => [word, word.toUpperCase(), ` ${word} `];
    for (const raw of [undefined, "", ...spellings("on"), ...spellings("off")]) {
      const before = raw?.trim().toLowerCase() !== "off";
      assert.equal(
        withEnv({ ALICLOUD_CERTS_ESA_LIST_READS: raw }, listReadsEnabled),
        before,
        `list reads ${String(raw)}`,
      );
      assert.equal(
        readSetting(SETTINGS.engineWatch, { config: configFromRecord({}), env: { ALICLOUD_CERTS_ENGINE_WATCH: raw } }),
        before,
        `engine watch ${String(raw)}`,
      );
    }
    // The watch stays on for anything but "off", as before: a typo never turns a watchdog off.
    assert.equal(
      readSetting(SETTINGS.engineWatch, { config: configFromRecord({}), env: { ALICLOUD_CERTS_ENGINE_WATCH: "of" } }),
      true,
    );
    for (const raw of [undefined, "wait", "fail", " fail "])
      assert.equal(withEnv({ ALICLOUD_CERTS_ESA_CREATE_QUOTA: raw }, quotaPolicy), raw?.trim() ?? "wait");
  });

  it("DNS resolvers: every list of addresses names the same resolvers", () => {
    const address = fc.oneof(
      fc.ipV4(),
      fc.ipV6(),
      fc.tuple(fc.ipV4(), fc.integer({ min: 1, max: 65_535 })).map(([ip, p]) => `${ip}:${p}`),
    );
    fc.assert(
      fc.property(
        fc.array(address, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(",", ", ", " ,"),
        (list, comma) => {
          const raw = list.join(comma);
          const now = readSetting(SETTINGS.dnsServers, {
            config: configFromRecord({}),
            env: { ALICLOUD_CERTS_DNS_SERVERS: raw },
          });
          assert.deepEqual(now, dnsServersBefore(raw));
        },
      ),
    );
  });

  it("the clock: the system clock when unset or empty, else the URL's", () => {
    assert.equal(clockFromEnv({}), systemClock);
    assert.equal(clockFromEnv({ ALICLOUD_CERTS_CLOCK_URL: "" }), systemClock);
    fc.assert(
      fc.property(fc.webUrl(), (url) => assert.notEqual(clockFromEnv({ ALICLOUD_CERTS_CLOCK_URL: url }), systemClock)),
    );
  });
});
