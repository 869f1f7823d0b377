/** Parsing of wire parameters (all arrive as strings) into checked values. */
import { invalidParameter } from "./errors";

type Params = Readonly<Record<string, string>>;

/** The parameter if present and non-empty; RPC clients omit unset parameters, so "" is treated as absent too. */
export function optional(params: Params, name: string): string | undefined {
  const v = params[name];
  return v === undefined || v === "" ? undefined : v;
}

/** A present parameter (the core has already rejected a missing `required` one). */
export function present(params: Params, name: string): string {
  const v = optional(params, name);
  if (v === undefined) throw invalidParameter(name, "It must not be empty.");
  return v;
}

/** Canonical decimal form of an integer id, or `undefined` when the text is not a positive safe integer. */
export function canonicalId(text: string): string | undefined {
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) && n > 0 ? String(n) : undefined;
}

/** An integer id parameter (SiteId, RecordId, HostnameId, CasId) as a canonical decimal string. */
export function idParam(params: Params, name: string): string {
  const id = canonicalId(present(params, name));
  if (id === undefined) throw invalidParameter(name, "It must be a positive integer.");
  return id;
}

/** An optional integer id parameter. */
export function optionalIdParam(params: Params, name: string): string | undefined {
  return optional(params, name) === undefined ? undefined : idParam(params, name);
}

/** An optional parameter restricted to `allowed` values. */
export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const v = optional(params, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) {
    throw invalidParameter(name, `Valid values: ${allowed.join(", ")}.`);
  }
  return v as T;
}

/** An optional boolean parameter, any case (Node SDKs send `true`, Python SDKs `True`). */
export function optionalBool(params: Params, name: string): boolean | undefined {
  const raw = optional(params, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw !== "true" && raw !== "false") throw invalidParameter(name, "Valid values: true, false.");
  return raw === "true";
}

/** Validated paging: PageNumber ≥ 1, PageSize in 1..maxSize. */
export interface Paging {
  pageNumber: number;
  pageSize: number;
}

export function paging(params: Params, defaultSize: number, maxSize: number): Paging {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = optional(params, name);
    if (v === undefined) return fallback;
    const n = /^\d{1,9}$/.test(v) ? Number(v) : NaN;
    if (!(n >= min && n <= max)) throw invalidParameter(name, `It must be an integer from ${min} to ${max}.`);
    return n;
  };
  return {
    pageNumber: int("PageNumber", 1, 1, 1_000_000),
    pageSize: int("PageSize", defaultSize, 1, maxSize),
  };
}

/** One page of `items` plus the documented paging fields. */
export function page<T>(
  items: readonly T[],
  p: Paging,
): { items: T[]; TotalCount: number; PageNumber: number; PageSize: number } {
  const start = (p.pageNumber - 1) * p.pageSize;
  return {
    items: items.slice(start, start + p.pageSize),
    TotalCount: items.length,
    PageNumber: p.pageNumber,
    PageSize: p.pageSize,
  };
}

/** Name matching as ListSites `SiteSearchType`, ListRecords `RecordMatchType` and ListCustomHostnames `NameMatchType` define it. */
export type MatchType = "exact" | "prefix" | "suffix" | "fuzzy";
export const MATCH_TYPES: readonly MatchType[] = ["exact", "prefix", "suffix", "fuzzy"];

export function nameMatches(candidate: string, query: string, how: MatchType): boolean {
  const c = candidate.toLowerCase();
  const q = query.toLowerCase();
  switch (how) {
    case "exact":
      return c === q;
    case "prefix":
      return c.startsWith(q);
    case "suffix":
      return c.endsWith(q);
    case "fuzzy":
      return c.includes(q);
  }
}
