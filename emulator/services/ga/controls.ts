/**
 * GA control operations (`POST /__emulator/ga/<name>`) that play the cloud's or another operator's part.
 */
import { ApiError, type ControlHandler } from "../../core/contract";
import { asObject, badInput, stringField } from "./model/json-input";
import { settleBindings } from "./lifecycle";
import { casIdOf, isValidDomain, sameDomain } from "./params";
import { type GaState, type ListenerRecord } from "./state";
import { acceleratorView, listenerDescribeView } from "./views";

/** Documented accelerator states (`finacialLocked` is GA's own spelling). */
const ACCELERATOR_STATES = ["init", "active", "configuring", "binding", "unbinding", "deleting", "finacialLocked"];
/** Documented listener states. */
const LISTENER_STATES = ["init", "active", "configuring", "updating", "deleting"];

function listenerOf(state: GaState, listenerId: string): ListenerRecord {
  const listener = state.listeners[listenerId];
  if (listener === undefined) throw new ApiError(404, "NotExist.Listener", `Listener ${listenerId} does not exist.`);
  return listener;
}

function oneOf(value: string, allowed: readonly string[], what: string): string {
  if (!allowed.includes(value)) throw badInput(`${what} must be one of ${allowed.join(", ")}.`);
  return value;
}

/**
 * `{acceleratorId, state}`: forces the instance state. A forced state is sticky (any in-flight lock timer is
 * dropped) until it is forced again, so tests can hold `configuring` as long as they like.
 */
const setAcceleratorState: ControlHandler<GaState> = (state, body) => {
  const input = asObject(body, "body");
  const acceleratorId = stringField(input, "acceleratorId", "body");
  const accelerator = state.accelerators[acceleratorId];
  if (accelerator === undefined) {
    throw new ApiError(404, "NotExist.Accelerator", `Accelerator ${acceleratorId} does not exist.`);
  }
  accelerator.state = oneOf(stringField(input, "state", "body"), ACCELERATOR_STATES, "state");
  delete accelerator.busyUntil;
  return acceleratorView(accelerator);
};

/**
 * `{listenerId, state}`: forces the listener state (sticky, like the accelerator's). Forcing `active` also
 * completes whatever an in-flight write promised to its bindings.
 */
const setListenerState: ControlHandler<GaState> = (state, body) => {
  const input = asObject(body, "body");
  const listener = listenerOf(state, stringField(input, "listenerId", "body"));
  listener.state = oneOf(stringField(input, "state", "body"), LISTENER_STATES, "state");
  if (listener.state === "active") settleBindings(listener);
  delete listener.busyUntil;
  return listenerDescribeView(listener);
};

/** `{listenerId, domain}`: someone removed the binding outside the stack (console, another tool); immediate. */
const dissociateOutOfBand: ControlHandler<GaState> = (state, body) => {
  const input = asObject(body, "body");
  const listener = listenerOf(state, stringField(input, "listenerId", "body"));
  const domain = stringField(input, "domain", "body");
  const before = listener.additionalCertificates.length;
  listener.additionalCertificates = listener.additionalCertificates.filter((b) => !sameDomain(b.domain, domain));
  if (listener.additionalCertificates.length === before) {
    throw new ApiError(
      404,
      "NotExist.AdditionalCertificate",
      `Domain ${domain} is not bound on ${listener.listenerId}.`,
    );
  }
  return { listenerId: listener.listenerId, domain, removed: true };
};

/** `{listenerId, domain, certificateId}`: a binding made outside the stack ("not ours"); immediate and `active`. */
const bindOutOfBand: ControlHandler<GaState> = (state, body) => {
  const input = asObject(body, "body");
  const listener = listenerOf(state, stringField(input, "listenerId", "body"));
  const domain = stringField(input, "domain", "body");
  const certificateId = stringField(input, "certificateId", "body");
  if (listener.protocol !== "HTTPS") throw badInput(`Listener ${listener.listenerId} is not HTTPS.`);
  if (!isValidDomain(domain)) throw badInput(`body.domain (${domain}) is not a valid domain name.`);
  casIdOf(certificateId, "body.certificateId");
  if (listener.additionalCertificates.some((b) => sameDomain(b.domain, domain))) {
    throw new ApiError(
      409,
      "Exist.AdditionalCertificate",
      `Domain ${domain} is already bound on ${listener.listenerId}.`,
    );
  }
  listener.additionalCertificates.push({ domain, certificateId, state: "active" });
  return { listenerId: listener.listenerId, domain, certificateId, state: "active" };
};

/** The GA control operations by name. */
export const gaControls: Readonly<Record<string, ControlHandler<GaState>>> = {
  setAcceleratorState,
  setListenerState,
  dissociateOutOfBand,
  bindOutOfBand,
};
