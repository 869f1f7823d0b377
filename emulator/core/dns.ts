/**
 * The emulator's public DNS: the records published through the control API, answered the way a recursive
 * resolver answers them. A query for any type other than CNAME follows the CNAME at the queried name, then the
 * CNAME at its target, and so on (RFC 1034 §3.6.2, §4.3.2), so a TXT lookup of `_dnsauth.shop.customer.com` that
 * the customer CNAMEd into the platform's zone returns the platform's TXT there. This is what delegated domain
 * validation (a CA reading a record through the customer's one-time CNAME) depends on.
 *
 * A chain is followed for at most {@link MAX_CNAME_HOPS} CNAMEs. A longer chain or a loop fails the lookup with
 * SERVFAIL, as real resolvers do, and a failed lookup proves nothing: a CA's validation or ESA's ownership check
 * reading it does not pass (the order stays in `domain_verify`, the hostname stays `pending`).
 */
import type { PublishedRecord } from "./contract";

/**
 * How many CNAMEs a lookup follows. 8 is the chain Unbound followed before it became configurable (its hard-coded
 * MAX_RESTART_COUNT, NLnetLabs/unbound#438): a CA behind such a resolver fails on a longer chain, so the emulator
 * must not be more lenient than the strictest resolver a real CA may use. Delegated validation needs one hop.
 */
export const MAX_CNAME_HOPS = 8;

/** Why a lookup failed. */
export type DnsFailure = "cname-loop" | "cname-chain-too-long";

/** The answer to one lookup. */
export type DnsAnswer =
  | {
      /** The lookup succeeded; `values` is empty when the final name has no record of the type (NODATA/NXDOMAIN). */
      readonly status: "NOERROR";
      /** The queried name, then every CNAME target followed, normalised (lower case, no trailing dot). */
      readonly chain: readonly string[];
      /** Values of the queried type at the last name of the chain. */
      readonly values: readonly string[];
    }
  | {
      /** The lookup failed (what a resolver answers as SERVFAIL); no value is visible. */
      readonly status: "SERVFAIL";
      readonly chain: readonly string[];
      readonly reason: DnsFailure;
    };

/** DNS names are case-insensitive and may be written with a trailing dot. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\.$/, "").toLowerCase();
}

/**
 * The DNS records by normalised name: built once per change of the published records (see `World`), so a lookup
 * costs a map access, not a scan of every record. ESA's tick checks every pending hostname's ownership on every call.
 */
type DnsZone = ReadonlyMap<string, readonly PublishedRecord[]>;

/** Index the DNS records of `records` (other kinds are not DNS). */
function dnsZone(records: readonly PublishedRecord[]): DnsZone {
  const zone = new Map<string, PublishedRecord[]>();
  for (const r of records) {
    if (r.kind !== "dns") continue;
    const name = normaliseName(r.name);
    const at = zone.get(name);
    if (at === undefined) zone.set(name, [r]);
    else at.push(r);
  }
  return zone;
}

function recordsAt(zone: DnsZone, name: string, type: string): string[] {
  return (zone.get(name) ?? []).filter((r) => r.type.toUpperCase() === type).map((r) => r.value);
}

/**
 * Resolve `name` / `type` over `records`. A CNAME query returns the CNAME at `name` itself (not followed), like
 * DNS. Every other type follows CNAMEs: see the module comment.
 */
export function resolve(records: readonly PublishedRecord[], name: string, type: string): DnsAnswer {
  return resolveIn(dnsZone(records), name, type);
}

function resolveIn(zone: DnsZone, name: string, type: string): DnsAnswer {
  const wanted = type.toUpperCase();
  const chain = [normaliseName(name)];
  if (wanted === "CNAME") return { status: "NOERROR", chain, values: recordsAt(zone, chain[0] ?? "", "CNAME") };
  for (;;) {
    const current = chain[chain.length - 1] ?? "";
    const [target] = recordsAt(zone, current, "CNAME");
    if (target === undefined) return { status: "NOERROR", chain, values: recordsAt(zone, current, wanted) };
    const next = normaliseName(target);
    if (chain.includes(next)) return { status: "SERVFAIL", chain: [...chain, next], reason: "cname-loop" };
    if (chain.length > MAX_CNAME_HOPS) return { status: "SERVFAIL", chain, reason: "cname-chain-too-long" };
    chain.push(next);
  }
}

/**
 * True when a lookup of `name` / `type` shows `value`. For CNAME it is true when the chain starting at `name`
 * passes through `value` (a service checking "the customer points this name at us" sees the whole chain, as a
 * resolver following it would); for any other type when the type's values at the end of the chain include it.
 */
export function dnsShows(records: readonly PublishedRecord[], name: string, type: string, value: string): boolean {
  return showsIn(dnsZone(records), name, type, value);
}

function showsIn(zone: DnsZone, name: string, type: string, value: string): boolean {
  if (type.toUpperCase() === "CNAME") {
    const answer = resolveIn(zone, name, "A");
    return answer.status === "NOERROR" && answer.chain.slice(1).includes(normaliseName(value));
  }
  const answer = resolveIn(zone, name, type);
  return answer.status === "NOERROR" && answer.values.includes(value);
}

/**
 * Why `record` cannot be published next to `existing`, or undefined when it can. A name with a CNAME holds no
 * other data, and at most one CNAME (RFC 1034 §3.6.2; RFC 2181 §10.1): every DNS provider rejects such a zone, and
 * accepting it would leave the answer ambiguous.
 */
export function cnameConflict(existing: readonly PublishedRecord[], record: PublishedRecord): string | undefined {
  if (record.kind !== "dns") return undefined;
  const name = normaliseName(record.name);
  const type = record.type.toUpperCase();
  const others = existing.filter(
    (r) =>
      r.kind === "dns" &&
      normaliseName(r.name) === name &&
      !(r.type.toUpperCase() === type && r.value === record.value),
  );
  const cname = others.find((r) => r.type.toUpperCase() === "CNAME");
  if (type === "CNAME" && others.length > 0) {
    return `${name} already has a ${others[0]?.type.toUpperCase() ?? ""} record; a CNAME must be the only record at its name (RFC 1034 §3.6.2).`;
  }
  if (cname !== undefined) {
    return `${name} is a CNAME (to ${cname.value}); it cannot also hold a ${type} record (RFC 1034 §3.6.2).`;
  }
  return undefined;
}

/**
 * A zone and the questions already answered from it. The world keeps one per state of the published records:
 * ESA's tick asks the same ownership questions of every pending hostname on every call, so each distinct question
 * is resolved once. Answers are keyed type → name → value on the callers' own strings, whose hashes V8 keeps.
 */
export class DnsView {
  private readonly zone: DnsZone;
  private readonly answers = new Map<string, Map<string, Map<string, boolean>>>();
  /** Every name that holds a record or has one below it, built on the first {@link exists}. */
  private names: ReadonlySet<string> | undefined;

  /** `version`: what `PublishedRecords.version` reports while this view is current. */
  constructor(
    records: readonly PublishedRecord[],
    readonly version: number,
  ) {
    this.zone = dnsZone(records);
  }

  /** {@link resolve} over this zone. */
  resolve(name: string, type: string): DnsAnswer {
    return resolveIn(this.zone, name, type);
  }

  /**
   * True when `name` exists in the DNS: it holds a record, or a name below it does (an "empty non-terminal", which
   * exists: RFC 8020 §2). A lookup of a name that does not exist is NXDOMAIN; of one that does, NODATA.
   */
  exists(name: string): boolean {
    if (this.names === undefined) {
      const names = new Set<string>();
      for (const owner of this.zone.keys()) {
        const labels = owner.split(".");
        for (let i = 0; i < labels.length; i++) names.add(labels.slice(i).join("."));
      }
      this.names = names;
    }
    return this.names.has(normaliseName(name));
  }

  /** {@link dnsShows} over this zone, remembered. */
  shows(name: string, type: string, value: string): boolean {
    let byName = this.answers.get(type);
    if (byName === undefined) this.answers.set(type, (byName = new Map()));
    let byValue = byName.get(name);
    if (byValue === undefined) byName.set(name, (byValue = new Map()));
    let answer = byValue.get(value);
    if (answer === undefined) byValue.set(value, (answer = showsIn(this.zone, name, type, value)));
    return answer;
  }
}
