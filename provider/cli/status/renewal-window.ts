/**
 * When a certificate's renewal is due, for an order that has not recorded `renewalDue` yet (its waiter saw the
 * issuance; the order's next `pulumi up` records it): the very rule `cas.DvCertificateOrder` decides by, taken from its
 * pure renewal module (no client, no host state), so the report can never disagree with the provider. `renewBeforeDays`
 * unset, or at or above the lifetime, renews when one third of the lifetime remains; otherwise `renewBeforeDays`
 * before `notAfter`; 0 turns renewal off.
 *
 * Invariant (tests/unit/cli/renewal-window.test.ts, over generated inputs): the due time lies strictly after
 * `notBefore` and at or before `notAfter`, so a freshly issued certificate is never reported due.
 */
import { DAY_MS, renewalDue } from "../../resources/cas/dv-certificate-order/renewal";

export { DAY_MS };

/** The due instant (ISO 8601), or undefined when renewal is off or the dates do not parse. */
export function estimatedRenewalDue(
  notBefore: string | undefined,
  notAfter: string,
  renewBeforeDays: number | undefined,
): string | undefined {
  return renewalDue(notBefore, notAfter, renewBeforeDays);
}
