/**
 * Secret until proven otherwise: a private key found in any input that is not a secret input is refused at check,
 * without being quoted, and is replaced in what check returns, so the engine neither prints it (a failure that names
 * a property makes it print that property's value, see `CheckReport`) nor stores it among the inputs, and no verb
 * ever sends it. Only an input documented as secret (ESA's `privateKey`) may hold a key.
 *
 * What counts as a private key, found anywhere in a string (map keys and list items included):
 * - a PEM block whose label names one (RFC 7468 §10 `PRIVATE KEY`, §11 `ENCRYPTED PRIVATE KEY`; OpenSSL's
 *   traditional `RSA`/`EC`/`DSA PRIVATE KEY`; `OPENSSH PRIVATE KEY`; `PGP PRIVATE KEY BLOCK`, RFC 4880 §6.2), even
 *   without its END line;
 * - a PuTTY key file (`PuTTY-User-Key-File-`, `Private-Lines:`);
 * - base64 text, alone, among other words, or as the body of a PEM block under another label, whose DER parses as a
 *   PKCS #8, PKCS #1 or SEC 1 private key (Node's parser, OpenSSL underneath: the cheapest proof, and no false alarm
 *   on a certificate);
 * - a JSON Web Key holding a private member (`d`, RFC 7518 §6.2.2 and §6.3.2; `k` of an `oct` key, §6.4.1).
 */
import { createPrivateKey } from "node:crypto";
import { type CheckReport } from "./check";
import { UNKNOWN, type PropertyBag } from "./dynamic";

const PEM_KEY = /-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----/i;
const PUTTY = /PuTTY-User-Key-File-\d|^Private-Lines:/m;
const PEM_BODY = /-----BEGIN [^\r\n]*-----([\s\S]*?)(?:-----END|$)/g;
/** A DER private key is at least 48 octets (Ed25519 PKCS #8), 64 characters of base64. */
const MIN_BASE64 = 64;
/** Longest text tried as DER: large RSA keys are under 4 KB of base64; longer text is something else. */
const MAX_BASE64 = 16_384;

/** Whether base64 text decodes to a DER private key (PKCS #8, PKCS #1 RSA or SEC 1 EC). */
function isDerPrivateKey(text: string): boolean {
  const compact = text.replace(/\s+/g, "");
  if (compact.length < MIN_BASE64 || compact.length > MAX_BASE64 || !/^[A-Za-z0-9+/_-]+=*$/.test(compact)) return false;
  const der = Buffer.from(compact, /[-_]/.test(compact) ? "base64url" : "base64");
  if (der[0] !== 0x30) return false;
  for (const type of ["pkcs8", "pkcs1", "sec1"] as const) {
    try {
      createPrivateKey({ key: der, format: "der", type });
      return true;
    } catch {
      // Not this encoding; try the next.
    }
  }
  return false;
}

/**
 * Whether text holds a JSON Web Key with a private member: a `kty` member and a `d` (or, for `oct` keys, `k`) member
 * of base64url text, found by their members so that a key inside other text is found too.
 */
function hasPrivateJwk(text: string): boolean {
  return /"kty"\s*:/.test(text) && /"[dk]"\s*:\s*"[A-Za-z0-9_-]{16,}/.test(text);
}

/** Runs of base64 text (and the blanks between its lines) long enough to be a DER key. */
const BASE64_RUN = /[A-Za-z0-9+/_-][A-Za-z0-9+/=_\s-]{62,}[A-Za-z0-9+/=_-]/g;

/**
 * Whether base64 text inside `text` (with other words around it: "key: MIGH… end") decodes to a DER private key: each
 * run is tried whole and without up to three leading or trailing words.
 */
function hasDerPrivateKey(text: string): boolean {
  for (const [run] of text.matchAll(BASE64_RUN)) {
    const words = run.split(/\s+/).filter((w) => w !== "");
    for (let start = 0; start < Math.min(4, words.length); start++) {
      for (let end = words.length; end > Math.max(start, words.length - 4); end--) {
        if (isDerPrivateKey(words.slice(start, end).join(""))) return true;
      }
    }
  }
  return false;
}

/** What kind of private key `text` holds (a label, never key material), or undefined when it holds none. */
export function privateKeyIn(text: string): string | undefined {
  const pem = PEM_KEY.exec(text);
  if (pem !== null) return `a PEM "${(pem[1] ?? "PRIVATE KEY").toUpperCase()}" block`;
  if (PUTTY.test(text)) return "a PuTTY private key file";
  for (const block of text.matchAll(PEM_BODY)) {
    if (isDerPrivateKey(block[1] ?? "")) return "a private key under another PEM label";
  }
  if (hasDerPrivateKey(text)) return "a base64 DER private key";
  if (hasPrivateJwk(text)) return "a JSON Web Key with its private part";
  return undefined;
}

/** Where in an input a key was found: `tags["env"]`, `certificates (one of its keys)`. */
interface Finding {
  readonly path: string;
  readonly kind: string;
}

/** The first private key inside `value` (strings, list items, map keys and values), with its path under `path`. */
function findIn(value: unknown, path: string, depth: number): Finding | undefined {
  if (typeof value === "string") {
    const kind = privateKeyIn(value);
    return kind === undefined ? undefined : { path, kind };
  }
  if (depth > 8 || typeof value !== "object" || value === null) return undefined;
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    const keyKind = Array.isArray(value) ? undefined : privateKeyIn(key);
    if (keyKind !== undefined) return { path: `${path} (one of its keys)`, kind: keyKind };
    const found = findIn(item, Array.isArray(value) ? `${path}[${key}]` : `${path}[${JSON.stringify(key)}]`, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The bag to check instead of the one given, and the inputs refused for holding a private key. */
export interface Screened {
  readonly news: Record<string, unknown>;
  readonly refused: readonly string[];
}

/**
 * Refuse every private key found outside `secretInputs`, and return the bag to check instead: each input holding a
 * key is replaced by the preview-time unknown sentinel, so no rule reads it (none could quote it), and the report
 * hides the input's value (its failures carry no `property`). An input name that is itself a key is dropped. What
 * check returns must then leave the refused inputs out ({@link withoutRefused}).
 */
export function screenPrivateKeys(report: CheckReport, given: PropertyBag, secretInputs: readonly string[]): Screened {
  const news: Record<string, unknown> = {};
  const refused: string[] = [];
  const where =
    secretInputs.length === 0
      ? "this resource takes no private key"
      : `a private key belongs only in ${secretInputs.join(", ")}, passed as a secret`;
  for (const [name, value] of Object.entries(given)) {
    if (name === "__provider" || secretInputs.includes(name)) {
      news[name] = value;
      continue;
    }
    const nameKind = privateKeyIn(name);
    if (nameKind !== undefined) {
      report.fail("", `an input name holds ${nameKind}; ${where}. It is refused, and not shown, stored or sent`);
      continue;
    }
    const found = findIn(value, name, 0);
    if (found === undefined) {
      news[name] = value;
      continue;
    }
    report.hide(name);
    report.fail(name, `${found.path} holds ${found.kind}; ${where}. It is refused, and not shown, stored or sent`);
    news[name] = UNKNOWN;
    refused.push(name);
  }
  return { news, refused };
}

/**
 * The inputs check returns, without the refused ones: the engine stores what check returns (and the host would turn
 * the sentinel standing in for them into an unknown value, which `pulumi up` rejects before it prints the failures).
 * Only ever called on a failing check, whose inputs are never used, so the result keeps the declared type.
 */
export function withoutRefused<T extends object>(inputs: T, refused: readonly string[]): T {
  if (refused.length === 0) return inputs;
  const kept = Object.fromEntries(Object.entries(inputs).filter(([key]) => !refused.includes(key)));
  return kept as T; // the refused keys are gone: a failing check's inputs are stored, never read
}
