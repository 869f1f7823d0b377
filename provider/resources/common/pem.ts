/**
 * PEM values (RFC 7468, "Textual Encodings of PKIX, PKCS, and CMS Structures"), read strictly: a value is one or more
 * blocks and nothing else, each block carrying exactly a label the input expects, in the number and order it
 * expects. What the API does with the rest of a value is undocumented (ESA takes `Certificate` as a whole, CAS orders
 * what it reads from `Csr`), so anything beyond the expected blocks is refused rather than sent: a private key pasted
 * after a certificate would otherwise travel to ESA as part of `Certificate` and be stored among the plain inputs.
 *
 * Grammar (RFC 7468 §3, `laxtextualmsg` without the explanatory text §2 lets parsers skip, which this reader refuses
 * because it would be sent too):
 *
 *     value  = *WSP block *( *WSP block ) *WSP
 *     block  = "-----BEGIN " label "-----" eol  base64 text (whitespace allowed)  "-----END " label "-----"
 *
 * - §2: the label of the END line must equal the BEGIN line's ("parsers MAY disregard" a mismatch; this one refuses
 *   it, because it is a sign of two values pasted together); no headers (`Proc-Type:`, RFC 1421's, are not part of the
 *   textual encoding); the body is base64 (RFC 4648 §4) and decodes to at least one octet.
 * - §5.1 and §7: `CERTIFICATE`; `CERTIFICATE REQUEST` (and `NEW CERTIFICATE REQUEST`, which §7 notes some
 *   generators write); §10 and §11: `PRIVATE KEY`, `ENCRYPTED PRIVATE KEY`; OpenSSL's traditional `RSA PRIVATE KEY`
 *   (PKCS #1) and `EC PRIVATE KEY` (RFC 5915 §4).
 */

/** One PEM block: its label, its position (1-based) and its decoded body (DER). */
export interface PemBlock {
  readonly label: string;
  readonly position: number;
  readonly der: Buffer;
}

/** What an input expects: the accepted labels and how many blocks, in order. */
export interface PemExpectation {
  /** Labels the first block may carry. */
  readonly first: readonly string[];
  /** Labels the following blocks may carry; none: exactly one block. */
  readonly rest?: readonly string[];
  /** What the input is, for "is not …" messages: "a PEM certificate". */
  readonly noun: string;
  /** What the input holds, for "must be …" messages: "one PEM certificate request and nothing else". */
  readonly what: string;
}

const BEGIN = /-----BEGIN ([^\r\n-]*(?:-[^\r\n-]+)*)-----/g;
const BLOCK = /^-----BEGIN ([A-Z0-9 ]*[A-Z0-9]|)-----\r?\n?([\s\S]*?)(?:\r?\n)?-----END ([A-Z0-9 ]*[A-Z0-9]|)-----/;
const BASE64_BODY = /^[A-Za-z0-9+/=\s]*$/;
const STRICT_BASE64 = /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** What {@link splitPem} says of a value without any block. */
const NO_BLOCK = "has no PEM block (no -----BEGIN line)";

/** The labels of every BEGIN line in `text`, in order (for messages: labels are not secret). */
export function beginLabels(text: string): string[] {
  return [...text.matchAll(BEGIN)].map((m) => m[1] ?? "");
}

/** Decode a block body, or undefined when it is not base64 (RFC 4648 §4, whitespace ignored as RFC 7468 §3 allows). */
function decodeBody(body: string): Buffer | undefined {
  if (!BASE64_BODY.test(body)) return undefined;
  const compact = body.replace(/\s+/g, "");
  if (compact.length === 0 || compact.length % 4 !== 0 || !STRICT_BASE64.test(compact)) return undefined;
  return Buffer.from(compact, "base64");
}

/** Describe text that is not a block (never quoting it: it may be anything, a key included). */
function strayText(text: string, where: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "").length;
  return `has text ${where} (${text.trim().length} characters on ${lines} line${lines === 1 ? "" : "s"}) outside any PEM block`;
}

/**
 * Split a value into its PEM blocks. Returns the blocks, or a reason (never quoting a body or stray text) when the
 * value is not purely a sequence of well-formed blocks.
 */
export function splitPem(value: string): PemBlock[] | string {
  const blocks: PemBlock[] = [];
  let rest = value.replace(/^\s+/, "");
  if (!rest.startsWith("-----BEGIN ")) {
    const begin = rest.indexOf("-----BEGIN ");
    return begin < 0 ? NO_BLOCK : strayText(rest.slice(0, begin), "before the first block");
  }
  while (rest !== "") {
    const match = BLOCK.exec(rest);
    if (match === null)
      return `has a PEM block (block ${blocks.length + 1}) without its -----END line, or with a malformed one`;
    const [whole, label = "", body = "", endLabel = ""] = match;
    const position = blocks.length + 1;
    if (body.includes("-----BEGIN "))
      return `has block ${position} (${JSON.stringify(label)}) without its -----END line before the next -----BEGIN line (RFC 7468 §2)`;
    if (label !== endLabel)
      return `has block ${position} opened as ${JSON.stringify(label)} but closed as ${JSON.stringify(endLabel)} (RFC 7468 §2)`;
    if (/^[A-Za-z-]+:/m.test(body))
      return `has headers in block ${position} (${JSON.stringify(label)}); RFC 7468 §2 allows none: encrypted legacy keys (Proc-Type) cannot be used`;
    const der = decodeBody(body);
    if (der === undefined)
      return `has block ${position} (${JSON.stringify(label)}) whose body is not base64 (RFC 7468 §3, RFC 4648 §4)`;
    blocks.push({ label, position, der });
    rest = rest.slice(whole.length).replace(/^\s+/, "");
    if (rest !== "" && !rest.startsWith("-----BEGIN ")) {
      const begin = rest.indexOf("-----BEGIN ");
      return strayText(begin < 0 ? rest : rest.slice(0, begin), `after block ${position}`);
    }
  }
  return blocks;
}

/**
 * The blocks of a value that must hold exactly what `expected` says, or a reason naming the rule: the labels found
 * (labels are not secret), never a body.
 */
export function expectPem(value: string, expected: PemExpectation): PemBlock[] | string {
  const blocks = splitPem(value);
  if (blocks === NO_BLOCK) return `is not ${expected.noun} (no -----BEGIN line); it must be ${expected.what}`;
  if (typeof blocks === "string") return `${blocks}; it must be ${expected.what} (RFC 7468 §2-§3)`;
  const [first, ...rest] = blocks;
  const labels = blocks.map((b) => JSON.stringify(b.label)).join(", ");
  const found = `it holds ${blocks.length} block${blocks.length === 1 ? "" : "s"} (${labels})`;
  if (first === undefined || !expected.first.includes(first.label)) return `must be ${expected.what}, but ${found}`;
  if (expected.rest === undefined && rest.length > 0) return `must be ${expected.what}, but ${found}`;
  const misplaced = rest.find((b) => !(expected.rest ?? []).includes(b.label));
  if (misplaced !== undefined)
    return `must be ${expected.what}, but block ${misplaced.position} is ${JSON.stringify(misplaced.label)}; ${found}`;
  return blocks;
}

/** Re-encode DER as one PEM block with 64-character lines (RFC 7468 §3 `stricttextualmsg`). */
export function pemOf(label: string, der: Buffer): string {
  const body = der
    .toString("base64")
    .replace(/(.{64})/g, "$1\n")
    .replace(/\n$/, "");
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
