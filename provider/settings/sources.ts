/**
 * Where provider settings come from: the stack config the engine sent to `configure()`, and the environment of the
 * provider host (which inherits the environment of `pulumi`). Both are read at call time, never at program time, so
 * no setting (and no credential) can end up in a serialized `__provider`.
 */

/**
 * A stack config. In the provider host this is the `config` that `configure()` received (the whole stack config with
 * namespaced keys such as `alicloud:region`); in tests, a plain map ({@link configFromRecord}).
 */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** Environment variables, as `process.env` (injectable for tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** The two places a setting is read from. */
export interface SettingSources {
  /** The stack config; its key wins over every environment variable of the same setting. */
  readonly config: ConfigSource;
  /** The environment. */
  readonly env: Environment;
}

/** A config source over a plain object. */
export function configFromRecord(values: Readonly<Record<string, string | undefined>>): ConfigSource {
  return { get: (key) => values[key] };
}

/** The stack config of a process that has not been configured (the program, unit tests): every key unset. */
export const NO_CONFIG: ConfigSource = { get: () => undefined };

/**
 * The stack config of this host process. A module object (not a module-level `let`), for the reason `common/host.ts`
 * gives: Pulumi serializes providers as closures, and a captured object is shared where a captured `let` is copied.
 */
const host: { config: ConfigSource | undefined } = { config: undefined };

/** Record the stack config `configure()` received; every later read of a setting sees it. */
export function useHostConfig(config: ConfigSource): void {
  host.config = config;
}

/**
 * This host process's sources: the configured stack config (none before `configure()`), and `process.env` as it is
 * now (tests replace `process.env` wholesale, so it is looked up on every call, never kept).
 */
export function hostSources(): SettingSources {
  return { config: host.config ?? NO_CONFIG, env: process.env };
}
