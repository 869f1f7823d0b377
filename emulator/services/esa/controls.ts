/**
 * Control operations (`POST /__emulator/esa/<name>`), playing the cloud's part in tests and demos:
 * - `setStatus` `{hostnameId, status: pending|active|conflicted|offline, conflictWith?, offlineReason?}`: force a
 *   hostname status (conflicted defaults ConflictWith to `existing_custom_hostname`, offline defaults OfflineReason to
 *   `proactively_disabled`).
 * - `failCertificate` `{hostnameId, code?, message?}`: the current free-certificate application (or, if none is
 *   running, the next one) ends `ApplyFailed` with CertApplyCode/CertApplyMessage (default 2 / `canceled`).
 * - `deleteOutOfBand` `{hostnameId}`: the hostname disappears as if deleted in the console.
 * - `configure` `{verifyUnpassedStyle?: "error-200"|"passed-false", autoVerifyDelayMs?: number}`.
 * - `setCondition` / `clearConditions`: service conditions behind the documented busy/unpaid/permission/back-end
 *   codes (condition-controls.ts).
 * Bad input is an `InvalidParameter` (400); an unknown hostname is `CustomHostname.NotFound` (404).
 */
import type { ControlHandler, ServiceContext } from "../../core/contract";
import { conditionControls } from "./condition-controls";
import { hostnameNotFound, invalidParameter } from "./errors";
import { DEFAULT_CERT_FAILURE, activate, failApplication } from "./lifecycle";
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
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw invalidParameter("body", "It must be a JSON object.");
  }
  return value as Record<string, unknown>;
}

function hostnameOf(state: EsaState, b: Record<string, unknown>): EsaCustomHostname {
  const raw = b["hostnameId"];
  const id = canonicalId(typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw : "");
  if (id === undefined) throw invalidParameter("hostnameId", "It must be a positive integer.");
  const h = state.hostnames[id];
  if (!h) throw hostnameNotFound();
  return h;
}

function optionalChoice<T extends string>(
  b: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const v = b[name];
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !(allowed as readonly string[]).includes(v)) {
    throw invalidParameter(name, `Valid values: ${allowed.join(", ")}.`);
  }
  return v as T;
}

/** Redacted view of a hostname (controls and the objects dump answer with it; note that `GET /__emulator/state` and the state file hold the raw world, keys included, like the real service holds them). */
function summary(state: EsaState, h: EsaCustomHostname): unknown {
  const view = hostnameGetView(state, h);
  return view["PrivateKey"] === undefined ? view : { ...view, PrivateKey: "[REDACTED]" };
}

const setStatus: ControlHandler<EsaState> = (state, raw, ctx: ServiceContext) => {
  const b = body(raw);
  const h = hostnameOf(state, b);
  const status = optionalChoice<HostnameStatus>(b, "status", HOSTNAME_STATUSES);
  if (status === undefined) throw invalidParameter("status", `Valid values: ${HOSTNAME_STATUSES.join(", ")}.`);
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

export const esaControls: Readonly<Record<string, ControlHandler<EsaState>>> = {
  setStatus,
  failCertificate,
  deleteOutOfBand,
  configure,
  ...conditionControls,
};
