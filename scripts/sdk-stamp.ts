/**
 * The record of what the committed SDKs under `sdk/` were generated from: `sdk/generated.json` holds the SHA-256 of
 * every generator input (schema.json, the generator program and its pinned module versions) and of every generated
 * file. Comparing it with the working tree is the fast staleness check of `npm test` (no Go needed); the full
 * regenerate-and-diff (`scripts/gen-sdks --check`) runs in the engine tier.
 *
 * CLI: `ts-node scripts/sdk-stamp.ts write|check` (scripts/gen-sdks writes it after each generation).
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/** The languages generated, one directory each under `sdk/`. */
export const SDK_LANGUAGES = ["python", "go", "dotnet", "nodejs"] as const;

/** Where the stamp lives, relative to the repository root. */
export const STAMP_PATH = "sdk/generated.json";

/** The command that brings the SDKs back in line; every staleness message ends with it. */
export const REGENERATE = "npm run generate:sdks";

/**
 * Build outputs a user may leave inside an SDK directory; they are not part of the generated tree. The names are the
 * ones the generated `.gitignore` files list (nodejs: node_modules, bin; python: build, dist, *.egg-info,
 * __pycache__; dotnet: bin, obj).
 */
const BUILD_OUTPUT = /^(node_modules|bin|obj|build|dist|__pycache__|\.mypy_cache|.*\.egg-info)$/;

export interface Stamp {
  /** Generator inputs (repository-relative path → SHA-256 hex). */
  readonly inputs: Readonly<Record<string, string>>;
  /** Generated files (path relative to `sdk/` → SHA-256 hex). */
  readonly files: Readonly<Record<string, string>>;
}

function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Every regular file under `dir`, as sorted `/`-separated paths relative to `base`, skipping build outputs. */
function listFiles(dir: string, base: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!BUILD_OUTPUT.test(entry.name)) out.push(...listFiles(full, base));
    } else if (entry.isFile() && !BUILD_OUTPUT.test(entry.name) && !entry.name.endsWith(".pyc")) {
      out.push(path.relative(base, full).split(path.sep).join("/"));
    }
  }
  return out.sort();
}

/**
 * The generator's inputs: the schema, the Go program with its module pins and defaults, and the driver script. The
 * program's tests (`*_test.go`) are not inputs: they cannot change what it generates.
 */
export function inputPaths(root: string): string[] {
  const program = listFiles(path.join(root, "scripts/gen-sdk"), root).filter((p) => !p.endsWith("_test.go"));
  return ["schema.json", ...program, "scripts/gen-sdks"];
}

function hashAll(paths: readonly string[], base: string): Record<string, string> {
  return Object.fromEntries(paths.map((p) => [p, sha256(path.join(base, p))]));
}

/** The stamp the working tree at `root` would have. */
export function computeStamp(root: string): Stamp {
  const sdk = path.join(root, "sdk");
  const files = SDK_LANGUAGES.flatMap((lang) => listFiles(path.join(sdk, lang), sdk));
  return { inputs: hashAll(inputPaths(root), root), files: hashAll(files, sdk) };
}

export function readStamp(root: string): Stamp | undefined {
  const file = path.join(root, STAMP_PATH);
  if (!fs.existsSync(file)) return undefined;
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!isStamp(parsed)) throw new Error(`${STAMP_PATH} is not a stamp ({inputs, files}); run ${REGENERATE}`);
  return parsed;
}

function isRecordOfStrings(value: unknown): value is Record<string, string> {
  return typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");
}

function isStamp(value: unknown): value is Stamp {
  return (
    typeof value === "object" &&
    value !== null &&
    "inputs" in value &&
    "files" in value &&
    isRecordOfStrings(value.inputs) &&
    isRecordOfStrings(value.files)
  );
}

function differences(
  kind: string,
  prefix: string,
  recorded: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  for (const [p, hash] of Object.entries(now)) {
    if (!(p in recorded)) problems.push(`${kind} ${prefix}${p} is new since the SDKs were generated`);
    else if (recorded[p] !== hash) problems.push(`${kind} ${prefix}${p} changed since the SDKs were generated`);
  }
  for (const p of Object.keys(recorded)) {
    if (!(p in now)) problems.push(`${kind} ${prefix}${p} is gone since the SDKs were generated`);
  }
  return problems;
}

/** Why the committed SDKs at `root` may not match their inputs; empty when they match. */
export function staleness(root: string): string[] {
  const recorded = readStamp(root);
  if (recorded === undefined) return [`${STAMP_PATH} is missing`];
  const now = computeStamp(root);
  return [
    ...differences("input", "", recorded.inputs, now.inputs),
    ...differences("generated file", "sdk/", recorded.files, now.files),
  ];
}

export function writeStamp(root: string): void {
  const stamp = computeStamp(root);
  fs.writeFileSync(path.join(root, STAMP_PATH), `${JSON.stringify(stamp, null, 2)}\n`);
}

function main(): void {
  const root = path.resolve(__dirname, "..");
  const command = process.argv[2];
  if (command === "write") {
    writeStamp(root);
  } else if (command === "check") {
    const problems = staleness(root);
    if (problems.length > 0) {
      console.error(`sdk-stamp: the generated SDKs are stale:\n  ${problems.join("\n  ")}\nRun ${REGENERATE}.`);
      process.exitCode = 1;
    }
  } else {
    console.error("usage: sdk-stamp.ts write|check");
    process.exitCode = 2;
  }
}

if (require.main === module) main();
