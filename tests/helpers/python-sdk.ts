/**
 * The generated Python SDK (`pulumi_alicloud_certs`, sdk/python) in the program venv (.tools/pulumi-python), for the
 * Python engine tests: built as a wheel from a copy of sdk/python (the build writes into its tree) and installed
 * with pip, as a user installs the published package. `ALICLOUD_CERTS_PYTHON_SDK_SOURCE` names another sdk/python
 * directory (a checkout that is not merged yet).
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

/** Build the SDK's wheel from a copy of {@link pythonSdkSource} and install it into the program venv. */
export function installPythonSdk(): void {
  const source = pythonSdkSource();
  if (!fs.existsSync(path.join(source, "pyproject.toml")))
    throw new Error(`no generated Python SDK at ${source} (sdk/python, from schema.json): generate it first`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "python-sdk-"));
  try {
    const copy = path.join(work, "python");
    fs.cpSync(source, copy, { recursive: true });
    const pip = [path.join(PROGRAM_VENV, "bin/python"), "-m", "pip", "--disable-pip-version-check", "--quiet"];
    const run = (args: string[]): void => {
      execFileSync(pip[0] ?? "python3", [...pip.slice(1), ...args], { stdio: "inherit" });
    };
    run(["wheel", "--no-deps", "--wheel-dir", path.join(work, "dist"), copy]);
    const wheels = fs.readdirSync(path.join(work, "dist")).filter((name) => name.endsWith(".whl"));
    if (wheels.length !== 1) throw new Error(`expected one wheel from ${source}, got ${wheels.join(", ") || "none"}`);
    // --force-reinstall: a wheel of the same version built from a newer schema replaces the installed one.
    run(["install", "--force-reinstall", "--no-deps", path.join(work, "dist", wheels[0] ?? "")]);
    // Its dependencies (pyproject.toml: parver, semver, pulumi) once, without touching the pinned pulumi.
    run(["install", path.join(work, "dist", wheels[0] ?? "")]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
