/**
 * The hostname rules every resource shares (ESA `Hostname`, GA `Domain`, the names of a CAS CSR, a delegation zone).
 * Each rule cites where it comes from:
 *
 * - RFC 1035 §2.3.1 (preferred name syntax) as relaxed by RFC 1123 §2.1 (a label may start with a digit): labels of
 *   letters, digits and hyphens, neither starting nor ending with a hyphen.
 * - RFC 1035 §2.3.4 and §3.1: a label has 1 to 63 octets; a name has at most 255 octets on the wire, which is 253
 *   characters in text without the final dot.
 * - RFC 3696 §2: a top-level label is not all-numeric (this also keeps IPv4 literals out).
 * - RFC 5890 §2.3.1 and the CA/Browser Forum Baseline Requirements §7.1.2.7.12 (a dNSName holds P-Labels or
 *   Non-Reserved LDH Labels): a label with `--` in its third and fourth characters is reserved, and the only one in
 *   use, `xn--`, must be a valid A-label (RFC 5891 §5.4: it decodes, and encodes back to itself).
 * - IDNA: a name typed with U-labels (`bücher.example`) is converted to A-labels (`xn--bcher-kva.example`) by UTS #46
 *   non-transitional processing (Node's `domainToASCII`, the WHATWG URL Standard's domain-to-ASCII). A-labels are what
 *   DNS, the ESA and GA APIs and certificates carry (RFC 5280 §7.2: dNSName holds A-labels), so the normalized name is
 *   the one sent, stored and compared.
 * - Wildcards (RFC 9525 §6.3 and the Baseline Requirements §3.2.2.6): `*` only as the whole leftmost label, over a
 *   name of at least two labels. ESA documents wildcard custom hostnames (CreateCustomHostname error
 *   `CustomHostname.WildcardDomainRequireEnterprisePlan`, seed 002).
 * - DNS names compare case-insensitively (RFC 4343 §3), so names are lower-cased; one final dot (the absolute form)
 *   is dropped.
 *
 * At least two labels: a custom hostname, a GA domain and a DV certificate name all live under a registered domain.
 */
import { domainToASCII, domainToUnicode } from "node:url";

/** Longest name in text, without the final dot (RFC 1035 §3.1: 255 octets on the wire). */
export const MAX_NAME_LENGTH = 253;
/** Longest label (RFC 1035 §2.3.4). */
export const MAX_LABEL_LENGTH = 63;

/** What the hostname rules allow beyond a plain name. */
export interface HostnameOptions {
  /** Accept `*.` as the whole leftmost label. */
  readonly allowWildcard: boolean;
  /**
   * Accept U-labels and convert them to A-labels. Off where the name cannot be rewritten (the names inside a signed
   * CSR are what the CA reads).
   * @default true
   */
  readonly allowUnicode?: boolean;
}

/** A name that passed the rules, normalized (A-labels, lower case, no final dot). */
export interface ValidHostname {
  readonly name: string;
  readonly wildcard: boolean;
}

/** Why a name breaks the rules: one sentence, with its source. */
export interface HostnameProblem {
  readonly problem: string;
}

const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ASCII = /^[\x20-\x7e]*$/;

/** Why one lower-case ASCII label is not a valid LDH label or A-label, or undefined when it is. */
function labelProblem(label: string): string | undefined {
  if (label.length === 0) return "has an empty label (two dots in a row, or a leading dot)";
  if (label === "*") return "has `*` below its leftmost label; a wildcard is only the whole leftmost label `*.`";
  if (label.length > MAX_LABEL_LENGTH)
    return `has a label of ${label.length} characters (${JSON.stringify(label.slice(0, 20))}…); at most ${MAX_LABEL_LENGTH} (RFC 1035 §2.3.4)`;
  if (label.includes("*"))
    return `has the label ${JSON.stringify(label)}; a wildcard is only the whole leftmost label \`*.\`, never part of a label (RFC 9525 §6.3)`;
  if (!LDH_LABEL.test(label)) {
    const bad = [...label].find((c) => !/[a-z0-9-]/.test(c));
    const why =
      bad === undefined
        ? "starts or ends with a hyphen"
        : `holds ${JSON.stringify(bad)}; labels hold letters, digits and hyphens only`;
    return `has the label ${JSON.stringify(label)}, which ${why} (RFC 1123 §2.1)`;
  }
  if (label.slice(2, 4) === "--") {
    if (!label.startsWith("xn--"))
      return `has the label ${JSON.stringify(label)}: "--" in the third and fourth characters is reserved for IDNA (RFC 5890 §2.3.1)`;
    if (!isALabel(label))
      return `has the label ${JSON.stringify(label)}, which starts with "xn--" but is not a valid punycode A-label (RFC 5891 §5.4)`;
  }
  return undefined;
}

/** True when an `xn--` label decodes to a non-ASCII U-label that encodes back to the same label (RFC 5891 §5.4). */
function isALabel(label: string): boolean {
  const unicode = domainToUnicode(label);
  return unicode !== "" && !ASCII.test(unicode) && domainToASCII(unicode) === label;
}

/**
 * Check `text` (already trimmed) against the hostname rules and normalize it; `{problem}` says which rule it breaks.
 */
export function parseHostname(text: string, options: HostnameOptions): ValidHostname | HostnameProblem {
  if (text === "") return { problem: "is empty" };
  let name = text.endsWith(".") && !text.endsWith("..") ? text.slice(0, -1) : text;
  const wildcard = name.startsWith("*.");
  if (wildcard && !options.allowWildcard) return { problem: "is a wildcard; wildcards are not supported here" };
  let base = wildcard ? name.slice(2) : name;
  if (/\s/.test(base)) return { problem: "holds a blank; a hostname has none (RFC 1123 §2.1)" };
  // eslint-disable-next-line no-control-regex -- the rule is exactly "no control characters"
  if (/[\x00-\x1f\x7f]/.test(base))
    return { problem: "holds a control character; a hostname has none (RFC 1123 §2.1)" };
  if (!ASCII.test(base)) {
    if (options.allowUnicode === false)
      return {
        problem:
          "holds non-ASCII characters; write each internationalized label as its A-label (xn--…, RFC 5890 §2.3.2.1)",
      };
    const ascii = domainToASCII(base);
    if (ascii === "")
      return {
        problem:
          "holds characters that are not valid in an internationalized domain name (UTS #46 processing fails: RFC 5891, RFC 5893)",
      };
    base = ascii;
  }
  base = base.toLowerCase();
  name = wildcard ? `*.${base}` : base;
  const labels = base.split(".");
  for (const label of labels) {
    const problem = labelProblem(label);
    if (problem !== undefined) return { problem };
  }
  if (labels.length < 2)
    return {
      problem: wildcard
        ? "covers a top-level domain; a wildcard needs at least two labels after `*.`"
        : "has a single label; a fully qualified name needs at least two (e.g. shop.example.com)",
    };
  if (/^\d+$/.test(labels[labels.length - 1] ?? ""))
    return {
      problem:
        "ends in an all-numeric label: an IP address or not a domain name (RFC 3696 §2: top-level labels are not all-numeric)",
    };
  if (name.length > MAX_NAME_LENGTH)
    return { problem: `has ${name.length} characters; at most ${MAX_NAME_LENGTH} (RFC 1035 §3.1)` };
  return { name, wildcard };
}

/** True when `name` equals `zone` or lies under it (both normalized, without `*.`). */
export function isWithinZone(name: string, zone: string): boolean {
  return name === zone || name.endsWith(`.${zone}`);
}
