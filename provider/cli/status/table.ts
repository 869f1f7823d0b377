/** The report as a table for people: certificates with their orders, consumers, then the alarms and why. */
import { type StatusReport } from "./report";

/** `2027-03-07T00:59:12Z`: an instant to the second. */
function when(iso: string | undefined, estimated = false): string {
  if (iso === undefined) return "-";
  return `${estimated ? "~" : ""}${iso.replace(/\.\d{3}Z$/, "Z")}`;
}

/** Pad every column to its widest cell (the last column is not padded). */
export function columns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}

/** The whole table text, ending with a newline. */
export function renderTable(report: StatusReport): string {
  const lines: string[] = [];
  const stack = [report.project, report.stack].filter((p) => p !== undefined).join("/") || "(empty stack)";
  lines.push(
    `Stack ${stack} at ${when(report.now)}${report.live ? ", checked live" : ""} ` +
      `(alarm within ${report.warnDays} days of expiry)${report.runInProgress ? "; a pulumi run is in progress" : ""}`,
    "",
  );
  if (report.certificates.length === 0) lines.push("No certificate of pulumi-alicloud-certs in this stack.");
  else {
    const rows: string[][] = [
      ["CERTIFICATE", "DOMAIN", "ORDER", "STATE", "NOT AFTER", "RENEWAL DUE", "DAYS LEFT", "RENEWAL"],
    ];
    const reasons = new Map<number, string>();
    for (const certificate of report.certificates) {
      const orders = certificate.orders.length === 0 ? [undefined] : [...certificate.orders].reverse();
      orders.forEach((order, i) => {
        const first = i === 0;
        rows.push([
          first ? certificate.name : "",
          first ? (certificate.domain ?? "-") : "",
          order === undefined ? `(${certificate.issuer.kind} ${certificate.issuer.name})` : order.orderId,
          order?.state ?? "-",
          when(order === undefined ? certificate.notAfter : order.notAfter),
          when(
            order === undefined ? certificate.renewalDue : order.renewalDue,
            order === undefined ? certificate.renewalDueEstimated : order.renewalDueEstimated,
          ),
          first && certificate.daysLeft !== undefined ? certificate.daysLeft.toFixed(1) : first ? "-" : "",
          first ? certificate.renewal : order?.role === "replaced" ? "(replaced, pending deletion)" : "",
        ]);
      });
      reasons.set(rows.length - 1, certificate.reason);
    }
    columns(rows).forEach((line, i) => {
      lines.push(line);
      const reason = reasons.get(i);
      if (reason !== undefined) lines.push(`  ${reason}`);
    });
  }
  if (report.consumers.length > 0) {
    lines.push("");
    lines.push(
      ...columns([
        ["CONSUMER", "KIND", "DOMAIN", "SERVES", "NEWEST", "SERVES NEWEST"],
        ...report.consumers.map((c) => [
          c.name,
          c.kind,
          c.domain,
          c.serves,
          c.newest ?? "-",
          c.verdict === "current" ? "yes" : c.verdict === "older" ? "NO: older" : c.verdict,
        ]),
      ]),
    );
    for (const c of report.consumers.filter((row) => row.verdict !== "current")) lines.push(`  ${c.name}: ${c.reason}`);
  }
  for (const note of report.notes) lines.push("", `Note: ${note}`);
  lines.push("");
  if (report.alarms.length === 0) lines.push("OK: no alarm.");
  else {
    lines.push(`ALARM: ${report.alarms.length} ${report.alarms.length === 1 ? "problem" : "problems"}:`);
    for (const alarm of report.alarms) lines.push(`  [${alarm.kind}] ${alarm.message}`);
  }
  return `${lines.join("\n")}\n`;
}
