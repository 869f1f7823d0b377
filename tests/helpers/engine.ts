/**
 * Runs the REAL `pulumi` CLI (built by scripts/bootstrap) on a project directory with a private local file backend,
 * a passphrase secrets provider and the project's offline settings. Used by the engine tier.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Repository root. */
export const REPO_ROOT = path.resolve(__dirname, "../..");

/** The result of one CLI run. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A failed CLI run, with its output in the message so mocha shows why. */
export class PulumiCliError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: CliResult,
  ) {
    super(
      `pulumi ${args.join(" ")} exited ${result.code}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`,
    );
    this.name = "PulumiCliError";
  }
}

/** A resource as it appears in an exported (decrypted) stack. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  /** Where the program constructed it: `project:///<file>#<line>,<column>`. */
  readonly sourcePosition?: string;
}

/** A CLI run in progress. */
export interface RunningCli {
  /** The run's result once it exits (a killed run resolves or rejects like any failed one). */
  readonly done: Promise<CliResult>;
  /** SIGKILL the run's whole process group. */
  kill(): void;
}

/** SIGKILL every process of the group led by `pid` (ignored when it is gone already). */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group has exited.
  }
}

/** A stack of a project directory on a private backend. */
export class PulumiStack {
  readonly backendDir: string;
  readonly homeDir: string;

  private constructor(
    readonly projectDir: string,
    readonly stackName: string,
    private readonly env: Record<string, string>,
  ) {
    this.backendDir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-state-"));
    this.homeDir = path.join(REPO_ROOT, ".pulumi-home");
  }

  /**
   * Create a fresh stack for `projectDir` on a new temporary backend. `env` is added to every CLI run (emulator
   * endpoint and keys); the toolchain's bin directories come first on PATH.
   */
  static async create(projectDir: string, env: Record<string, string> = {}, stackName = "test"): Promise<PulumiStack> {
    const stack = new PulumiStack(projectDir, stackName, env);
    await stack.run(["stack", "init", stackName, "--secrets-provider", "passphrase"]);
    return stack;
  }

  private cliEnv(): NodeJS.ProcessEnv {
    const tools = path.join(REPO_ROOT, ".tools");
    return {
      ...process.env,
      PATH: `${path.join(tools, "pulumi/bin")}:${path.join(tools, "node/bin")}:${process.env["PATH"] ?? ""}`,
      PULUMI_HOME: this.homeDir,
      PULUMI_BACKEND_URL: `file://${this.backendDir}`,
      PULUMI_CONFIG_PASSPHRASE: "engine-tier-passphrase",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_CLI_PROFILE_DISABLED: "true",
      ...this.env,
    };
  }

  /**
   * Run the CLI; throws {@link PulumiCliError} unless `allowFailure`. `onOutput` sees output as it arrives (to time
   * a progress line). Asynchronous on purpose: tests run the emulator
   * in their own process, and a synchronous spawn would block it from answering the provider's calls.
   */
  run(
    args: readonly string[],
    options: { allowFailure?: boolean; env?: Record<string, string>; onOutput?: (chunk: string) => void } = {},
  ): Promise<CliResult> {
    return this.start(args, options).done;
  }

  /**
   * Start a CLI run in a process group of its own, so {@link RunningCli.kill} can SIGKILL the whole tree (the CLI,
   * its language host and the provider hosts), as a crash or a killed CI job does.
   */
  start(
    args: readonly string[],
    options: { allowFailure?: boolean; env?: Record<string, string>; onOutput?: (chunk: string) => void } = {},
  ): RunningCli {
    const stackless = args[0] === "version" || (args[0] === "stack" && args[1] === "init");
    // Flags go before a `--` in args (which ends flag parsing, for values such as PEM text that start with "-").
    const end = args.indexOf("--");
    const flags = [
      "--non-interactive",
      ...(args[0] === "version" ? [] : ["--color", "never"]),
      ...(stackless ? [] : ["--stack", this.stackName]),
    ];
    const full = end < 0 ? [...args, ...flags] : [...args.slice(0, end), ...flags, ...args.slice(end)];
    let child: ReturnType<typeof spawn> | undefined;
    const done = new Promise<CliResult>((resolve, reject) => {
      child = spawn("pulumi", full, {
        cwd: this.projectDir,
        env: { ...this.cliEnv(), ...options.env },
        detached: true,
      });
      let stdout = "";
      let stderr = "";
      const running = child;
      running.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        options.onOutput?.(chunk.toString());
      });
      running.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        options.onOutput?.(chunk.toString());
      });
      const timer = setTimeout(() => killGroup(running.pid), 10 * 60 * 1000);
      running.on("error", reject);
      running.on("close", (code, signal) => {
        clearTimeout(timer);
        const result: CliResult = { code: code ?? (signal === null ? -1 : 128 + 9), stdout, stderr };
        if (result.code !== 0 && options.allowFailure !== true) reject(new PulumiCliError(full, result));
        else resolve(result);
      });
    });
    return { done, kill: () => killGroup(child?.pid) };
  }

  /** `pulumi config set` (secret when asked). */
  async setConfig(key: string, value: string, secret = false): Promise<void> {
    await this.run(["config", "set", secret ? "--secret" : "--plaintext", "--", key, value]);
  }

  preview(extra: readonly string[] = []): Promise<CliResult> {
    return this.run(["preview", ...extra]);
  }

  up(extra: readonly string[] = []): Promise<CliResult> {
    return this.run(["up", "--yes", "--skip-preview", ...extra]);
  }

  refresh(extra: readonly string[] = []): Promise<CliResult> {
    return this.run(["refresh", "--yes", "--skip-preview", ...extra]);
  }

  destroy(extra: readonly string[] = []): Promise<CliResult> {
    return this.run(["destroy", "--yes", "--skip-preview", ...extra]);
  }

  /** Stack outputs, secrets decrypted. */
  async outputs(): Promise<Record<string, unknown>> {
    const result = await this.run(["stack", "output", "--json", "--show-secrets"]);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  /** The raw (encrypted) state file of this stack as stored by the backend: what must not contain secrets. */
  rawStateText(): string {
    const dir = path.join(this.backendDir, ".pulumi", "stacks");
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name.startsWith(this.stackName) && entry.name.endsWith(".json")) files.push(p);
      }
    };
    walk(dir);
    return files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  }

  /** `pulumi stack export` without decrypting secrets: the deployment as the engine stores it. */
  async exportedState(): Promise<{ resources: StateResource[]; text: string }> {
    const text = (await this.run(["stack", "export"])).stdout;
    const parsed = JSON.parse(text) as { deployment?: { resources?: StateResource[] } };
    return { resources: parsed.deployment?.resources ?? [], text };
  }

  /**
   * The processes still running for this stack: every process whose environment names this stack's private backend
   * (the CLI, its language host, its provider hosts; a killed run's orphans too). Linux only (reads /proc); elsewhere
   * none are found.
   */
  processes(): { pid: number; args: string }[] {
    const marker = `PULUMI_BACKEND_URL=file://${this.backendDir}\0`;
    const found: { pid: number; args: string }[] = [];
    let entries: string[] = [];
    try {
      entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
    } catch {
      return found;
    }
    for (const entry of entries) {
      try {
        const environ = fs.readFileSync(`/proc/${entry}/environ`, "latin1");
        if (!`${environ}\0`.includes(marker)) continue;
        const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
        found.push({ pid: Number(entry), args });
      } catch {
        // Gone meanwhile, or not ours to read.
      }
    }
    return found;
  }

  /** SIGKILL every process of {@link processes} (a killed run's orphans, which its process group did not hold). */
  killProcesses(): void {
    for (const { pid } of this.processes()) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // It has exited.
      }
    }
  }

  /** Remove the stack and its temporary backend. */
  async remove(): Promise<void> {
    await this.run(["stack", "rm", "--yes", "--force"], { allowFailure: true });
    fs.rmSync(this.backendDir, { recursive: true, force: true });
    fs.rmSync(path.join(this.projectDir, `Pulumi.${this.stackName}.yaml`), { force: true });
  }
}
