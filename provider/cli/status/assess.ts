/**
 * The assessment: from the stack's facts and the time, where each certificate's renewal stands, whether each
 * consumer serves the newest certificate the stack holds for its domain, and the alarms. Pure (the clock and the
 * wall-clock time are arguments), so every scenario is a unit test.
 *
 * Certificates follow cert-manager's split by concern (STYLE.md §10): the trigger (is it due?), the issuing (is a new
 * order in flight, or has it stalled?) and the readiness (does every consumer serve the newest?).
 */
import { nameCovers } from "./certificate-pem";
import {
  type ConsumerFacts,
  type FreeCertificateFacts,
  type HeldCertificate,
  type OrderFacts,
  type StackFacts,
} from "./facts";
import {
  type Alarm,
  type CertificateReport,
  type ConsumerRow,
  type ExpiryStatus,
  type OrderRow,
  type RenewalStatus,
  type StatusReport,
} from "./report";
import { DAY_MS, estimatedRenewalDue } from "./renewal-window";

/** What the assessment needs besides the facts. */
export interface AssessOptions {
  /** The provider's clock: the system clock, or the emulator's (`ALICLOUD_CERTS_CLOCK_URL`). */
  readonly now: Date;
  /** The wall-clock time of this machine, to tell a run in progress from a dead one's leftovers. */
  readonly wallClock: Date;
  /** An alarm when a certificate expires within this many days. */
  readonly warnDays: number;
  readonly live?: boolean;
  /** Alarms and notes found by a live read. */
  readonly liveAlarms?: readonly Alarm[];
  readonly liveNotes?: readonly string[];
}

/**
 * Pending operations in a checkpoint older than this are a dead run's leftovers, not a run in progress: no resource
 * of this package waits longer than two days (the largest `timeoutSeconds` and `issuanceTimeoutSeconds`, 172 800 s),
 * and the engine writes a checkpoint after every step.
 */
export const LIVE_RUN_MAX_AGE_MS = 2 * DAY_MS;

/** ESA re-applies a free certificate under a plain `pulumi up` once it expires within 30 days (README, ESA). */
const FREE_CERT_RENEW_BEFORE_MS = 30 * DAY_MS;

const ISSUER_GROUP = "alibabacloud.com";

/** `2027-03-07T00:59:12Z`: an instant as messages show it (to the second). */
function iso(instant: string): string {
  return instant.replace(/\.\d{3}Z$/, "Z");
}

function daysLeft(notAfter: string | undefined, now: Date): number | undefined {
  if (notAfter === undefined) return undefined;
  return Math.floor(((Date.parse(notAfter) - now.getTime()) / DAY_MS) * 10) / 10;
}

function expiryOf(notAfter: string | undefined, now: Date, warnDays: number): ExpiryStatus {
  if (notAfter === undefined) return "none";
  const end = Date.parse(notAfter);
  if (now.getTime() >= end) return "expired";
  return end - now.getTime() < warnDays * DAY_MS ? "expiring" : "valid";
}

/** The newest of some certificates: the latest notAfter. */
function newestOf(certificates: readonly HeldCertificate[]): HeldCertificate | undefined {
  return [...certificates].sort((a, b) => Date.parse(b.notAfter) - Date.parse(a.notAfter))[0];
}

/** `certificate "name" (domain, order N)`: how a message names a certificate resource. */
function certificateLabel(name: string, domain: string | undefined, orderId?: string): string {
  const detail = [domain, orderId === undefined ? undefined : `order ${orderId}`].filter((p) => p !== undefined);
  return `certificate "${name}"${detail.length === 0 ? "" : ` (${detail.join(", ")})`}`;
}

/** The due instant of an issued order: recorded, else computed the same way. */
function dueOf(order: OrderFacts): { due: string | undefined; estimated: boolean } {
  if (order.renewalDue !== undefined) return { due: order.renewalDue, estimated: false };
  if (order.certificate === undefined || order.adopted) return { due: undefined, estimated: false };
  const due = estimatedRenewalDue(order.certificate.notBefore, order.certificate.notAfter, order.renewBeforeDays);
  return { due, estimated: due !== undefined };
}

interface RunState {
  /** A run is working on the stack now. */
  readonly inProgress: boolean;
  /** A run died and left pending operations. */
  readonly lost: boolean;
}

/** The orders of one resource (old and new share its URN), the current one last. */
function lineages(orders: readonly OrderFacts[]): OrderFacts[][] {
  const byUrn = new Map<string, OrderFacts[]>();
  for (const order of orders) byUrn.set(order.urn, [...(byUrn.get(order.urn) ?? []), order]);
  return [...byUrn.values()].map((group) =>
    [...group].sort((a, b) => Number(b.pendingDeletion) - Number(a.pendingDeletion)),
  );
}

function orderRow(order: OrderFacts): OrderRow {
  const { due, estimated } = dueOf(order);
  return {
    orderId: order.orderId,
    state: order.state,
    certId: order.certificate?.certId,
    notAfter: order.certificate?.notAfter,
    renewalDue: due,
    renewalDueEstimated: estimated,
    role: order.pendingDeletion ? "replaced" : "current",
  };
}

/** Where one certificate resource's renewal stands, with its alarms. */
function assessOrders(
  group: readonly OrderFacts[],
  run: RunState,
  options: AssessOptions,
): { report: Omit<CertificateReport, "consumers">; alarms: Alarm[] } {
  const current = group.at(-1) as OrderFacts;
  const replaced = group.filter((o) => o.pendingDeletion);
  const issued = group.map((o) => o.certificate).filter((c): c is HeldCertificate => c !== undefined);
  const serving = newestOf(issued);
  const servingOrder = group.find((o) => o.certificate !== undefined && o.certificate === serving);
  const domain = current.commonName ?? servingOrder?.commonName;
  const now = options.now;
  const alarms: Alarm[] = [];
  const label = certificateLabel(current.name, domain, servingOrder?.orderId ?? current.orderId);
  const { due, estimated } = servingOrder === undefined ? { due: undefined, estimated: false } : dueOf(servingOrder);
  const dueText =
    due === undefined ? "" : `${iso(due)}${estimated ? " (computed; the next pulumi up records it)" : ""}`;
  const renewalOff = current.adopted || (current.renewBeforeDays !== undefined && current.renewBeforeDays <= 0);

  let renewal: RenewalStatus;
  let reason: string;
  if (current.certificate !== undefined) {
    if (renewalOff) {
      renewal = "off";
      reason = current.adopted ? "adopted order: never renewed by this stack" : "renewal is off (renewBeforeDays: 0)";
    } else if (due !== undefined && now.getTime() >= Date.parse(due)) {
      renewal = "due";
      reason = `renewal was due ${dueText} and no renewal is in flight`;
      alarms.push({
        kind: "renewal-overdue",
        subject: current.name,
        message:
          `${label}: past its renewal time (${dueText}) and no renewal is in flight: the scheduled plain ` +
          "`pulumi up` has not run since then, or has not reached this stack",
      });
    } else {
      renewal = "scheduled";
      reason = due === undefined ? "issued" : `renewal due ${dueText}`;
    }
  } else {
    const placed = `order ${current.orderId} (${current.state})`;
    const lastRunFailed =
      current.failure !== undefined || current.state === "verify_fail" || replaced.length > 0 || run.lost;
    if (current.state === "unknow" || current.state === "payed") {
      renewal = "revoked";
      reason = `order ${current.orderId} was revoked or cancelled (${current.state}); the next pulumi up orders a new one`;
      alarms.push({ kind: "revoked", subject: current.name, message: `${label}: ${reason}` });
    } else if (run.inProgress) {
      renewal = serving === undefined ? "issuing" : "in-flight";
      reason = `${serving === undefined ? "first issuance" : "renewal"} in flight: ${placed}, a pulumi run is working on it`;
    } else if (lastRunFailed) {
      renewal = "stalled";
      const why =
        current.failure ??
        (current.state === "verify_fail"
          ? "the CA rejected the validation (verify_fail); the next pulumi up orders a new one"
          : run.lost
            ? "a pulumi run died and left pending operations (README: Recovering from a lost run)"
            : `the last pulumi run ended before it was issued; order ${replaced.map((o) => o.orderId).join(", ")} waits for deletion`);
      reason = `${serving === undefined ? "first issuance" : "renewal"} stalled: ${placed}: ${why}`;
      alarms.push({
        kind: serving === undefined ? "issuance-stalled" : "renewal-stalled",
        subject: current.name,
        message: `${certificateLabel(current.name, domain)}: ${reason}`,
      });
    } else {
      renewal = serving === undefined ? "issuing" : "in-flight";
      reason = `${serving === undefined ? "first issuance" : "renewal"} in flight: ${placed}; the next pulumi up records its issuance`;
    }
  }

  const expiry = expiryOf(serving?.notAfter, now, options.warnDays);
  if (expiry === "expired" && serving !== undefined) {
    alarms.push({ kind: "expired", subject: current.name, message: `${label}: expired ${iso(serving.notAfter)}` });
  } else if (expiry === "expiring" && serving !== undefined) {
    alarms.push({
      kind: "expiring",
      subject: current.name,
      message: `${label}: expires ${iso(serving.notAfter)}, in ${daysLeft(serving.notAfter, now)} days (within --warn-days ${options.warnDays})`,
    });
  }
  return {
    report: {
      name: current.name,
      urn: current.urn,
      type: "cas.DvCertificateOrder",
      domain,
      issuer: { name: current.productCode, kind: "CAS", group: ISSUER_GROUP },
      certId: serving?.certId,
      notAfter: serving?.notAfter,
      renewalDue: due,
      renewalDueEstimated: estimated,
      daysLeft: daysLeft(serving?.notAfter, now),
      renewal,
      expiry,
      reason,
      orders: group.map(orderRow),
    },
    alarms,
  };
}

/** An ESA free certificate: ESA issues and renews it; a plain `up` re-applies it within 30 days of expiry. */
function assessFree(
  free: FreeCertificateFacts,
  options: AssessOptions,
): { report: CertificateReport; alarms: Alarm[] } {
  const now = options.now;
  const due =
    free.notAfter === undefined
      ? undefined
      : new Date(Date.parse(free.notAfter) - FREE_CERT_RENEW_BEFORE_MS).toISOString();
  const label = certificateLabel(free.name, free.hostname);
  const alarms: Alarm[] = [];
  let renewal: RenewalStatus;
  let reason: string;
  if (free.certStatus === "Applying") {
    renewal = free.notAfter === undefined ? "issuing" : "in-flight";
    reason = "ESA is applying for the certificate (Applying)";
  } else if (free.certStatus === "ApplyFailed") {
    renewal = "stalled";
    reason = "ESA's application failed (ApplyFailed); see the hostname's certApplyMessage";
    alarms.push({
      kind: free.notAfter === undefined ? "issuance-stalled" : "renewal-stalled",
      subject: free.name,
      message: `${label}: ${reason}`,
    });
  } else if (due !== undefined && now.getTime() >= Date.parse(due)) {
    renewal = "due";
    reason = `renewal was due ${iso(due)} and ESA has not started it`;
    alarms.push({
      kind: "renewal-overdue",
      subject: free.name,
      message: `${label}: past its renewal time (${iso(due)}) and no renewal is in flight: the scheduled plain \`pulumi up\` has not run since then`,
    });
  } else {
    renewal = free.notAfter === undefined ? "issuing" : "scheduled";
    reason = due === undefined ? `certificate status ${free.certStatus ?? "unknown"}` : `renewal due ${iso(due)}`;
  }
  const expiry = expiryOf(free.notAfter, now, options.warnDays);
  if (expiry === "expired")
    alarms.push({ kind: "expired", subject: free.name, message: `${label}: expired ${iso(free.notAfter ?? "")}` });
  else if (expiry === "expiring")
    alarms.push({
      kind: "expiring",
      subject: free.name,
      message: `${label}: expires ${iso(free.notAfter ?? "")}, in ${daysLeft(free.notAfter, now)} days (within --warn-days ${options.warnDays})`,
    });
  return {
    report: {
      name: free.name,
      urn: free.urn,
      type: "esa.CustomHostname (free)",
      domain: free.hostname,
      issuer: { name: "free", kind: "ESA", group: ISSUER_GROUP },
      certId: undefined,
      notAfter: free.notAfter,
      renewalDue: due,
      renewalDueEstimated: false,
      daysLeft: daysLeft(free.notAfter, now),
      renewal,
      expiry,
      reason,
      orders: [],
      consumers: [],
    },
    alarms,
  };
}

/** How a row names a certificate: its CAS certId, else the order id. */
function certificateName(certificate: HeldCertificate): string {
  return certificate.certId ?? `order ${certificate.orderId}`;
}

/** Whether a consumer serves `held`. */
function servesHeld(consumer: ConsumerFacts, held: HeldCertificate): boolean {
  const served = consumer.served;
  if (served.certId !== undefined && held.certId !== undefined) return served.certId === held.certId;
  if (served.fingerprint !== undefined && held.fingerprint !== undefined)
    return served.fingerprint === held.fingerprint;
  return false;
}

/** Whether a consumer serves the newest certificate the stack holds for its domain. */
function assessConsumer(
  consumer: ConsumerFacts,
  held: readonly HeldCertificate[],
  names: ReadonlyMap<string, string>,
  run: RunState,
): { row: ConsumerRow; alarm: Alarm | undefined; lineage: string | undefined } {
  const verdict = judgeConsumer(consumer, held, names, run);
  const covering = held.filter((c) => c.names.some((name) => nameCovers(name, consumer.domain)));
  return { ...verdict, lineage: newestOf(covering)?.lineage };
}

function judgeConsumer(
  consumer: ConsumerFacts,
  held: readonly HeldCertificate[],
  names: ReadonlyMap<string, string>,
  run: RunState,
): { row: ConsumerRow; alarm: Alarm | undefined } {
  const covering = held.filter((c) => c.names.some((name) => nameCovers(name, consumer.domain)));
  const newest = newestOf(covering);
  const servedHeld = held.find((c) => servesHeld(consumer, c));
  const servesNotAfter = servedHeld?.notAfter ?? consumer.served.notAfter;
  const serves =
    servedHeld !== undefined
      ? certificateName(servedHeld)
      : (consumer.served.certId ??
        (consumer.served.fingerprint === undefined ? "unknown" : `sha256 ${consumer.served.fingerprint.slice(0, 23)}`));
  const subject = `${consumer.kind} "${consumer.name}" (${consumer.domain})`;
  const base = {
    name: consumer.name,
    kind: consumer.kind,
    domain: consumer.domain,
    serves,
    servesNotAfter,
    newest: newest === undefined ? undefined : certificateName(newest),
    newestNotAfter: newest?.notAfter,
    certificate: newest === undefined ? undefined : names.get(newest.lineage),
  };
  if (newest === undefined)
    return {
      row: { ...base, verdict: "external", reason: "the stack holds no certificate for this domain" },
      alarm: undefined,
    };
  if (servedHeld === newest || (servedHeld !== undefined && servedHeld.notAfter === newest.notAfter))
    return { row: { ...base, verdict: "current", reason: "serves the newest certificate" }, alarm: undefined };
  if (servesNotAfter === undefined) {
    const why =
      consumer.served.certId !== undefined
        ? `serves certificate ${consumer.served.certId}, which this stack does not hold`
        : consumer.kind.endsWith("(upload)")
          ? "what it serves is stored as a secret"
          : "it serves no certificate";
    return { row: { ...base, verdict: "unknown", reason: `${why}; --live reads it` }, alarm: undefined };
  }
  if (Date.parse(servesNotAfter) >= Date.parse(newest.notAfter))
    return {
      row: { ...base, verdict: "current", reason: "serves a certificate as new as the newest" },
      alarm: undefined,
    };
  const older = `serves ${serves} (notAfter ${iso(servesNotAfter)}), older than the newest the stack holds for ${consumer.domain}: ${certificateName(newest)} (notAfter ${iso(newest.notAfter)}, order ${newest.orderId})`;
  if (run.inProgress)
    return {
      row: { ...base, verdict: "switching", reason: `${older}; a pulumi run is switching it` },
      alarm: undefined,
    };
  return {
    row: { ...base, verdict: "older", reason: older },
    alarm: { kind: "consumer-older", subject: consumer.name, message: `${subject} ${older}` },
  };
}

/** Replace every personal value in a text (defence in depth: no message built here contains one). */
export function scrub(text: string, personal: readonly string[]): string {
  return personal.reduce((out, value) => out.split(value).join("[redacted]"), text);
}

/** The report for the stack's facts at `options.now`. */
export function assess(facts: StackFacts, options: AssessOptions): StatusReport {
  const fresh =
    facts.checkpointTime === undefined ||
    options.wallClock.getTime() - facts.checkpointTime.getTime() <= LIVE_RUN_MAX_AGE_MS;
  const run: RunState = {
    inProgress: facts.pendingOperations > 0 && fresh,
    lost: facts.pendingOperations > 0 && !fresh,
  };
  const alarms: Alarm[] = [];
  const certificates: CertificateReport[] = [];
  const groups = lineages(facts.orders).sort((a, b) => (a.at(-1)?.name ?? "").localeCompare(b.at(-1)?.name ?? ""));
  const held = facts.orders.map((o) => o.certificate).filter((c): c is HeldCertificate => c !== undefined);
  const names = new Map(groups.map((g) => [(g.at(-1) as OrderFacts).urn, (g.at(-1) as OrderFacts).name]));
  const consumers = [...facts.consumers]
    .sort((a, b) => a.domain.localeCompare(b.domain) || a.name.localeCompare(b.name))
    .map((c) => assessConsumer(c, held, names, run));
  for (const group of groups) {
    const { report, alarms: found } = assessOrders(group, run, options);
    const mine = consumers.filter((c) => c.lineage === report.urn).map((c) => c.row.name);
    certificates.push({ ...report, consumers: mine });
    alarms.push(...found);
  }
  for (const free of facts.free.filter((f) => !f.pendingDeletion)) {
    const { report, alarms: found } = assessFree(free, options);
    certificates.push(report);
    alarms.push(...found);
  }
  alarms.push(...consumers.flatMap((c) => (c.alarm === undefined ? [] : [c.alarm])), ...(options.liveAlarms ?? []));
  const notes = [...(options.liveNotes ?? [])];
  if (run.lost)
    notes.push(
      `pending operations in a checkpoint written ${facts.checkpointTime?.toISOString() ?? "?"}: a pulumi run died; ` +
        "see README: Recovering from a lost run",
    );
  const clean = (text: string): string => scrub(text, facts.personal);
  return {
    schemaVersion: 1,
    stack: facts.stack,
    project: facts.project,
    now: options.now.toISOString(),
    warnDays: options.warnDays,
    live: options.live === true,
    runInProgress: run.inProgress,
    certificates: certificates.map((c) => ({ ...c, reason: clean(c.reason) })),
    consumers: consumers.map((c) => ({ ...c.row, reason: clean(c.row.reason) })),
    alarms: alarms.map((a) => ({ ...a, message: clean(a.message) })),
    notes: notes.map(clean),
  };
}
