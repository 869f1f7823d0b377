/**
 * The validity rule of an uploaded certificate: one that has expired or is not valid yet is rejected at preview,
 * instead of ESA showing `Expired` right after the upload. The rule needs the clock, so only `check` applies it, and
 * only to a certificate that is new or changed: an unchanged certificate that was accepted before must not block
 * every preview of the stack from the day it expires (the diff reports that expiry instead).
 */
import { type X509Certificate } from "node:crypto";
import { type CheckReport, isUnknown } from "../../common/check";
import { parseChain, selfSigned } from "./pem";

/** What the validity rule compares: the stored certificate (undefined for a new resource) and the time of check. */
export interface ValidityContext {
  /** The certificate input this resource was last checked with (its old inputs), if any. */
  readonly previous: unknown;
  readonly now: Date;
}

/** Why one certificate cannot be served at `now`, or undefined (RFC 5280 §4.1.2.5: notBefore ≤ now ≤ notAfter). */
function certificateValidity(cert: X509Certificate, now: Date, name: string): string | undefined {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const subject = `${name} (subject ${JSON.stringify(cert.subject.replace(/\n/g, ", "))})`;
  if (now.getTime() < from.getTime())
    return `${subject} is not valid yet: its validity starts ${from.toISOString()}; upload it once it is valid`;
  if (now.getTime() > to.getTime())
    return `${subject} expired ${to.toISOString()}; upload a certificate that is valid now`;
  return undefined;
}

/**
 * Why `certificate` cannot be served at `now`, or undefined when it is valid then (or cannot be parsed: other rules
 * say so). The leaf and every intermediate must be within their validity; a self-signed root at the end is skipped,
 * because clients take roots from their own trust store.
 */
export function validityProblem(certificate: string, now: Date): string | undefined {
  const chain = parseChain(certificate);
  if (typeof chain === "string") return undefined;
  for (const [index, cert] of chain.entries()) {
    if (index > 0 && selfSigned(cert)) continue;
    const name = index === 0 ? "certificate" : `certificate block ${index + 1} of ${chain.length}`;
    const problem = certificateValidity(cert, now, name);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** Record a failure when a new or changed `certificate` is expired or not valid yet at `context.now`. */
export function checkValidity(report: CheckReport, certificate: unknown, context: ValidityContext): void {
  if (typeof certificate !== "string" || isUnknown(certificate)) return;
  const previous = context.previous;
  if (typeof previous === "string" && previous.trim() === certificate.trim()) return;
  const problem = validityProblem(certificate, context.now);
  if (problem !== undefined) report.fail("certificate", problem);
}
