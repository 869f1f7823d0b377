/**
 * The native provider's configuration: the keys one `alicloud-certs` provider instance takes. They are the settings
 * of the Connection and Credentials sections that have a stack config key (`settings/table.ts`), under the same
 * names as @pulumi/alicloud's provider config (`region`, `accessKey`, `secretKey`, `securityToken`, `profile`,
 * `endpoints`, `protocol`): the default provider reads them as `alicloud-certs:<name>` from the stack config, an
 * explicit provider takes them as its inputs. Derived from the table, so a setting added there is added here, with
 * the same kind, rule and secrecy; `schema.json`'s `config` and `provider` sections are generated from this list.
 */
import { type SchemaType } from "../resources/common/declaration";
import { configKey, type AnySetting } from "../settings/setting";
import { SETTINGS, ALL_SETTINGS } from "../settings/table";

/** The Pulumi package (and config namespace) of the native provider. */
export const PACKAGE = "alicloud-certs";

/** One configuration key of a provider instance. */
export interface NativeConfigKey {
  /** The key as a provider input (`region`); `alicloud-certs:<name>` in the stack config. */
  readonly name: string;
  /** The setting it feeds: the same reader, kind and rule as the dynamic provider's stack config key. */
  readonly setting: AnySetting;
  /** Its type in the package schema. */
  readonly schema: SchemaType;
}

/** The sections whose config keys are per provider instance: where and as whom the provider calls. */
const INSTANCE_SECTIONS: ReadonlySet<string> = new Set(["Connection", "Credentials"]);

/** `endpoints` takes @pulumi/alicloud's form: a list of objects of per-product endpoints. */
const ENDPOINTS_SCHEMA: SchemaType = {
  type: "array",
  items: { type: "object", additionalProperties: { type: "string" } },
};

/** The name after the namespace of a stack config key (`region` of the key `<namespace>:region`). */
function nameOf(setting: AnySetting): string {
  const key = configKey(setting);
  return key.slice(key.indexOf(":") + 1);
}

/** Every configuration key, in the settings table's order. */
export const NATIVE_CONFIG: readonly NativeConfigKey[] = ALL_SETTINGS.filter(
  (setting) => setting.config !== undefined && INSTANCE_SECTIONS.has(setting.section),
).map((setting) => ({
  name: nameOf(setting),
  setting,
  schema: setting === SETTINGS.endpoints ? ENDPOINTS_SCHEMA : { type: "string" },
}));

/** The stack config key of a configuration key of the default provider: `alicloud-certs:region`. */
export function nativeConfigKey(name: string): string {
  return `${PACKAGE}:${name}`;
}

/** The configuration key feeding `setting`, if one does. */
export function nativeKeyOf(setting: AnySetting): NativeConfigKey | undefined {
  return NATIVE_CONFIG.find((key) => key.setting === setting);
}

/** The configuration key named `name`, if one is. */
export function nativeKeyNamed(name: string): NativeConfigKey | undefined {
  return NATIVE_CONFIG.find((key) => key.name === name);
}

/**
 * What the schema says about a key: the setting's description, where an unset key falls back to (its environment
 * variables, then its default), and whether it is secret.
 */
export function nativeKeyDescription(key: NativeConfigKey): string {
  const { setting } = key;
  const env = setting.env.map((name) => `\`${name}\``);
  const value = setting.defaultNote ?? (setting.default === undefined ? "none" : setting.kind.show(setting.default));
  const fallback = env.length === 0 ? `Unset: ${value}.` : `Unset: the environment (${env.join(", ")}), else ${value}.`;
  // The dynamic provider's stack config keys named in the text are this provider's keys here.
  const description = NATIVE_CONFIG.reduce(
    (text, other) => text.replaceAll(`\`${configKey(other.setting)}\``, `\`${nativeConfigKey(other.name)}\``),
    setting.description,
  );
  return `${description} ${fallback}`;
}
