/**
 * The package as users get it: `npm pack` of the repository installed into a fresh project beside the repository's
 * own `@pulumi/pulumi` version, for the engine tier's tarball tests (dynamic classes and native plugin alike).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "./engine";

/** Run a command to completion and return its stdout; throw with both streams when it fails. */
export function runOk(command: string, args: readonly string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: process.env, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Pack the repository into `work` and install the tarball and `@pulumi/pulumi` into the existing `project`. */
export function installPackedTarball(work: string, project: string): void {
  const tarball = runOk("npm", ["pack", "--silent", "--pack-destination", work], REPO_ROOT).trim().split("\n").pop();
  if (tarball === undefined || tarball === "") throw new Error("npm pack named no tarball");
  const pulumiPackage = path.join(REPO_ROOT, "node_modules/@pulumi/pulumi/package.json");
  const { version } = JSON.parse(fs.readFileSync(pulumiPackage, "utf8")) as { version: string };
  runOk(
    "npm",
    [
      ...["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      ...[path.join(work, tarball), `@pulumi/pulumi@${version}`],
    ],
    project,
  );
}
