/**
 * ListListenerCertificates paging. Entries are ordered default certificate first, then additional certificates by
 * domain; the NextToken names the last key returned (keyset paging), so a binding removed between two pages never
 * makes a caller skip another one. The token is opaque to callers (hex) and bound to one listener and role.
 */
import { invalidParameter } from "../errors";
import { type ListenerRecord } from "../state";
import { type CertificateRole } from "../params";

interface Entry {
  key: string;
  view: Record<string, unknown>;
}

function entries(listener: ListenerRecord, role: CertificateRole): Entry[] {
  const result: Entry[] = [];
  if (role !== "additional" && listener.defaultCertificateId !== undefined) {
    result.push({
      key: "0",
      view: { CertificateId: listener.defaultCertificateId, IsDefault: true, State: "active" },
    });
  }
  if (role !== "default") {
    for (const binding of listener.additionalCertificates) {
      result.push({
        key: `1${binding.domain.toLowerCase()}`,
        view: { CertificateId: binding.certificateId, Domain: binding.domain, IsDefault: false, State: binding.state },
      });
    }
  }
  return result.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

interface TokenBody {
  l: string;
  r: CertificateRole;
  a: string;
}

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), "utf8").toString("hex");
}

function decodeToken(token: string, listener: ListenerRecord, role: CertificateRole): string {
  const invalid = invalidParameter(`The parameter NextToken (${token}) is invalid.`);
  if (!/^(?:[0-9a-f]{2})+$/.test(token)) throw invalid;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, "hex").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof body !== "object" || body === null) throw invalid;
  const { l, r, a } = body as Partial<Record<keyof TokenBody, unknown>>;
  if (l !== listener.listenerId || r !== role || typeof a !== "string") throw invalid;
  return a;
}

/** One page of the listener's certificates: `{Certificates, NextToken, MaxResults, TotalCount}`. */
export function certificatePage(
  listener: ListenerRecord,
  role: CertificateRole,
  maxResults: number,
  nextToken: string | undefined,
): Record<string, unknown> {
  const all = entries(listener, role);
  const after = nextToken === undefined || nextToken === "" ? undefined : decodeToken(nextToken, listener, role);
  const remaining = after === undefined ? all : all.filter((entry) => entry.key > after);
  const pageEntries = remaining.slice(0, maxResults);
  const last = pageEntries[pageEntries.length - 1];
  const more = remaining.length > pageEntries.length && last !== undefined;
  return {
    Certificates: pageEntries.map((entry) => entry.view),
    NextToken: more ? encodeToken({ l: listener.listenerId, r: role, a: last.key }) : "",
    MaxResults: maxResults,
    TotalCount: all.length,
  };
}
