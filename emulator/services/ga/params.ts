/**
 * Parameter parsing for GA actions. Calls arrive as flat string maps (`Certificates.1.Domain=…`), exactly as
 * `OpenApiUtil.query` flattens them, so lists are rebuilt here from their 1-based indices.
 */
import { type ApiCall } from "../../core/contract";
import { invalidParameter, invalidRegion, missingParameter } from "./errors";
import { GA_REGION } from "./state";

type Params = ApiCall["params"];

/** A present, non-empty parameter, else `Missing<Name>` (the core checks `required`, handlers may run without it). */
export function requireParam(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === "") throw missingParameter(name);
  return value;
}

/** Every GA operation requires `RegionId=cn-hangzhou`. */
export function requireRegion(params: Params): void {
  const region = requireParam(params, "RegionId");
  if (region !== GA_REGION) throw invalidRegion(region);
}

/** An optional integer parameter within `[min, max]`; `fallback` when absent. */
export function optionalInt(params: Params, name: string, min: number, max: number, fallback: number): number {
  const raw = params[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw)) throw invalidParameter(`The parameter ${name} must be an integer.`);
  const value = Number(raw);
  if (value < min || value > max) throw invalidParameter(`The parameter ${name} must be between ${min} and ${max}.`);
  return value;
}

/**
 * An optional boolean parameter, any case: the Node SDKs send `true`/`false`, the Python SDKs `str(True)`, `True`, and
 * the service has to accept both or its own Python SDK would fail.
 */
export function optionalBool(params: Params, name: string): boolean {
  const raw = params[name]?.toLowerCase();
  if (raw === undefined || raw === "") return false;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw invalidParameter(`The parameter ${name} must be true or false.`);
}

/** Parameter names whose prefix is `<name>.`, grouped by their 1-based index. */
function indexed(params: Params, name: string): Map<number, Map<string, string>> {
  if (params[name] !== undefined) {
    // Why: a JSON-encoded list is what the docs' sample URLs show, but the SDKs flatten it; fail loudly, not silently.
    throw invalidParameter(`The parameter ${name} must be sent flattened as ${name}.N (1-based).`);
  }
  const groups = new Map<number, Map<string, string>>();
  const prefix = `${name}.`;
  for (const [key, value] of Object.entries(params)) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const dot = rest.indexOf(".");
    const indexText = dot < 0 ? rest : rest.slice(0, dot);
    if (!/^[1-9]\d*$/.test(indexText)) throw invalidParameter(`The parameter ${key} has an invalid index.`);
    const index = Number(indexText);
    const group = groups.get(index) ?? new Map<string, string>();
    group.set(dot < 0 ? "" : rest.slice(dot + 1), value);
    groups.set(index, group);
  }
  return new Map([...groups.entries()].sort((a, b) => a[0] - b[0]));
}

/** `Name.N` → values in index order. */
export function flattenedStrings(params: Params, name: string): string[] {
  return [...indexed(params, name).entries()].map(([index, group]) => {
    const value = group.get("");
    if (value === undefined || value === "") throw missingParameter(`${name}.${index}`);
    return value;
  });
}

/** `Name.N.Field` → one record per index with every listed field present. */
export function flattenedObjects<F extends string>(
  params: Params,
  name: string,
  fields: readonly F[],
): Record<F, string>[] {
  return [...indexed(params, name).entries()].map(([index, group]) => {
    const record: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const value = group.get(field);
      if (value === undefined || value === "") throw missingParameter(`${name}.${index}.${field}`);
      record[field] = value;
    }
    return record as Record<F, string>;
  });
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** A DNS hostname with at least two labels; a leading `*.` wildcard label is allowed. */
export function isValidDomain(domain: string): boolean {
  const name = domain.toLowerCase();
  const bare = name.startsWith("*.") ? name.slice(2) : name;
  if (bare.length === 0 || name.length > 253) return false;
  const labels = bare.split(".");
  if (labels.length < 2) return false;
  if (!labels.every((label) => LABEL.test(label))) return false;
  // Why: an all-numeric last label would make an IP address look like a hostname.
  return !/^\d+$/.test(labels[labels.length - 1] ?? "");
}

/** Checks a domain parameter, naming it in the error. */
export function checkDomain(domain: string, paramName: string): void {
  if (!isValidDomain(domain))
    throw invalidParameter(`The parameter ${paramName} (${domain}) is not a valid domain name.`);
}

/** The CAS certificate identifier GA takes: `<numeric cert id>-<CAS region>`. */
const CERTIFICATE_ID = /^(\d+)-(cn-hangzhou|ap-southeast-1)$/;

/** The numeric CAS id inside a GA certificate id, or an `InvalidParameter` error naming the parameter. */
export function casIdOf(certificateId: string, paramName: string): string {
  const match = CERTIFICATE_ID.exec(certificateId);
  if (match?.[1] === undefined) {
    throw invalidParameter(
      `The parameter ${paramName} (${certificateId}) is invalid; expected <certId>-cn-hangzhou or <certId>-ap-southeast-1.`,
    );
  }
  return match[1];
}

/** Domains compare case-insensitively (DNS semantics). */
export function sameDomain(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The page a PageNumber/PageSize style list asks for. */
export interface Paging {
  readonly pageNumber: number;
  readonly pageSize: number;
}

/** `PageNumber` (from 1, default 1) and `PageSize` (1 to 50, default 10) of ListAccelerators and ListListeners. */
export function paging(params: Params): Paging {
  return {
    pageNumber: optionalInt(params, "PageNumber", 1, Number.MAX_SAFE_INTEGER, 1),
    pageSize: optionalInt(params, "PageSize", 1, 50, 10),
  };
}

/** One page of `items` under `key`, with the documented `TotalCount`, `PageNumber` and `PageSize`. */
export function pageOf<T>(
  key: string,
  items: readonly T[],
  { pageNumber, pageSize }: Paging,
  view: (item: T) => Record<string, unknown>,
): Record<string, unknown> {
  return {
    [key]: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((item) => view(item)),
    TotalCount: items.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
  };
}

/** Certificate roles accepted by ListListenerCertificates. */
export type CertificateRole = "default" | "additional" | "all";

/** `Role` → role; absent or empty means both kinds. */
export function parseRole(raw: string | undefined): CertificateRole {
  if (raw === undefined || raw === "") return "all";
  if (raw === "default" || raw === "additional") return raw;
  throw invalidParameter(`The parameter Role (${raw}) is invalid; valid values are default and additional.`);
}
