/**
 * The command line of `alicloud-certs status`: its options, their rules and the usage text. A bad option is a usage
 * error (exit status 2) naming the option, the value as typed and the rule.
 */
import { parseArgs } from "node:util";
import { DEFAULT_METRIC_PREFIX, METRIC_NAME } from "./prometheus";
import { type StateSource } from "./stack-state";

/** Exit statuses. */
export const EXIT = {
  /** No alarm. */
  ok: 0,
  /** At least one alarm (the report says which and why). */
  alarm: 1,
  /** A bad command line. */
  usage: 2,
  /** The state, the clock or the cloud could not be read: no report. */
  failure: 3,
} as const;

export const STATUS_USAGE = `Usage: alicloud-certs status [--stack NAME] [--cwd DIR] [--file PATH|-]
                             [--json | --prometheus [--metric-prefix PREFIX]] [--output PATH]
                             [--warn-days N] [--live]

Reports every certificate of pulumi-alicloud-certs in a stack: domain, order, state, notAfter, when renewal is
due, days left, and whether each consumer (ESA hostname, GA binding) serves the newest certificate the stack holds.
Reads \`pulumi stack export\` (no secret is decrypted, no cloud API is called unless --live).

  --stack NAME        the stack to read (default: the current stack of the Pulumi project in --cwd)
  --cwd DIR           the Pulumi project directory (default: the working directory)
  --file PATH|-       read a saved \`pulumi stack export\` instead of running pulumi (- reads standard input)
  --json              print the report as JSON (schema version 1)
  --prometheus        print Prometheus text format for the node_exporter textfile collector
  --metric-prefix P   prefix of the metric names (default ${DEFAULT_METRIC_PREFIX}; certmanager_ gives cert-manager's)
  --output PATH       write the output to PATH atomically (a temporary file renamed over it) instead of stdout
  --warn-days N       alarm when a certificate expires within N days (default 7)
  --live              check the report against the cloud, one read per object (credentials, region and
                      endpoints from the environment, as the provider reads them: ALICLOUD_ACCESS_KEY and
                      ALICLOUD_SECRET_KEY, or the Alibaba Cloud default chain; ALICLOUD_CERTS_ENDPOINT)

Exit status: 0 no alarm; 1 an alarm: a certificate past its renewal time with no renewal in flight (or whose
renewal stalled), expiring within --warn-days or expired, revoked, or a consumer serving an older certificate
than the stack's newest for its domain (and with --live, drift from the state); 2 a bad command line; 3 the state,
the clock or the cloud could not be read. The time is the provider's clock (ALICLOUD_CERTS_CLOCK_URL when set).`;

/** The options, checked. */
export interface StatusOptions {
  readonly source: StateSource;
  readonly format: "table" | "json" | "prometheus";
  readonly metricPrefix: string;
  readonly output: string | undefined;
  readonly warnDays: number;
  readonly live: boolean;
  readonly help: boolean;
}

/** A bad command line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** The largest `--warn-days`: a year (no public certificate lives longer than 398 days). */
const MAX_WARN_DAYS = 398;

/** Parse the arguments after `status`. */
export function parseStatusOptions(argv: readonly string[]): StatusOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        stack: { type: "string", short: "s" },
        cwd: { type: "string", short: "C" },
        file: { type: "string" },
        json: { type: "boolean" },
        prometheus: { type: "boolean" },
        "metric-prefix": { type: "string" },
        output: { type: "string", short: "o" },
        "warn-days": { type: "string" },
        live: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error: unknown) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.json === true && values.prometheus === true)
    throw new UsageError("--json and --prometheus exclude each other");
  if (values.file !== undefined && (values.stack !== undefined || values.cwd !== undefined))
    throw new UsageError("--file reads a saved export: it takes no --stack or --cwd");
  const warnText = values["warn-days"];
  const warnDays = warnText === undefined ? 7 : Number(warnText);
  if (warnText !== undefined && (!/^\d+(\.\d+)?$/.test(warnText.trim()) || warnDays > MAX_WARN_DAYS))
    throw new UsageError(
      `--warn-days must be a number of days from 0 to ${MAX_WARN_DAYS}, got ${JSON.stringify(warnText)}`,
    );
  const prefix = values["metric-prefix"] ?? DEFAULT_METRIC_PREFIX;
  if (!METRIC_NAME.test(prefix))
    throw new UsageError(`--metric-prefix must match [a-zA-Z_:][a-zA-Z0-9_:]*, got ${JSON.stringify(prefix)}`);
  if (values["metric-prefix"] !== undefined && values.prometheus !== true)
    throw new UsageError("--metric-prefix applies to --prometheus only");
  return {
    source:
      values.file !== undefined
        ? { kind: "file", path: values.file }
        : { kind: "pulumi", stack: values.stack, cwd: values.cwd },
    format: values.json === true ? "json" : values.prometheus === true ? "prometheus" : "table",
    metricPrefix: prefix,
    output: values.output,
    warnDays,
    live: values.live === true,
    help: values.help === true,
  };
}
