/**
 * The kinds of provider settings, one rule each. A kind turns a setting's text (trimmed, never empty: an empty value
 * is unset, see `read.ts`) into a value, or says that the text breaks its rule. Every setting of one kind follows the
 * same rule, and the rule's words are the ones the settings table (docs/settings.md) and every error message show.
 */
import { isIP } from "node:net";

/** What a kind makes of a setting's text: its value, or a failure (`detail` names the bad entry of a list). */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /**
       * For a list or a map, what is wrong with one entry, naming it (`an entry "x" is not …`): the message then
       * names that entry rather than the whole value.
       * @default the message names the whole value
       */
      readonly detail?: string;
    };

/** One kind of setting. */
export interface Kind<T> {
  /** The kind as the table names it: `duration (ms)`, `switch`, `enum`, `URL`, `list`, `string`, … */
  readonly name: string;
  /** What a value must be, completing "it must be …" (`"on" or "off"`). */
  readonly rule: string;
  /** The value of `text` (trimmed and not empty), or why it breaks {@link rule}. */
  parse(text: string): Parsed<T>;
  /** A value as a user would type it (the table shows defaults this way; `parse(show(v))` is `v`). */
  show(value: T): string;
  /**
   * Every text is a value: a setting of this kind is never malformed.
   * @default false
   */
  readonly takesAnyText?: boolean;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const broken: Parsed<never> = { ok: false };

/**
 * A decimal number as ECMAScript's StringToNumber reads one (ECMA-262 §7.1.4.1.1, StrDecimalLiteral: sign, digits,
 * fraction, exponent), without `Infinity`, hex, octal or binary forms: every value `Number()` accepted before this
 * module existed and that anyone would type as a number of milliseconds.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The longest delay a Node.js timer keeps: a larger one (or one below 1) is set to 1 ms, with a warning (Node.js
 * `setTimeout` documentation), so a larger duration would silently turn into the shortest one.
 */
export const MAX_TIMER_MS = 2_147_483_647;

/** A duration in milliseconds: a decimal number, at most {@link MAX_TIMER_MS}; zero allowed where it means "none". */
export function duration(zero: "allowed" | "refused"): Kind<number> {
  const rule =
    zero === "allowed"
      ? `a number of milliseconds from 0 to ${MAX_TIMER_MS}`
      : `a number of milliseconds above 0, at most ${MAX_TIMER_MS}`;
  return {
    name: "duration (ms)",
    rule,
    parse: (text) => {
      if (!DECIMAL.test(text)) return broken;
      const value = Number(text);
      // `-0` is 0; a negative zero has no meaning as a duration.
      if (value > MAX_TIMER_MS || value < 0 || (value === 0 && zero === "refused")) return broken;
      return ok(value === 0 ? 0 : value);
    },
    show: (value) => String(value),
  };
}

/** A switch: `on` or `off`, in any case. */
export const onOff: Kind<boolean> = {
  name: "switch",
  rule: '"on" or "off"',
  parse: (text) => {
    const lower = text.toLowerCase();
    return lower === "on" ? ok(true) : lower === "off" ? ok(false) : broken;
  },
  show: (value) => (value ? "on" : "off"),
};

/** One value of an {@link oneOf} setting. */
export interface Choice<T extends string> {
  /** The value, as the documentation spells it (it matches in any case). */
  readonly value: T;
  /**
   * What it does, shown in the rule after the value.
   * @default the value alone
   */
  readonly means?: string;
}

/** `"a" or "b"`, `"a", "b" or "c"`. */
function alternatives(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1) ?? ""}`;
}

/** One of fixed values (an enumeration), matched in any case; the value is returned as declared. */
export function oneOf<const T extends string>(choices: readonly Choice<T>[]): Kind<T> {
  return {
    name: "enum",
    rule: alternatives(choices.map((c) => (c.means === undefined ? `"${c.value}"` : `"${c.value}" (${c.means})`))),
    parse: (text) => {
      const choice = choices.find((c) => c.value.toLowerCase() === text.toLowerCase());
      return choice === undefined ? broken : ok(choice.value);
    },
    show: (value) => value,
  };
}

/** Free text (a region name, a profile, a key): no rule, so never malformed. */
export const text: Kind<string> = {
  name: "string",
  rule: "any text",
  takesAnyText: true,
  parse: (value) => ok(value),
  show: (value) => value,
};

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const scheme = new URL(value).protocol.toLowerCase();
  return scheme === "http:" || scheme === "https:";
}

/** An `http://` or `https://` URL (WHATWG URL syntax), kept as typed. */
export const httpUrl: Kind<string> = {
  name: "URL",
  rule: "an http:// or https:// URL",
  parse: (value) => (isHttpUrl(value) ? ok(value) : broken),
  show: (value) => value,
};

/** Where an endpoint setting points: a host (with its port), and the protocol when the value was a URL. */
export interface EndpointValue {
  /** `host[:port]`, as @alicloud/openapi-client's `endpoint` takes it (no scheme). */
  readonly host: string;
  /**
   * The URL's scheme.
   * @default the protocol `alicloud:protocol` names (HTTPS unless set) when the value was a bare host
   */
  readonly protocol: "http" | "https" | undefined;
}

/** A value that starts with a URL scheme (`http://`, `ftp://`): read as a URL, else as a bare host. */
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A bare `host[:port]`: no blank, no path (trailing slashes are dropped first). */
const BARE_HOST = /^[^\s/]+$/;

function endpointOf(value: string): EndpointValue | undefined {
  if (SCHEME.test(value)) {
    if (!isHttpUrl(value)) return undefined;
    const url = new URL(value);
    return { host: url.host, protocol: url.protocol.toLowerCase() === "http:" ? "http" : "https" };
  }
  const host = value.replace(/\/+$/, "");
  return BARE_HOST.test(host) ? { host, protocol: undefined } : undefined;
}

const ENDPOINT_RULE = "an http:// or https:// URL, or a bare host[:port]";

/** An API endpoint: a URL (its scheme sets the protocol; its path is ignored) or a bare `host[:port]`. */
export const endpoint: Kind<EndpointValue> = {
  name: "endpoint",
  rule: ENDPOINT_RULE,
  parse: (value) => {
    const parsed = endpointOf(value);
    return parsed === undefined ? broken : ok(parsed);
  },
  show: (value) => (value.protocol === undefined ? value.host : `${value.protocol}://${value.host}`),
};

/**
 * Per-product endpoints in the form of @pulumi/alicloud's `alicloud:endpoints`: JSON, a list of objects (what
 * `pulumi config set --path 'alicloud:endpoints[0].esa' …` writes) or one object. Only the `keys` are read (the
 * others belong to @pulumi/alicloud); the first object naming a key wins; an empty value is unset.
 */
export function endpointMap(keys: readonly string[]): Kind<ReadonlyMap<string, EndpointValue>> {
  const named = alternatives(keys);
  return {
    name: "JSON",
    rule:
      `JSON: an object, or a list of objects, whose ${named} keys are endpoints (${ENDPOINT_RULE}), ` +
      `e.g. [{"${keys[0] ?? "esa"}": "esa.cn-hangzhou.aliyuncs.com"}]`,
    parse: (value) => {
      let json: unknown;
      try {
        json = JSON.parse(value);
      } catch {
        return broken;
      }
      const entries: unknown[] = Array.isArray(json) ? json : [json];
      const map = new Map<string, EndpointValue>();
      for (const entry of entries) {
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return broken;
        for (const key of keys) {
          const given: unknown = Object.getOwnPropertyDescriptor(entry, key)?.value;
          if (given === undefined || map.has(key) || (typeof given === "string" && given.trim() === "")) continue;
          const parsed = typeof given === "string" ? endpointOf(given.trim()) : undefined;
          if (parsed === undefined)
            return { ok: false, detail: `its "${key}" entry ${JSON.stringify(given)} is not an endpoint` };
          map.set(key, parsed);
        }
      }
      return ok(map);
    },
    show: (value) => JSON.stringify([Object.fromEntries([...value].map(([k, v]) => [k, endpoint.show(v)]))]),
  };
}

/**
 * The entries of a comma-separated list, trimmed, or the detail naming an empty entry: a comma too many is a
 * mistake, never an entry that means "nothing".
 */
export function listEntries(value: string): { readonly entries: readonly string[] } | { readonly detail: string } {
  const entries = value.split(",").map((e) => e.trim());
  return entries.includes("")
    ? { detail: `${JSON.stringify(value)} has an empty entry (a comma too many)` }
    : { entries };
}

/** The DNS port a resolver address without one uses (RFC 1035 §4.2). */
const DNS_PORT = 53;

/**
 * A resolver address as `dns.Resolver#setServers` documents them (Node.js `dns` documentation): an IPv4 or IPv6
 * address, with an optional port (`1.2.3.4:53`, `[2001:db8::1]:53`). Host names are not resolvers.
 */
function isResolverAddress(entry: string): boolean {
  if (isIP(entry) !== 0) return true;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(entry);
  const withPort = bracketed ?? /^([^:[\]]+):(\d{1,5})$/.exec(entry);
  if (withPort === null) return false;
  const [, address = "", port] = withPort;
  const version = isIP(address);
  if (version === 0 || (bracketed !== null && version !== 6) || (bracketed === null && version !== 4)) return false;
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65_535);
}

/** Resolvers to ask: a comma-separated list of resolver addresses (see {@link isResolverAddress}). */
export const resolverList: Kind<readonly string[]> = {
  name: "list",
  rule: `a comma-separated list of resolver addresses: IPv4 or IPv6, each with an optional port (1.2.3.4:${DNS_PORT}, [::1]:${DNS_PORT})`,
  parse: (value) => {
    const list = listEntries(value);
    if ("detail" in list) return { ok: false, detail: list.detail };
    const bad = list.entries.find((e) => !isResolverAddress(e));
    return bad === undefined
      ? ok(list.entries)
      : { ok: false, detail: `an entry ${JSON.stringify(bad)} is not a resolver address` };
  },
  show: (value) => value.join(","),
};

/** All, none, or the entries named. */
export type AllNoneOrList =
  { readonly kind: "none" } | { readonly kind: "all" } | { readonly kind: "list"; readonly entries: readonly string[] };

/**
 * `true` (all), `false` (none), in any case, or a comma-separated list of `noun` (the entries are trimmed; their own
 * rule is the reader's: a setting of hostnames checks each one as a hostname).
 */
export function trueFalseOrList(noun: string): Kind<AllNoneOrList> {
  return {
    name: "switch or list",
    rule: `"true", "false" or a comma-separated list of ${noun}`,
    parse: (value) => {
      const lower = value.toLowerCase();
      if (lower === "true") return ok({ kind: "all" });
      if (lower === "false") return ok({ kind: "none" });
      const list = listEntries(value);
      return "detail" in list ? { ok: false, detail: list.detail } : ok({ kind: "list", entries: list.entries });
    },
    show: (value) => (value.kind === "list" ? value.entries.join(",") : value.kind === "all" ? "true" : "false"),
  };
}
