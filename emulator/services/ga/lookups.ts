/** The objects a call names by id, or the documented not-found error. */
import { acceleratorNotFound, listenerNotFound } from "./errors";
import type { AcceleratorRecord, GaState, ListenerRecord } from "./state";

/** The accelerator with this id, else `NotExist.Accelerator`. */
export function findAccelerator(state: GaState, acceleratorId: string): AcceleratorRecord {
  const accelerator = state.accelerators[acceleratorId];
  if (accelerator === undefined) throw acceleratorNotFound();
  return accelerator;
}

/** The listener with this id (of this accelerator, when given), else `NotExist.Listener`. */
export function findListener(state: GaState, listenerId: string, acceleratorId?: string): ListenerRecord {
  const listener = state.listeners[listenerId];
  if (listener === undefined || (acceleratorId !== undefined && listener.acceleratorId !== acceleratorId)) {
    throw listenerNotFound();
  }
  return listener;
}

/** The listeners of one accelerator, in creation (seed) order. */
export function listenersOf(state: GaState, acceleratorId: string): ListenerRecord[] {
  return Object.values(state.listeners).filter((listener) => listener.acceleratorId === acceleratorId);
}
