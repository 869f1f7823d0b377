/**
 * Which names a certificate covers: RFC 6125 §6.4 (verification of a DNS domain name against the identifiers a
 * certificate presents), with the CA/Browser Forum Baseline Requirements §7.1.4.2 for what a wildcard may look like.
 * Pure functions, shared by every resource that binds a certificate to a hostname (GA today, ESA next).
 *
 * The rules, each with its source:
 * - Names compare as DNS compares them (RFC 6125 §6.4.1, RFC 4343): ASCII case-insensitively, the trailing dot of an
 *   absolute name ignored, an internationalized label in its A-label form (RFC 6125 §6.4.2, RFC 5891 §5). See
 *   {@link canonicalDnsName}.
 * - A presented name covers a domain when it is the same name, or when it is a wildcard whose `*` is the whole
 *   left-most label and stands for exactly one label of the domain (RFC 6125 §6.4.3 rules 1–2; BR §7.1.4.2.1
 *   forbids any other wildcard form). So `*.example.com` covers `a.example.com`, not `example.com` nor `a.b.example.com`. A
 *   wildcard needs at least two labels after it (BR §3.2.2.6 forbids one directly under a public suffix).
 * - The names are the DNS-ID subjectAltNames; the subject CN counts only when the certificate has none (RFC 6125
 *   §6.4.4). See {@link presentedNames}.
 * - A wildcard domain (`*.example.com`, which GA accepts and then serves for every one-label name under it) is covered
 *   only by the same wildcard: a reference identifier is never a wildcard in RFC 6125, and no other presented name
 *   covers every name the wildcard domain serves.
 */
import { domainToASCII } from "node:url";

/**
 * The form in which two DNS names compare equal exactly when DNS treats them as the same name: IDNA A-labels (via
 * `domainToASCII`, Node's built-in UTS #46 processing, the WHATWG URL host parser: the maintained IDNA implementation
 * every Node ships, so no hand-written Punycode), ASCII lower case, no trailing dot. A name IDNA rejects (an
 * invalid `xn--` label) keeps its own text, lower-cased in ASCII only, so it can still be compared and quoted.
 */
export function canonicalDnsName(name: string): string {
  const trimmed = name.trim();
  const ascii = domainToASCII(trimmed);
  const form = ascii === "" ? trimmed.replace(/[A-Z]/g, (c) => c.toLowerCase()) : ascii;
  return form.endsWith(".") && form.length > 1 ? form.slice(0, -1) : form;
}

/**
 * True when a canonical presented name is well formed for matching: no empty label, and a `*` only as the whole
 * left-most label with at least two labels after it.
 */
function wellFormed(name: string): boolean {
  const parts = name.split(".");
  if (parts.some((label) => label === "")) return false;
  const rest = parts[0] === "*" ? parts.slice(1) : parts;
  return !rest.some((label) => label.includes("*")) && (parts[0] !== "*" || rest.length >= 2);
}

/**
 * True when the presented identifier `presented` (a name from the certificate) covers the reference identifier
 * `reference` (the domain it is bound to), by the rules in the module comment.
 */
export function presentedNameCovers(presented: string, reference: string): boolean {
  const p = canonicalDnsName(presented);
  const r = canonicalDnsName(reference);
  if (!wellFormed(p) || !wellFormed(r)) return false;
  if (p === r) return true;
  const have = p.split(".");
  const want = r.split(".");
  // A wildcard stands for exactly one label, never for a wildcard domain's `*` (only the same wildcard covers that).
  return (
    have[0] === "*" &&
    want[0] !== "*" &&
    have.length === want.length &&
    have.slice(1).join(".") === want.slice(1).join(".")
  );
}

/** The name among `names` that covers `reference`, if any (RFC 6125 §6.4: one match is enough). */
export function coveringName(names: readonly string[], reference: string): string | undefined {
  return names.find((name) => presentedNameCovers(name, reference));
}

/**
 * The DNS names a certificate presents: its subjectAltNames when it has any, else its subject CN (RFC 6125 §6.4.4),
 * canonical and without duplicates. `sans` is a list, or the comma-separated text CAS returns in `Sans`.
 */
export function presentedNames(sans: readonly string[] | string | undefined, commonName: string | undefined): string[] {
  const list = typeof sans === "string" ? sans.split(",") : (sans ?? []);
  const fromSans = list.map((name) => name.trim()).filter((name) => name !== "");
  const chosen =
    fromSans.length > 0 ? fromSans : commonName === undefined || commonName.trim() === "" ? [] : [commonName];
  return [...new Set(chosen.map(canonicalDnsName))];
}
