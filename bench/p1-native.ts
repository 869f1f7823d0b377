/**
 * P1 for the native provider (issue 26 item 8), on its own: `bench/cli.ts`'s P1 harness with the native plugin's
 * `alicloud-certs:esa:CustomHostname` beside the dynamic class, the no-op floor and the floor's copy (the A/A control),
 * at each size, and at the sizes of `--skip-checkpoints` once more with `PULUMI_SKIP_CHECKPOINTS=true` for every run.
 * The in-process scenarios of `bench/run.ts` do not run. Prints the Markdown to stdout (progress to stderr) and writes
 * it to bench/results/p1-native.md (`--out NAME`: bench/results/NAME), after every size.
 *
 *   npx ts-node --transpile-only bench/p1-native.ts --sizes 100:5,300:5,1000:2 --skip-checkpoints 1000:1
 *
 * `N:R` is a size and its cycles. Stage the package first (`scripts/stage-package`): the native variant runs the
 * staged plugin (bench/programs/esa-hostnames/Pulumi.yaml).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import {
  cliSection,
  P1_OPERATIONS,
  P1_VARIANTS,
  runP1,
  stateOnTmpfs,
  type P1Operation,
  type P1Row,
  type P1Variant,
} from "./cli";

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "100:5,300:5,1000:2" },
    "skip-checkpoints": { type: "string", default: "1000:1" },
    variants: { type: "string", default: "native,esa,noop,copy" },
    out: { type: "string", default: "p1-native.md" },
    "skip-checkpoints-operations": { type: "string", default: P1_OPERATIONS.join(",") },
  },
});

/** `N:R` pairs (size, cycles); "" or "none" is no pair. */
function sizes(text: string, flag: string): { n: number; reps: number }[] {
  if (text === "" || text === "none") return [];
  return text.split(",").map((pair) => {
    const [n, reps] = pair.split(":").map(Number);
    if (!Number.isInteger(n) || !Number.isInteger(reps) || (n ?? 0) < 1 || (reps ?? 0) < 1)
      throw new Error(`${flag}: expected N:R pairs of positive integers, got "${pair}"`);
    return { n: n ?? 1, reps: reps ?? 1 };
  });
}

function isVariant(name: string): name is P1Variant {
  return (P1_VARIANTS as readonly string[]).includes(name);
}

function isOperation(name: string): name is P1Operation {
  return (P1_OPERATIONS as readonly string[]).includes(name);
}

/** The operations the `--skip-checkpoints` sizes time (`up` and `destroy` always run). */
const SKIP_OPERATIONS = flags["skip-checkpoints-operations"].split(",").map((name) => {
  if (!isOperation(name)) throw new Error(`--skip-checkpoints-operations: "${name}" is not one of ${P1_OPERATIONS}`);
  return name;
});

const VARIANTS = flags.variants.split(",").map((name) => {
  if (!isVariant(name)) throw new Error(`--variants: "${name}" is not one of ${P1_VARIANTS.join(", ")}`);
  return name;
});

function log(line: string): void {
  process.stderr.write(`[bench] ${new Date().toISOString().slice(11, 19)} ${line}\n`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const tmpfs = stateOnTmpfs();
  log(`CLI state backends in ${tmpfs ?? "the system temporary directory (no tmpfs)"}`);
  const plan: { n: number; reps: number; env: Record<string, string>; operations: readonly P1Operation[] }[] = [
    ...sizes(flags.sizes, "--sizes").map((size) => ({ ...size, env: {}, operations: P1_OPERATIONS })),
    ...sizes(flags["skip-checkpoints"], "--skip-checkpoints").map((size) => ({
      ...size,
      env: { PULUMI_SKIP_CHECKPOINTS: "true" },
      operations: SKIP_OPERATIONS,
    })),
  ];
  const rows: P1Row[] = [];
  const write = (): string => {
    const markdown = [
      cliSection(rows, [], undefined),
      `_Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}; ` +
        `P1 runtime ${((Date.now() - started) / 1000).toFixed(0)} s; ${new Date().toISOString()}._`,
      "",
    ].join("\n");
    const out = path.join(__dirname, "results", path.basename(flags.out));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, markdown);
    return markdown;
  };
  for (const { n, reps, env, operations } of plan) {
    log(
      `P1 native: N=${n}, ${reps} cycles, ${VARIANTS.join(", ")}${env["PULUMI_SKIP_CHECKPOINTS"] === undefined ? "" : ", PULUMI_SKIP_CHECKPOINTS=true"}`,
    );
    rows.push(await runP1(n, reps, log, { variants: VARIANTS, env, operations }));
    // Written after every size, so a run stopped later keeps what it measured.
    write();
  }
  process.stdout.write(write());
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; written to bench/results/${path.basename(flags.out)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
