import { strict as assert } from "node:assert";
import { resolveCredentialSource } from "../../../provider/transport/credentials";
import { resolveEndpoint } from "../../../provider/transport/endpoints";
import { configFromRecord } from "../../../provider/transport/settings";

describe("transport: credential resolution order", () => {
  const config = {
    "alicloud:accessKey": "cfg-id",
    "alicloud:secretKey": "cfg-secret",
    "alicloud:securityToken": "cfg-token",
  };
  const env = {
    ALICLOUD_ACCESS_KEY: "env-id",
    ALICLOUD_SECRET_KEY: "env-secret",
    ALIBABA_CLOUD_ACCESS_KEY_ID: "chain-id",
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: "chain",
  };
  const table: { name: string; config: Record<string, string>; env: Record<string, string>; expected: unknown }[] = [
    {
      name: "stack config wins over everything",
      config,
      env,
      expected: {
        kind: "stack-config",
        accessKeyId: "cfg-id",
        accessKeySecret: "cfg-secret",
        securityToken: "cfg-token",
      },
    },
    {
      name: "ALICLOUD_* env when the stack has no keys",
      config: {},
      env,
      expected: {
        kind: "alicloud-env",
        accessKeyId: "env-id",
        accessKeySecret: "env-secret",
        securityToken: undefined,
      },
    },
    {
      name: "a key without its secret in config is ignored",
      config: { "alicloud:accessKey": "only-id" },
      env,
      expected: {
        kind: "alicloud-env",
        accessKeyId: "env-id",
        accessKeySecret: "env-secret",
        securityToken: undefined,
      },
    },
    {
      name: "ALICLOUD_SECURITY_TOKEN makes STS credentials",
      config: {},
      env: { ALICLOUD_ACCESS_KEY: "i", ALICLOUD_SECRET_KEY: "s", ALICLOUD_SECURITY_TOKEN: "t" },
      expected: { kind: "alicloud-env", accessKeyId: "i", accessKeySecret: "s", securityToken: "t" },
    },
    {
      name: "otherwise the default chain (ALIBABA_CLOUD_*, OIDC, profiles, ECS role)",
      config: {},
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: "x" },
      expected: { kind: "default-chain", profile: undefined },
    },
    {
      name: "alicloud:profile selects the chain's profile",
      config: { "alicloud:profile": "prod" },
      env: { ALICLOUD_PROFILE: "dev" },
      expected: { kind: "default-chain", profile: "prod" },
    },
    {
      name: "ALICLOUD_PROFILE when the stack names none",
      config: {},
      env: { ALICLOUD_PROFILE: "dev" },
      expected: { kind: "default-chain", profile: "dev" },
    },
  ];
  for (const row of table) {
    it(row.name, () => assert.deepEqual(resolveCredentialSource(configFromRecord(row.config), row.env), row.expected));
  }
});

describe("transport: endpoint resolution", () => {
  const table: {
    name: string;
    product: "esa" | "cas" | "ga";
    config?: Record<string, string>;
    env?: Record<string, string>;
    expected: unknown;
  }[] = [
    {
      name: "ESA China by default",
      product: "esa",
      expected: { host: "esa.cn-hangzhou.aliyuncs.com", protocol: "https" },
    },
    {
      name: "ESA international for non-China regions",
      product: "esa",
      config: { "alicloud:region": "ap-southeast-1" },
      expected: { host: "esa.ap-southeast-1.aliyuncs.com", protocol: "https" },
    },
    {
      name: "ESA region from ALICLOUD_REGION",
      product: "esa",
      env: { ALICLOUD_REGION: "eu-central-1" },
      expected: { host: "esa.ap-southeast-1.aliyuncs.com", protocol: "https" },
    },
    {
      name: "CAS central endpoint",
      product: "cas",
      config: { "alicloud:region": "cn-shanghai" },
      expected: { host: "cas.aliyuncs.com", protocol: "https" },
    },
    {
      name: "CAS international endpoint",
      product: "cas",
      config: { "alicloud:region": "ap-southeast-1" },
      expected: { host: "cas.ap-southeast-1.aliyuncs.com", protocol: "https" },
    },
    {
      name: "GA is always cn-hangzhou",
      product: "ga",
      config: { "alicloud:region": "ap-southeast-1" },
      expected: { host: "ga.cn-hangzhou.aliyuncs.com", protocol: "https" },
    },
    {
      name: "alicloud:endpoints (list form) per service",
      product: "cas",
      config: { "alicloud:endpoints": '[{"cas":"cas-vpc.example.internal"}]' },
      expected: { host: "cas-vpc.example.internal", protocol: "https" },
    },
    {
      name: "alicloud:endpoints (object form) with alicloud:protocol",
      product: "ga",
      config: { "alicloud:endpoints": '{"ga":"ga.local:8080"}', "alicloud:protocol": "HTTP" },
      expected: { host: "ga.local:8080", protocol: "http" },
    },
    {
      name: "ALICLOUD_CERTS_ENDPOINT URL overrides config",
      product: "esa",
      config: { "alicloud:endpoints": '[{"esa":"x"}]' },
      env: { ALICLOUD_CERTS_ENDPOINT: "http://127.0.0.1:8123" },
      expected: { host: "127.0.0.1:8123", protocol: "http" },
    },
    {
      name: "per-product variable beats the global one",
      product: "ga",
      env: { ALICLOUD_CERTS_ENDPOINT: "http://127.0.0.1:1", ALICLOUD_CERTS_GA_ENDPOINT: "https://ga.test:9443" },
      expected: { host: "ga.test:9443", protocol: "https" },
    },
  ];
  for (const row of table) {
    it(row.name, () =>
      assert.deepEqual(resolveEndpoint(row.product, configFromRecord(row.config ?? {}), row.env ?? {}), row.expected),
    );
  }

  it("rejects a protocol that is neither HTTP nor HTTPS", () => {
    assert.throws(
      () => resolveEndpoint("esa", configFromRecord({ "alicloud:protocol": "ftp" }), {}),
      /alicloud:protocol is "ftp"/,
    );
  });
  it("rejects alicloud:endpoints that is not JSON", () => {
    assert.throws(
      () => resolveEndpoint("esa", configFromRecord({ "alicloud:endpoints": "esa=foo" }), {}),
      /must be JSON/,
    );
  });
});
