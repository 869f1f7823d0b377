/**
 * One property of the rules, as both the unit tier (`./property-suites.test.ts`) and the hardening figures
 * (`bench/hardening-counts.ts`) run it: a name, the input kind it covers, its number of generated runs, and how to run
 * it. fast-check's `check` (not `assert`) is used so the figures can count runs and report a counterexample alike.
 */
import fc from "fast-check";

/** What one run of a property found. */
export interface PropertyOutcome {
  /** Generated inputs tried. */
  readonly runs: number;
  readonly failed: boolean;
  /** fast-check's report (counterexample, seed and path to replay it) when it failed. */
  readonly report: string;
}

/** A property of the rules. */
export interface RuleProperty {
  /** The test name (the rules table in docs/rules.md points at it). */
  readonly name: string;
  /** The input kind or resource it covers: `hostname`, `number`, `esa.CustomHostname`, … */
  readonly kind: string;
  /** Generated runs in the unit tier. */
  readonly runs: number;
  /** Run it with `numRuns` generated inputs. */
  readonly run: (numRuns: number) => Promise<PropertyOutcome>;
}

/** The outcome of fast-check's run: the counterexample and the assertion that failed on it. */
function outcome<Ts>(details: fc.RunDetails<Ts>): PropertyOutcome {
  if (!details.failed) return { runs: details.numRuns, failed: false, report: "" };
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return {
    runs: details.numRuns,
    failed: true,
    report: `${fc.defaultReportMessage(details) ?? "failed"}\nfailed assertion: ${error}`,
  };
}

/** Run an async property and summarize it. */
export async function runProperty<Ts>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<PropertyOutcome> {
  return outcome(await fc.check(property, { numRuns }));
}

/** Run a synchronous property and summarize it. */
export function runSyncProperty<Ts>(property: fc.IProperty<Ts>, numRuns: number): PropertyOutcome {
  return outcome(fc.check(property, { numRuns }));
}
