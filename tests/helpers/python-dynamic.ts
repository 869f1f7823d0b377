/**
 * `pulumi-resource-pulumi-python`, the plugin the engine starts for a Python program's `pulumi.dynamic` resources.
 * The Pulumi CLI distribution ships it beside `pulumi`; our engine is built from source (scripts/build-pulumi-engine),
 * which does not install it, so this takes it from github.com/pulumi/pulumi/sdk/v3 at the engine's version
 * (`python/dist/`, a shell script) and puts it where the engine looks: a directory on PATH. The script runs
 * `python -m pulumi.dynamic` with the venv the engine names in `PULUMI_RUNTIME_VIRTUALENV` (the project's
 * `runtime.options.virtualenv`), so the dynamic providers run with the program's packages.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./engine";

/** The plugin's executable name: `pulumi-resource-<name>` for the engine's provider `pulumi-python`. */
export const PYTHON_DYNAMIC_PLUGIN = "pulumi-resource-pulumi-python";

/** The engine's version (scripts/env.sh `ALICLOUD_CERTS_PULUMI_VERSION`): the shim comes from the same release. */
function engineVersion(): string {
  return process.env["ALICLOUD_CERTS_PULUMI_VERSION"] ?? "3.259.0";
}

/** The shim in the Go module cache, downloaded through the Go module proxy when it is not there yet. */
function shimSource(): string {
  const module = `github.com/pulumi/pulumi/sdk/v3@v${engineVersion()}`;
  const cache = execFileSync("go", ["env", "GOMODCACHE"], { encoding: "utf8" }).trim();
  const cached = path.join(cache, module, "python", "dist", PYTHON_DYNAMIC_PLUGIN);
  if (fs.existsSync(cached)) return cached;
  const info = JSON.parse(execFileSync("go", ["mod", "download", "-json", module], { encoding: "utf8" })) as {
    Dir?: string;
  };
  if (info.Dir === undefined) throw new Error(`go mod download ${module} named no directory`);
  return path.join(info.Dir, "python", "dist", PYTHON_DYNAMIC_PLUGIN);
}

/**
 * Where the engine finds the shim without a warning: beside `pulumi` in .tools/pulumi/bin, as the CLI distribution
 * installs it (a bootstrap that installs it there makes {@link installPythonDynamicPlugin} unnecessary).
 */
export const TOOLS_PYTHON_DYNAMIC_PLUGIN = path.join(REPO_ROOT, ".tools/pulumi/bin", PYTHON_DYNAMIC_PLUGIN);

/**
 * A fresh directory holding an executable copy of the shim (the module cache's files are read-only and not
 * executable), to put on the CLI's PATH, or undefined when the toolchain has it beside `pulumi` already; the caller
 * removes the directory. (The engine warns "using pulumi-resource-pulumi-python from $PATH" for a PATH copy.)
 */
export function installPythonDynamicPlugin(): string | undefined {
  if (fs.existsSync(TOOLS_PYTHON_DYNAMIC_PLUGIN)) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-python-dynamic-"));
  const target = path.join(dir, PYTHON_DYNAMIC_PLUGIN);
  fs.copyFileSync(shimSource(), target);
  fs.chmodSync(target, 0o755);
  return dir;
}

/** PATH for the CLI with `dir` added after the toolchain (engine first, as tests/helpers/engine.ts orders it). */
export function pathWith(dir: string): string {
  const tools = path.join(REPO_ROOT, ".tools");
  return [path.join(tools, "pulumi/bin"), path.join(tools, "node/bin"), dir, process.env["PATH"] ?? ""].join(":");
}
