import { CasErrors } from "./errors";
import type { CasTag } from "./state";

/** A host name of ≥ 2 labels (letters, digits, hyphens; 1–63 chars each; ≤ 253 total), optionally `*.`-prefixed. */
export function isValidDomain(name: string): boolean {
  const host = name.startsWith("*.") ? name.slice(2) : name;
  if (host.length === 0 || host.length > 253) return false;
  const labels = host.split(".");
  if (labels.length < 2) return false;
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(l)) && !/^\d+$/.test(labels.at(-1) ?? "");
}

/** True for a wildcard name such as `*.example.com`. */
export function isWildcard(name: string): boolean {
  return name.startsWith("*.");
}

/** The decimal form of an integer id parameter (OrderId / CertId), or `InvalidParameter`. */
export function parseId(name: string, raw: string): string {
  const trimmed = raw.trim();
  if (!/^\d{1,20}$/.test(trimmed)) throw CasErrors.invalidParameter(`${name} must be an integer.`);
  return BigInt(trimmed).toString();
}

/**
 * A boolean parameter, any case (Node SDKs send `true`, Python SDKs `True`), default when absent.
 */
export function parseBoolean(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === "") return fallback;
  const value = raw.toLowerCase();
  if (value === "true" || value === "false") return value === "true";
  throw CasErrors.invalidParameter(`${name} must be true or false.`);
}

/** A positive integer parameter, default when absent. */
export function parsePositiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1)
    throw CasErrors.invalidParameter(`${name} must be a positive integer.`);
  return Number(raw);
}

/** One of `allowed`, default when absent. */
export function parseEnum<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (raw === undefined || raw === "") return fallback;
  const match = allowed.find((a) => a === raw);
  if (match === undefined) throw CasErrors.invalidParameter(`${name} must be one of ${allowed.join(", ")}.`);
  return match;
}

/** The applicant's phone: digits with an optional leading `+`, 5–20 digits (the doc example is `1390000****`). */
export function checkPhone(raw: string): string {
  if (!/^\+?\d{5,20}$/.test(raw)) throw CasErrors.mobileIllegal();
  return raw;
}

/** The applicant's email: `local@domain.tld`, at most 128 characters. */
export function checkEmail(raw: string): string {
  if (raw.length > 128 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    throw CasErrors.invalidParameter("Email is not a valid email address.");
  }
  return raw;
}

/** The applicant's name: non-blank, at most 64 characters. */
export function checkUsername(raw: string): string {
  if (raw.trim() === "" || raw.length > 64) throw CasErrors.invalidParameter("Username must be 1 to 64 characters.");
  return raw;
}

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 128;

/**
 * `Tags.N.Key` / `Tags.N.Value` (N = 1..20). Keys are 1–128 characters, must not start with `acs:` or `aliyun` and
 * must not contain `http://` or `https://` (the SDK's documented rules); values are at most 128 characters.
 */
export function parseTags(params: Readonly<Record<string, string>>): CasTag[] {
  const byIndex = new Map<number, { key?: string; value?: string }>();
  for (const [name, value] of Object.entries(params)) {
    const match = /^Tags\.(\d+)\.(Key|Value)$/.exec(name);
    if (match === null) {
      if (name.startsWith("Tags.")) throw CasErrors.invalidParameter(`${name} is not a valid tag parameter.`);
      continue;
    }
    const index = Number(match[1]);
    if (index < 1 || index > MAX_TAGS) throw CasErrors.invalidParameter(`Tags.N: N must be between 1 and ${MAX_TAGS}.`);
    const entry = byIndex.get(index) ?? {};
    if (match[2] === "Key") entry.key = value;
    else entry.value = value;
    byIndex.set(index, entry);
  }
  const tags: CasTag[] = [];
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const { key, value = "" } = byIndex.get(index) ?? {};
    if (key === undefined || key === "") throw CasErrors.invalidParameter(`Tags.${index}.Key must not be empty.`);
    const lower = key.toLowerCase();
    if (key.length > MAX_TAG_LENGTH)
      throw CasErrors.invalidParameter(`Tags.${index}.Key is longer than 128 characters.`);
    if (
      lower.startsWith("acs:") ||
      lower.startsWith("aliyun") ||
      lower.includes("http://") ||
      lower.includes("https://")
    ) {
      throw CasErrors.invalidParameter(`Tags.${index}.Key must not start with acs: or aliyun or contain a URL scheme.`);
    }
    if (value.length > MAX_TAG_LENGTH) {
      throw CasErrors.invalidParameter(`Tags.${index}.Value is longer than 128 characters.`);
    }
    if (tags.some((t) => t.key === key)) throw CasErrors.invalidParameter(`Tags: duplicate key "${key}".`);
    tags.push({ key, value });
  }
  return tags;
}
