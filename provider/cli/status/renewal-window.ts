/**
 * When a certificate's renewal is due, for an order that has not recorded `renewalDue` yet (its waiter saw the
 * issuance; the order's next `pulumi up` records it). The rule is the one `cas.DvCertificateOrder` documents (README
 * "Keeping certificates valid"; cert-manager's default): `renewBeforeDays` unset, or at or above the lifetime, renews
 * when one third of the lifetime remains; otherwise `renewBeforeDays` before `notAfter`; 0 turns renewal off. The
 * lifetime counts `notBefore`..`notAfter` inclusive (RFC 5280 §4.1.2.5), so a 200-day certificate lives 200 days.
 *
 * Invariant (tests/unit/cli/renewal-window.test.ts, over generated inputs): the due time lies strictly after
 * `notBefore` and at or before `notAfter`, so a freshly issued certificate is never reported due.
 */

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The window used when the lifetime is unknown (no `notBefore`): the order's own fallback. */
const UNKNOWN_LIFETIME_WINDOW_DAYS = 30;

/** The due instant (ISO 8601), or undefined when renewal is off or the dates do not parse. */
export function estimatedRenewalDue(
  notBefore: string | undefined,
  notAfter: string,
  renewBeforeDays: number | undefined,
): string | undefined {
  if (renewBeforeDays !== undefined && renewBeforeDays <= 0) return undefined;
  const end = Date.parse(notAfter);
  if (Number.isNaN(end)) return undefined;
  const start = notBefore === undefined ? NaN : Date.parse(notBefore);
  let window: number;
  if (Number.isNaN(start) || start > end) window = (renewBeforeDays ?? UNKNOWN_LIFETIME_WINDOW_DAYS) * DAY_MS;
  else {
    const lifetime = end - start + 1000;
    window =
      renewBeforeDays === undefined || renewBeforeDays * DAY_MS >= lifetime - 1000
        ? lifetime / 3
        : renewBeforeDays * DAY_MS;
  }
  return new Date(Math.ceil(end - window)).toISOString();
}
