/**
 * The per-consumer serving timeline: after every API call, control call and tick the core asks each service what
 * each of its consumers serves ({@link ServingObservation}) and appends a period whenever that changes. Observing
 * the outcome, rather than instrumenting every write, keeps the timeline right for any path that changes what is
 * served (API writes, settling asynchronous writes, controls, seeds), and a rolled-back write never shows.
 * {@link analyseServing} then judges every period against the CA's view of its certificate.
 */
import { X509Certificate } from "node:crypto";
import type {
  CaCertificateRecord,
  ConsumerTimeline,
  ServedCertificate,
  ServedReference,
  ServingAnalysis,
  ServingConsumer,
  ServingObservation,
  ServingPeriod,
  ServingViolation,
} from "./serving-types";

/** Every timeline, by consumer key (part of the world, so of the state file). */
export type ServingTimelines = Record<string, ConsumerTimeline>;

/** The CA's certificates, indexed for identification. */
export interface CaIndex {
  readonly byCertId: ReadonlyMap<string, CaCertificateRecord>;
  readonly bySha256: ReadonlyMap<string, CaCertificateRecord>;
}

/** Build a {@link CaIndex}. */
export function caIndex(records: readonly CaCertificateRecord[]): CaIndex {
  return {
    byCertId: new Map(records.map((r) => [r.certId, r])),
    bySha256: new Map(records.map((r) => [r.sha256, r])),
  };
}

/** Keys by consumer object: a service that hands back the same consumer object is not charged a new string per call. */
const consumerKeys = new WeakMap<ServingConsumer, string>();

/** The stable key of a consumer. */
export function consumerKey(consumer: ServingConsumer): string {
  let key = consumerKeys.get(consumer);
  if (key === undefined) {
    key =
      consumer.kind === "esa-hostname" ? `esa:${consumer.hostname}` : `ga:${consumer.listenerId}:${consumer.domain}`;
    consumerKeys.set(consumer, key);
  }
  return key;
}

interface PemFacts {
  readonly sha256: string;
  readonly serialNo: string;
  readonly commonName: string | null;
  readonly notBefore: number;
  readonly notAfter: number;
}

/** Parsed PEMs: every observation re-reads every uploaded certificate, so parsing once per PEM matters. */
const pemCache = new Map<string, PemFacts | null>();
const PEM_CACHE_LIMIT = 2000;

function pemFacts(pem: string): PemFacts | null {
  const cached = pemCache.get(pem);
  if (cached !== undefined) return cached;
  let facts: PemFacts | null = null;
  try {
    const cert = new X509Certificate(pem);
    facts = {
      sha256: cert.fingerprint256.replace(/:/g, "").toUpperCase(),
      serialNo: cert.serialNumber.toLowerCase(),
      commonName: /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1]?.toLowerCase() ?? null,
      notBefore: Date.parse(cert.validFrom),
      notAfter: Date.parse(cert.validTo),
    };
  } catch {
    facts = null;
  }
  if (pemCache.size >= PEM_CACHE_LIMIT) pemCache.clear();
  pemCache.set(pem, facts);
  return facts;
}

/** `123`, `123-cn-hangzhou` (GA's CertificateId) → `123`; anything else unchanged. */
function casIdOf(reference: string): string {
  const match = /^(\d+)(?:-[a-z0-9-]+)?$/.exec(reference.trim());
  return match?.[1] === undefined ? reference : BigInt(match[1]).toString();
}

/** Identify what a reference points at, as far as the CA and the PEM tell. */
export function identify(served: ServedReference, ca: CaIndex): ServedCertificate {
  if ("esaFree" in served) {
    const { certId, notBefore, notAfter } = served.esaFree;
    return {
      source: "free",
      sha256: null,
      serialNo: null,
      casCertId: null,
      esaCertId: certId,
      commonName: null,
      notBefore,
      notAfter,
    };
  }
  if ("casCertId" in served) {
    const certId = casIdOf(served.casCertId);
    const record = ca.byCertId.get(certId);
    return {
      source: "cas",
      sha256: record?.sha256 ?? null,
      serialNo: record?.serialNo ?? null,
      casCertId: certId,
      esaCertId: null,
      commonName: record?.commonName ?? null,
      notBefore: record?.notBefore ?? null,
      notAfter: record?.notAfter ?? null,
    };
  }
  const facts = pemFacts(served.pem);
  return {
    source: "upload",
    sha256: facts?.sha256 ?? null,
    serialNo: facts?.serialNo ?? null,
    casCertId: facts === null ? null : (ca.bySha256.get(facts.sha256)?.certId ?? null),
    esaCertId: null,
    commonName: facts?.commonName ?? null,
    notBefore: facts?.notBefore ?? null,
    notAfter: facts?.notAfter ?? null,
  };
}

/** Two observations serve the same thing when their certificates are the same (by fingerprint, else by id). */
function sameCertificate(a: ServedCertificate | null, b: ServedCertificate | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.sha256 !== null || b.sha256 !== null) return a.sha256 === b.sha256;
  return a.casCertId === b.casCertId && a.esaCertId === b.esaCertId && a.notAfter === b.notAfter;
}

function open(timeline: ConsumerTimeline): ServingPeriod | undefined {
  const last = timeline.periods[timeline.periods.length - 1];
  return last !== undefined && last.to === null ? last : undefined;
}

/** Close the open period and start `next` at `at` (never before the open period's start, never after now). */
function switchTo(timeline: ConsumerTimeline, next: Omit<ServingPeriod, "from" | "to">, at: number): void {
  const current = open(timeline);
  const from = current === undefined ? at : Math.max(current.from, at);
  if (current !== undefined) current.to = from;
  timeline.periods.push({ ...next, from, to: null });
}

/**
 * Fold `observations` (everything every service serves at `now`) into `timelines`: a consumer whose certificate,
 * state or object changed gets a new period; one no longer observed becomes `absent`. An observation's `since` is
 * believed only when it lies after `previousAt` (the last observation): a change that happened before that would
 * have been seen then, so such a hint is about something else (a change made by a control, say).
 */
export function observe(
  timelines: ServingTimelines,
  observations: readonly ServingObservation[],
  ca: () => CaIndex,
  now: number,
  previousAt: number | undefined,
): void {
  const seen = new Set<string>();
  for (const observation of observations) {
    const key = consumerKey(observation.consumer);
    seen.add(key);
    const certificate = observation.served === null ? null : identify(observation.served, ca());
    const state = certificate === null ? "none" : "serving";
    const timeline = (timelines[key] ??= { key, consumer: observation.consumer, periods: [] });
    const current = open(timeline);
    if (
      current !== undefined &&
      current.state === state &&
      current.objectId === observation.objectId &&
      sameCertificate(current.certificate, certificate)
    ) {
      continue;
    }
    const since = observation.since;
    const believable =
      since !== undefined &&
      since <= now &&
      (previousAt === undefined || since > previousAt) &&
      (current === undefined || since >= current.from);
    const at = believable ? since : now;
    switchTo(timeline, { state, objectId: observation.objectId, certificate }, at);
  }
  for (const timeline of Object.values(timelines)) {
    if (seen.has(timeline.key) || open(timeline)?.state === "absent") continue;
    switchTo(timeline, { state: "absent", objectId: null, certificate: null }, now);
  }
}

function describe(certificate: ServedCertificate | null): string {
  if (certificate === null) return "no certificate";
  const id =
    certificate.casCertId !== null
      ? `CAS cert ${certificate.casCertId}`
      : certificate.esaCertId !== null
        ? `ESA cert ${certificate.esaCertId}`
        : `cert ${certificate.sha256?.slice(0, 16) ?? "?"}`;
  return `${id}${certificate.serialNo === null ? "" : ` (serial ${certificate.serialNo})`}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Judge every period of every timeline up to `now`; see {@link ServingViolation} for the kinds. */
export function analyseServing(timelines: ServingTimelines, ca: CaIndex, now: number): ServingAnalysis {
  const violations: ServingViolation[] = [];
  const all = Object.values(timelines);
  for (const timeline of all) {
    const flag = (
      kind: ServingViolation["kind"],
      from: number,
      to: number,
      certificate: ServedCertificate | null,
      why: string,
    ): void => {
      if (to <= from) return;
      violations.push({
        key: timeline.key,
        consumer: timeline.consumer,
        kind,
        from,
        to,
        certificate,
        detail: `${timeline.key}: ${why} from ${iso(from)} to ${iso(to)}`,
      });
    };
    let served = false;
    timeline.periods.forEach((period, index) => {
      const from = period.from;
      const to = period.to ?? now;
      const cert = period.certificate;
      if (period.state === "serving" && cert !== null) {
        served = true;
        const what = describe(cert);
        if (cert.notBefore === null || cert.notAfter === null) {
          flag("not-issued", from, to, cert, `served ${what}, which the CA never issued`);
          return;
        }
        flag("not-yet-valid", from, Math.min(to, cert.notBefore), cert, `served ${what} before its notBefore`);
        flag("expired", Math.max(from, cert.notAfter), to, cert, `served ${what} after its notAfter`);
        const record =
          (cert.sha256 === null ? undefined : ca.bySha256.get(cert.sha256)) ??
          (cert.casCertId === null ? undefined : ca.byCertId.get(cert.casCertId));
        if (record?.revokedAt !== null && record?.revokedAt !== undefined) {
          flag("revoked", Math.max(from, record.revokedAt), to, cert, `served ${what} after it was revoked`);
        }
      } else if (period.state === "none" && served) {
        flag("unserved", from, to, null, "had no certificate after having one");
      } else if (period.state === "absent" && served && index < timeline.periods.length - 1) {
        flag("gap", from, to, null, "was removed and re-created (no certificate in between)");
      }
    });
  }
  violations.sort((a, b) => a.from - b.from || a.key.localeCompare(b.key));
  return { now, consumers: all.length, ok: violations.length === 0, violations };
}
