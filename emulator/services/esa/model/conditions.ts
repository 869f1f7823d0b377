/**
 * Service conditions: the situations in which ESA answers its documented "busy", "unpaid", "no permission" and
 * "backend failed" codes. They are set through the `setCondition` control (controls.ts) and live in the ESA state,
 * so they persist and survive the transaction rollback of the failing call itself. A condition with an `until`
 * (simulated epoch ms) ends by itself; `null` means until cleared.
 */
import type { ActionDefinition, ServiceContext } from "../../../core/contract";
import {
  backendStepFailed,
  instanceNotOnline,
  internalException,
  noPermission,
  offlineForMultiReason,
  recordServiceBusy,
  siteServiceBusy,
} from "../errors";
import type { BackendStep, EsaConditions, EsaState } from "../state";

export { BACKEND_STEPS, type BackendStep, type EsaConditions } from "../state";

/** No condition in force. */
export function noConditions(): EsaConditions {
  return { failingSteps: {}, busySites: {}, busyRecords: {}, unpaidSites: {}, offlineSites: {}, deniedAccessKeys: {} };
}

const NO_CONDITIONS: Readonly<EsaConditions> = Object.freeze(noConditions());

/** The conditions in force, for reading: none when the state has none yet (created only by {@link writableConditions}). */
export function conditionsOf(state: EsaState): Readonly<EsaConditions> {
  return state.conditions ?? NO_CONDITIONS;
}

/**
 * The state's conditions, created on first use (state files written before conditions existed have none). Only the
 * `setCondition` control writes them: a check inside a read-only action must leave the state as it found it.
 */
export function writableConditions(state: EsaState): EsaConditions {
  state.conditions ??= noConditions();
  return state.conditions;
}

function inForce(until: number | null | undefined, ctx: ServiceContext): boolean {
  return until !== undefined && (until === null || ctx.clock.now() < until);
}

/** Every ESA action: a caller without permission, then a failing back end. */
export function checkCallerAndBackend(state: EsaState, accessKeyId: string, ctx: ServiceContext): void {
  const c = conditionsOf(state);
  if (c.deniedAccessKeys[accessKeyId] === true) throw noPermission();
  if (inForce(c.failingSteps.internal, ctx)) throw internalException();
}

/** A site's plan must be paid for any write on its hostnames. */
export function checkInstanceOnline(state: EsaState, siteId: string): void {
  if (conditionsOf(state).unpaidSites[siteId] === true) throw instanceNotOnline();
}

/** CreateCustomHostname on a site: busy, then offline for several reasons. Returns a single offline reason, if any. */
export function checkSiteAcceptsHostnames(state: EsaState, siteId: string, ctx: ServiceContext): string | undefined {
  const c = conditionsOf(state);
  if (inForce(c.busySites[siteId], ctx)) throw siteServiceBusy();
  const reasons = c.offlineSites[siteId] ?? [];
  if (reasons.length > 1) throw offlineForMultiReason(reasons);
  return reasons[0];
}

/** UpdateCustomHostname touching a record that is being configured. */
export function checkRecordNotBusy(state: EsaState, recordId: string, ctx: ServiceContext): void {
  if (inForce(conditionsOf(state).busyRecords[recordId], ctx)) throw recordServiceBusy();
}

/**
 * A back-end step. `status` is the HTTP status the calling action documents for it: CreateCustomHostname lists the
 * certificate codes with 400, UpdateCustomHostname with 404.
 */
export function checkStep(
  state: EsaState,
  step: Exclude<BackendStep, "internal">,
  ctx: ServiceContext,
  status = 400,
): void {
  if (inForce(conditionsOf(state).failingSteps[step], ctx)) throw backendStepFailed(step, status);
}

/** `action` behind the checks every ESA action makes first: the caller's permission, then the back end. */
export function withServiceChecks(action: ActionDefinition<EsaState>): ActionDefinition<EsaState> {
  return {
    ...action,
    handler: (call, state, ctx) => {
      checkCallerAndBackend(state, call.accessKeyId, ctx);
      return action.handler(call, state, ctx);
    },
  };
}
