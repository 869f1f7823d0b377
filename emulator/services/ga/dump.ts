/** `GET /__emulator/objects` summary of GA, used by "no duplicates, no orphans" assertions. */
import type { GaState } from "./state";

/** All GA objects: accelerators, listeners, and the bindings of each listener (with any pending change). */
export function dumpGaObjects(state: GaState): unknown {
  const listeners = Object.values(state.listeners);
  return {
    accelerators: Object.values(state.accelerators).map((a) => ({
      acceleratorId: a.acceleratorId,
      name: a.name,
      state: a.state,
      ...(a.busyUntil === undefined ? {} : { busyUntil: a.busyUntil }),
    })),
    listeners: listeners.map((l) => ({
      listenerId: l.listenerId,
      acceleratorId: l.acceleratorId,
      protocol: l.protocol,
      port: l.port,
      state: l.state,
      ...(l.defaultCertificateId === undefined ? {} : { defaultCertificateId: l.defaultCertificateId }),
      ...(l.busyUntil === undefined ? {} : { busyUntil: l.busyUntil }),
    })),
    bindings: Object.fromEntries(
      listeners
        .filter((l) => l.protocol === "HTTPS")
        .map((l) => [l.listenerId, l.additionalCertificates.map((b) => ({ ...b }))]),
    ),
    clientTokens: state.clientTokens.length,
  };
}
