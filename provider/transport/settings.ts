import { type Product } from "./products";

/**
 * Where provider settings come from. In the provider host this is the `config` that `configure()` received (the
 * whole stack config with namespaced keys such as `alicloud:region`); in tests, a plain map.
 */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Environment variables, as `process.env` (injectable for tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** A config source over a plain object. */
export function configFromRecord(values: Readonly<Record<string, string | undefined>>): ConfigSource {
  return { get: (key) => values[key] };
}

/** Read a stack config value, treating empty strings as unset. */
export function configValue(config: ConfigSource, key: string): string | undefined {
  const value = config.get(key);
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Read the first set environment variable among `names`. */
export function envValue(env: Environment, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = env[name];
    if (value !== undefined && value.trim() !== "") return value.trim();
  }
  return undefined;
}

/**
 * A duration setting in ms from the environment variable `name`: a finite number ≥ 0, else `fallback` (unset,
 * empty or malformed values alike, so a typo never turns a window off).
 */
export function envMilliseconds(env: Environment, name: string, fallback: number): number {
  const value = Number(envValue(env, name) ?? NaN);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * The region: stack config `alicloud:region`, then `ALICLOUD_REGION`, then `ALIBABA_CLOUD_REGION`, else `cn-hangzhou`.
 * It picks the ESA site (China vs international) and the CAS endpoint; GA is always `cn-hangzhou`.
 */
export function resolveRegion(config: ConfigSource, env: Environment): string {
  return (
    configValue(config, "alicloud:region") ?? envValue(env, "ALICLOUD_REGION", "ALIBABA_CLOUD_REGION") ?? "cn-hangzhou"
  );
}

/** Environment variable that overrides the endpoint of every product (a URL such as `http://127.0.0.1:8123`, or a host). */
export const ENDPOINT_ENV = "ALICLOUD_CERTS_ENDPOINT";

/** Environment variable that overrides one product's endpoint: `ALICLOUD_CERTS_ESA_ENDPOINT`, `…_CAS_…`, `…_GA_…`. */
export function productEndpointEnv(product: Product): string {
  return `ALICLOUD_CERTS_${product.toUpperCase()}_ENDPOINT`;
}
