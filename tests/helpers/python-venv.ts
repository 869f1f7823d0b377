/**
 * What a Python program of the engine tier needs in the program venv (.tools/pulumi-python) besides `pulumi`: the
 * project's requirements.txt (from PyPI, through pip's cache under ALICLOUD_CERTS_CACHE) and the generated Python SDK
 * (`pulumi_alicloud_certs`, sdk/python), built as a wheel (scripts/build-python-sdk-wheel when it is there) and
 * installed with pip, as a user installs it. `ALICLOUD_CERTS_PYTHON_SDK_SOURCE` names another sdk/python directory
 * (a checkout that is not merged yet).
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "./engine";

/** The venv Pulumi.yaml of the Python examples names (scripts/env.sh `ALICLOUD_CERTS_PULUMI_PYTHON_VENV`). */
export const PROGRAM_VENV = path.join(REPO_ROOT, ".tools/pulumi-python");

/** The generated SDK's source directory. */
export function pythonSdkSource(): string {
  return process.env["ALICLOUD_CERTS_PYTHON_SDK_SOURCE"] ?? path.join(REPO_ROOT, "sdk/python");
}

/** The wheel builder of the generated SDK (it builds from this repository's sdk/python, cached by its hash). */
const WHEEL_SCRIPT = path.join(REPO_ROOT, "scripts/build-python-sdk-wheel");

/** `pip` of the program venv with `args`, its output shown (an install takes seconds, a first build longer). */
function pip(args: readonly string[]): void {
  execFileSync(
    path.join(PROGRAM_VENV, "bin/python"),
    ["-m", "pip", "--disable-pip-version-check", "--quiet", ...args],
    {
      stdio: "inherit",
    },
  );
}

/**
 * A wheel of `source` in `work`: scripts/build-python-sdk-wheel for this repository's sdk/python when the script is
 * there (its cache is shared with every other user), else `pip wheel` on a copy (the build writes into its tree).
 */
function buildWheel(source: string, work: string): string {
  if (source === path.join(REPO_ROOT, "sdk/python") && fs.existsSync(WHEEL_SCRIPT)) {
    const printed = execFileSync(WHEEL_SCRIPT, [], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const wheel = printed.trim().split("\n").at(-1);
    if (wheel === undefined || !wheel.endsWith(".whl")) throw new Error(`${WHEEL_SCRIPT} printed no wheel path`);
    return wheel;
  }
  const copy = path.join(work, "python");
  fs.cpSync(source, copy, { recursive: true });
  pip(["wheel", "--no-deps", "--wheel-dir", path.join(work, "dist"), copy]);
  const wheels = fs.readdirSync(path.join(work, "dist")).filter((name) => name.endsWith(".whl"));
  if (wheels.length !== 1) throw new Error(`expected one wheel from ${source}, got ${wheels.join(", ") || "none"}`);
  return path.join(work, "dist", wheels[0] ?? "");
}

/**
 * `pip install -r <projectDir>/requirements.txt` into the program venv: nothing to do when they are there. The
 * project names `pulumi` by a range the venv's pin (scripts/env.sh) meets, so the pin is never replaced.
 */
export function installRequirements(projectDir: string): void {
  const cache = path.join(
    process.env["ALICLOUD_CERTS_CACHE"] ?? path.join(os.homedir(), ".cache/pulumi-alicloud-certs"),
    "pip",
  );
  pip(["install", "--cache-dir", cache, "-r", path.join(projectDir, "requirements.txt")]);
}

/** Build the SDK's wheel from {@link pythonSdkSource} and install it into the program venv. */
export function installPythonSdk(): void {
  const source = pythonSdkSource();
  if (!fs.existsSync(path.join(source, "pyproject.toml")))
    throw new Error(`no generated Python SDK at ${source}: run scripts/gen-sdks (sdk/ from schema.json) first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "python-sdk-"));
  try {
    const wheel = buildWheel(source, work);
    // --force-reinstall --no-deps: a wheel of the same version built from a newer schema replaces the installed one.
    pip(["install", "--force-reinstall", "--no-deps", wheel]);
    // Then its dependencies (pyproject.toml: parver, semver; pulumi is pinned in the venv already).
    pip(["install", wheel]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
