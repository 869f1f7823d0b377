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

/** The fields of a hostname its observation is made of. */
type ServingFields = Pick<
  EsaCustomHostname,
  "hostname" | "hostnameId" | "sslFlag" | "certType" | "certificate" | "casId" | "certId" | "certNotAfter"
>;

/** A hostname's last observation and the fields it was made from. */
interface Observed {
  readonly fields: ServingFields;
  readonly observation: ServingObservation;
}

/**
 * Observations by hostname object. The core observes after every write, so at N hostnames a run of writes would
 * build N new observations each time; an unchanged hostname hands back the same one. Keyed weakly, so a reloaded
 * state (new objects) simply observes afresh.
 */
const observed = new WeakMap<EsaCustomHostname, Observed>();

function fieldsOf(h: EsaCustomHostname): ServingFields {
  const { hostname, hostnameId, sslFlag, certType, certificate, casId, certId, certNotAfter } = h;
  return { hostname, hostnameId, sslFlag, certType, certificate, casId, certId, certNotAfter };
}

function unchanged(h: EsaCustomHostname, was: ServingFields): boolean {
  return (
    h.hostname === was.hostname &&
    h.hostnameId === was.hostnameId &&
    h.sslFlag === was.sslFlag &&
    h.certType === was.certType &&
    h.certificate === was.certificate &&
    h.casId === was.casId &&
    h.certId === was.certId &&
    h.certNotAfter === was.certNotAfter
  );
}

/** One observation per custom hostname. */
export function esaServing(state: EsaState, _ctx: ServiceContext): ServingObservation[] {
  return Object.values(state.hostnames).map((h) => {
    const known = observed.get(h);
    if (known !== undefined && unchanged(h, known.fields)) return known.observation;
    const observation: ServingObservation = {
      consumer: { kind: "esa-hostname", hostname: h.hostname.toLowerCase() },
      objectId: h.hostnameId,
      ...servedBy(h),
    };
    observed.set(h, { fields: fieldsOf(h), observation });
    return observation;
  });
}
