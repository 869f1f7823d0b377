/**
 * The stack's state as a user has it: the JSON of `pulumi stack export` (deployment version 3), read without
 * decrypting anything. Secret values stay the engine's ciphertext objects and are treated as "not known here", so
 * the status report can never show a private key, and needs no passphrase or cloud credential.
 *
 * The export format is Pulumi's `apitype.UntypedDeployment` / `DeploymentV3` (sdk/go/common/apitype/core.go):
 * `{version: 3, deployment: {manifest: {time}, resources: [...], pending_operations?: [...]}}`, each resource with
 * `urn`, `type`, `id`, `inputs`, `outputs`, `delete` (a replaced resource waiting for deletion), `initErrors` (a
 * partial failure's reasons).
 */
import { hostSources, type Environment } from "../../settings/sources";
import { spawn } from "node:child_process";
import * as fs from "node:fs";

/** The key and value Pulumi marks an encrypted (secret) value with: `{"4dabf18193072939515e22adb298388d": "1b47…"}`. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/** A property bag of the state (inputs or outputs), values as exported. */
export type StoredBag = Readonly<Record<string, unknown>>;

/** One resource of the deployment. */
export interface StoredResource {
  readonly urn: string;
  readonly type: string;
  /** The resource's name in the program (the URN's last part). */
  readonly name: string;
  readonly id: string | undefined;
  readonly inputs: StoredBag;
  readonly outputs: StoredBag;
  /** True for a replaced resource the engine still has to delete (create-before-delete). */
  readonly pendingDeletion: boolean;
  /** The reasons of a partial failure: the last operation created or updated it, then failed. */
  readonly initErrors: readonly string[];
}

/** An operation a run started and has not finished: the run is still going, or it died. */
export interface PendingOperation {
  readonly type: string;
  readonly urn: string;
}

/** What the status report reads from an export. */
export interface StackState {
  readonly stack: string | undefined;
  readonly project: string | undefined;
  readonly resources: readonly StoredResource[];
  readonly pendingOperations: readonly PendingOperation[];
  /** When the engine last wrote this checkpoint (wall-clock time of the machine that ran it). */
  readonly checkpointTime: Date | undefined;
}

/** The state could not be read or is not a Pulumi export. */
export class StateReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateReadError";
  }
}

/** True for a value the engine encrypted (shown nowhere by the report). */
export function isSecretValue(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG_VALUE
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>`: its stack, project and name. */
export function parseUrn(urn: string): { stack: string; project: string; name: string } | undefined {
  const parts = urn.split("::");
  if (parts.length < 4 || !parts[0]?.startsWith("urn:pulumi:")) return undefined;
  return { stack: parts[0].slice("urn:pulumi:".length), project: parts[1] ?? "", name: parts.slice(3).join("::") };
}

function resourceOf(raw: unknown): StoredResource | undefined {
  if (!isRecord(raw) || typeof raw["urn"] !== "string" || typeof raw["type"] !== "string") return undefined;
  const errors = Array.isArray(raw["initErrors"]) ? raw["initErrors"].filter((e) => typeof e === "string") : [];
  return {
    urn: raw["urn"],
    type: raw["type"],
    name: parseUrn(raw["urn"])?.name ?? raw["urn"],
    id: typeof raw["id"] === "string" && raw["id"] !== "" ? raw["id"] : undefined,
    inputs: isRecord(raw["inputs"]) ? raw["inputs"] : {},
    outputs: isRecord(raw["outputs"]) ? raw["outputs"] : {},
    pendingDeletion: raw["delete"] === true,
    initErrors: errors,
  };
}

/** Parse the text of `pulumi stack export` (never decrypted: `--show-secrets` is not needed and not used). */
export function parseStackExport(text: string): StackState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateReadError("the state is not JSON: expected the output of `pulumi stack export`");
  }
  if (!isRecord(parsed) || !isRecord(parsed["deployment"]))
    throw new StateReadError("the state has no `deployment`: expected the output of `pulumi stack export`");
  if (parsed["version"] !== 3)
    throw new StateReadError(
      `the state is deployment version ${String(parsed["version"])}; this command reads version 3`,
    );
  const deployment = parsed["deployment"];
  const resources = (Array.isArray(deployment["resources"]) ? deployment["resources"] : [])
    .map(resourceOf)
    .filter((r): r is StoredResource => r !== undefined);
  const pending = (Array.isArray(deployment["pending_operations"]) ? deployment["pending_operations"] : []).flatMap(
    (op): PendingOperation[] => {
      if (!isRecord(op)) return [];
      const resource = isRecord(op["resource"]) ? op["resource"] : {};
      return [{ type: String(op["type"] ?? "unknown"), urn: String(resource["urn"] ?? "") }];
    },
  );
  const manifest = isRecord(deployment["manifest"]) ? deployment["manifest"] : {};
  const time = typeof manifest["time"] === "string" ? new Date(manifest["time"]) : undefined;
  const first = resources.map((r) => parseUrn(r.urn)).find((u) => u !== undefined);
  return {
    stack: first?.stack,
    project: first?.project,
    resources,
    pendingOperations: pending,
    checkpointTime: time === undefined || Number.isNaN(time.getTime()) ? undefined : time,
  };
}

/** Where the export comes from: a file (`-` for standard input), or `pulumi stack export` of a stack. */
export type StateSource =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "pulumi"; readonly stack: string | undefined; readonly cwd: string | undefined };

/** Read the export text: the file, or the output of `pulumi stack export [--stack S] [--cwd D]`. */
export async function readExportText(source: StateSource, env: Environment = hostSources().env): Promise<string> {
  if (source.kind === "file") {
    try {
      return source.path === "-" ? fs.readFileSync(0, "utf8") : fs.readFileSync(source.path, "utf8");
    } catch (error: unknown) {
      throw new StateReadError(`cannot read ${source.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const args = ["stack", "export", "--non-interactive"];
  if (source.stack !== undefined) args.push("--stack", source.stack);
  if (source.cwd !== undefined) args.push("--cwd", source.cwd);
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => reject(new StateReadError(`cannot run pulumi: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new StateReadError(`pulumi ${args.join(" ")} exited ${String(code)}: ${stderr.trim()}`));
    });
  });
}
