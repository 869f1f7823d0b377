/**
 * One provider instance's configuration: checked before any API call (`CheckConfig`), compared (`DiffConfig`), and
 * fed to the same setting readers the dynamic provider uses (`Configure`): the readers ask for a stack config key
 * (`settings/table.ts`), and {@link configSourceOf} answers the keys of this instance's configuration. A key the
 * instance does not set falls back to the environment and the default credential chain, exactly as the dynamic
 * provider's unset stack config does. Each provider instance is its own plugin process (the engine starts one per
 * provider resource), so this process's configuration is its instance's.
 */
import { isDeepStrictEqual } from "node:util";
import { UNKNOWN } from "../resources/common/dynamic";
import { closestName } from "../resources/common/input-names";
import { malformedMessage } from "../settings/read";
import { type ConfigSource } from "../settings/sources";
import { SETTINGS } from "../settings/table";
import { NATIVE_CONFIG, nativeKeyNamed, nativeKeyOf, type NativeConfigKey } from "./config-keys";
import { shapeOf, type SecretShape } from "./wire";

/** A check failure, as the engine prints it: the property (empty: the whole configuration) and why. */
export interface ConfigFailure {
  readonly property: string;
  readonly reason: string;
}

/**
 * Keys the engine itself puts in a provider's inputs (`version`, `pluginDownloadURL`: which plugin to load), and
 * its internal `__`-prefixed keys: never configuration of ours.
 */
function isEngineKey(key: string): boolean {
  return key === "version" || key === "pluginDownloadURL" || key.startsWith("__");
}

/** A configuration value as the setting readers take it: text, with lists and objects as JSON. */
export function configText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** The configuration of an instance: each key it sets, as text (see {@link configText}); engine keys left out. */
export function instanceConfigOf(args: Readonly<Record<string, unknown>>): ReadonlyMap<string, string> {
  const config = new Map<string, string>();
  for (const [name, value] of Object.entries(args)) {
    const text = configText(value);
    if (nativeKeyNamed(name) !== undefined && text !== undefined && value !== UNKNOWN) config.set(name, text);
  }
  return config;
}

/**
 * The config source the setting readers read: a setting's stack config key is answered with this instance's key
 * that feeds it; every other key (the dynamic provider's tuning keys) is unset, so its environment variable decides.
 */
export function configSourceOf(config: ReadonlyMap<string, string>): ConfigSource {
  const byConfigKey = new Map<string, string>();
  for (const key of NATIVE_CONFIG) {
    const value = config.get(key.name);
    if (key.setting.config !== undefined && value !== undefined) byConfigKey.set(key.setting.config, value);
  }
  return { get: (key) => byConfigKey.get(key) };
}

/** How messages name a key: `alicloud-certs:region` for the default provider, `region` of an explicit one. */
export type KeyLabel = (key: NativeConfigKey) => string;

/** The failure for a value that breaks its key's rule (a secret one is described by its length only). */
function ruleFailure(key: NativeConfigKey, text: string, label: KeyLabel): ConfigFailure | undefined {
  const parsed = key.setting.kind.parse(text.trim());
  if (parsed.ok || text.trim() === "") return undefined;
  // The settings' own message, naming this key instead of the dynamic provider's (same rule, same secrecy).
  const relabeled = { ...key.setting, config: label(key), env: [] };
  return { property: key.name, reason: malformedMessage(relabeled, text, parsed.detail) };
}

/** A key pair and its token come from one source, whole (transport/credentials.ts): half a pair is a mistake here. */
function pairFailures(config: ReadonlyMap<string, string>, label: KeyLabel): ConfigFailure[] {
  const [accessKey, secretKey, securityToken] = [SETTINGS.accessKey, SETTINGS.secretKey, SETTINGS.securityToken].map(
    (setting) => nativeKeyOf(setting),
  );
  if (accessKey === undefined || secretKey === undefined || securityToken === undefined) return [];
  const has = (key: NativeConfigKey): boolean => (config.get(key.name) ?? "").trim() !== "";
  const pair = `${label(accessKey)} and ${label(secretKey)}`;
  if (has(accessKey) !== has(secretKey)) {
    const [given, missing] = has(accessKey) ? [accessKey, secretKey] : [secretKey, accessKey];
    return [
      {
        property: missing.name,
        reason: `${label(given)} is set but ${label(missing)} is not: a key pair is read whole from one place (set both, or neither to use the environment or the default credential chain)`,
      },
    ];
  }
  if (has(securityToken) && !has(accessKey))
    return [
      {
        property: securityToken.name,
        reason: `${label(securityToken)} is set without ${pair}: an STS token is read with its key pair`,
      },
    ];
  return [];
}

/** The keys whose values are always stored as secrets, whatever the program passed. */
export const SECRET_CONFIG: SecretShape = shapeOf(
  NATIVE_CONFIG.filter((key) => key.setting.secret === true).map((key) => key.name),
);

/**
 * `CheckConfig`: every key is one of ours (a misspelt one fails, with the closest name), every value follows its
 * setting's rule, a key pair is whole. Values unknown at preview are left to the next check. No API call.
 */
export function checkConfig(news: Readonly<Record<string, unknown>>, label: KeyLabel): ConfigFailure[] {
  const failures: ConfigFailure[] = [];
  const names = NATIVE_CONFIG.map((key) => key.name);
  for (const [name, value] of Object.entries(news)) {
    if (isEngineKey(name) || value === undefined || value === null || value === UNKNOWN) continue;
    const key = nativeKeyNamed(name);
    if (key === undefined) {
      const suggestion = closestName(name, names);
      const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
      // No value quoted: a misspelt "secretKey" holds a secret.
      failures.push({
        property: "",
        reason: `${JSON.stringify(name)} is not a configuration key of the alicloud-certs provider${hint} (keys: ${names.join(", ")})`,
      });
      continue;
    }
    const text = configText(value);
    const failure = text === undefined ? undefined : ruleFailure(key, text, label);
    if (failure !== undefined) failures.push(failure);
  }
  return [...failures, ...pairFailures(instanceConfigOf(news), label)];
}

/** `DiffConfig`: the keys of ours whose value changed (engine keys aside). A change never replaces a resource. */
export function changedConfig(
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
): string[] {
  const keys = new Set([...Object.keys(olds), ...Object.keys(news)].filter((key) => !isEngineKey(key)));
  return [...keys].filter((key) => !isDeepStrictEqual(olds[key] ?? null, news[key] ?? null)).sort();
}
