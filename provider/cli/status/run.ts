/**
 * `alicloud-certs status`: read the state, take the time from the provider's clock, optionally check against the
 * cloud, assess, render, and choose the exit status. Everything outside (the export, the clocks, the cloud, files)
 * comes through {@link StatusDeps}, so the whole command is unit-tested with fakes.
 */
import { hostSources, type Environment } from "../../settings/sources";
import * as fs from "node:fs";
import * as path from "node:path";
import { AlibabaClient } from "../../transport/client";
import { configFromRecord } from "../../transport/settings";
import { clockFromEnv, type Clock } from "../../util/clock";
import { assess } from "./assess";
import { stackFacts } from "./facts";
import { checkLive, type LiveApi } from "./live";
import { EXIT, parseStatusOptions, STATUS_USAGE, UsageError } from "./options";
import { renderPrometheus } from "./prometheus";
import { parseStackExport, readExportText, StateReadError, type StateSource } from "./stack-state";
import { renderTable } from "./table";

/** What the command reads and writes outside itself. */
export interface StatusDeps {
  readonly readExport: (source: StateSource) => Promise<string>;
  /** The provider's clock (the emulator's with `ALICLOUD_CERTS_CLOCK_URL`). */
  readonly clock: Clock;
  /** This machine's time, to date checkpoints (which the engine writes in wall-clock time). */
  readonly wallClock: () => Date;
  /** The cloud client, built only for `--live`. */
  readonly liveApi: () => LiveApi;
  readonly writeFile: (file: string, text: string) => void;
}

/** What the command printed and its exit status. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Write `text` to `file` through a temporary file in the same directory, renamed over it: a reader (the textfile
 * collector) never sees half a file. */
export function writeFileAtomically(file: string, text: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text);
  fs.renameSync(temporary, file);
}

/** The real world: `pulumi stack export`, the environment's clock, the package's transport, the file system. */
export function defaultStatusDeps(env: Environment = hostSources().env): StatusDeps {
  return {
    readExport: (source) => readExportText(source, env),
    clock: clockFromEnv(env),
    wallClock: () => new Date(),
    // Credentials, region and endpoints from the environment only: the stack's config would need its passphrase.
    liveApi: () => new AlibabaClient({ config: configFromRecord({}), env, userAgent: "pulumi-alicloud-certs-status" }),
    writeFile: writeFileAtomically,
  };
}

/** Run `alicloud-certs status <argv>`. Never throws: every failure is an exit status and a message. */
export async function runStatus(
  argv: readonly string[],
  deps: StatusDeps = defaultStatusDeps(),
): Promise<CommandResult> {
  let options;
  try {
    options = parseStatusOptions(argv);
  } catch (error: unknown) {
    if (error instanceof UsageError)
      return {
        exitCode: EXIT.usage,
        stdout: "",
        stderr: `alicloud-certs status: ${error.message}\n\n${STATUS_USAGE}\n`,
      };
    throw error;
  }
  if (options.help) return { exitCode: EXIT.ok, stdout: `${STATUS_USAGE}\n`, stderr: "" };
  try {
    const state = parseStackExport(await deps.readExport(options.source));
    let facts = stackFacts(state);
    const now = await deps.clock();
    let live: Awaited<ReturnType<typeof checkLive>> | undefined;
    if (options.live) {
      live = await checkLive(facts, deps.liveApi());
      facts = live.facts;
    }
    const report = assess(facts, {
      now,
      wallClock: deps.wallClock(),
      warnDays: options.warnDays,
      live: options.live,
      ...(live === undefined ? {} : { liveAlarms: live.alarms, liveNotes: live.notes }),
    });
    const text =
      options.format === "json"
        ? `${JSON.stringify(report, null, 2)}\n`
        : options.format === "prometheus"
          ? renderPrometheus(report, options.metricPrefix)
          : renderTable(report);
    const exitCode = report.alarms.length > 0 ? EXIT.alarm : EXIT.ok;
    if (options.output === undefined) return { exitCode, stdout: text, stderr: "" };
    deps.writeFile(options.output, text);
    const summary =
      report.alarms.length === 0
        ? ""
        : `alicloud-certs status: ${report.alarms.length} alarm(s):\n${report.alarms.map((a) => `  [${a.kind}] ${a.message}\n`).join("")}`;
    return { exitCode, stdout: "", stderr: summary };
  } catch (error: unknown) {
    const message = error instanceof StateReadError || error instanceof Error ? error.message : String(error);
    return { exitCode: EXIT.failure, stdout: "", stderr: `alicloud-certs status: ${message}\n` };
  }
}
