/**
 * Control operations (`POST /__emulator/esa/<name>`), playing the cloud's part in tests and demos:
 * - `setStatus` `{hostnameId, status: pending|active|conflicted|offline, conflictWith?, offlineReason?}`: force a
 *   hostname status (conflicted defaults ConflictWith to `existing_custom_hostname`, offline defaults OfflineReason to
 *   `proactively_disabled`).
 * - `failCertificate` `{hostnameId, code?, message?}`: the current free-certificate application (or, if none is
 *   running, the next one) ends `ApplyFailed` with CertApplyCode/CertApplyMessage (default 2 / `canceled`).
 * - `deleteOutOfBand` `{hostnameId}`: the hostname disappears as if deleted in the console.
 * - `configure` `{verifyUnpassedStyle?: "error-200"|"passed-false", autoVerifyDelayMs?: number}`.
 * - `setCondition` `{condition, siteId?, recordId?, step?, accessKeyId?, reasons?, forMs?, active?}` sets a service
 *   condition (model/conditions.ts), so tests can put ESA in the situations its error tables document. `condition`
 *   is `backendFailing` (with `step`: checkQuota|applyCert|setCert|queryCas|internal), `siteBusy` (`siteId`),
 *   `recordBusy` (`recordId`), `instanceNotOnline` (`siteId`), `siteOffline` (`siteId`, `reasons`: OfflineReason
 *   values) or `noPermission` (`accessKeyId`). `forMs` (simulated) ends a failing step or a busy site/record by
 *   itself; `active: false` clears the condition.
 * - `clearConditions` `{}`: clears every condition.
 * `setCondition` and `clearConditions` answer with the conditions in force. Bad input is an `InvalidParameter` (400);
 * an unknown hostname is `CustomHostname.NotFound` (404).
 */
import type { ControlHandler, ServiceContext } from "../../core/contract";
import { isRecord } from "../../core/json";
import { hostnameNotFound, invalidParameter } from "./errors";
import { DEFAULT_CERT_FAILURE, activate, failApplication } from "./lifecycle";
import { BACKEND_STEPS, noConditions, writableConditions, type BackendStep } from "./model/conditions";
import { canonicalId } from "./params";
import {
  CONFLICT_WITH,
  HOSTNAME_STATUSES,
  OFFLINE_REASONS,
  type EsaCustomHostname,
  type EsaState,
  type HostnameStatus,
  type VerifyUnpassedStyle,
} from "./state";
import { hostnameGetView } from "./views";

function body(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw invalidParameter("body", "It must be a JSON object.");
  return value;
}

function hostnameOf(state: EsaState, b: Record<string, unknown>): EsaCustomHostname {
  const raw = b["hostnameId"];
  const id = canonicalId(typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw : "");
  if (id === undefined) throw invalidParameter("hostnameId", "It must be a positive integer.");
  const h = state.hostnames[id];
  if (!h) throw hostnameNotFound();
  return h;
}

/** One of `allowed`. */
function choice<T extends string>(value: unknown, name: string, allowed: readonly T[]): T {
  const match = allowed.find((a) => a === value);
  if (match === undefined) throw invalidParameter(name, `Valid values: ${allowed.join(", ")}.`);
  return match;
}

/** The field `name` of `b`, one of `allowed`, if present. */
function optionalChoice<T extends string>(
  b: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  return b[name] === undefined ? undefined : choice(b[name], name, allowed);
}

/** Redacted view of a hostname (controls and the objects dump answer with it; note that `GET /__emulator/state` and the state file hold the raw world, keys included, like the real service holds them). */
function summary(state: EsaState, h: EsaCustomHostname): unknown {
  const view = hostnameGetView(state, h);
  return view["PrivateKey"] === undefined ? view : { ...view, PrivateKey: "[REDACTED]" };
}

const setStatus: ControlHandler<EsaState> = (state, raw, ctx: ServiceContext) => {
  const b = body(raw);
  const h = hostnameOf(state, b);
  const status = choice<HostnameStatus>(b["status"], "status", HOSTNAME_STATUSES);
  const conflictWith = optionalChoice(b, "conflictWith", CONFLICT_WITH);
  const offlineReason = optionalChoice(b, "offlineReason", OFFLINE_REASONS);
  const now = ctx.clock.now();
  if (status === "active") {
    activate(h, now);
  } else {
    h.status = status;
    h.ownershipSeenAt = null;
    h.conflictWith = status === "conflicted" ? (conflictWith ?? "existing_custom_hostname") : null;
    h.offlineReason = status === "offline" ? (offlineReason ?? "proactively_disabled") : null;
    h.updateTime = now;
  }
  return summary(state, h);
};

const failCertificate: ControlHandler<EsaState> = (state, raw, ctx) => {
  const b = body(raw);
  const h = hostnameOf(state, b);
  const code = b["code"] ?? DEFAULT_CERT_FAILURE.code;
  const message = b["message"] ?? DEFAULT_CERT_FAILURE.message;
  if (typeof code !== "number" || !Number.isInteger(code)) throw invalidParameter("code", "It must be an integer.");
  if (typeof message !== "string") throw invalidParameter("message", "It must be a string.");
  if (h.certType !== "free") throw invalidParameter("hostnameId", "The hostname does not use a free certificate.");
  if (h.certStatus === "Applying") failApplication(h, code, message, ctx.clock.now());
  else h.queuedCertFailure = { code, message };
  return summary(state, h);
};

const deleteOutOfBand: ControlHandler<EsaState> = (state, raw) => {
  const h = hostnameOf(state, body(raw));
  delete state.hostnames[h.hostnameId];
  return { deleted: Number(h.hostnameId) };
};

const configure: ControlHandler<EsaState> = (state, raw) => {
  const b = body(raw);
  const style = optionalChoice<VerifyUnpassedStyle>(b, "verifyUnpassedStyle", ["error-200", "passed-false"]);
  const delay = b["autoVerifyDelayMs"];
  if (delay !== undefined && (typeof delay !== "number" || !Number.isInteger(delay) || delay < 0)) {
    throw invalidParameter("autoVerifyDelayMs", "It must be a non-negative integer.");
  }
  if (style !== undefined) state.settings.verifyUnpassedStyle = style;
  if (typeof delay === "number") state.settings.autoVerifyDelayMs = delay;
  return { ...state.settings };
};

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

/** Set or clear a keyed entry. */
function put<V>(map: Record<string, V>, key: string, value: V, active: boolean): void {
  if (active) map[key] = value;
  else delete map[key];
}

const setCondition: ControlHandler<EsaState> = (state, raw, ctx) => {
  const b = body(raw);
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

export const esaControls: Readonly<Record<string, ControlHandler<EsaState>>> = {
  setStatus,
  failCertificate,
  deleteOutOfBand,
  configure,
  setCondition,
  clearConditions,
};
