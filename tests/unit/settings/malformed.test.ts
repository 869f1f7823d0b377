/**
 * A malformed setting fails clearly where it is read, naming the setting, the value as typed and the rule, instead of
 * being silently replaced by a default (or failing later with an error that does not name it). Each case goes
 * through the function that reads the setting, as the provider calls it.
 */
import { strict as assert } from "node:assert";
import { pollDelays } from "../../../provider/resources/common/host";
import { createQuota, quotaPolicy, resetCreateQuota } from "../../../provider/resources/esa/custom-hostname/quota";
import { listReadsEnabled } from "../../../provider/resources/esa/custom-hostname/site-listing";
import { resolveEndpoint } from "../../../provider/transport/endpoints";
import { configFromRecord } from "../../../provider/transport/settings";
import { clockFromEnv } from "../../../provider/util/clock";
import { systemDnsLookup } from "../../../provider/util/dns";

/** Run `body` with the variables set (and every one of them restored after). */
function withEnv(values: Record<string, string>, body: () => void): void {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  try {
    body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("unit: a malformed setting fails clearly where it is read", () => {
  it("ALICLOUD_CERTS_MIN_POLL_MS: a typo or 0 is no longer silently 2000 ms", () => {
    for (const typed of ["2s", "0", "-5"])
      withEnv({ ALICLOUD_CERTS_MIN_POLL_MS: typed }, () =>
        assert.throws(
          () => pollDelays(),
          new RegExp(
            `^SettingError: ALICLOUD_CERTS_MIN_POLL_MS is "${typed}": it must be a number of milliseconds above 0`,
          ),
        ),
      );
    withEnv({ ALICLOUD_CERTS_MAX_POLL_MS: "20 s" }, () =>
      assert.throws(
        () => pollDelays(),
        /^SettingError: ALICLOUD_CERTS_MAX_POLL_MS is "20 s": it must be a number of milliseconds/,
      ),
    );
  });

  it('ALICLOUD_CERTS_ESA_LIST_READS: "false" is not taken for "on"', () => {
    withEnv({ ALICLOUD_CERTS_ESA_LIST_READS: "false" }, () =>
      assert.throws(
        () => listReadsEnabled(),
        /^SettingError: ALICLOUD_CERTS_ESA_LIST_READS is "false": it must be "on" or "off"$/,
      ),
    );
  });

  it("ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS: a typo is no longer silently one hour", () => {
    resetCreateQuota();
    try {
      withEnv({ ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS: "1h" }, () =>
        assert.throws(
          () => createQuota(),
          /^SettingError: ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS is "1h": it must be a number/,
        ),
      );
    } finally {
      resetCreateQuota();
    }
  });

  it("ALICLOUD_CERTS_CLOCK_URL: a value that is no http(s) URL fails before any request, naming the variable", () => {
    assert.throws(
      () => clockFromEnv({ ALICLOUD_CERTS_CLOCK_URL: "127.0.0.1:8123/__emulator/clock" }),
      /^SettingError: ALICLOUD_CERTS_CLOCK_URL is "127\.0\.0\.1:8123\/__emulator\/clock": it must be an http:\/\/ or https:\/\/ URL$/,
    );
  });

  it("ALICLOUD_CERTS_DNS_SERVERS: a host name or a comma too many fails, naming the variable", () => {
    withEnv({ ALICLOUD_CERTS_DNS_SERVERS: "10.0.0.2,dns.test" }, () =>
      assert.throws(
        () => systemDnsLookup(),
        /^SettingError: ALICLOUD_CERTS_DNS_SERVERS must be .*; an entry "dns\.test" is not a/,
      ),
    );
    withEnv({ ALICLOUD_CERTS_DNS_SERVERS: "10.0.0.2," }, () =>
      assert.throws(
        () => systemDnsLookup(),
        /^SettingError: ALICLOUD_CERTS_DNS_SERVERS must be .*; "10\.0\.0\.2," has an empty entry/,
      ),
    );
  });

  it("alicloud:endpoints: an endpoint that is not text fails instead of being ignored", () => {
    assert.throws(
      () => resolveEndpoint("esa", configFromRecord({ "alicloud:endpoints": '[{"esa": 5}]' }), {}),
      /^SettingError: alicloud:endpoints must be JSON: .*; its "esa" entry 5 is not an endpoint$/,
    );
  });

  it("ALICLOUD_CERTS_ENDPOINT: an unparsable URL fails naming the variable", () => {
    assert.throws(
      () => resolveEndpoint("ga", configFromRecord({}), { ALICLOUD_CERTS_ENDPOINT: "http://" }),
      /^SettingError: ALICLOUD_CERTS_ENDPOINT is "http:\/\/": it must be an http:\/\/ or https:\/\/ URL, or a bare host\[:port\]$/,
    );
  });

  it("alicloud:esaCreateQuota: an enumeration matches in any case, as alicloud:protocol always did", () => {
    withEnv({ ALICLOUD_CERTS_ESA_CREATE_QUOTA: "FAIL" }, () => assert.equal(quotaPolicy(), "fail"));
  });
});
