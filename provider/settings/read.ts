/**
 * The one reader of provider settings. The rule, the same for every setting:
 *
 * - the stack config key (when the setting has one) wins, then the environment variables in their declared order;
 * - a value is trimmed, and an empty or blank value is unset;
 * - an unset setting is its default;
 * - a set value follows its kind's rule (`kinds.ts`); a value that breaks it throws a {@link SettingError} naming the
 *   setting, the value as typed (never a secret one: only its length) and the rule, except for the settings whose
 *   declaration says why a malformed value means the default instead.
 *
 * Settings are read at call time, from the sources the caller passes or this host process's ({@link hostSources}:
 * the stack config `configure()` received and `process.env`), so a test or a new `configure()` is seen at once.
 */
import { type Parsed } from "./kinds";
import { type AnySetting, type Setting } from "./setting";
import { hostSources, type SettingSources } from "./sources";

/** A setting's value breaks its rule. */
export class SettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingError";
  }
}

/**
 * How messages name a setting: its stack config key, then its variables, as in
 * `alicloud:esaCreateQuota (or ALICLOUD_CERTS_ESA_CREATE_QUOTA)`.
 */
export function settingLabel(setting: AnySetting): string {
  const [first = "", ...others] = setting.config === undefined ? setting.env : [setting.config, ...setting.env];
  return others.length === 0 ? first : `${first} (or ${others.join(", ")})`;
}

/** Where a value was found. */
export type Source = "config" | "env";

/** A set value, as typed. */
interface Found {
  readonly typed: string;
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== "";
}

/** The value that decides the setting, from `only` one kind of source or from both in order. */
function find(setting: AnySetting, sources: SettingSources, only: Source | undefined): Found | undefined {
  if (only !== "env" && setting.config !== undefined) {
    const value = sources.config.get(setting.config);
    if (isSet(value)) return { typed: value };
  }
  if (only === "config") return undefined;
  for (const name of setting.env) {
    const value = sources.env[name];
    if (isSet(value)) return { typed: value };
  }
  return undefined;
}

/**
 * The message for a value that breaks the rule: `<setting> is "<value>": it must be <rule>`, or, when one entry of a
 * list is at fault, `<setting> must be <rule>; <what is wrong with the entry>`.
 */
export function malformedMessage(setting: AnySetting, typed: string, detail?: string): string {
  const label = settingLabel(setting);
  const rule = setting.kind.rule;
  if (setting.secret === true) return `${label} is (secret, ${typed.length} characters): it must be ${rule}`;
  return detail === undefined
    ? `${label} is ${JSON.stringify(typed)}: it must be ${rule}`
    : entryProblem(setting, detail);
}

/**
 * The message for one entry of a list that breaks its rule (`detail` names the entry), also for rules a reader adds
 * to the kind's own (each entry of `ALICLOUD_CERTS_ESA_RESUME_LOST_CREATES` is checked as a hostname).
 */
export function entryProblem(setting: AnySetting, detail: string): string {
  return `${settingLabel(setting)} must be ${setting.kind.rule}; ${detail}`;
}

/** The parsed value of a found text, or the message saying why it is malformed. */
function parse<T>(setting: Setting<T, T | undefined>, found: Found): { value: T } | { problem: string } {
  const parsed: Parsed<T> = setting.kind.parse(found.typed.trim());
  return parsed.ok ? { value: parsed.value } : { problem: malformedMessage(setting, found.typed, parsed.detail) };
}

/**
 * The setting's value: the first source that sets it, else its default. A malformed value throws a
 * {@link SettingError}, or means the default where the declaration says so.
 */
export function readSetting<T, D extends T | undefined>(
  setting: Setting<T, D>,
  sources: SettingSources = hostSources(),
): T | D {
  const found = find(setting, sources, undefined);
  if (found === undefined) return setting.default;
  const result = parse(setting, found);
  if ("value" in result) return result.value;
  if (setting.malformed !== "fails") return setting.default;
  throw new SettingError(result.problem);
}

/**
 * The setting's value from one kind of source only, `undefined` when that source does not set it (for settings read
 * as a group from one source, such as a key pair). A malformed value throws as in {@link readSetting}, or is unset
 * where the declaration says a malformed value means the default.
 */
export function readSettingFrom<T>(
  setting: Setting<T, T | undefined>,
  only: Source,
  sources: SettingSources,
): T | undefined {
  const found = find(setting, sources, only);
  if (found === undefined) return undefined;
  const result = parse(setting, found);
  if ("value" in result) return result.value;
  if (setting.malformed !== "fails") return undefined;
  throw new SettingError(result.problem);
}

/**
 * Why the setting's value is malformed, or `undefined` when it is unset, well-formed or falls back (for `check`,
 * which reports a malformed setting before any API call).
 */
export function settingProblem(setting: AnySetting, sources: SettingSources = hostSources()): string | undefined {
  const found = find(setting, sources, undefined);
  if (found === undefined || setting.malformed !== "fails") return undefined;
  const result = parse(setting, found);
  return "problem" in result ? result.problem : undefined;
}
