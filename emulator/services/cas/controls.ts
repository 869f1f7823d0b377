/**
 * Control operations (`POST /__emulator/cas/<name>`), playing the CA's part in tests and demos:
 * - `failValidation` `{orderId}`: the review of a pending order fails (`verify_fail`);
 * - `issueNow` `{orderId}`: a pending order is issued at once;
 * - `setQuota` `{productCode, total, used?}`: a product code's resource plan;
 * - `configure` `{describeStateCertId?}`: emulator knobs;
 * - `schedule` `{caSchedule?}`: the CA's issuance schedule.
 * OrderIds are decimal strings (they exceed 2^53). Malformed input is `InvalidControlInput` (400), as in the core's
 * own control routes; an unknown order is `NotFound`.
 */
import { parseCaSchedule, type CaScheduleEntry } from "../../core/ca-schedule";
import type { ControlHandler, ServiceContext } from "../../core/contract";
import { controlError, isRecord } from "../../core/json";
import { CasErrors } from "./errors";
import { scheduleOf } from "./model/issuance-policy";
import { issueOrder } from "./lifecycle";
import { parsePackage } from "./seed";
import type { CasOrder, CasState } from "./state";

/**
 * The order named by `body.orderId`. OrderIds exceed 2^53, so the control API takes them as decimal strings (a JSON
 * number would already have lost digits when the body was parsed).
 */
function orderFromBody(state: CasState, body: unknown): CasOrder {
  const raw = isRecord(body) ? body["orderId"] : undefined;
  const orderId = typeof raw === "bigint" ? raw.toString() : raw;
  if (typeof orderId !== "string" || !/^\d+$/.test(orderId)) {
    throw controlError('Body must be {"orderId": "<decimal string>"}.');
  }
  const order = state.orders[BigInt(orderId).toString()];
  if (order === undefined) throw CasErrors.notFound();
  return order;
}

function requirePending(order: CasOrder): void {
  if (order.state !== "domain_verify" && order.state !== "process") {
    throw CasErrors.statusNotSupport(`Order ${order.orderId} is ${order.state}, not pending validation or review.`);
  }
}

/** Play the CA: fail the review of a pending order (→ `verify_fail`). */
const failValidation: ControlHandler<CasState> = (state, body) => {
  const order = orderFromBody(state, body);
  requirePending(order);
  order.state = "verify_fail";
  order.processSince = null;
  return { orderId: order.orderId, state: order.state };
};

/** Play the CA: issue a pending order now, without waiting for validation or review. */
const issueNow: ControlHandler<CasState> = (state, body, ctx: ServiceContext) => {
  const order = orderFromBody(state, body);
  requirePending(order);
  issueOrder(state, order, ctx.clock.now(), ctx);
  return { orderId: order.orderId, state: order.state, certId: order.certId };
};

/** Set a product code's resource plan: `{productCode, total, used?}` (used defaults to 0). */
const setQuota: ControlHandler<CasState> = (state, body) => {
  let pkg;
  try {
    pkg = parsePackage("body", body);
  } catch (e) {
    throw controlError(e instanceof Error ? e.message : String(e));
  }
  state.packages[pkg.productCode] = pkg;
  return pkg;
};

/** Emulator knobs: `{describeStateCertId?: boolean}` (leave `CertId` out of DescribeCertificateState when false). */
const configure: ControlHandler<CasState> = (state, body) => {
  const b = isRecord(body) ? body : {};
  const value = b["describeStateCertId"];
  if (value !== undefined && typeof value !== "boolean") throw controlError("describeStateCertId must be a boolean.");
  const describeStateCertId = typeof value === "boolean" ? value : (state.settings?.describeStateCertId ?? true);
  state.settings = { ...state.settings, describeStateCertId };
  return { describeStateCertId };
};

/**
 * The CA's issuance schedule: `{caSchedule: [{from, validityDays, dcvReuseDays}, …]}` replaces it, `{caSchedule:
 * null}` goes back to the emulator's start option, `{}` changes nothing. Returns the schedule in force and whether it
 * is this control's (`overridden`) or the start option's. Kept in the state (and its file); `reset` drops it.
 */
const schedule: ControlHandler<CasState> = (state, body, ctx) => {
  const b = isRecord(body) ? body : {};
  const value = b["caSchedule"];
  if (value !== undefined) {
    let parsed: CaScheduleEntry[] | undefined;
    try {
      parsed = value === null ? undefined : parseCaSchedule(value);
    } catch (e) {
      throw controlError(e instanceof Error ? e.message : String(e));
    }
    const { caSchedule: _dropped, ...rest } = state.settings ?? { describeStateCertId: true };
    state.settings = parsed === undefined ? rest : { ...rest, caSchedule: parsed };
  }
  return { caSchedule: scheduleOf(state, ctx), overridden: state.settings?.caSchedule !== undefined };
};

/** CAS control operations (`POST /__emulator/cas/<name>`). */
export const casControls: Readonly<Record<string, ControlHandler<CasState>>> = {
  failValidation,
  issueNow,
  setQuota,
  configure,
  schedule,
};
