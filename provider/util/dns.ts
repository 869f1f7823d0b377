/**
 * DNS lookups the provider makes to tell a user which validation record is missing. Through `node:dns`'s resolver
 * (c-ares: it follows CNAMEs in a recursive resolver's answer, as a CA's lookup does), against the system's
 * resolvers, or the ones `ALICLOUD_CERTS_DNS_SERVERS` names (`host:port`, comma-separated), such as the local
 * emulator's DNS server. Lookups are never API calls and never decide anything: they only sharpen a message.
 */
import { Resolver } from "node:dns/promises";
import { readSetting } from "../settings/read";
import { SETTINGS } from "../settings/table";

/** The environment variable naming the resolvers to ask. Unset: the system's. */
export const DNS_SERVERS_ENV = SETTINGS.dnsServers.env[0];

/** How long one lookup may take: a message must not hold a wait up. */
const LOOKUP_TIMEOUT_MS = 2000;

/** What a lookup found at a name. */
export type LookupResult =
  | { readonly found: true; readonly values: readonly string[] }
  | { readonly found: false; readonly reason: "no-record" }
  | { readonly found: false; readonly reason: "failed"; readonly detail: string };

/** The lookups a validation message needs (tests pass a fake). */
export interface DnsLookup {
  /** The CNAME target(s) at `name` itself (not followed). */
  cname(name: string): Promise<LookupResult>;
  /** The TXT strings visible at `name`, following CNAMEs as a recursive resolver does (each record's chunks joined). */
  txt(name: string): Promise<LookupResult>;
}

/** c-ares codes meaning "this name has no such record" (NXDOMAIN, NODATA), not "the lookup failed". */
const ABSENT = new Set(["ENOTFOUND", "ENODATA"]);

function outcome(error: unknown): LookupResult {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === "string" && ABSENT.has(code)) return { found: false, reason: "no-record" };
  return { found: false, reason: "failed", detail: typeof code === "string" ? code : String(error) };
}

/** A lookup through `node:dns` against `servers` (default: `ALICLOUD_CERTS_DNS_SERVERS`, else the system's). */
export function systemDnsLookup(servers: readonly string[] | undefined = readSetting(SETTINGS.dnsServers)): DnsLookup {
  const resolver = new Resolver({ timeout: LOOKUP_TIMEOUT_MS, tries: 1 });
  if (servers !== undefined && servers.length > 0) resolver.setServers([...servers]);
  return {
    cname: async (name) => {
      try {
        return { found: true, values: (await resolver.resolveCname(name)).map((v) => v.toLowerCase()) };
      } catch (error: unknown) {
        return outcome(error);
      }
    },
    txt: async (name) => {
      try {
        return { found: true, values: (await resolver.resolveTxt(name)).map((chunks) => chunks.join("")) };
      } catch (error: unknown) {
        return outcome(error);
      }
    },
  };
}
