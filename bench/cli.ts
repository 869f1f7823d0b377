/**
 * Scenarios through the real CLI (issue 14): `pulumi` against an in-process emulator, the staged package installed.
 *
 * - **P1**: N `esa.CustomHostname` against N no-op dynamic resources with the same inputs and outputs (the engine's
 *   floor) and against the same no-op with an identity as wide as ours in the state (the width-matched floor):
 *   `up`, `preview` (unchanged), `refresh` and `destroy`, the variants alternated operation by operation in the
 *   same run, so the ratios are ours ÷ floor and ours ÷ width-matched floor. A second stack of the floor runs
 *   beside them: its ratio to the floor is what the measurement itself scatters.
 * - **GA**: 50 per-domain `ga.ListenerAdditionalCertificate` against one `ga.ListenerAdditionalCertificates` holding
 *   the same 50 domains, `pulumi up --parallel P`, with a 2 s accelerator lock per write.
 * - **Quota**: 105 new hostnames with the emulator's 100-per-hour CreateCustomHostname limit on and its clock sped
 *   up (its hour lasts {@link QUOTA_HOUR_REAL_MS} real ms): time to the first quota progress line, and wall time.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator";
import { PulumiStack } from "../tests/helpers/engine";
import { ACCELERATOR_ID, LISTENER_ID, startWorld } from "./fixture";

const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const HOUR_MS = 3_600_000;
/** Real length of the emulator's hour in the quota scenario. */
export const QUOTA_HOUR_REAL_MS = 10_000;
/** Hostnames of the quota scenario: 5 past the hourly quota. */
export const QUOTA_HOSTNAMES = 105;
/** Per-domain resources of the GA scenario. */
export const GA_DOMAINS = 50;
/** Simulated GA write (the accelerator's exclusive lock) of the GA scenario. */
export const GA_LOCK_MS = 2000;

/** Poll pacing for every CLI scenario (the emulator answers at once). */
const POLL_ENV = { ALICLOUD_CERTS_MIN_POLL_MS: "100", ALICLOUD_CERTS_MAX_POLL_MS: "400" };

type Log = (line: string) => void;

/** Where {@link stateOnTmpfs} puts the CLI's state backends when the machine has a tmpfs. */
const TMPFS = "/dev/shm";

/**
 * Put the state backends of the CLI scenarios (and the CLI's other temporary files) on tmpfs when the machine has
 * one, by pointing `TMPDIR` there for this process and the CLIs it starts. Every step of an `up` or a `destroy`
 * rewrites the whole checkpoint (about 240 MB per operation at N = 300); on a disk its writeback made the same no-op
 * `destroy` of 300 take 9 to 16 s within one development run, which drowned what P1 measures. Returns the directory
 * used, or `undefined` (no tmpfs: the system temporary directory stays).
 */
export function stateOnTmpfs(): string | undefined {
  try {
    fs.accessSync(TMPFS, fs.constants.W_OK);
  } catch {
    return undefined;
  }
  const dir = fs.mkdtempSync(path.join(TMPFS, "alicloud-certs-bench-"));
  process.env["TMPDIR"] = dir;
  process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * An ESA emulator with room for many hostnames (the seeded plan allows 50): `hostnames` at once, at least 1,000
 * (P1 holds N hostnames for each of its two variants that create them, at the same time).
 */
async function esaEmulator(hostnames = 1000): Promise<RunningEmulator> {
  const emu = await startEmulator({ quiet: true });
  await emu.control.seed({
    esa: {
      sites: [{ siteId: SITE, siteName: "example-saas.com", customHostnameQuota: Math.max(1000, hostnames) }],
    },
  });
  return emu;
}

/** A stack of the esa-hostnames program named `<name><n>`, running the program's `variant` (default: `name`). */
async function esaStack(emu: RunningEmulator, name: string, n: number, env: Record<string, string>, variant = name) {
  const stack = await PulumiStack.create(
    path.join(__dirname, "programs/esa-hostnames"),
    { ALICLOUD_CERTS_ENDPOINT: emu.url, ...POLL_ENV, ...env },
    `${name}${n}`,
  );
  await stack.setConfig("alicloud:accessKey", emu.accessKeyId);
  await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
  if (variant === "native") {
    // The native plugin's default provider reads its own namespace (the endpoint falls back to the environment).
    await stack.setConfig("alicloud-certs:accessKey", emu.accessKeyId);
    await stack.setConfig("alicloud-certs:secretKey", emu.accessKeySecret, true);
  }
  await stack.setConfig("count", String(n));
  await stack.setConfig("variant", variant);
  await stack.setConfig("siteId", SITE);
  await stack.setConfig("recordId", ORIGIN);
  return stack;
}

/**
 * The P1 operations, in the order they run. `refresh-get` is our refresh with the shared site listing turned off
 * (`ALICLOUD_CERTS_ESA_LIST_READS=off`: one GetCustomHostname per hostname, what SSL-on hostnames cost), against the
 * same floor.
 */
export const P1_OPERATIONS = ["up", "preview", "refresh", "refresh-get", "destroy"] as const;
export type P1Operation = (typeof P1_OPERATIONS)[number];

/**
 * The P1 variants: ours (the dynamic class `esa`, and the native plugin's resource `native`, issue 26 item 8), the
 * floor, the width-matched floor, and a second stack of the floor (`copy`), an A/A control: copy ÷ floor would be
 * 1.00× on a quiet machine, so its spread is the measurement's own.
 */
export const P1_VARIANTS = ["esa", "native", "noop", "wide", "copy"] as const;
export type P1Variant = (typeof P1_VARIANTS)[number];
/** The variants whose stacks create hostnames in the emulator (the others call nothing). */
const CREATING: readonly P1Variant[] = ["esa", "native"];

/** What one P1 size runs: a subset of the variants (the floor always among them) and extra CLI environment. */
export interface P1Options {
  /** @default every variant of {@link P1_VARIANTS} */
  readonly variants?: readonly P1Variant[];
  /** Added to every CLI run of every stack, e.g. `PULUMI_SKIP_CHECKPOINTS=true`. @default none */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * The operations to time, in {@link P1_OPERATIONS}' order; `up` and `destroy` always run (the others need the
   * stack `up` has made, and the next size a clean site). @default every operation
   */
  readonly operations?: readonly P1Operation[];
}

/** One P1 size: wall ms per operation and variant, and our API calls per operation. */
export interface P1Row {
  readonly n: number;
  /** Cycles of the operations; `ms` holds each one's median. */
  readonly reps: number;
  /** The variants that ran, the floor (`noop`) always among them. */
  readonly variants: readonly P1Variant[];
  /** The extra CLI environment of every run ({@link P1Options.env}). */
  readonly env: Readonly<Record<string, string>>;
  /** The operations timed ({@link P1Options.operations}); the others have no figures. */
  readonly operations: readonly P1Operation[];
  readonly ms: Record<P1Operation, Partial<Record<P1Variant, number>>>;
  /** Each cycle's variant ÷ floor, in cycle order: the spread a single cycle (or run) can show (copy: the A/A). */
  readonly perCycle: Record<P1Operation, Partial<Record<P1Variant, readonly number[]>>>;
  /** ESA API calls of each creating variant in the operation (its last cycle). */
  readonly calls: Record<P1Operation, Partial<Record<P1Variant, number>>>;
}

/**
 * Install the floors into the repository's node_modules, where the program resolves them: the floor's provider
 * (`programs/esa-hostnames/noop-provider`, so Pulumi serializes it by reference, as it serializes ours; see noop.ts)
 * and the width-matched floor (`wide-floor/`) laid out at our files' paths, under a package name as long as ours.
 */
function installFloors(): void {
  const modules = path.join(__dirname, "..", "node_modules");
  const programs = path.join(__dirname, "programs", "esa-hostnames");
  const noop = path.join(modules, "bench-noop-hostname-provider");
  fs.rmSync(noop, { recursive: true, force: true });
  fs.cpSync(path.join(programs, "noop-provider"), noop, { recursive: true });
  const wide = path.join(modules, "bench-alicloud-floors");
  const esaDir = path.join(wide, "dist", "provider", "resources", "esa");
  fs.rmSync(wide, { recursive: true, force: true });
  fs.mkdirSync(path.join(esaDir, "custom-hostname"), { recursive: true });
  fs.copyFileSync(path.join(programs, "wide-floor", "package.json"), path.join(wide, "package.json"));
  fs.copyFileSync(path.join(programs, "wide-floor", "resource.js"), path.join(esaDir, "custom-hostname.js"));
  fs.copyFileSync(
    path.join(programs, "wide-floor", "provider.js"),
    path.join(esaDir, "custom-hostname", "provider.js"),
  );
}

/** One value per P1 operation. */
export function perOperation<T>(make: (operation: P1Operation) => T): Record<P1Operation, T> {
  return {
    up: make("up"),
    preview: make("preview"),
    refresh: make("refresh"),
    "refresh-get": make("refresh-get"),
    destroy: make("destroy"),
  };
}

/** One value per variant that ran. */
export function perVariant<T>(
  variants: readonly P1Variant[],
  make: (variant: P1Variant) => T,
): Partial<Record<P1Variant, T>> {
  const out: Partial<Record<P1Variant, T>> = {};
  for (const variant of variants) out[variant] = make(variant);
  return out;
}

/** The variants in the order cycle `rep` runs them: each takes each place in turn. */
function cycleOrder(variants: readonly P1Variant[], rep: number): readonly P1Variant[] {
  const shift = (rep - 1) % variants.length;
  return [...variants.slice(shift), ...variants.slice(0, shift)];
}

/** P1 at one N: the variants alternated operation by operation. */
export async function runP1(n: number, reps: number, log: Log, options: P1Options = {}): Promise<P1Row> {
  const variants = P1_VARIANTS.filter((v) => (options.variants ?? P1_VARIANTS).includes(v));
  if (!variants.includes("noop")) throw new Error("bench: P1 needs the floor (noop) among its variants");
  const extraEnv = { ...options.env };
  const picked = options.operations ?? P1_OPERATIONS;
  const operations = P1_OPERATIONS.filter((op) => op === "up" || op === "destroy" || picked.includes(op));
  installFloors();
  const emu = await esaEmulator(n * variants.filter((v) => CREATING.includes(v)).length);
  // 300 creates in one run exceed the 100-per-hour quota by design: the emulator's limit is off, and the provider's
  // own window is 1 ms, so this measures the engine path, not the quota (the quota scenario measures that).
  await emu.control.setRateLimit({ product: "esa", action: "CreateCustomHostname", disabled: true });
  // Our stacks' provider quota window is 1 ms (see above); the floors call nothing.
  const quotaOff = { ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS: "1" };
  const stacks: Partial<Record<P1Variant, PulumiStack>> = {};
  for (const variant of variants)
    stacks[variant] = await esaStack(
      emu,
      variant,
      n,
      { ...(CREATING.includes(variant) ? quotaOff : {}), ...extraEnv },
      variant === "copy" ? "noop" : variant,
    );
  const runs = perOperation(() => perVariant(variants, (): number[] => []));
  const calls = perOperation((): Partial<Record<P1Variant, number>> => ({}));
  try {
    for (let rep = 1; rep <= reps; rep++)
      for (const operation of operations) {
        const run = (variant: P1Variant): Promise<unknown> => {
          const stack = stacks[variant];
          if (stack === undefined) throw new Error(`bench: no P1 stack for ${variant}`);
          if (operation === "preview") return stack.preview();
          if (operation !== "refresh-get") return stack[operation]();
          const env = CREATING.includes(variant) ? { ALICLOUD_CERTS_ESA_LIST_READS: "off" } : {};
          return stack.run(["refresh", "--yes", "--skip-preview"], { env });
        };
        // Each variant takes each place in turn: none gains from its place in the cycle.
        for (const variant of cycleOrder(variants, rep)) {
          await emu.control.clearRequests();
          const took = await timed(() => run(variant));
          if (CREATING.includes(variant))
            calls[operation][variant] = (await emu.control.requests({ product: "esa" })).length;
          runs[operation][variant]?.push(took);
        }
        const last = variants.map((v) => `${v} ${s(runs[operation][v]?.at(-1))}`).join(", ");
        log(`P1 N=${n}${envNote(extraEnv)} ${operation} run ${rep}: ${last}`);
      }
    const left = (await emu.control.objects()).esa as { hostnames?: unknown[] };
    if ((left.hostnames ?? []).length !== 0) throw new Error(`bench: P1 N=${n} left hostnames behind`);
    const ms = perOperation((op) => perVariant(variants, (v) => median(runs[op][v] ?? [])));
    const perCycle = perOperation((op) =>
      perVariant(variants, (v) => (runs[op][v] ?? []).map((took, i) => took / (runs[op].noop?.[i] ?? took))),
    );
    return { n, reps, variants, env: extraEnv, operations, ms, perCycle, calls };
  } finally {
    for (const stack of Object.values(stacks)) await stack.remove();
    await emu.close();
  }
}

/** The extra environment as a note in a log line or a table cell ("" when none). */
function envNote(env: Readonly<Record<string, string>>): string {
  const entries = Object.entries(env);
  return entries.length === 0 ? "" : ` ${entries.map(([k, v]) => `${k}=${v}`).join(" ")}`;
}

/** One GA `up`: per-domain or set, at one `--parallel`. */
export interface GaRow {
  readonly variant: "per-domain" | "set";
  readonly parallel: number;
  readonly wallMs: number;
  readonly writes: number;
  readonly calls: number;
}

async function gaUp(variant: GaRow["variant"], parallel: number): Promise<GaRow> {
  const world = await startWorld(GA_DOMAINS, false, GA_LOCK_MS);
  const program = variant === "set" ? "ga-set" : "ga-per-domain";
  const stack = await PulumiStack.create(path.join(__dirname, "programs", program), {
    ALICLOUD_CERTS_ENDPOINT: world.emu.url,
    ...POLL_ENV,
  });
  try {
    await stack.setConfig("alicloud:accessKey", world.emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", world.emu.accessKeySecret, true);
    await stack.setConfig("acceleratorId", ACCELERATOR_ID);
    await stack.setConfig("listenerId", LISTENER_ID);
    await stack.setConfig("count", String(GA_DOMAINS));
    const wallMs = await timed(() => stack.up(["--parallel", String(parallel)]));
    const ga = await world.emu.control.requests({ product: "ga" });
    const writes = ga.filter((e) => e.action === "AssociateAdditionalCertificatesWithListener").length;
    return { variant, parallel, wallMs, writes, calls: ga.length };
  } finally {
    await stack.remove();
    await world.emu.close();
  }
}

/** The GA scenario: per-domain and set resource alternated, at each `--parallel`. */
export async function runGa(parallels: readonly number[], log: Log): Promise<GaRow[]> {
  const rows: GaRow[] = [];
  for (const parallel of parallels)
    for (const variant of ["per-domain", "set"] as const) {
      const row = await gaUp(variant, parallel);
      log(`GA ${variant} --parallel ${parallel}: ${(row.wallMs / 1000).toFixed(1)} s, ${row.writes} writes`);
      rows.push(row);
    }
  return rows;
}

/** The quota scenario's figures. */
export interface QuotaRow {
  /** From the start of `pulumi up` to the first quota line ("quota 100 of 100 used", or a create that waits). */
  readonly firstLineMs: number | undefined;
  /** To the first line of a create that waits ("… waits: …"). */
  readonly firstWaitMs: number | undefined;
  readonly wallMs: number;
  readonly created: number;
  readonly throttled: number;
}

/** 105 new hostnames against the emulator's 100-per-hour limit, its hour {@link QUOTA_HOUR_REAL_MS} long. */
export async function runQuota(log: Log): Promise<QuotaRow> {
  const emu = await esaEmulator();
  await emu.control.setSpeed(HOUR_MS / QUOTA_HOUR_REAL_MS);
  // The provider's window a little longer than the emulator's sped-up hour, as a real hour is the same on both sides.
  const stack = await esaStack(emu, "esa", QUOTA_HOSTNAMES, {
    ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS: String(QUOTA_HOUR_REAL_MS + 500),
  });
  try {
    const started = performance.now();
    const seen: { first?: number; wait?: number } = {};
    let text = "";
    await stack.run(["up", "--yes", "--skip-preview"], {
      onOutput: (chunk) => {
        text += chunk;
        const now = performance.now() - started;
        if (seen.first === undefined && /CreateCustomHostname quota|waits: /.test(text)) seen.first = now;
        if (seen.wait === undefined && /waits: /.test(text)) seen.wait = now;
      },
    });
    const wallMs = performance.now() - started;
    const esa = (await emu.control.objects()).esa as { hostnames?: unknown[] };
    const creates = await emu.control.requests({ product: "esa", action: "CreateCustomHostname" });
    const row: QuotaRow = {
      firstLineMs: seen.first,
      firstWaitMs: seen.wait,
      wallMs,
      created: (esa.hostnames ?? []).length,
      throttled: creates.filter((e) => e.outcome !== "ok").length,
    };
    log(`quota: ${row.created} created in ${(wallMs / 1000).toFixed(1)} s, first line at ${String(seen.first)} ms`);
    return row;
  } finally {
    await stack.destroy().catch(() => undefined);
    await stack.remove();
    await emu.close();
  }
}

function s(ms: number | undefined): string {
  return ms === undefined ? "none" : `${(ms / 1000).toFixed(1)} s`;
}

function times(a: number | undefined, b: number | undefined): string {
  return a === undefined || b === undefined ? "n/a" : `${(a / b).toFixed(2)}×`;
}

/** The goal P1 ratios are held to (issue 14): ours within 1.10× of the floor. */
const P1_GOAL = 1.1;

/** Cycle ratios as "lowest–highest, k of n ≤ goal". */
function spread(ratios: readonly number[] | undefined): string {
  if (ratios === undefined || ratios.length === 0) return "n/a";
  const met = ratios.filter((r) => r <= P1_GOAL).length;
  const low = Math.min(...ratios).toFixed(2);
  const high = Math.max(...ratios).toFixed(2);
  return `${low}–${high}×, ${met} of ${ratios.length} ≤ ${P1_GOAL.toFixed(2)}×`;
}

/**
 * The native provider's P1 table (issue 26 item 8): every size that ran the native variant, beside the dynamic class
 * and the floor, judged against the A/A control of the same cycles; "" when none did.
 */
function nativeP1Section(rows: readonly P1Row[]): string {
  const native = rows.filter((row) => row.variants.includes("native"));
  if (native.length === 0) return "";
  const note = (row: P1Row): string => envNote(row.env).trim() || "default";
  return [
    "### P1 for the native provider: N esa.CustomHostname through the plugin vs the dynamic class vs the floor",
    "",
    "`bench/programs/esa-hostnames` (staged package) against the emulator: `native` declares the N hostnames as " +
      "the native plugin's `alicloud-certs:esa:CustomHostname` (a `pulumi.CustomResource` of the schema token, the " +
      "plugin found through `plugins.providers[].path`, one plugin process per `pulumi` run), `dynamic` as the " +
      "dynamic class `esa.CustomHostname`, the floor and its copy (the A/A control) as above. The same Node program " +
      "and language host for all; the variants back to back per operation, each in each place in turn, medians of " +
      "the cycles. Ratios to the floor, and per cycle: the cycles' own ratio, lowest–highest and how many met " +
      `${P1_GOAL.toFixed(2)}×. A ratio of ours inside the A/A column's spread is not a difference this run can show. ` +
      "Engine environment: `default`, or the variable every run of that row had.",
    "",
    "| N | engine | Operation | native | dynamic | floor | native ÷ floor | per cycle | dynamic ÷ floor | " +
      "native ÷ dynamic | A/A copy ÷ floor | A/A per cycle | ESA calls (native) |",
    "|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ...native.flatMap((row) =>
      row.operations.map((op) => {
        const { native: ours, esa, noop, copy } = row.ms[op];
        const aa = op === "refresh-get" ? ["(refresh)", ""] : [times(copy, noop), spread(row.perCycle[op].copy)];
        const cells = [
          s(ours),
          s(esa),
          s(noop),
          times(ours, noop),
          spread(row.perCycle[op].native),
          times(esa, noop),
          times(ours, esa),
          ...aa,
          String(row.calls[op].native ?? "n/a"),
        ];
        return `| ${row.n} | ${note(row)} | ${op} | ${cells.join(" | ")} |`;
      }),
    ),
    "",
  ].join("\n");
}

/** The Markdown of the CLI scenarios that ran. */
export function cliSection(all: readonly P1Row[], ga: readonly GaRow[], quota: QuotaRow | undefined): string {
  const out: string[] = [];
  // The dynamic-provider tables: the sizes that ran ours, both floors and the A/A, with no extra environment.
  const p1 = all.filter(
    (row) =>
      (["esa", "noop", "wide", "copy"] as const).every((v) => row.variants.includes(v)) && envNote(row.env) === "",
  );
  out.push(nativeP1Section(all));
  if (p1.length > 0) {
    out.push(
      "### P1 through the CLI: N esa.CustomHostname vs N no-op resources with the same outputs",
      "",
      "`bench/programs/esa-hostnames` (staged package) against the emulator, each operation of the four variants " +
        `run back to back (each in each place in turn; the median of ${p1[0]?.reps ?? 1} cycles). The ` +
        "floor is a dynamic resource that calls nothing and stores the same inputs and outputs, its provider " +
        "serialized by reference like ours. The width-matched floor is the same no-op resource with an identity as " +
        "wide as ours in the state: a type token and provider module path of the same length, our two secret " +
        "outputs, and registered like ours, so the same source position (about 80 bytes more per resource than the " +
        `floor). Ratios: ours ÷ floor (goal ≤ ${P1_GOAL.toFixed(2)}×), and ours ÷ width-matched floor, which leaves ` +
        "out what the width of our identity costs the engine. Per cycle: the lowest and highest of the cycles' own " +
        "ours ÷ floor, and how many met the goal (the spread one cycle can show). Calls: ESA API calls of ours in " +
        "that operation. The hostnames have SSL off, so `refresh` shares one " +
        "ListCustomHostnames listing per site; `refresh-get` is the same refresh with " +
        "`ALICLOUD_CERTS_ESA_LIST_READS=off`, one GetCustomHostname per hostname (what hostnames with SSL on cost), " +
        "against the floors' refresh. The fourth variant, a second stack of the floor, is in the next table.",
      "",
      "| N | Operation | ours | floor | width-matched floor | ours ÷ floor | per cycle | ours ÷ width-matched | ESA calls |",
      "|--:|---|--:|--:|--:|--:|--:|--:|--:|",
      ...p1.flatMap((row) =>
        P1_OPERATIONS.map((op) => {
          const { esa, noop, wide } = row.ms[op];
          const cells = [s(esa), s(noop), s(wide), times(esa, noop), spread(row.perCycle[op].esa)];
          return `| ${row.n} | ${op} | ${cells.join(" | ")} | ${times(esa, wide)} | ${row.calls[op].esa ?? "n/a"} |`;
        }),
      ),
      "",
      "### P1's A/A control: the floor against a second stack of itself",
      "",
      "The floor's program on a second stack, timed in the same cycles as the others. The two do the same work, so " +
        "how far copy ÷ floor strays from 1.00× is how far a ratio strays in this run with no difference in cost. " +
        "Per cycle: as above, the cycles' own copy ÷ floor. (`refresh-get` is left out: for the floors it is " +
        "`refresh` again.)",
      "",
      "| N | Operation | floor | floor's copy | copy ÷ floor | per cycle |",
      "|--:|---|--:|--:|--:|--:|",
      ...p1.flatMap((row) =>
        P1_OPERATIONS.filter((op) => op !== "refresh-get").map((op) => {
          const { noop, copy } = row.ms[op];
          return `| ${row.n} | ${op} | ${s(noop)} | ${s(copy)} | ${times(copy, noop)} | ${spread(row.perCycle[op].copy)} |`;
        }),
      ),
      "",
    );
  }
  if (ga.length > 0) {
    out.push(
      `### GA through the CLI: ${GA_DOMAINS} per-domain bindings vs one set resource, \`pulumi up --parallel P\``,
      "",
      `A fresh emulator per run, GA write (accelerator lock) ${GA_LOCK_MS / 1000} s. Ratio: per-domain ÷ set.`,
      "",
      "| --parallel | Variant | Wall time | Associate calls | GA calls | ratio |",
      "|--:|---|--:|--:|--:|--:|",
      ...ga.map((row) => {
        const set = ga.find((r) => r.variant === "set" && r.parallel === row.parallel);
        const ratio = row.variant === "set" || set === undefined ? "1.00×" : times(row.wallMs, set.wallMs);
        return `| ${row.parallel} | ${row.variant} | ${s(row.wallMs)} | ${row.writes} | ${row.calls} | ${ratio} |`;
      }),
      "",
    );
  }
  if (quota !== undefined) {
    out.push(
      `### The CreateCustomHostname quota through the CLI: ${QUOTA_HOSTNAMES} new hostnames`,
      "",
      `\`pulumi up\` of ${QUOTA_HOSTNAMES} \`esa.CustomHostname\` with the emulator's limit on (100 per hour) and ` +
        `its clock sped up so its hour lasts ${QUOTA_HOUR_REAL_MS / 1000} s (the provider's window set to match, ` +
        "`ALICLOUD_CERTS_ESA_CREATE_WINDOW_MS`). Times from the start of `pulumi up`.",
      "",
      '| First quota line | First "waits" line | Wall time | Hostnames created | Throttled calls |',
      "|--:|--:|--:|--:|--:|",
      `| ${s(quota.firstLineMs)} | ${s(quota.firstWaitMs)} | ${s(quota.wallMs)} | ${quota.created} of ${QUOTA_HOSTNAMES} | ${quota.throttled} |`,
      "",
    );
  }
  return out.join("\n");
}
