/** Validation and matching of customer-published records (DNS records and HTTP files). */
import type { PublishedRecord } from "../contract";
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
