/**
 * The YAML and Python language hosts for the engine tier's langhost tests. CI installs them in its bootstrap
 * (`scripts/bootstrap --langhosts`); elsewhere the first test that needs one builds it here, through the same cached
 * script, so Node-only work never waits for these builds (docs/toolchain.md).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { type PulumiStack, REPO_ROOT } from "./engine";

/** A language the toolchain has a non-Node host for. */
export type HostedLanguage = "yaml" | "python";

/** How long a cold build may take: both hosts and the venv from empty Go and pip caches on 2 busy cores. */
export const LANGUAGE_HOST_BUILD_TIMEOUT_MS = 40 * 60 * 1000;

/**
 * Install the host for `language` into .tools/pulumi (and for Python the program venv): nothing to do when it is there
 * at the pinned version, a copy from the cache, or a build. Its progress lines go to the test output, since a build
 * takes minutes. Throws when the script fails (no Go, no python3, no registry), so the test fails saying why.
 */
export function installLanguageHost(language: HostedLanguage): void {
  execFileSync(path.join(REPO_ROOT, "scripts/build-language-hosts"), [language], { stdio: "inherit" });
}

/** A plugin as `pulumi about --json` lists it. */
export interface AboutPlugin {
  readonly name: string;
  readonly version: string;
  readonly kind: string;
}

/** The plugins the engine loaded for the stack's program, from `pulumi about --json` (the language host among them). */
export async function aboutPlugins(stack: PulumiStack): Promise<AboutPlugin[]> {
  const about = JSON.parse((await stack.run(["about", "--json"])).stdout) as { plugins?: AboutPlugin[] | null };
  return about.plugins ?? [];
}

/** The exact version a `name==version` pin in a space-separated list names (`ALICLOUD_CERTS_*_PACKAGES`). */
export function pinnedVersion(pins: string, name: string): string {
  const pin = pins.split(/\s+/).find((entry) => entry.startsWith(`${name}==`));
  if (pin === undefined) throw new Error(`no ${name}==<version> pin in "${pins}"`);
  return pin.slice(name.length + 2);
}
