import { type EndpointValue } from "../settings/kinds";
import { readSetting } from "../settings/read";
import { type Setting } from "../settings/setting";
import { SETTINGS } from "../settings/table";
import { type Product } from "./products";
import { resolveRegion, type ConfigSource, type Environment } from "./settings";

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

/** Each product's own endpoint variable (`ALICLOUD_CERTS_ESA_ENDPOINT`, …), read before `ALICLOUD_CERTS_ENDPOINT`. */
const PRODUCT_ENDPOINT: Readonly<Record<Product, Setting<EndpointValue, undefined>>> = {
  esa: SETTINGS.esaEndpoint,
  cas: SETTINGS.casEndpoint,
  ga: SETTINGS.gaEndpoint,
};

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
  const sources = { config, env };
  // Read first, so a malformed protocol fails whichever endpoint applies.
  const protocol = readSetting(SETTINGS.protocol, sources) === "HTTP" ? "http" : "https";
  const chosen =
    readSetting(PRODUCT_ENDPOINT[product], sources) ??
    readSetting(SETTINGS.endpoint, sources) ??
    readSetting(SETTINGS.endpoints, sources)?.get(product);
  if (chosen !== undefined) return { host: chosen.host, protocol: chosen.protocol ?? protocol };
  return { host: defaultEndpointHost(product, resolveRegion(config, env)), protocol };
}
