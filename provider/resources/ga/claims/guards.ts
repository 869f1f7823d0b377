/**
 * Where the GA resources consult the claims (see `registry.ts`): `check` declares (and refuses a claim another
 * resource holds), a delete or a set's update leaves a domain another resource declares bound, and a refresh names
 * the resource of the stack that holds a domain whose certificate changed.
 */
import { type CheckFailure, type CheckResult } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { progress } from "../../common/host";
import { type Claimant, type ClaimantType, claimantOf, nameProperty } from "./claimant";
import { conflictReason, handOverLine, holderLine } from "./messages";
import {
  type Claim,
  declare,
  declaredHolder,
  markApplied,
  otherHolder,
  pendingHolder,
  placeOf,
  record,
  release,
} from "./registry";
import { gatherMs } from "../engine/settings";

/** How often {@link awaitHandOvers} looks again at the declarations. */
const HAND_OVER_POLL_MS = 100;

/** The claims a bag describes; `raw` is the unchecked news (for domains as typed). */
export type ClaimsOf = (bag: PropertyBag, raw?: PropertyBag) => Claim[];

/**
 * The check result with the resource's claims declared: a failure per claim another resource of the deployment
 * holds (on the property `propertyOf` names), and the hidden name kept in the checked inputs. A result that already
 * failed declares nothing (its inputs are not what will be applied).
 */
export function withClaims<I extends PropertyBag>(
  type: ClaimantType,
  result: CheckResult<I>,
  olds: PropertyBag,
  news: PropertyBag,
  claimsOf: ClaimsOf,
  propertyOf: (claim: Claim) => string,
): CheckResult<I> {
  const inputs = result.inputs;
  if ((result.failures !== undefined && result.failures.length > 0) || inputs === undefined) return result;
  const claimant = claimantOf(type, news);
  const conflicts = declare(claimant, claimsOf(inputs, news), claimsOf(olds));
  const named = { ...inputs, ...nameProperty(news) };
  if (conflicts.length === 0) return { inputs: named };
  const failures: CheckFailure[] = conflicts.map((c) => ({
    property: propertyOf(c.claim),
    reason: conflictReason(claimant, c),
  }));
  return { inputs: named, failures };
}

/**
 * Of the claims a resource at `place` gives up (`giving`: deleted, or dropped from a set), the ones another resource
 * of this deployment declares and already holds in its state (`noteApplied`). Those must stay bound: dissociating
 * them would unbind a domain the other resource claims (a rename without an alias, a domain moved from a set to its
 * own resource), and leaving them bound loses nothing, as the other resource's state has them. Each is reported on
 * the progress line. With `deleting`, the resource's own declaration is forgotten first (it is going away).
 */
export function claimedElsewhere(
  claimant: Claimant,
  place: string,
  giving: readonly Claim[],
  deleting: boolean,
): Set<string> {
  if (deleting) release(claimant, place);
  const kept = new Set<string>();
  for (const claim of giving) {
    const found = declaredHolder(claimant, place, claim);
    if (found === undefined) continue;
    kept.add(claim.domain);
    progress(handOverLine(claimant, claim, found.holder, found.held));
  }
  return kept;
}

/**
 * Before a set gives up domains (it dropped them), let the resources of the same deployment that take them over get
 * there: a domain moved from a set to its own resource is given up by the set's update while the new resource's
 * create runs beside it, in no fixed order. First the program's other resources are given the scheduler's gather
 * windows to be checked (declared); then, while one of them declares a given-up domain but has not applied it yet,
 * this waits for it, up to `budgetMs`. {@link claimedElsewhere} then sees the holder and the domain stays bound (no
 * dissociation, no gap); past the budget the domain is dissociated as before, and the other resource binds it again.
 */
export async function awaitHandOvers(
  claimant: Claimant,
  place: string,
  giving: readonly Claim[],
  budgetMs: number,
): Promise<void> {
  if (giving.length === 0) return;
  const deadline = Date.now() + budgetMs;
  await sleep(Math.min(5 * gatherMs(), budgetMs));
  while (Date.now() < deadline && giving.some((claim) => pendingHolder(claimant, place, claim)))
    await sleep(HAND_OVER_POLL_MS);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Note that the state of the resource a bag describes (checked inputs) now holds what it declared: its create or
 * update succeeded, or its diff found nothing to change. From then on a domain it claims may be left bound to it.
 */
export function noteApplied(type: ClaimantType, bag: PropertyBag): void {
  const { acceleratorId, listenerId, domain } = bag;
  if (typeof acceleratorId !== "string" || typeof listenerId !== "string") return;
  const place = placeOf(type, acceleratorId, listenerId, typeof domain === "string" ? domain : undefined);
  markApplied(claimantOf(type, bag), place);
}

/** Refresh: remember what the resource's state holds, so other refreshes of this command can name it. */
export function recordHeld(claimant: Claimant, own: readonly Claim[]): void {
  record(claimant, own);
}

/**
 * Refresh found `own`'s domain carrying `liveCertificateId` instead of its recorded certificate: when another
 * resource of this process claims the domain, say who (a progress line); otherwise it is drift, which `pulumi up`
 * repairs. Returns the line said, if any.
 */
export function sayWhoHolds(claimant: Claimant, own: Claim, liveCertificateId: string): string | undefined {
  if (own.certificateId === liveCertificateId) return undefined;
  const found = otherHolder(claimant, own, liveCertificateId);
  if (found === undefined) return undefined;
  const line = holderLine(claimant, own, liveCertificateId, found.holder, found.held);
  progress(line);
  return line;
}
