/**
 * The claims of one provider host process: which resource of the deployment claims which domain on which listener.
 * Every dynamic resource of a deployment runs in one host process (one `pulumi-nodejs` provider), and the serialized
 * providers of both GA types `require` this module by reference, so this module state sees every GA resource of the
 * program; each `pulumi` command starts a new host, so nothing outlives one command.
 *
 * Invariant (a claim is exclusive): no two declarations held here claim the same domain on the same listener, as
 * DNS compares names. {@link declare} refuses the second and names the first.
 *
 * Two kinds of entries:
 * - declared: what the program asks for, registered by `check` (at preview and before every create and update);
 * - recorded: what the state says a resource holds, registered by `read` (refresh), so a refresh can say which
 *   resource of the stack holds a domain whose binding changed.
 */
import { canonicalDnsName } from "../../common/coverage";
import { type Claimant, sameClaimant } from "./claimant";

/** One domain on one listener, as one resource claims it. */
export interface Claim {
  readonly acceleratorId: string;
  readonly listenerId: string;
  /** Canonical ({@link canonicalDnsName}): the form claims are compared in. */
  readonly domain: string;
  /** As the program typed it (as stored, for state). */
  readonly spelled: string;
  /** The certificate the resource wants (or holds); undefined while unknown at preview. */
  readonly certificateId: string | undefined;
}

/** The claims of one resource. */
export interface Declaration {
  readonly claimant: Claimant;
  /** Where the resource is: see {@link placeOf}. */
  readonly place: string;
  readonly claims: readonly Claim[];
  /**
   * True once the resource's state holds these claims: its create or update succeeded in this process, or its diff
   * found nothing to change. Only then may another resource leave a domain bound to it (see {@link declaredHolder}).
   */
  readonly applied?: boolean;
}

/** A claim that another declaration already holds. */
export interface Conflict {
  /** The refused claim. */
  readonly claim: Claim;
  /** Who holds it, and its claim on the same domain. */
  readonly holder: Declaration;
  readonly held: Claim;
}

/** Process-wide state (see the module comment); `reset` starts over (tests). */
export const claimRegistry: { declared: Declaration[]; recorded: Declaration[]; reset(): void } = {
  declared: [],
  recorded: [],
  reset() {
    this.declared = [];
    this.recorded = [];
  },
};

/** A claim on `domain` (any spelling) of a listener. */
export function claimOn(
  acceleratorId: string,
  listenerId: string,
  spelled: string,
  certificateId: string | undefined,
): Claim {
  return { acceleratorId, listenerId, domain: canonicalDnsName(spelled), spelled, certificateId };
}

/**
 * Where a resource is, as its id says: the accelerator and listener, and for a per-domain resource its domain. A
 * change of place replaces the resource; two declarations of one claimant at one place are the same resource.
 */
export function placeOf(type: Claimant["type"], acceleratorId: string, listenerId: string, domain?: string): string {
  const parts =
    type === "ga.ListenerAdditionalCertificate"
      ? [acceleratorId, listenerId, canonicalDnsName(domain ?? "")]
      : [acceleratorId, listenerId];
  return parts.join("\n");
}

/** The place of a declaration's claims (all of one listener). */
function placeOfClaims(type: Claimant["type"], claims: readonly Claim[]): string {
  const [first] = claims;
  return first === undefined ? "" : placeOf(type, first.acceleratorId, first.listenerId, first.domain);
}

/** The declarations that are `claimant` itself at `place`: same type and name (or both unnamed), same place. */
function isOwn(claimant: Claimant, place: string): (d: Declaration) => boolean {
  return (d) => sameClaimant(d.claimant, claimant) && d.place === place;
}

/** Same domain on the same listener (a listener belongs to one accelerator, so its id alone names it). */
function sameTarget(a: Claim, b: Claim): boolean {
  return a.listenerId === b.listenerId && a.domain === b.domain;
}

/** Content in canonical form: what identifies an unnamed resource (its type aside). */
function content(claims: readonly Claim[], spelled: boolean): string {
  const rows = claims.map((c) =>
    JSON.stringify([c.acceleratorId, c.listenerId, spelled ? c.spelled : c.domain, c.certificateId ?? null]),
  );
  return rows.sort().join("\n");
}

/**
 * The index of the declaration `claimant` made before, if any. A named resource is found by its name. An unnamed one
 * (a call without the hidden name) by what it declared: the claims its previous inputs `previous` describe, or, for
 * a check without previous inputs, the very same claims spelled the same way (the same resource checked again).
 */
function earlierDeclaration(claimant: Claimant, claims: readonly Claim[], previous: readonly Claim[]): number {
  if (claimant.name !== undefined) return claimRegistry.declared.findIndex((d) => sameClaimant(d.claimant, claimant));
  const [wanted, spelled] = previous.length > 0 ? [content(previous, false), false] : [content(claims, true), true];
  return claimRegistry.declared.findIndex(
    (d) => sameClaimant(d.claimant, claimant) && content(d.claims, spelled) === wanted,
  );
}

/**
 * Declare what `claimant` claims now, replacing its earlier declaration (`previous`: the claims of its previous
 * inputs, for an unnamed resource). Returns the claims other declarations hold; when there is any, nothing of this
 * declaration is kept (its check fails), so the invariant holds.
 */
export function declare(claimant: Claimant, claims: readonly Claim[], previous: readonly Claim[] = []): Conflict[] {
  const earlier = earlierDeclaration(claimant, claims, previous);
  if (earlier >= 0) claimRegistry.declared.splice(earlier, 1);
  const conflicts: Conflict[] = [];
  for (const claim of claims) {
    for (const holder of claimRegistry.declared) {
      for (const held of holder.claims) if (sameTarget(claim, held)) conflicts.push({ claim, holder, held });
    }
  }
  if (conflicts.length === 0 && claims.length > 0)
    claimRegistry.declared.push({ claimant, place: placeOfClaims(claimant.type, claims), claims });
  return conflicts;
}

/**
 * Forget the declaration of a resource that is being deleted: the one by the same claimant (same type and name, or
 * both unnamed) at the same place. A replacement of the resource is at another place (the replacing inputs changed),
 * so it keeps its declaration; so does a renamed successor (another name).
 */
export function release(claimant: Claimant, place: string): void {
  claimRegistry.declared = claimRegistry.declared.filter((d) => !isOwn(claimant, place)(d));
}

/**
 * Note that the state of `claimant` at `place` now holds its declared claims (see {@link Declaration.applied}).
 */
export function markApplied(claimant: Claimant, place: string): void {
  const own = isOwn(claimant, place);
  claimRegistry.declared = claimRegistry.declared.map((d) => (own(d) ? { ...d, applied: true } : d));
}

/**
 * The declaration of another resource that claims exactly this accelerator, listener and domain and whose state
 * holds it (applied), if any: not `claimant`'s own at `place`. A domain left bound to it is never lost: that
 * resource's state has it. One declared but not applied yet (its create still to come, or failed) is not enough.
 */
export function declaredHolder(
  claimant: Claimant,
  place: string,
  target: Claim,
): { holder: Declaration; held: Claim } | undefined {
  const own = isOwn(claimant, place);
  for (const holder of claimRegistry.declared) {
    if (own(holder) || holder.applied !== true) continue;
    const held = holder.claims.find((c) => c.acceleratorId === target.acceleratorId && sameTarget(c, target));
    if (held !== undefined) return { holder, held };
  }
  return undefined;
}

/**
 * True when another resource of this deployment declares `target` (same accelerator, listener and domain) but its
 * state does not hold it yet: its create or update is still to come or under way (or failed).
 */
export function pendingHolder(claimant: Claimant, place: string, target: Claim): boolean {
  const own = isOwn(claimant, place);
  return claimRegistry.declared.some(
    (holder) =>
      !own(holder) &&
      holder.applied !== true &&
      holder.claims.some((c) => c.acceleratorId === target.acceleratorId && sameTarget(c, target)),
  );
}

/** Note what a resource's state says it holds (refresh). An identical entry is kept once. */
export function record(claimant: Claimant, claims: readonly Claim[]): void {
  if (claims.length === 0) return;
  const key = content(claims, false);
  const known = claimRegistry.recorded.some(
    (d) => sameClaimant(d.claimant, claimant) && content(d.claims, false) === key,
  );
  if (!known) claimRegistry.recorded.push({ claimant, place: placeOfClaims(claimant.type, claims), claims });
}

/**
 * Another resource of this process that claims the domain of `own` (declared or recorded), preferring one that wants
 * `liveCertificateId`, the certificate the domain carries now. `own` is the asking resource's own claim (as its
 * state records it).
 */
export function otherHolder(
  claimant: Claimant,
  own: Claim,
  liveCertificateId: string,
): { holder: Declaration; held: Claim } | undefined {
  const candidates: { holder: Declaration; held: Claim }[] = [];
  for (const holder of [...claimRegistry.declared, ...claimRegistry.recorded]) {
    for (const held of holder.claims) {
      if (!sameTarget(held, own)) continue;
      // A named resource is itself by name; two unnamed ones of a type only differ by what they hold.
      const itself =
        sameClaimant(holder.claimant, claimant) &&
        (claimant.name !== undefined || held.certificateId === own.certificateId);
      if (!itself) candidates.push({ holder, held });
    }
  }
  return candidates.find((c) => c.held.certificateId === liveCertificateId) ?? candidates[0];
}
