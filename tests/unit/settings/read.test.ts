/** The one reader of provider settings (provider/settings/read.ts), over generated values and every declared setting. */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { duration } from "../../../provider/settings/kinds";
import {
  readSetting,
  readSettingFrom,
  SettingError,
  settingLabel,
  settingProblem,
} from "../../../provider/settings/read";
import { setting, type AnySetting } from "../../../provider/settings/setting";
import {
  configFromRecord,
  hostSources,
  NO_CONFIG,
  useHostConfig,
  type SettingSources,
} from "../../../provider/settings/sources";
import { ALL_SETTINGS, SETTINGS } from "../../../provider/settings/table";

const env = (values: Record<string, string | undefined>): SettingSources => ({ config: NO_CONFIG, env: values });

/** Blank text: what an unset variable looks like after `export X=` or a stray space. */
const blank = fc.stringMatching(/^[ \t\n\r]*$/);

/** Every declared setting with its first name (a config key, else its first variable). */
const declared = ALL_SETTINGS.map((s) => ({ s, label: settingLabel(s) }));

/** The value of `raw` for `s`, or the error, from the first source of the setting. */
function outcome(s: AnySetting, raw: string): { value: unknown } | { error: unknown } {
  const sources =
    s.config === undefined
      ? env({ [s.env[0] ?? ""]: raw })
      : { config: configFromRecord({ [s.config]: raw }), env: {} };
  try {
    return { value: readSetting(s, sources) };
  } catch (error: unknown) {
    return { error };
  }
}

describe("unit: settings reader", () => {
  it("the stack config key wins, then the variables in their declared order; blank is unset", () => {
    fc.assert(
      fc.property(fc.domain(), fc.domain(), fc.domain(), blank, (fromConfig, first, second, nothing) => {
        const region = SETTINGS.region;
        const both = { ALICLOUD_REGION: first, ALIBABA_CLOUD_REGION: second };
        assert.equal(
          readSetting(region, { config: configFromRecord({ "alicloud:region": fromConfig }), env: both }),
          fromConfig,
        );
        assert.equal(
          readSetting(region, { config: configFromRecord({ "alicloud:region": nothing }), env: both }),
          first,
        );
        assert.equal(readSetting(region, env({ ALICLOUD_REGION: nothing, ALIBABA_CLOUD_REGION: second })), second);
        assert.equal(readSetting(region, env({ ALICLOUD_REGION: nothing })), "cn-hangzhou");
        assert.equal(readSetting(region, env({ ALICLOUD_REGION: ` ${first}\t` })), first, "trimmed");
      }),
    );
  });

  it("an unset setting is its default, for every declared setting", () => {
    for (const { s, label } of declared) {
      assert.deepEqual(readSetting(s, { config: NO_CONFIG, env: {} }), s.default, label);
      assert.equal(settingProblem(s, { config: NO_CONFIG, env: {} }), undefined, label);
    }
  });

  it("a malformed value fails, naming the setting, the value as typed and the rule, unless the setting falls back", () => {
    fc.assert(
      fc.property(fc.constantFrom(...declared), fc.string({ minLength: 1 }), ({ s, label }, raw) => {
        const parsed = s.kind.parse(raw.trim());
        if (raw.trim() === "" || parsed.ok) return;
        const result = outcome(s, raw);
        if (s.malformed !== "fails") {
          assert.deepEqual(result, { value: s.default }, `${label} falls back to its default`);
          return;
        }
        assert.ok(
          "error" in result && result.error instanceof SettingError,
          `${label} fails on ${JSON.stringify(raw)}`,
        );
        const message = result.error.message;
        assert.ok(message.startsWith(label), message);
        assert.ok(message.includes(`must be ${s.kind.rule}`), message);
        if (parsed.detail === undefined) assert.ok(message.includes(`is ${JSON.stringify(raw)}: it must be`), message);
        else assert.ok(message.endsWith(`; ${parsed.detail}`), message);
        assert.equal(
          settingProblem(s, { config: configFromRecord({ [s.config ?? ""]: raw }), env: { [s.env[0] ?? ""]: raw } }),
          message,
        );
      }),
    );
  });

  it("examples: the messages a user sees", () => {
    const fails = (s: AnySetting, raw: string): string => {
      const result = outcome(s, raw);
      assert.ok("error" in result && result.error instanceof Error);
      return result.error.message;
    };
    assert.equal(
      fails(SETTINGS.minPollMs, "2s"),
      'ALICLOUD_CERTS_MIN_POLL_MS is "2s": it must be a number of milliseconds above 0, at most 2147483647',
    );
    assert.equal(
      fails(SETTINGS.esaListReads, "false"),
      'ALICLOUD_CERTS_ESA_LIST_READS is "false": it must be "on" or "off"',
    );
    assert.equal(
      fails(SETTINGS.esaCreateQuota, "later"),
      'alicloud:esaCreateQuota (or ALICLOUD_CERTS_ESA_CREATE_QUOTA) is "later": it must be "wait" (queue creates ' +
        'past the CreateCustomHostname quota) or "fail" (fail them at once)',
    );
    assert.equal(
      fails(SETTINGS.dnsServers, "10.0.0.2,dns.test"),
      "ALICLOUD_CERTS_DNS_SERVERS must be a comma-separated list of resolver addresses: IPv4 or IPv6, each with an " +
        'optional port (1.2.3.4:53, [::1]:53); an entry "dns.test" is not a resolver address',
    );
  });

  it("a secret value is never shown, only its length", () => {
    const secret = setting({
      section: "Credentials",
      env: ["TEST_SECRET"],
      kind: duration("refused"),
      default: undefined,
      defaultNote: "none",
      malformed: "fails",
      secret: true,
      description: "test",
      readBy: "test",
    });
    fc.assert(
      fc.property(fc.stringMatching(/^[g-z]{12,40}$/), (value) => {
        assert.throws(
          () => readSetting(secret, env({ TEST_SECRET: value })),
          (error: unknown) =>
            error instanceof SettingError &&
            !error.message.includes(value) &&
            error.message.includes(`(secret, ${value.length} characters)`),
        );
      }),
    );
  });

  it("readSettingFrom reads one kind of source only", () => {
    const sources = { config: configFromRecord({ "alicloud:accessKey": "cfg" }), env: { ALICLOUD_ACCESS_KEY: "env" } };
    assert.equal(readSettingFrom(SETTINGS.accessKey, "config", sources), "cfg");
    assert.equal(readSettingFrom(SETTINGS.accessKey, "env", sources), "env");
    assert.equal(readSettingFrom(SETTINGS.secretKey, "env", sources), undefined);
  });

  it("the host's sources are read at call time: a new configure() and a changed environment are seen at once", () => {
    const saved = process.env["ALICLOUD_CERTS_GA_GATHER_MS"];
    try {
      process.env["ALICLOUD_CERTS_GA_GATHER_MS"] = "7";
      assert.equal(readSetting(SETTINGS.gaGatherMs), 7);
      process.env["ALICLOUD_CERTS_GA_GATHER_MS"] = "8";
      assert.equal(readSetting(SETTINGS.gaGatherMs), 8);
      useHostConfig(configFromRecord({ "alicloud:esaCreateQuota": "fail" }));
      assert.equal(readSetting(SETTINGS.esaCreateQuota), "fail");
      useHostConfig(configFromRecord({}));
      assert.equal(readSetting(SETTINGS.esaCreateQuota), "wait");
      assert.equal(hostSources().env, process.env);
    } finally {
      if (saved === undefined) delete process.env["ALICLOUD_CERTS_GA_GATHER_MS"];
      else process.env["ALICLOUD_CERTS_GA_GATHER_MS"] = saved;
      useHostConfig(NO_CONFIG);
    }
  });
});
