/**
 * Shared by both CAS resources: the validity period of an issued certificate, read from its PEM chain. Diff uses it
 * to decide renewal from the one DescribeCertificateState it makes for an order whose issuance is not recorded yet
 * (that reply carries the chain, not the dates), so the decision needs no GetUserCertificateDetail.
 */
import { X509Certificate } from "node:crypto";

/** A certificate's validity period, ISO 8601 (UTC). */
export interface Validity {
  readonly notBefore: string;
  readonly notAfter: string;
}

/**
 * `validFromDate` / `validToDate` exist from Node 22.10 (the package supports 22.0), so the typed property may be
 * missing at run time; the string forms (`Dec  6 23:15:42 2026 GMT`) parse with `Date.parse` everywhere.
 */
function dateOf(exact: unknown, text: string): Date {
  return exact instanceof Date ? exact : new Date(Date.parse(text));
}

/** The validity of the first certificate (the leaf) of a PEM chain; undefined when there is none or it does not parse. */
export function leafValidity(chain: string | undefined): Validity | undefined {
  const leaf =
    chain === undefined ? undefined : /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(chain)?.[0];
  if (leaf === undefined) return undefined;
  try {
    const cert = new X509Certificate(leaf);
    const from = dateOf(Reflect.get(cert, "validFromDate"), cert.validFrom);
    const to = dateOf(Reflect.get(cert, "validToDate"), cert.validTo);
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return undefined;
    return { notBefore: from.toISOString(), notAfter: to.toISOString() };
  } catch {
    return undefined;
  }
}
