/**
 * The ESA seed section and its validation.
 *
 * Shape (all fields except `siteId`, `siteName` and each record's `recordName`/`type`/`data` optional):
 * ```
 * { sites: [{ siteId, siteName, planType?: "basic"|"standard"|"advanced"|"enterprise" (default "enterprise"),
 *             customHostnameQuota?: number (default by plan: basic 2, standard 10, advanced 20, enterprise 50),
 *             coverage?: "domestic"|"global"|"overseas" (default "overseas"), accessType?: "NS"|"CNAME" (default "NS"),
 *             resourceGroupId?, tags?: {k: v},
 *             records?: [{ recordId?, recordName, type: "A"|"AAAA"|"A/AAAA"|"CNAME"|"TXT"|"MX"|…, data,
 *                          proxied?: boolean (default false), ttl?: number (default 1 = automatic) }] }] }
 * ```
 * Ids are positive integers below 2^53, as numbers or decimal strings. A site with an existing `siteId` is updated
 * in place and its records merged by `recordId`; records without a `recordId` get one from the `esa.record` sequence.
 */
import type { ServiceContext } from "../../core/contract";
import { isWithinZone, parseHostname } from "./model/hostname";
import { canonicalId } from "./params";
import {
  COVERAGES,
  PLAN_TYPES,
  type AccessType,
  type Coverage,
  type EsaRecord,
  type EsaSite,
  type EsaState,
  type PlanType,
} from "./state";

/** Custom-hostname quota per plan when a seed site does not set one (emulator defaults). */
export const DEFAULT_QUOTAS: Readonly<Record<PlanType, number>> = {
  basic: 2,
  standard: 10,
  advanced: 20,
  enterprise: 50,
};

/**
 * The default seed:
 * - site `7096621098379520` `example-saas.com`, Enterprise plan, quota 50 (wildcards allowed), coverage overseas, with
 *   `origin.example-saas.com` (A 203.0.113.10, proxied, RecordId 4042843419650112),
 *   `www.example-saas.com` (CNAME origin.example-saas.com, proxied, RecordId 4042843419650113) and
 *   `api.example-saas.com` (A 203.0.113.20, **not** proxied, RecordId 4042843419650114: cannot be a hostname source);
 * - site `7096621098379648` `example-basic.net`, Basic plan, quota 2, no wildcards, with
 *   `origin.example-basic.net` (A 198.51.100.7, proxied, RecordId 4042843419650240).
 */
export const defaultEsaSeed = {
  sites: [
    {
      siteId: "7096621098379520",
      siteName: "example-saas.com",
      planType: "enterprise",
      customHostnameQuota: 50,
      coverage: "overseas",
      records: [
        {
          recordId: "4042843419650112",
          recordName: "origin.example-saas.com",
          type: "A",
          data: "203.0.113.10",
          proxied: true,
        },
        {
          recordId: "4042843419650113",
          recordName: "www.example-saas.com",
          type: "CNAME",
          data: "origin.example-saas.com",
          proxied: true,
        },
        { recordId: "4042843419650114", recordName: "api.example-saas.com", type: "A", data: "203.0.113.20" },
      ],
    },
    {
      siteId: "7096621098379648",
      siteName: "example-basic.net",
      planType: "basic",
      customHostnameQuota: 2,
      coverage: "overseas",
      records: [
        {
          recordId: "4042843419650240",
          recordName: "origin.example-basic.net",
          type: "A",
          data: "198.51.100.7",
          proxied: true,
        },
      ],
    },
  ],
} as const;

/** Record types the seed accepts; `A`/`AAAA` become ESA's combined `A/AAAA`. */
const RECORD_TYPES = ["A/AAAA", "CNAME", "TXT", "MX", "NS", "SRV", "CAA", "CERT", "SMIMEA", "SSHFP", "TLSA", "URI"];
/** Only these types can be proxied (served by ESA). */
const PROXIABLE = ["A/AAAA", "CNAME"];
const RECORD_ID_BASE = 4_042_843_419_000_000n;

function fail(path: string, why: string): never {
  throw new Error(`ESA seed: ${path}: ${why}`);
}

function obj(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, "must be an object");
  return value as Record<string, unknown>;
}

function str(value: unknown, path: string): string {
  if (typeof value !== "string" || value === "") fail(path, "must be a non-empty string");
  return value;
}

function id(value: unknown, path: string): string {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  return canonicalId(text) ?? fail(path, "must be a positive integer below 2^53 (number or decimal string)");
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T, path: string): T {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    fail(path, `must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

function nonNegativeInt(value: unknown, fallback: number, path: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(path, "must be a non-negative integer");
  return value;
}

function parseTags(value: unknown, path: string): Record<string, string> {
  if (value === undefined) return {};
  const o = obj(value, path);
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, str(v, `${path}.${k}`)]));
}

function parseRecord(value: unknown, site: EsaSite, path: string, ctx: ServiceContext, now: number): EsaRecord {
  const r = obj(value, path);
  const recordName = parseHostname(str(r["recordName"], `${path}.recordName`), `${path}.recordName`).hostname;
  if (!isWithinZone(recordName, site.siteName)) fail(`${path}.recordName`, `must be within ${site.siteName}`);
  const rawType = str(r["type"], `${path}.type`).toUpperCase();
  const recordType = rawType === "A" || rawType === "AAAA" ? "A/AAAA" : rawType;
  if (!RECORD_TYPES.includes(recordType)) fail(`${path}.type`, `must be one of A, AAAA, ${RECORD_TYPES.join(", ")}`);
  const proxied = r["proxied"] ?? false;
  if (typeof proxied !== "boolean") fail(`${path}.proxied`, "must be a boolean");
  if (proxied && !PROXIABLE.includes(recordType)) fail(`${path}.proxied`, `${recordType} records cannot be proxied`);
  const recordId =
    r["recordId"] === undefined
      ? (RECORD_ID_BASE + BigInt(ctx.nextId("esa.record"))).toString()
      : id(r["recordId"], `${path}.recordId`);
  return {
    recordId,
    siteId: site.siteId,
    recordName,
    recordType,
    value: str(r["data"], `${path}.data`),
    proxied,
    ttl: nonNegativeInt(r["ttl"], 1, `${path}.ttl`),
    createTime: now,
  };
}

function parseSite(value: unknown, path: string, now: number): EsaSite {
  const s = obj(value, path);
  const siteId = id(s["siteId"], `${path}.siteId`);
  const planType = oneOf(s["planType"], PLAN_TYPES, "enterprise", `${path}.planType`);
  return {
    siteId,
    siteName: parseHostname(str(s["siteName"], `${path}.siteName`), `${path}.siteName`).hostname,
    status: "active",
    planType,
    planName: `plan-${siteId.slice(0, 10)}`,
    instanceId: `esa-site-${siteId.slice(-12)}`,
    customHostnameQuota: nonNegativeInt(
      s["customHostnameQuota"],
      DEFAULT_QUOTAS[planType],
      `${path}.customHostnameQuota`,
    ),
    coverage: oneOf<Coverage>(s["coverage"], COVERAGES, "overseas", `${path}.coverage`),
    accessType: oneOf<AccessType>(s["accessType"], ["NS", "CNAME"], "NS", `${path}.accessType`),
    resourceGroupId:
      s["resourceGroupId"] === undefined ? "rg-acfmemulator01" : str(s["resourceGroupId"], `${path}.resourceGroupId`),
    tags: parseTags(s["tags"], `${path}.tags`),
    createTime: now,
  };
}

/**
 * Validates a seed section completely, then merges it into `state` (all or nothing). Throws `Error` with the path
 * of the first offending field.
 */
export function applyEsaSeed(state: EsaState, seed: unknown, ctx: ServiceContext): void {
  if (seed === undefined || seed === null) return;
  const root = obj(seed, "esa");
  if (root["sites"] === undefined) return;
  if (!Array.isArray(root["sites"])) fail("esa.sites", "must be an array");
  const now = ctx.clock.now();
  const sites: EsaSite[] = [];
  const records: EsaRecord[] = [];
  root["sites"].forEach((raw: unknown, i: number) => {
    const path = `esa.sites[${i}]`;
    const site = parseSite(raw, path, now);
    const existing = state.sites[site.siteId];
    const clash = Object.values(state.sites)
      .concat(sites)
      .find((s) => s.siteName === site.siteName && s.siteId !== site.siteId);
    if (clash) fail(`${path}.siteName`, `${site.siteName} is already site ${clash.siteId}`);
    if (sites.some((s) => s.siteId === site.siteId)) fail(`${path}.siteId`, `duplicate site ${site.siteId}`);
    if (existing) site.createTime = existing.createTime;
    sites.push(site);
    const rawRecords = obj(raw, path)["records"];
    if (rawRecords === undefined) return;
    if (!Array.isArray(rawRecords)) fail(`${path}.records`, "must be an array");
    rawRecords.forEach((r: unknown, j: number) => {
      const record = parseRecord(r, site, `${path}.records[${j}]`, ctx, now);
      const owner =
        state.records[record.recordId]?.siteId ?? records.find((x) => x.recordId === record.recordId)?.siteId;
      if (owner !== undefined && owner !== site.siteId) {
        fail(`${path}.records[${j}].recordId`, `record ${record.recordId} belongs to site ${owner}`);
      }
      records.push(record);
    });
  });
  for (const site of sites) state.sites[site.siteId] = site;
  for (const record of records) {
    record.createTime = state.records[record.recordId]?.createTime ?? record.createTime;
    state.records[record.recordId] = record;
  }
}
