/**
 * The records the customer published (DNS records and HTTP files): the control API's input, matching, publishing and
 * removing them, and the DNS view services and the DNS server read them through.
 */
import type { PublishedRecord, PublishedRecords } from "../contract";
import { cnameConflict, DnsView } from "../dns";
import { controlError, expectRecord, optString, reqString } from "../json";

/** Validate a `POST /__emulator/records` body. */
export function parseRecord(body: unknown): PublishedRecord {
  const obj = expectRecord(body, "A record");
  const kind = reqString(obj, "kind");
  if (kind !== "dns" && kind !== "file") throw controlError('"kind" must be "dns" or "file".');
  const name = reqString(obj, "name");
  const type = (optString(obj, "type") ?? (kind === "file" ? "FILE" : "")).toUpperCase();
  if (type === "") throw controlError('"type" is required for DNS records (TXT, CNAME, …).');
  if (kind === "file" && type !== "FILE") throw controlError('File records have type "FILE".');
  const value = optString(obj, "value");
  if (value === undefined) throw controlError('"value" is required.');
  return { kind, name, type, value };
}

/** A `DELETE /__emulator/records` selector: kind and name required, type and value narrow it further. */
export interface RecordSelector {
  readonly kind: "dns" | "file";
  readonly name: string;
  readonly type: string | undefined;
  readonly value: string | undefined;
}

/** Validate a `DELETE /__emulator/records` body. */
export function parseRecordSelector(body: unknown): RecordSelector {
  const obj = expectRecord(body, "A record selector");
  const kind = reqString(obj, "kind");
  if (kind !== "dns" && kind !== "file") throw controlError('"kind" must be "dns" or "file".');
  return {
    kind,
    name: reqString(obj, "name"),
    type: optString(obj, "type")?.toUpperCase(),
    value: optString(obj, "value"),
  };
}

/** DNS names are case-insensitive and may be written with a trailing dot. */
function sameName(a: string, b: string): boolean {
  return a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();
}

/** True when `record` is selected. */
export function recordMatches(record: PublishedRecord, sel: RecordSelector): boolean {
  return (
    record.kind === sel.kind &&
    sameName(record.name, sel.name) &&
    (sel.type === undefined || record.type.toUpperCase() === sel.type) &&
    (sel.value === undefined || record.value === sel.value)
  );
}

/** Publish `record` into `records` (publishing the same record twice keeps one; a CNAME shares its name with nothing else). */
export function publish(records: PublishedRecord[], record: PublishedRecord): void {
  const conflict = cnameConflict(records, record);
  if (conflict !== undefined) throw controlError(conflict);
  const exists = records.some((r) =>
    recordMatches(r, { kind: record.kind, name: record.name, type: record.type, value: record.value }),
  );
  if (!exists) records.push({ ...record });
}

/** `records` without the selected ones (a new array: the DNS view sees the change). */
export function unpublish(records: readonly PublishedRecord[], selector: RecordSelector): PublishedRecord[] {
  return records.filter((r) => !recordMatches(r, selector));
}

/**
 * The DNS view of the published records, rebuilt only when they changed: publishing appends to the array, every other
 * change (removal, reset, rollback, load) replaces it, so the array and its length tell.
 */
export class DnsViews {
  private current: { of: readonly PublishedRecord[]; length: number; view: DnsView } | undefined;
  /** How many views were built: the {@link PublishedRecords.version} of the current one. */
  private built = 0;

  /** The view of `records`. */
  of(records: readonly PublishedRecord[]): DnsView {
    if (this.current?.of !== records || this.current.length !== records.length)
      this.current = { of: records, length: records.length, view: new DnsView(records, ++this.built) };
    return this.current.view;
  }
}

/** What services see of the published records (`records` and `dns` give the current ones and their DNS view). */
export function publishedRecords(records: () => readonly PublishedRecord[], dns: () => DnsView): PublishedRecords {
  return {
    has: (kind, name, type, value) =>
      kind === "dns"
        ? dns().shows(name, type, value)
        : records().some((r) => recordMatches(r, { kind, name, type: type.toUpperCase(), value })),
    get version() {
      return dns().version;
    },
  };
}
