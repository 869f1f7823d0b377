/** What each custom hostname serves, for the core's serving timeline (core/serving.ts). */
import type { ServiceContext } from "../../core/contract";
import type { ServedReference, ServingObservation } from "../../core/serving-types";
import { FREE_CERT_VALIDITY_MS } from "./lifecycle";
import type { EsaCustomHostname, EsaState } from "./state";

/**
 * The certificate a TLS client reaching the hostname would get: the uploaded PEM, the CAS certificate ESA pulls by
 * CasId, or the issued free certificate (a renewal in progress keeps serving the previous one). Nothing with SSL
 * off. The hostname's ownership status does not matter: it says whether traffic is routed to ESA, not what ESA
 * presents.
 */
function servedBy(h: EsaCustomHostname): { served: ServedReference | null; since?: number } {
  if (h.sslFlag !== "on") return { served: null };
  if (h.certType === "upload" && h.certificate !== null) return { served: { pem: h.certificate } };
  if (h.certType === "cas" && h.casId !== null) return { served: { casCertId: h.casId } };
  if (h.certType === "free" && h.certId !== null && h.certNotAfter !== null) {
    const notBefore = h.certNotAfter - FREE_CERT_VALIDITY_MS;
    return { served: { esaFree: { certId: h.certId, notBefore, notAfter: h.certNotAfter } }, since: notBefore };
  }
  return { served: null };
}

/** One observation per custom hostname. */
export function esaServing(state: EsaState, _ctx: ServiceContext): ServingObservation[] {
  return Object.values(state.hostnames).map((h) => ({
    consumer: { kind: "esa-hostname", hostname: h.hostname.toLowerCase() },
    objectId: h.hostnameId,
    ...servedBy(h),
  }));
}
