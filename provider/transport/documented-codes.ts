/**
 * Every error code in the error tables of the official API pages this package was built from
 * (/work/shared/reference/seeds/: ESA Apply-/Update-/CreateCustomHostname, GA
 * AssociateAdditionalCertificatesWithListener; the CAS page lists none), classified once: retryable (the service
 * says "try again later", and the request was not applied) or terminal, with what the user has to do.
 */
import { type Product } from "./products";

/** How the transport treats one documented code. */
export interface CodeAdvice {
  /** Products whose tables list the code. */
  readonly products: readonly Product[];
  /** True for "try again later" codes: a definite rejection, so even a non-idempotent write may be repeated. */
  readonly retryable: boolean;
  /** For terminal codes: the action that fixes it, appended to the error message. */
  readonly hint?: string;
}

const ESA_PERMISSION =
  "Attach the AliyunESAFullAccess policy (or a custom policy allowing this action) to the RAM user or role whose access key the provider uses, then run the update again.";
const ESA_UNPAID =
  "The site's ESA plan is suspended for an overdue payment: settle the bill in the Alibaba Cloud console (Expenses), then run the update again.";
const GA_PORTS =
  "The listener's port configuration is invalid; this package never changes listener ports, so fix the listener in the GA console or in the program that manages it.";

/** The table. Keys are the exact `Code` values the service sends. */
export const DOCUMENTED_CODES: Readonly<Record<string, CodeAdvice>> = {
  // ESA (ApplyCustomHostnameCertificate, UpdateCustomHostname, CreateCustomHostname).
  InvalidParameter: { products: ["esa"], retryable: false },
  InternalException: { products: ["esa"], retryable: true },
  NoPermission: { products: ["esa"], retryable: false, hint: ESA_PERMISSION },
  "Instance.NotOnline": { products: ["esa"], retryable: false, hint: ESA_UNPAID },
  "CustomHostname.NotFound": { products: ["esa"], retryable: false },
  "Record.ServiceBusy": { products: ["esa"], retryable: true },
  "Site.ServiceBusy": { products: ["esa"], retryable: true },
  "CustomHostname.ApplyCertFailed": { products: ["esa"], retryable: true },
  "CustomHostname.SetCertFailed": { products: ["esa"], retryable: true },
  "CustomHostname.CheckQuotaFailed": { products: ["esa"], retryable: true },
  "CustomHostname.QueryCasCertFailed": { products: ["esa"], retryable: true },
  "CustomHostname.ConflictWithExistingResource": {
    products: ["esa"],
    retryable: false,
    hint: "Another ESA object (a site, record, load balancer, origin pool, custom hostname or Layer 4 record) already uses this hostname.",
  },
  "CustomHostname.OfflineForMultiReason": {
    products: ["esa"],
    retryable: false,
    hint: "The site is offline for more than one reason (for example an overdue payment, a missing ICP filing or a content violation): resolve each in the ESA console, then run the update again.",
  },
  "CustomHostname.WildcardDomainRequireEnterprisePlan": {
    products: ["esa"],
    retryable: false,
    hint: "Wildcard custom hostnames need the site on an Enterprise plan: upgrade the plan, or use a hostname without '*.'.",
  },
  "QuotaExceed.CustomHostname": {
    products: ["esa"],
    retryable: false,
    hint: "The site's plan allows no more custom hostnames: delete unused ones, upgrade the plan, or ask Alibaba Cloud sales for a larger quota.",
  },
  // GA (AssociateAdditionalCertificatesWithListener). "Protocal" is the documented spelling.
  "ProtocalIllegal.Listener": {
    products: ["ga"],
    retryable: false,
    hint: "Additional certificates can only be bound to an HTTPS listener: set listenerId to an HTTPS listener.",
  },
  "NotExist.Accelerator": {
    products: ["ga"],
    retryable: false,
    hint: "No accelerator has this id in cn-hangzhou under this account: check acceleratorId.",
  },
  "StateError.Accelerator": { products: ["ga"], retryable: true },
  "QuotaExceeded.Listener": {
    products: ["ga"],
    retryable: false,
    hint: "The accelerator has as many listeners as its quota allows: delete a listener or raise the quota in the GA console.",
  },
  "QuotaExceeded.ListenerPort": {
    products: ["ga"],
    retryable: false,
    hint: "The accelerator has as many listener ports as its quota allows: free ports or raise the quota in the GA console.",
  },
  "PortRangeIllegal.Listener": { products: ["ga"], retryable: false, hint: GA_PORTS },
  "PortConflict.Listener": { products: ["ga"], retryable: false, hint: GA_PORTS },
  "PortRangeIllegal.ExceedGaAbility": { products: ["ga"], retryable: false, hint: GA_PORTS },
  "PortRangeIllegal.UDP": { products: ["ga"], retryable: false, hint: GA_PORTS },
  "SystemPort.Listener": { products: ["ga"], retryable: false, hint: GA_PORTS },
  "PortRanges.MustOne": { products: ["ga"], retryable: false, hint: GA_PORTS },
};

/** The advice for `code` from `product`, when that product's tables list it. */
export function adviceFor(product: Product, code: string): CodeAdvice | undefined {
  const advice = Object.hasOwn(DOCUMENTED_CODES, code) ? DOCUMENTED_CODES[code] : undefined;
  return advice?.products.includes(product) === true ? advice : undefined;
}
