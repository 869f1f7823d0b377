/** Hostname syntax (RFC 1123) and DNS-name matching rules shared by the handlers and the certificate checks. */
import { invalidParameter } from "../errors";

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A syntactically valid, lower-cased hostname; `*.` is allowed as a whole first label (wildcard). */
export interface ParsedHostname {
  hostname: string;
  wildcard: boolean;
  /** The hostname without a leading `*.`. */
  base: string;
}

/**
 * Checks `raw` is an RFC 1123 host name of at most 253 characters with at least two labels and a non-numeric TLD
 * (which also rules out IPv4 literals), optionally prefixed by `*.`. ESA stores hostnames lower-cased, so we do too.
 */
export function parseHostname(raw: string, param = "Hostname"): ParsedHostname {
  const hostname = raw.toLowerCase();
  const fail = (why: string): never => {
    throw invalidParameter(param, why);
  };
  if (hostname.length > 253) fail("It must be at most 253 characters long.");
  const wildcard = hostname.startsWith("*.");
  const base = wildcard ? hostname.slice(2) : hostname;
  const labels = base.split(".");
  if (labels.length < 2) fail("It must be a fully qualified domain name.");
  for (const label of labels) {
    if (!LABEL.test(label)) fail(`The label "${label}" is not a valid RFC 1123 label.`);
  }
  if (/^\d+$/.test(labels[labels.length - 1] ?? "")) fail("The top-level domain must not be numeric.");
  return { hostname, wildcard, base };
}

/** True when `name` equals `zone` or lies under it. */
export function isWithinZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}

/**
 * True when a certificate name (SAN dNSName or CN) covers `hostname` the way TLS clients match it (RFC 6125): exact,
 * or `*.rest` covering exactly one extra left-most label. A wildcard hostname needs the identical wildcard name.
 */
export function certNameCovers(certName: string, hostname: string): boolean {
  const name = certName.toLowerCase().replace(/\.$/, "");
  if (name === hostname) return true;
  if (hostname.startsWith("*.") || !name.startsWith("*.")) return false;
  const dot = hostname.indexOf(".");
  return dot > 0 && hostname.slice(dot + 1) === name.slice(2);
}
