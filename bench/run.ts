/**
 * The benchmark: the GA listener-certificate engine against a Terraform-style baseline, in the same run, the
 * renewal of one certificate used by N consumers (in place vs replaced), the `__provider` size of each resource and
 * the waiter's lag. Prints Markdown to stdout and writes it to bench/results/latest.md.
 *
 *   npx ts-node --transpile-only bench/run.ts [--full] [--reps 3] [--cap-seconds 30] [--sizes 10,50]
 *     [--renewal-sizes 1,10,50] [--renewal-only] [--waits-only]
 *
 * See bench/README.md for what is measured and why.
 */
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { gatherMs } from "../provider/resources/ga/engine/scheduler";
import { pollDelays } from "../provider/resources/common/host";
import { TF_RETRY_SLEEP_MS } from "./baseline";
import { runOnce, type Operation, type RunResult, type RunSettings, type Variant } from "./scenarios";
import { runRenewal } from "./renewal";
import { renewalFiguresTable, renewalRatiosTable, type RenewalCell } from "./renewal-table";
import { INSTALLED, measureProviderSizes, type ProviderSize } from "./serialization";
import { cliSection, runGa, runP1, runQuota, stateOnTmpfs, type P1Row, type QuotaRow } from "./cli";
import { refreshSection, runRefreshScenario } from "./refresh";
import { measureWaits, waitsTable } from "./waits";

/** Simulated duration of one GA write (the accelerator's lock), the same for both variants. */
const GA_WRITE_MS = 300;
/** Poll pacing of both variants' waits (read by the package at call time). */
const POLL_ENV = { ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "400" };
/** Baseline runs up to this N are never capped: at 3 s per binding they finish in about half a minute. */
const UNCAPPED_UP_TO_N = 10;

const { values: flags } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    reps: { type: "string", default: "3" },
    "cap-seconds": { type: "string", default: "30" },
    sizes: { type: "string", default: "10,50" },
    "waits-only": { type: "boolean", default: false },
    "renewal-only": { type: "boolean", default: false },
    "renewal-sizes": { type: "string", default: "1,10,50" },
    cli: { type: "string", default: process.env["BENCH_CLI"] ?? "all" },
    "p1-sizes": { type: "string", default: "100,300" },
    "p1-reps": { type: "string", default: "6" },
    "ga-parallel": { type: "string", default: "8,64" },
  },
});
const REPS = positiveInt(flags.reps, "--reps");
const CAP_MS = positiveInt(flags["cap-seconds"], "--cap-seconds") * 1000;
const SIZES = flags.sizes.split(",").map((s) => positiveInt(s, "--sizes"));
const FULL = flags.full;
const WAITS_ONLY = flags["waits-only"];
const RENEWAL_ONLY = flags["renewal-only"];
const RENEWAL_SIZES = flags["renewal-sizes"].split(",").map((s) => positiveInt(s, "--renewal-sizes"));
/** The CLI scenarios to run: `all` (the default, what the README quotes), `none`, or a list of p1, ga, quota, refresh. */
const CLI_SCENARIOS = ["p1", "ga", "quota", "refresh"] as const;
const CLI = cliSelection(flags.cli);
const P1_SIZES = flags["p1-sizes"].split(",").map((s) => positiveInt(s, "--p1-sizes"));
const P1_REPS = positiveInt(flags["p1-reps"], "--p1-reps");
const GA_PARALLEL = flags["ga-parallel"].split(",").map((s) => positiveInt(s, "--ga-parallel"));

function cliSelection(text: string): Set<string> {
  if (text === "all") return new Set(CLI_SCENARIOS);
  if (text === "none" || text === "") return new Set();
  const picked = text.split(",").map((s) => s.trim());
  for (const name of picked)
    if (!(CLI_SCENARIOS as readonly string[]).includes(name))
      throw new Error(`--cli (or BENCH_CLI): "${name}" is not one of all, none, ${CLI_SCENARIOS.join(", ")}`);
  return new Set(picked);
}

function positiveInt(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive integer, got "${text}"`);
  return value;
}

/** Benchmark progress goes to stderr, so stdout is the Markdown alone. */
function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

/**
 * Drop the package's own progress lines ("GA <accelerator>…", one per write and per state change of a wait): in a
 * `pulumi up` they are per-resource diagnostics, here they would bury the benchmark's output.
 */
function silenceEngineProgress(): void {
  const write = process.stderr.write.bind(process.stderr) as (...args: unknown[]) => boolean;
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]): boolean =>
    typeof chunk === "string" && chunk.startsWith("GA ") ? true : write(chunk, ...rest)) as typeof process.stderr.write;
}

interface Cell {
  readonly operation: Operation;
  readonly n: number;
  readonly variant: Variant;
  readonly runs: RunResult[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

function ratio(a: number, b: number): string {
  if (b === 0) return a === 0 ? "–" : `${a} vs 0`;
  const r = a / b;
  // One decimal below 10 (by its rounded value, so 9.96 reads "10×", not "10.0×"), whole numbers above.
  return `${Number(r.toFixed(1)) < 10 ? r.toFixed(1) : r.toFixed(0)}×`;
}

/** Median of one counter over a cell's runs. */
function countOf(cell: Cell, key: keyof RunResult["calls"]): number {
  return median(cell.runs.map((r) => r.calls[key]));
}

function capped(cell: Cell): { done: number } | undefined {
  return cell.runs.find((r) => r.capped !== undefined)?.capped;
}

/** Linear projection of a capped run's wall time from the completions within the cap. */
function projectedMs(cell: Cell): number | undefined {
  const c = capped(cell);
  return c === undefined || c.done === 0 ? undefined : (CAP_MS * cell.n) / c.done;
}

function wallCell(cell: Cell): string {
  const c = capped(cell);
  if (c !== undefined) return `≥ ${seconds(CAP_MS)} (capped: ${c.done}/${cell.n} done)`;
  return seconds(median(cell.runs.map((r) => r.wallMs)));
}

function rangeCell(cell: Cell): string {
  if (capped(cell) !== undefined) return "1 run";
  const walls = cell.runs.map((r) => r.wallMs / 1000);
  const runs = cell.runs.length === 1 ? "1 run" : `${cell.runs.length} runs`;
  return `${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} s (${runs})`;
}

function figuresTable(cells: readonly Cell[]): string {
  const rows = cells.map((c) =>
    [
      c.operation,
      c.n,
      c.variant === "engine" ? "engine (ours)" : "TF-style baseline",
      wallCell(c),
      rangeCell(c),
      countOf(c, "writeCalls"),
      countOf(c, "writesAccepted"),
      countOf(c, "stateErrors"),
      countOf(c, "polls"),
      countOf(c, "lists"),
      countOf(c, "total"),
    ].join(" | "),
  );
  return [
    "| Operation | N | Variant | Wall time (median) | Spread | Write calls | accepted | StateError rejections | Polls | Lists | Total GA calls |",
    "|---|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

function ratiosTable(cells: readonly Cell[]): string {
  const rows: string[] = [];
  for (const engine of cells.filter((c) => c.variant === "engine")) {
    const base = cells.find((c) => c.variant === "baseline" && c.operation === engine.operation && c.n === engine.n);
    if (base === undefined) continue;
    const ours = median(engine.runs.map((r) => r.wallMs));
    const projected = projectedMs(base);
    const wall =
      capped(base) === undefined
        ? ratio(median(base.runs.map((r) => r.wallMs)), ours)
        : `≥ ${ratio(CAP_MS, ours)}` + (projected === undefined ? "" : ` (≈ ${ratio(projected, ours)} projected)`);
    const calls = (key: keyof RunResult["calls"]): string =>
      (capped(base) === undefined ? "" : "≥ ") + ratio(countOf(base, key), countOf(engine, key));
    rows.push(
      [
        engine.operation,
        engine.n,
        wall,
        calls("writeCalls"),
        calls("writesAccepted"),
        calls("polls"),
        calls("total"),
        `${countOf(base, "stateErrors")} vs ${countOf(engine, "stateErrors")}`,
      ].join(" | "),
    );
  }
  return [
    "| Operation | N | Wall time | Write calls | Accepted writes | Polls | Total GA calls | StateError rejections |",
    "|---|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

function sizesTable(sizes: readonly ProviderSize[]): string {
  const rows = sizes.map((s) =>
    [
      `\`${s.resource}\``,
      `${s.oursBytes} B`,
      s.oursRequires.length,
      `${s.plainBytes} B`,
      s.plainRequires.length,
      ratio(s.plainBytes, s.oursBytes),
    ].join(" | "),
  );
  return [
    "| Resource | `__provider`: provider module by reference (ours) | `require`s | plain object of one-line methods | `require`s | baseline ÷ ours |",
    "|---|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

function cappedNotes(cells: readonly Cell[]): string[] {
  return cells
    .filter((c) => capped(c) !== undefined)
    .map((c) => {
      const projected = projectedMs(c);
      return (
        `- ${c.operation} N=${c.n}, baseline: capped at ${seconds(CAP_MS)} and run once (${capped(c)?.done}/${c.n} ` +
        `bindings done); its counts are what it spent within the cap, so its ratios are lower bounds` +
        (projected === undefined ? "." : `; a linear projection of its completions gives ≈ ${seconds(projected)}.`) +
        " Run with `--full` to measure it uncapped."
      );
    });
}

function stagedBuild(): string {
  try {
    return statSync(path.join(INSTALLED, "dist/provider/index.js")).mtime.toISOString();
  } catch {
    return "unknown";
  }
}

function waitsSection(delays: { minDelayMs: number; maxDelayMs: number }, figures: Parameters<typeof waitsTable>[0]) {
  return [
    "### Waits: lag and polls, elapsed-time schedule vs the previous backoff",
    "",
    `The package's \`waitUntil\` on a simulated clock with the pacing used against the real service ` +
      `(min ${delays.minDelayMs} ms, max ${delays.maxDelayMs} ms), a poll that answers at once, and a transition at ` +
      "a moment T spread evenly over 0.8–1.2 × the wait (201 moments, seeded jitter). Lag: from T to the poll that " +
      "sees it. Target (issue 13, read as a mean): max(2 s, 10 % of the time already waited); the ratio column is " +
      "the mean of lag ÷ that target (≤ 1 meets it). Ours: gaps of max(2 × min, 20 % of elapsed); before: pauses " +
      "doubling from min to max, half random.",
    "",
    waitsTable(figures),
    "",
  ];
}

/** Scenario 5: renew one certificate used by N consumers, in place (ours) and by replacing them (the baseline). */
async function renewalSection(): Promise<string[]> {
  const cells: RenewalCell[] = [];
  for (const n of RENEWAL_SIZES) {
    const ours: RenewalCell = { n, variant: "update", runs: [] };
    const base: RenewalCell = { n, variant: "replace", runs: [] };
    cells.push(ours, base);
    // Interleaved, so any drift of the machine during the run touches both variants alike.
    for (let rep = 1; rep <= REPS; rep++)
      for (const cell of [ours, base]) {
        const run = await runRenewal(cell.variant, n, GA_WRITE_MS);
        cell.runs.push(run);
        log(`renewal N=${n} ${cell.variant} run ${rep}: ${seconds(run.wallMs)}, ${run.violations} violations`);
      }
  }
  const poll = pollDelays();
  return [
    "### Renewal: one certificate used by N consumers, updated in place vs replaced",
    "",
    `N consumers of one CAS certificate, mixed round-robin: ESA hostnames with the certificate uploaded, ESA ` +
      `hostnames referencing it in CAS (\`certType: cas\`), and \`ga.ListenerAdditionalCertificate\` bindings on one ` +
      `HTTPS listener (N = 1 is one ESA upload hostname). Each run against a fresh emulator: the consumers are ` +
      `created with the old certificate first (not measured), then all N operations are issued at once through the ` +
      `provider objects the dynamic-provider host calls (in-process, no gRPC host, no CLI). Ours: \`update\` to the ` +
      `new certificate (ESA UpdateCustomHostname, GA UpdateAdditionalCertificateWithListener). Baseline: \`delete\`, ` +
      `then \`create\` with the new certificate (a delete-before-replace, the only replace ESA allows, the name being ` +
      `unique). GA write ${GA_WRITE_MS} ms, waits polled every ${poll.minDelayMs}–${poll.maxDelayMs} ms; ESA's ` +
      `100-creates-per-hour limit is lifted for both (it would only slow the baseline). Downtime: simulated time ` +
      `(speed 1, so also wall time) each consumer served no certificate, from the emulator's serving timelines; ` +
      `violations: the emulator's serving analysis of the measured phase (gaps, unserved). API calls from the ` +
      `emulator's request log. Medians over the runs.`,
    "",
    renewalFiguresTable(cells),
    "",
    "Ratios, baseline ÷ ours:",
    "",
    renewalRatiosTable(cells),
    "",
    "- Wall time is not downtime. GA's UpdateAdditionalCertificateWithListener takes one domain per call and every " +
      `write holds the listener's lock (${GA_WRITE_MS} ms here), so GA consumers are updated one after another, ` +
      "while the baseline's Dissociate and Associate carry up to 10 domains each; every consumer of ours serves a " +
      "valid certificate throughout, the baseline's serve nothing in between.",
    "- The baseline's downtime is a lower bound: the emulator creates an ESA hostname and deploys its certificate " +
      "at once, where the real service re-verifies ownership and redeploys to the edge.",
    "",
  ];
}

async function main(): Promise<void> {
  const started = Date.now();
  // Taken before the emulator overrides below: the waits scenario uses the pacing users get against the service.
  const serviceDelays = pollDelays();
  log("scenario 4: wait lag and polls on a simulated clock");
  const waits = waitsSection(serviceDelays, await measureWaits(serviceDelays));
  if (WAITS_ONLY) {
    process.stdout.write(waits.join("\n"));
    return;
  }
  for (const [key, value] of Object.entries(POLL_ENV)) process.env[key] = value;
  silenceEngineProgress();
  log("scenario 5: renewal of one certificate used by N consumers");
  const renewal = await renewalSection();
  if (RENEWAL_ONLY) {
    process.stdout.write(renewal.join("\n"));
    return;
  }
  const settings = (n: number): RunSettings => ({
    gaWriteMs: GA_WRITE_MS,
    capMs: FULL || n <= UNCAPPED_UP_TO_N ? undefined : CAP_MS,
  });

  log("scenario 3: serializing each resource's provider from the installed package");
  // Taken before measuring: others may restage the package while the (long) scenarios 1 and 2 run.
  const built = stagedBuild();
  const sizes = await measureProviderSizes();

  const cells: Cell[] = [];
  for (const operation of ["create", "delete"] as const)
    for (const n of SIZES) {
      const engine: Cell = { operation, n, variant: "engine", runs: [] };
      const baseline: Cell = { operation, n, variant: "baseline", runs: [] };
      cells.push(engine, baseline);
      const baselineReps = settings(n).capMs === undefined ? REPS : 1;
      // Interleaved, so any drift of the machine during the run touches both variants alike.
      for (let rep = 1; rep <= REPS; rep++) {
        for (const cell of rep <= baselineReps ? [engine, baseline] : [engine]) {
          const result = await runOnce(operation, cell.variant, n, settings(n));
          cell.runs.push(result);
          const note = result.capped === undefined ? "" : ` (capped, ${result.capped.done}/${n} done)`;
          log(`${operation} N=${n} ${cell.variant} run ${rep}: ${seconds(result.wallMs)}${note}`);
        }
      }
    }

  const tmpfs = CLI.size > 0 ? stateOnTmpfs() : undefined;
  if (CLI.size > 0) log(`CLI state backends in ${tmpfs ?? "the system temporary directory (no tmpfs)"}`);
  log("scenario 4: refresh of per-domain bindings, each listing alone vs shared listener reads");
  const refresh = await runRefreshScenario(GA_WRITE_MS, CLI.has("refresh"));

  const p1: P1Row[] = [];
  if (CLI.has("p1"))
    for (const n of P1_SIZES) {
      log(`CLI P1: ${n} esa.CustomHostname vs ${n} no-op resources (up, preview, refresh, refresh-get, destroy)`);
      p1.push(await runP1(n, P1_REPS, log));
    }
  if (CLI.has("ga")) log("CLI GA: per-domain vs set resource through pulumi up");
  const ga = CLI.has("ga") ? await runGa(GA_PARALLEL, log) : [];
  let quota: QuotaRow | undefined;
  if (CLI.has("quota")) {
    log("CLI quota: 105 new hostnames against the 100-per-hour limit, clock sped up");
    quota = await runQuota(log);
  }

  const runtime = Date.now() - started;
  const poll = pollDelays();
  const markdown = [
    "### GA listener certificates: engine vs Terraform-style baseline",
    "",
    `N per-domain bindings on one HTTPS listener, created (then, from N seeded bindings, deleted) concurrently. ` +
      `Each run against a fresh emulator: GA write (accelerator lock) ${GA_WRITE_MS} ms, waits polled every ` +
      `${poll.minDelayMs}–${poll.maxDelayMs} ms with jitter by both variants, engine gather window ${gatherMs()} ms. ` +
      `Engine: \`createBinding\` / \`deleteBinding\` of \`ga.ListenerAdditionalCertificate\` called in-process for all ` +
      `N at once (no gRPC host). Baseline: one write per binding, \`StateError.*\` retried after a constant ` +
      `${TF_RETRY_SLEEP_MS / 1000} s sleep, then a wait for listener and accelerator \`active\` (Terraform's ` +
      `\`alicloud_ga_additional_certificate\`), N at once; Terraform's extra retry backoff (0.5–10 s per attempt) ` +
      `and 3 s poll interval are left out, in the baseline's favour. Counts are medians over the runs, from the ` +
      `emulator's request log.`,
    "",
    figuresTable(cells),
    "",
    "Ratios, baseline ÷ engine:",
    "",
    ratiosTable(cells),
    "",
    ...cappedNotes(cells),
    ...(cappedNotes(cells).length > 0 ? [""] : []),
    refreshSection(refresh),
    ...renewal,
    cliSection(p1, ga, quota),
    "### `__provider` size per resource",
    "",
    "Serialized with `pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true })` (what " +
      "`dynamic.Resource` stores in the state for every resource) from the installed package " +
      `(\`node_modules/pulumi-alicloud-certs\`, built ${built}), against the same provider written as a plain ` +
      "object whose seven methods are one-line arrows calling the same implementation functions, compiled as the " +
      "package is (CommonJS, ES2022) and importing the installed modules.",
    "",
    sizesTable(sizes),
    "",
    ...waits,
    `_Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}; ` +
      `bench runtime ${seconds(runtime)}; ${new Date().toISOString()}._`,
    "",
  ].join("\n");

  process.stdout.write(markdown);
  const out = path.join(__dirname, "results", "latest.md");
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, markdown);
  log(`done in ${seconds(runtime)}; written to ${path.relative(process.cwd(), out)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
