/** What the GA resources say about claims: refusals at check, hand-overs at delete, holders at refresh. */
import { quote } from "../../common/check";
import { type Claimant, describeClaimant } from "./claimant";
import { type Claim, type Conflict, type Declaration } from "./registry";

/** The rule every claim message ends with. */
const RULE =
  "GA binds one additional certificate per domain, so two resources claiming one domain undo each other's binding " +
  "on every run, and deleting either unbinds the domain the other still claims. Let exactly one resource claim it " +
  "(domains compare as DNS names: ignoring case and a trailing dot, internationalized labels in their xn-- form)";

/** A declaration as a message names it; an unnamed one also by the certificate it claims, to tell it apart. */
function describeHolder(holder: Declaration, held: Claim): string {
  const base = describeClaimant(holder.claimant);
  if (holder.claimant.name !== undefined) return base;
  return held.certificateId === undefined ? base : `${base} (certificate ${held.certificateId})`;
}

/** Why a check refuses `conflict.claim` for `claimant`: names both resources, the domain as each typed it, the rule. */
export function conflictReason(claimant: Claimant, conflict: Conflict): string {
  const { claim, holder, held } = conflict;
  const self = claimant.name === undefined ? `this ${claimant.type}` : describeClaimant(claimant);
  const there = held.spelled === claim.spelled ? "" : ` (as ${quote(held.spelled)})`;
  return (
    `domain ${quote(claim.spelled)} on GA listener ${claim.listenerId} is claimed by both ${self} and ` +
    `${describeHolder(holder, held)}${there}. ${RULE}`
  );
}

/** A delete (or a set's update) that leaves `claim` bound because `holder` declares it. */
export function handOverLine(claimant: Claimant, claim: Claim, holder: Declaration, held: Claim): string {
  return (
    `GA ${claim.listenerId}: ${describeClaimant(claimant)} gives up domain ${quote(claim.spelled)} without ` +
    `dissociating it: ${describeHolder(holder, held)} of this deployment claims it`
  );
}

/** A refresh that finds `own`'s domain carrying `liveCertificateId`, the certificate `holder` claims for it. */
export function holderLine(
  claimant: Claimant,
  own: Claim,
  liveCertificateId: string,
  holder: Declaration,
  held: Claim,
): string {
  const why = held.certificateId === liveCertificateId ? "claims it with that certificate" : "claims the domain too";
  return (
    `GA ${own.listenerId}: domain ${quote(own.spelled)} of ${describeClaimant(claimant)} carries ` +
    `${liveCertificateId}, not ${own.certificateId ?? "its recorded certificate"}: ${describeHolder(holder, held)} ` +
    `of this stack ${why}. Recorded as found; while both are in the program, \`pulumi up\` refuses the double claim ` +
    `rather than binding the domain back. ` +
    RULE
  );
}
