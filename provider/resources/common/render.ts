/**
 * How a check failure shows a user's value: as it was typed, so the message names what the user wrote. A string is
 * quoted (`"12"`), a number is bare (`12`, `NaN`, `Infinity`, `-0`, `1e+21`), and the empty string, `null`, maps,
 * lists and values unknown at preview each say what they are. `JSON.stringify`, which this replaces, renders `NaN`
 * and `Infinity` as `null` and drops `undefined` entries, so a message could name a value the user never wrote.
 *
 * Never call this with a secret or personal value; a value holding a private key is rendered without it anyway
 * (see {@link PRIVATE_KEY_MARKER}).
 */
import { UNKNOWN } from "./dynamic";

/** Longest rendering before it is cut (the engine prints the whole value again next to a named property). */
const MAX_LENGTH = 80;

/**
 * The start of a PEM private-key block (RFC 7468 §10-§11, OpenSSL's `RSA`/`EC`/`DSA`/`ENCRYPTED` variants, OpenSSH):
 * a rendering never carries text that holds one, even when a reader forgets to screen it first.
 */
export const PRIVATE_KEY_MARKER = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/i;

/** The number as typed: `-0` keeps its sign; `NaN`, `Infinity` and exponents appear as JavaScript writes them. */
function renderNumber(value: number): string {
  return Object.is(value, -0) ? "-0" : String(value);
}

/** A string in double quotes with JSON escapes, so blanks, line breaks and control characters are visible. */
function renderString(value: string): string {
  if (PRIVATE_KEY_MARKER.test(value)) return "(text holding a private key, not shown)";
  return JSON.stringify(value);
}

function renderInner(value: unknown, depth: number): string {
  if (value === UNKNOWN) return "<unknown at preview>";
  switch (typeof value) {
    case "string":
      return renderString(value);
    case "number":
      return renderNumber(value);
    case "bigint":
      return `${value}n`;
    case "boolean":
      return String(value);
    case "undefined":
      return "undefined";
    case "symbol":
      return value.toString();
    case "function":
      return "a function";
    default:
      break;
  }
  if (value === null) return "null";
  if (depth > 2) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value)) return `[${value.map((item) => renderInner(item, depth + 1)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${renderInner(item, depth + 1)}`).join(", ")}}`;
}

/** A user value as typed, for a failure message, cut to {@link MAX_LENGTH} characters. */
export function render(value: unknown): string {
  const text = renderInner(value, 0);
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}

/** What kind of value this is, in words, for "must be a string, got …" messages. */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "number") return Number.isFinite(value) ? "a number" : `the number ${renderNumber(value)}`;
  if (typeof value === "string") return value === "" ? "an empty string" : "a string";
  return `a ${typeof value}`;
}
