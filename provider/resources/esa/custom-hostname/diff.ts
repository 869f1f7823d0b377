/**
 * `diff` for `esa.CustomHostname`: always decides, makes no API call (so an unchanged preview is free), and also
 * reports a change when the recorded state needs work even though the inputs did not move: an expiring, expired or
 * failed free certificate (by its refreshed status, or by its recorded `certNotAfter` and the clock, so a plain
 * `pulumi up` heals it), or a requested wait whose target was not reached.
 */
import { type DiffResult } from "@pulumi/pulumi/dynamic";
import { changedKeys } from "../../common/diff";
import { type PropertyBag } from "../../common/dynamic";
import { REPLACE_ON_CHANGES, UPDATABLE } from "./declaration";
import { FREE_CERT_RENEW_BEFORE_MS, REAPPLY_CERT_STATUSES } from "./types";
import { storedState, type StoredState } from "./mapping";

/** True when the stored free certificate must be applied for again (the only statuses ESA accepts it in). */
export function needsReapply(olds: StoredState, news: StoredState): boolean {
  const free = (s: StoredState): boolean => s.sslFlag === "on" && s.certType === "free";
  return free(olds) && free(news) && REAPPLY_CERT_STATUSES.includes(olds.certStatus ?? "");
}

/**
 * True when the recorded free certificate is within {@link FREE_CERT_RENEW_BEFORE_MS} of its `certNotAfter` at `now`
 * while its recorded status still says `OK` (no refresh has seen ESA mark it): a plain `pulumi up` then asks ESA.
 */
export function freeCertificateDue(olds: StoredState, news: StoredState, now: Date | undefined): boolean {
  const free = (s: StoredState): boolean => s.sslFlag === "on" && s.certType === "free";
  if (now === undefined || !free(olds) || !free(news) || olds.certStatus !== "OK") return false;
  const end = Date.parse(olds.certNotAfter ?? "");
  return !Number.isNaN(end) && now.getTime() >= end - FREE_CERT_RENEW_BEFORE_MS;
}

/** True when the user asks for a state the stored outputs do not show yet. */
export function waitUnmet(olds: StoredState, news: StoredState): boolean {
  if (news.waitFor === "active") return olds.status !== "active";
  if (news.waitFor === "certificateIssued")
    return olds.status !== "active" || !["OK", "Expiring"].includes(olds.certStatus ?? "");
  return false;
}

/** The diff of stored outputs `oldBag` against checked inputs `newBag`, at `now` (the provider's clock). */
export function diffCustomHostname(oldBag: PropertyBag, newBag: PropertyBag, now?: Date): DiffResult {
  const olds = storedState(oldBag);
  const news = storedState(newBag);
  const replaces = changedKeys(olds, news, REPLACE_ON_CHANGES);
  const updates = changedKeys(olds, news, UPDATABLE);
  const changes =
    replaces.length > 0 ||
    updates.length > 0 ||
    needsReapply(olds, news) ||
    freeCertificateDue(olds, news, now) ||
    waitUnmet(olds, news);
  // The hostname is unique in ESA: the old one must be gone before its replacement can be created.
  return { changes, replaces: [...replaces], deleteBeforeReplace: true };
}
