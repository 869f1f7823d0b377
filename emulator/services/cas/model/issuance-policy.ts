/**
 * What the CA/B Forum Baseline Requirements (BR) let the emulator's CA do at a given instant, on the schedule of
 * core/ca-schedule.ts: how long a leaf is valid, and whether an earlier domain validation may be reused instead of a
 * new DNS or file check. CAS documents neither; both rules come from the BRs (ballot SC-081v3 by default).
 */
import { dcvReusable, limitsAt, type CaScheduleEntry } from "../../../core/ca-schedule";
import type { ServiceContext } from "../../../core/contract";
import { findProduct } from "./products";
import type { CasOrder, CasState, CasValidation } from "../state";
import { isWildcard } from "../params";

/** The schedule in force: the `schedule` control's override, else the emulator's start option. */
export function scheduleOf(state: CasState, ctx: ServiceContext): readonly CaScheduleEntry[] {
  return state.settings?.caSchedule ?? ctx.caSchedule;
}

/**
 * The validity period (days) of a leaf for `productCode` issued at `atMs`: the product's own (90 days for the
 * 3-month trial, a year for the others), never more than the BR §6.3.2 maximum in force at issuance.
 */
export function leafValidityDays(state: CasState, ctx: ServiceContext, productCode: string, atMs: number): number {
  const cap = limitsAt(scheduleOf(state, ctx), atMs).validityDays;
  const product = findProduct(productCode)?.validityDays ?? cap;
  return Math.min(product, cap);
}

/** The name a validation is about: the CN without a wildcard prefix (the CA validates `*.x` on `x`). */
export function validatedName(domain: string): string {
  return (isWildcard(domain) ? domain.slice(2) : domain).toLowerCase();
}

/**
 * True when `validation` proves control of `domain` (a CN, maybe `*.`-prefixed). DNS validation of an Authorization
 * Domain Name (BR §3.2.2.4.7) covers the name, its wildcard and every name under it ("the CA MAY also issue
 * Certificates for other FQDNs that end with all the labels of the validated FQDN"); a file (BR §3.2.2.4.18) covers
 * only the FQDN it was served for, and "is NOT suitable for validating Wildcard Domain Names".
 */
export function validationCovers(validation: CasValidation, domain: string): boolean {
  const name = validatedName(domain);
  if (validation.method === "FILE") return !isWildcard(domain) && name === validation.name;
  return name === validation.name || name.endsWith(`.${validation.name}`);
}

/** Remember that the CA has just validated `order`'s domain by its method (the latest one per method and name wins). */
export function recordValidation(state: CasState, order: CasOrder, atMs: number): void {
  const name = validatedName(order.domain);
  state.validations ??= {};
  state.validations[`${order.validateType}:${name}`] = { method: order.validateType, name, validatedAt: atMs };
}

/**
 * The latest validation a certificate for `domain` issued at `issueAtMs` may reuse under BR §4.2.1 (completed no more
 * than the reuse period in force at issuance before it), or undefined. Reuse does not depend on the method the new
 * order asks for: the CA reuses the validation it holds.
 */
export function reusableValidation(
  state: CasState,
  ctx: ServiceContext,
  domain: string,
  issueAtMs: number,
): CasValidation | undefined {
  const schedule = scheduleOf(state, ctx);
  let best: CasValidation | undefined;
  for (const validation of Object.values(state.validations ?? {})) {
    if (!validationCovers(validation, domain)) continue;
    if (!dcvReusable(schedule, validation.validatedAt, issueAtMs)) continue;
    if (best === undefined || validation.validatedAt > best.validatedAt) best = validation;
  }
  return best;
}
