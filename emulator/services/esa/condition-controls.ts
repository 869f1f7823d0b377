/**
 * Controls that set service conditions (model/conditions.ts), so tests can put ESA in the situations its error tables
 * document:
 * - `setCondition` `{condition, siteId?, recordId?, step?, accessKeyId?, reasons?, forMs?, active?}` where
 *   `condition` is `backendFailing` (with `step`: checkQuota|applyCert|setCert|queryCas|internal), `siteBusy`
 *   (`siteId`), `recordBusy` (`recordId`), `instanceNotOnline` (`siteId`), `siteOffline` (`siteId`, `reasons`:
 *   OfflineReason values) or `noPermission` (`accessKeyId`). `forMs` (simulated) ends a failing step or a busy
 *   site/record by itself; `active: false` clears the condition.
 * - `clearConditions` `{}`: clears every condition.
 * Both answer with the conditions in force. Bad input is `InvalidParameter` (400).
 */
import type { ControlHandler, ServiceContext } from "../../core/contract";
import { BACKEND_STEPS, noConditions, writableConditions, type BackendStep } from "./model/conditions";
import { invalidParameter } from "./errors";
import { OFFLINE_REASONS, type EsaState } from "./state";

const CONDITIONS = [
  "backendFailing",
  "siteBusy",
  "recordBusy",
  "instanceNotOnline",
  "siteOffline",
  "noPermission",
] as const;

function field(b: Record<string, unknown>, name: string): string {
  const v = b[name];
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  if (typeof v !== "string" || v === "") throw invalidParameter(name, "It is required for this condition.");
  return v;
}

function untilOf(b: Record<string, unknown>, ctx: ServiceContext): number | null {
  const forMs = b["forMs"];
  if (forMs === undefined) return null;
  if (typeof forMs !== "number" || !Number.isInteger(forMs) || forMs <= 0) {
    throw invalidParameter("forMs", "It must be a positive integer.");
  }
  return ctx.clock.now() + forMs;
}

function choice<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidParameter(name, `Valid values: ${allowed.join(", ")}.`);
  }
  return value as T;
}

/** Set or clear a keyed entry. */
function put<V>(map: Record<string, V>, key: string, value: V, active: boolean): void {
  if (active) map[key] = value;
  else delete map[key];
}

const setCondition: ControlHandler<EsaState> = (state, raw, ctx) => {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw invalidParameter("body", "It must be a JSON object.");
  }
  const b = raw as Record<string, unknown>;
  const active = b["active"] ?? true;
  if (typeof active !== "boolean") throw invalidParameter("active", "It must be a boolean.");
  const c = writableConditions(state);
  switch (choice(b["condition"], "condition", CONDITIONS)) {
    case "backendFailing": {
      const step = choice<BackendStep>(b["step"], "step", BACKEND_STEPS);
      if (active) c.failingSteps[step] = untilOf(b, ctx);
      else delete c.failingSteps[step];
      break;
    }
    case "siteBusy":
      put(c.busySites, field(b, "siteId"), untilOf(b, ctx), active);
      break;
    case "recordBusy":
      put(c.busyRecords, field(b, "recordId"), untilOf(b, ctx), active);
      break;
    case "instanceNotOnline":
      put(c.unpaidSites, field(b, "siteId"), true, active);
      break;
    case "siteOffline": {
      const reasons = b["reasons"];
      if (active && (!Array.isArray(reasons) || reasons.length === 0)) {
        throw invalidParameter("reasons", `A non-empty list of: ${OFFLINE_REASONS.join(", ")}.`);
      }
      const list = active ? (reasons as unknown[]).map((r) => choice(r, "reasons", OFFLINE_REASONS)) : [];
      put(c.offlineSites, field(b, "siteId"), list, active);
      break;
    }
    case "noPermission":
      put(c.deniedAccessKeys, field(b, "accessKeyId"), true, active);
      break;
  }
  return c;
};

const clearConditions: ControlHandler<EsaState> = (state) => {
  state.conditions = noConditions();
  return state.conditions;
};

export const conditionControls: Readonly<Record<string, ControlHandler<EsaState>>> = {
  setCondition,
  clearConditions,
};
