/** Scenario 5's Markdown: the renewal figures per N and variant, and the ratios baseline ÷ ours from the same run. */
import { type RenewalRun, type RenewalVariant } from "./renewal";

/** The runs of one N and variant. */
export interface RenewalCell {
  readonly n: number;
  readonly variant: RenewalVariant;
  readonly runs: RenewalRun[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/** Downtime to the millisecond: a replace on the emulator leaves a consumer bare for milliseconds to a second. */
function downtime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

function ratio(a: number, b: number): string {
  if (b === 0) return a === 0 ? "–" : `${a.toFixed(2)} vs 0`;
  const r = a / b;
  return `${Number(r.toFixed(1)) < 10 ? r.toFixed(1) : r.toFixed(0)}×`;
}

/** Median wall time of a cell. */
const wallOf = (cell: RenewalCell): number => median(cell.runs.map((r) => r.wallMs));
/** Median of the per-run mean downtime per consumer. */
const meanDowntimeOf = (cell: RenewalCell): number => median(cell.runs.map((r) => mean(r.downtimeMs)));
/** Worst downtime of any consumer in any run. */
const maxDowntimeOf = (cell: RenewalCell): number => Math.max(0, ...cell.runs.flatMap((r) => r.downtimeMs));
const perConsumer = (cell: RenewalCell, key: "calls" | "writes"): number =>
  median(cell.runs.map((r) => r[key])) / cell.n;

function mix(run: RenewalRun | undefined): string {
  if (run === undefined) return "?";
  return `${run.kinds["esa-upload"]} / ${run.kinds["esa-cas"]} / ${run.kinds["ga-binding"]}`;
}

/** The figures table. */
export function renewalFiguresTable(cells: readonly RenewalCell[]): string {
  const rows = cells.map((c) => {
    const walls = c.runs.map((r) => r.wallMs / 1000);
    return [
      c.n,
      mix(c.runs[0]),
      c.variant === "update" ? "update in place (ours)" : "replace: delete, then create",
      seconds(wallOf(c)),
      `${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} s (${c.runs.length} runs)`,
      perConsumer(c, "calls").toFixed(2),
      perConsumer(c, "writes").toFixed(2),
      downtime(meanDowntimeOf(c)),
      downtime(maxDowntimeOf(c)),
      median(c.runs.map((r) => r.violations)),
    ].join(" | ");
  });
  return [
    "| N | ESA upload / ESA cas / GA | Variant | Wall time (median) | Spread | API calls per consumer | Writes per consumer | Downtime per consumer (mean) | Worst consumer | Serving violations |",
    "|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

/** The ratios table, baseline ÷ ours, per N. */
export function renewalRatiosTable(cells: readonly RenewalCell[]): string {
  const rows: string[] = [];
  for (const ours of cells.filter((c) => c.variant === "update")) {
    const base = cells.find((c) => c.variant === "replace" && c.n === ours.n);
    if (base === undefined) continue;
    rows.push(
      [
        ours.n,
        ratio(wallOf(base), wallOf(ours)),
        ratio(perConsumer(base, "calls"), perConsumer(ours, "calls")),
        ratio(perConsumer(base, "writes"), perConsumer(ours, "writes")),
        `${downtime(meanDowntimeOf(ours))} vs ${downtime(meanDowntimeOf(base))}`,
      ].join(" | "),
    );
  }
  return [
    "| N | Wall time | API calls per consumer | Writes per consumer | Downtime per consumer, ours vs baseline |",
    "|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}
