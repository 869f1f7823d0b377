/**
 * A native provider instance's configuration (provider/native/config.ts, config-keys.ts): the keys are the ones of
 * issue 26 (named as @pulumi/alicloud's), derived from the settings table; an instance's values feed the same
 * readers as the dynamic provider's stack config, and an unset key falls back to the environment; bad values fail
 * `CheckConfig` naming the key and the rule, never showing a secret.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { NATIVE_CONFIG, nativeConfigKey, type NativeConfigKey } from "../../../provider/native/config-keys";
import {
  changedConfig,
  checkConfig,
  configSourceOf,
  instanceConfigOf,
  SECRET_CONFIG,
} from "../../../provider/native/config";
import { UNKNOWN } from "../../../provider/resources/common/dynamic";
import { readSetting } from "../../../provider/settings/read";
import { ALL_SETTINGS, SETTINGS } from "../../../provider/settings/table";

const DEFAULT_LABEL = (key: NativeConfigKey): string => nativeConfigKey(key.name);
const EXPLICIT_LABEL = (key: NativeConfigKey): string => `${key.name} of provider "intl"`;

describe("unit: native provider configuration", () => {
  it("takes exactly the keys of @pulumi/alicloud's provider config that issue 26 names, secret where credentials", () => {
    assert.deepEqual(NATIVE_CONFIG.map((key) => key.name).sort(), [
      "accessKey",
      "endpoints",
      "profile",
      "protocol",
      "region",
      "secretKey",
      "securityToken",
    ]);
    assert.deepEqual(Object.keys(SECRET_CONFIG).sort(), ["secretKey", "securityToken"]);
    for (const key of NATIVE_CONFIG) assert.equal(nativeConfigKey(key.name), `alicloud-certs:${key.name}`);
  });

  it("feeds each key to the setting whose stack config key it replaces, and nothing else (generated values)", () => {
    const names = NATIVE_CONFIG.map((key) => key.name);
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(...names),
          fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
        ),
        (given) => {
          const source = configSourceOf(instanceConfigOf(given));
          for (const setting of ALL_SETTINGS) {
            if (setting.config === undefined) continue;
            const key = NATIVE_CONFIG.find((k) => k.setting === setting);
            assert.equal(source.get(setting.config), key === undefined ? undefined : given[key.name], setting.config);
          }
        },
      ),
    );
  });

  it("an instance's value wins over the environment; an unset key falls back to it, as the dynamic provider reads", () => {
    const env = { ALICLOUD_REGION: "ap-southeast-1", ALICLOUD_CERTS_ESA_CREATE_QUOTA: "fail" };
    const configured = { config: configSourceOf(instanceConfigOf({ region: "cn-shanghai" })), env };
    assert.equal(readSetting(SETTINGS.region, configured), "cn-shanghai");
    const unset = { config: configSourceOf(instanceConfigOf({})), env };
    assert.equal(readSetting(SETTINGS.region, unset), "ap-southeast-1");
    assert.equal(readSetting(SETTINGS.region, { config: configSourceOf(new Map()), env: {} }), "cn-hangzhou");
    // A setting with a stack config key that is not per instance (a tuning key) is read from the environment only.
    assert.equal(readSetting(SETTINGS.esaCreateQuota, configured), "fail");
  });

  it("takes endpoints as @pulumi/alicloud's list of objects (or its JSON text)", () => {
    const list = [{ esa: "http://127.0.0.1:1234", cas: "http://127.0.0.1:1234", ga: "http://127.0.0.1:1234" }];
    for (const endpoints of [list, JSON.stringify(list)]) {
      assert.deepEqual(checkConfig({ endpoints }, DEFAULT_LABEL), []);
      const value = readSetting(SETTINGS.endpoints, {
        config: configSourceOf(instanceConfigOf({ endpoints })),
        env: {},
      });
      assert.deepEqual(value?.get("esa"), { host: "127.0.0.1:1234", protocol: "http" });
    }
  });

  it("refuses a value that breaks its rule, naming the key as the user typed it and the rule", () => {
    assert.deepEqual(checkConfig({ protocol: "ftp" }, DEFAULT_LABEL), [
      { property: "protocol", reason: 'alicloud-certs:protocol is "ftp": it must be "HTTPS" or "HTTP"' },
    ]);
    const [failure] = checkConfig({ endpoints: [{ esa: "not a host/with a path" }] }, EXPLICIT_LABEL);
    assert.equal(failure?.property, "endpoints");
    assert.match(
      failure?.reason ?? "",
      /^endpoints of provider "intl" must be JSON: .*its "esa" entry "not a host\/with a path" is not an endpoint$/,
    );
  });

  it("refuses a misspelt key with the closest name, without showing its value", () => {
    const failures = checkConfig({ secretkey: "s3cr3t-value", regoin: "cn-hangzhou" }, DEFAULT_LABEL);
    assert.equal(failures.length, 2);
    assert.match(failures[0]?.reason ?? "", /^"secretkey" is not a configuration key .*did you mean "secretKey"\?/);
    assert.match(failures[1]?.reason ?? "", /did you mean "region"\?/);
    assert.ok(failures.every((f) => !f.reason.includes("s3cr3t-value")));
  });

  it("refuses half a key pair (a pair is read whole from one place), never showing the secret (generated)", () => {
    fc.assert(
      // Secrets of 8 or more upper-case hex digits: no message text can contain one by chance.
      fc.property(fc.stringMatching(/^[0-9A-F]{8,24}$/), (secret) => {
        const failures = checkConfig({ secretKey: secret }, DEFAULT_LABEL);
        assert.deepEqual(
          failures.map((f) => f.property),
          ["accessKey"],
        );
        assert.match(failures[0]?.reason ?? "", /alicloud-certs:secretKey is set but alicloud-certs:accessKey is not/);
        assert.ok(!failures[0]?.reason.includes(secret), "the secret is not in the message");
      }),
    );
    assert.deepEqual(checkConfig({ accessKey: "id", secretKey: "secret", securityToken: "token" }, DEFAULT_LABEL), []);
    assert.equal(checkConfig({ securityToken: "token" }, DEFAULT_LABEL)[0]?.property, "securityToken");
  });

  it("skips values unknown at preview and the engine's own keys", () => {
    assert.deepEqual(checkConfig({ protocol: UNKNOWN, version: "0.1.0", __internal: "x" }, DEFAULT_LABEL), []);
    assert.equal(instanceConfigOf({ region: UNKNOWN }).size, 0);
  });

  it("a change of configuration lists the changed keys, never the engine's own", () => {
    assert.deepEqual(
      changedConfig({ region: "cn-hangzhou", version: "1" }, { region: "cn-hangzhou", version: "2" }),
      [],
    );
    assert.deepEqual(changedConfig({ region: "cn-hangzhou" }, { region: "ap-southeast-1", profile: "p" }), [
      "profile",
      "region",
    ]);
  });
});
