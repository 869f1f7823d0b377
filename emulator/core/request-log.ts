/** The request log the control API exposes: every API call with its outcome, secrets redacted. */
import type { RequestLogEntry, RequestLogFilter } from "./control-types";
import type { ParamMap } from "./params";

/** What replaces a secret value. */
export const REDACTED = "[REDACTED]";

/** Parameters that are always secret, whatever the action says. */
const ALWAYS_SECRET: readonly string[] = ["Signature", "SecurityToken"];

/** Keep the log bounded in a long-running emulator (oldest entries go first). */
const MAX_ENTRIES = 10_000;

/**
 * Copy `params` with secret values replaced. A flattened name (`Certificates.1.PrivateKey`) is secret when its last
 * segment is.
 */
export function redactParams(params: ParamMap, secretParams: readonly string[]): Record<string, string> {
  const secrets = new Set([...ALWAYS_SECRET, ...secretParams]);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const last = name.slice(name.lastIndexOf(".") + 1);
    out[name] = secrets.has(name) || secrets.has(last) ? REDACTED : value;
  }
  return out;
}

/** Append-only (until cleared) log with monotonically increasing sequence numbers. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSeq = 1;

  /** Append an entry, assigning its `seq`. */
  append(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full: RequestLogEntry = { seq: this.nextSeq++, ...entry };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return full;
  }

  /** Entries matching `filter`, oldest first. */
  query(filter: RequestLogFilter): RequestLogEntry[] {
    return this.entries.filter(
      (e) =>
        (filter.product === undefined || e.product === filter.product) &&
        (filter.action === undefined || e.action === filter.action) &&
        (filter.since === undefined || e.seq > filter.since),
    );
  }

  /** Forget every entry; numbering continues so `since` cursors stay valid. */
  clear(): void {
    this.entries = [];
  }
}
