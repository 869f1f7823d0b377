import { type Product } from "./products";
import {
  configValue,
  ENDPOINT_ENV,
  envValue,
  productEndpointEnv,
  resolveRegion,
  type ConfigSource,
  type Environment,
} from "./settings";

/** Host and scheme of one product's API, as @alicloud/openapi-client takes them (`endpoint` has no scheme). */
export interface Endpoint {
  readonly host: string;
  readonly protocol: "http" | "https";
}

/** Alibaba's public endpoints for a region. */
export function defaultEndpointHost(product: Product, region: string): string {
  switch (product) {
    case "esa":
      // ESA has two control planes: China (aliyun.com accounts) and international (alibabacloud.com accounts).
      return region.startsWith("cn-") ? "esa.cn-hangzhou.aliyuncs.com" : "esa.ap-southeast-1.aliyuncs.com";
    case "cas":
      // The CAS SDK maps nearly every region to the central endpoint; these two have their own.
      return region === "ap-southeast-1" || region === "eu-central-1"
        ? `cas.${region}.aliyuncs.com`
        : "cas.aliyuncs.com";
    case "ga":
      return "ga.cn-hangzhou.aliyuncs.com";
  }
}

/** Parse an override: a URL (`http://127.0.0.1:8123`, scheme decides the protocol) or a bare `host[:port]`. */
export function parseEndpointOverride(value: string, fallbackProtocol: "http" | "https"): Endpoint {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const url = new URL(value);
    const protocol = url.protocol.toLowerCase();
    if (protocol !== "http:" && protocol !== "https:") {
      throw new Error(`endpoint "${value}" must use http:// or https://`);
    }
    return { host: url.host, protocol: protocol === "http:" ? "http" : "https" };
  }
  return { host: value.replace(/\/+$/, ""), protocol: fallbackProtocol };
}

/**
 * The per-product hosts from stack config `alicloud:endpoints`, which @pulumi/alicloud defines as a list of one
 * object (`[{esa: "...", cas: "...", ga: "..."}]`); a bare object is accepted too.
 */
function configuredEndpointHost(config: ConfigSource, product: Product): string | undefined {
  const raw = configValue(config, "alicloud:endpoints");
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('stack config alicloud:endpoints must be JSON, e.g. [{"esa": "esa.cn-hangzhou.aliyuncs.com"}]');
  }
  const entries = Array.isArray(parsed) ? parsed : [parsed];
  for (const entry of entries) {
    if (typeof entry === "object" && entry !== null) {
      const value = (entry as Record<string, unknown>)[product];
      if (typeof value === "string" && value.trim() !== "") return value.trim();
    }
  }
  return undefined;
}

/**
 * Resolve one product's endpoint. Order (first set wins):
 * 1. env `ALICLOUD_CERTS_<PRODUCT>_ENDPOINT`, then env `ALICLOUD_CERTS_ENDPOINT` (URL or host; how tests and the
 *    emulator point everything at a local server without touching the stack);
 * 2. stack config `alicloud:endpoints` (the same key @pulumi/alicloud uses);
 * 3. Alibaba's public endpoint for the region.
 * The protocol comes from the URL scheme when one is given, else stack config `alicloud:protocol` (`HTTP`/`HTTPS`),
 * else HTTPS.
 */
export function resolveEndpoint(product: Product, config: ConfigSource, env: Environment): Endpoint {
  const protocolConfig = configValue(config, "alicloud:protocol")?.toLowerCase();
  if (protocolConfig !== undefined && protocolConfig !== "http" && protocolConfig !== "https") {
    throw new Error(`stack config alicloud:protocol is "${protocolConfig}"; it must be HTTP or HTTPS`);
  }
  const protocol = protocolConfig ?? "https";
  const override = envValue(env, productEndpointEnv(product), ENDPOINT_ENV);
  if (override !== undefined) return parseEndpointOverride(override, protocol);
  const configured = configuredEndpointHost(config, product);
  if (configured !== undefined) return parseEndpointOverride(configured, protocol);
  return { host: defaultEndpointHost(product, resolveRegion(config, env)), protocol };
}
