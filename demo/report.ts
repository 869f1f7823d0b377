/**
 * What the demo prints after the renewal run and after destroy, read from the stack outputs and the emulator: what was
 * renewed, what every consumer served meanwhile, in which order the calls went, and what is left.
 */
import { type RequestLogEntry, type ServingAnalysis, type ServingReport } from "../emulator";

/** The stack outputs the report reads (see demo/program/index.ts). */
interface DemoOutputs {
  readonly certificate: { orderId?: string; certId?: string; notAfter?: string };
  readonly hostnameStates: Record<string, { hostnameId?: string; certStatus?: string; certNotAfter?: string }>;
  readonly listenerBindings: Record<string, string>;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** Narrow `pulumi stack output --json` to what the report reads; missing parts are empty. */
export function demoOutputs(outputs: Record<string, unknown>): DemoOutputs {
  return {
    certificate: record(outputs["certificate"]) as DemoOutputs["certificate"],
    hostnameStates: record(outputs["hostnameStates"]) as DemoOutputs["hostnameStates"],
    listenerBindings: record(outputs["listenerBindings"]) as DemoOutputs["listenerBindings"],
  };
}

const day = (iso: string | undefined): string => iso?.slice(0, 10) ?? "?";

/** One line per thing that changed between two runs' outputs: the certificate, each hostname, each GA binding. */
export function renewedLines(before: DemoOutputs, after: DemoOutputs): string[] {
  const lines: string[] = [];
  const [b, a] = [before.certificate, after.certificate];
  lines.push(
    `CAS order ${b.orderId ?? "?"} → ${a.orderId ?? "?"}: certificate ${b.certId ?? "?"} (ends ${day(b.notAfter)}) → ` +
      `${a.certId ?? "?"} (ends ${day(a.notAfter)})`,
  );
  for (const [hostname, now] of Object.entries(after.hostnameStates)) {
    const was = before.hostnameStates[hostname] ?? {};
    const same = was.hostnameId === now.hostnameId ? "same HostnameId, updated in place" : "REPLACED";
    const renewed = was.certNotAfter !== now.certNotAfter ? "renewed" : "NOT renewed";
    lines.push(
      `ESA ${hostname}: ${renewed}, certificate ends ${day(was.certNotAfter)} → ${day(now.certNotAfter)} ` +
        `(${now.certStatus ?? "?"}; ${same})`,
    );
  }
  for (const [domain, now] of Object.entries(after.listenerBindings)) {
    const was = before.listenerBindings[domain];
    lines.push(`GA ${domain}: ${was ?? "?"} → ${now} (${was === now ? "NOT renewed" : "updated in place"})`);
  }
  return lines;
}

/** Whether every line of {@link renewedLines} reports a renewal in place. */
export function allRenewedInPlace(lines: readonly string[]): boolean {
  return lines.every((line) => !/NOT renewed|REPLACED/.test(line));
}

/** The serving analysis in a few lines: consumers, periods, gaps and invalid certificates (all must be 0). */
export function servingLines(analysis: ServingAnalysis, report: ServingReport): string[] {
  const gaps = analysis.violations.filter((v) => v.kind === "gap").length;
  const invalid = analysis.violations.length - gaps;
  const lines = [`${analysis.consumers} consumers judged: ${gaps} gaps, ${invalid} invalid (revoked, expired, …)`];
  for (const timeline of report.consumers) {
    const served = timeline.periods.filter((p) => p.state === "serving");
    const certs = served.map((p) => `${p.certificate?.casCertId ?? p.certificate?.esaCertId ?? "?"}`);
    const states = timeline.periods.map((p) => p.state).join(" → ");
    lines.push(`  ${timeline.key}: ${states}; served ${[...new Set(certs)].join(" then ")}`);
  }
  for (const violation of analysis.violations) lines.push(`  VIOLATION ${violation.kind}: ${violation.detail}`);
  return lines;
}

/** Consumer writes of the renewal run, and the revocation of the old certificate, in the order the emulator saw them. */
export function callOrderLine(entries: readonly RequestLogEntry[]): string {
  const interesting = new Set([
    "CreateCertificateWithCsrRequest",
    "UpdateCustomHostname",
    "ApplyCustomHostnameCertificate",
    "UpdateAdditionalCertificateWithListener",
    "CancelCertificateForPackageRequest",
  ]);
  const calls = entries.filter((e) => e.outcome === "ok" && e.action !== null && interesting.has(e.action));
  return calls.map((e) => e.action).join(" → ");
}

/** Whether the old certificate was revoked only after the last consumer write (an empty list proves nothing). */
export function revokedAfterConsumers(entries: readonly RequestLogEntry[]): boolean {
  const ok = entries.filter((e) => e.outcome === "ok");
  const revoke = ok.findIndex((e) => e.action === "CancelCertificateForPackageRequest");
  const writes = ok
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.action === "UpdateCustomHostname" || e.action === "UpdateAdditionalCertificateWithListener");
  const lastWrite = writes.at(-1)?.index ?? -1;
  return revoke >= 0 && lastWrite >= 0 && lastWrite < revoke;
}

/**
 * What the stack could have left in the emulator: hostnames, listener bindings, orders still live (a revoked order
 * stays listed, as in CAS, with its quota released) and published DNS records.
 */
export function leftovers(objects: Partial<Record<string, unknown>>, publishedRecords: number): string {
  const section = (product: string, key: string): unknown[] => {
    const value = record(objects[product])[key];
    return Array.isArray(value) ? value : [];
  };
  const bindings = Object.values(record(record(objects["ga"])["bindings"])).flat().length;
  const hostnames = section("esa", "hostnames").length;
  const orders = section("cas", "orders").filter((o) => record(o)["quotaReleased"] !== true).length;
  return hostnames + orders + bindings + publishedRecords === 0
    ? "nothing"
    : `${hostnames} hostnames, ${orders} live orders, ${bindings} bindings, ${publishedRecords} DNS records`;
}
