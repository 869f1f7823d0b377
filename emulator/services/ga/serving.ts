/** What each listener binding (listener + domain) serves, for the core's serving timeline (core/serving.ts). */
import type { ServiceContext } from "../../core/contract";
import type { ServingObservation } from "../../core/serving-types";
import type { GaState } from "./state";

/**
 * One observation per additional-certificate binding. A binding whose association is still in flight serves
 * nothing yet; one being updated or dissociated serves its current certificate until the write settles (the doc's
 * "being replaced"). Changes are dated by the listener's last settle time, not by the first look after it.
 */
export function gaServing(state: GaState, _ctx: ServiceContext): ServingObservation[] {
  const out: ServingObservation[] = [];
  for (const listener of Object.values(state.listeners)) {
    for (const binding of listener.additionalCertificates) {
      out.push({
        consumer: { kind: "ga-binding", listenerId: listener.listenerId, domain: binding.domain.toLowerCase() },
        objectId: listener.listenerId,
        served: binding.pending?.kind === "associate" ? null : { casCertId: binding.certificateId },
        ...(listener.settledAt === undefined ? {} : { since: listener.settledAt }),
      });
    }
  }
  return out;
}
