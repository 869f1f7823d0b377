/**
 * The report in the Prometheus text exposition format 0.0.4, which the node_exporter textfile collector reads
 * (prometheus.io/docs/instrumenting/exposition_formats/): `# HELP` and `# TYPE` lines, then `name{label="value"} value`
 * samples; label values escape `\`, `"` and newlines, HELP text escapes `\` and newlines; no timestamps (the textfile
 * collector refuses them).
 *
 * Metric names and labels follow cert-manager's certificate collector (`certmanager_certificate_*`, labels `name`,
 * `namespace`, `issuer_name`, `issuer_kind`, `issuer_group`, and `condition` for the ready status), under the prefix
 * `alicloud_certs_` by default (`--metric-prefix certmanager_` gives cert-manager's own names, so its alert rules
 * and dashboards apply as they are). The mapping: `namespace` is the stack, `name` the resource's name in the
 * program, `issuer_name` CAS's product code (or `free` for ESA's), `issuer_kind` `CAS` or `ESA`, `issuer_group`
 * `alibabacloud.com`; one label is added, `project`. Where cert-manager writes 0 for an unknown time, no sample is
 * written: an absent series is not an instant in 1970.
 *
 * Written by hand rather than with prom-client: a registry, collectors and a default global would be a runtime
 * dependency for a dozen lines of text, and the format is small and fixed.
 */
import { type CertificateReport, type ConsumerVerdict, type StatusReport } from "./report";

/** The default prefix of every metric name. */
export const DEFAULT_METRIC_PREFIX = "alicloud_certs_";

/** A metric name (or prefix) as the exposition format allows it: `[a-zA-Z_:][a-zA-Z0-9_:]*`. */
export const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/** Escape a label value: backslash, double quote and line feed. */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** Escape HELP text: backslash and line feed. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

type Labels = readonly (readonly [string, string])[];

function sample(name: string, labels: Labels, value: number): string {
  const rendered = labels.map(([key, v]) => `${key}="${escapeLabelValue(v)}"`).join(",");
  return `${name}${rendered === "" ? "" : `{${rendered}}`} ${String(value)}`;
}

/**
 * cert-manager's ready condition of a certificate: False on an alarm about it or on a consumer serving an older
 * certificate than it, Unknown before the first issuance, else True.
 */
function readyCondition(certificate: CertificateReport, report: StatusReport): "True" | "False" | "Unknown" {
  const older = report.consumers.some((c) => c.verdict === "older" && certificate.consumers.includes(c.name));
  const about = report.alarms.some((a) => a.subject === certificate.name && a.kind !== "consumer-older");
  if (older || about) return "False";
  return certificate.notAfter === undefined ? "Unknown" : "True";
}

function consumerCondition(verdict: ConsumerVerdict): "True" | "False" | "Unknown" {
  if (verdict === "current" || verdict === "external") return "True";
  return verdict === "older" ? "False" : "Unknown";
}

const CONDITIONS = ["True", "False", "Unknown"] as const;

/** The exposition text of a report, ending with a newline. */
export function renderPrometheus(report: StatusReport, prefix: string = DEFAULT_METRIC_PREFIX): string {
  if (!METRIC_NAME.test(prefix)) throw new Error(`metric prefix ${JSON.stringify(prefix)} is not a metric name`);
  const out: string[] = [];
  const family = (name: string, help: string, samples: readonly string[]): void => {
    out.push(`# HELP ${prefix}${name} ${escapeHelp(help)}`, `# TYPE ${prefix}${name} gauge`, ...samples);
  };
  const stackLabels: Labels = [
    ["namespace", report.stack ?? ""],
    ["project", report.project ?? ""],
  ];
  const certLabels = (c: CertificateReport): Labels => [
    ["name", c.name],
    ...stackLabels,
    ["issuer_name", c.issuer.name],
    ["issuer_kind", c.issuer.kind],
    ["issuer_group", c.issuer.group],
  ];
  const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
  /** A family of one Unix timestamp per certificate, for the certificates that have the time `at` picks. */
  const timestamps = (name: string, help: string, at: (c: CertificateReport) => string | undefined): void =>
    family(
      name,
      help,
      report.certificates.flatMap((c) => {
        const iso = at(c);
        return iso === undefined ? [] : [sample(`${prefix}${name}`, certLabels(c), seconds(iso))];
      }),
    );
  timestamps(
    "certificate_expiration_timestamp_seconds",
    "The timestamp after which the certificate expires, expressed in Unix Epoch Time.",
    (c) => c.notAfter,
  );
  timestamps(
    "certificate_renewal_timestamp_seconds",
    "The timestamp after which the certificate should be renewed, expressed in Unix Epoch Time.",
    (c) => c.renewalDue,
  );
  family(
    "certificate_ready_status",
    "The ready status of the certificate: issued, renewal on time, not expiring, every consumer serving the newest.",
    report.certificates.flatMap((c) => {
      const status = readyCondition(c, report);
      return CONDITIONS.map((condition) =>
        sample(
          `${prefix}certificate_ready_status`,
          [...certLabels(c), ["condition", condition]],
          condition === status ? 1 : 0,
        ),
      );
    }),
  );
  family(
    "consumer_ready_status",
    "Whether the consumer (ESA hostname or GA binding) serves the newest certificate the stack holds for its domain.",
    report.consumers.flatMap((c) =>
      CONDITIONS.map((condition) =>
        sample(
          `${prefix}consumer_ready_status`,
          [
            ["name", c.name],
            ...stackLabels,
            ["condition", condition],
            ["kind", c.kind],
            ["domain", c.domain],
            ["certificate", c.certificate ?? ""],
          ],
          condition === consumerCondition(c.verdict) ? 1 : 0,
        ),
      ),
    ),
  );
  family(
    "status_alarms",
    "The number of alarms of the status report (its exit status is non-zero when this is above 0).",
    [sample(`${prefix}status_alarms`, stackLabels, report.alarms.length)],
  );
  return `${out.join("\n")}\n`;
}
