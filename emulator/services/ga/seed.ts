/**
 * GA seed: the accelerators and listeners a run starts with (GA instances are subscription resources that a stack
 * references, never creates, so the emulator has no CreateAccelerator/CreateListener).
 *
 * Shape (the `ga` section of a seed file):
 * ```json
 * { "accelerators": [ { "acceleratorId": "ga-bp1…", "name": "…", "state": "active", "spec": "1",
 *     "listeners": [ { "listenerId": "lsr-bp1…", "protocol": "HTTPS", "port": 443, "state": "active",
 *       "defaultCertificateId": "14000001-cn-hangzhou",
 *       "additionalCertificates": [ { "domain": "a.example.com", "certificateId": "14000002-cn-hangzhou" } ] } ] } ] }
 * ```
 * `name`, `state` (default `active`), `spec` (default `"1"`), listener `state` (default `active`) and
 * `additionalCertificates` are optional; `defaultCertificateId` is required for HTTPS listeners and refused for
 * others. Seeding an existing accelerator updates its given fields and upserts its listeners.
 */
import { type ServiceContext } from "../../core/contract";
import {
  asArray,
  asObject,
  badInput,
  intField,
  type JsonObject,
  optionalStringField,
  stringField,
} from "./model/json-input";
import { checkListenerPorts } from "./model/listener-ports";
import { casIdOf, isValidDomain, sameDomain } from "./params";
import {
  type AcceleratorRecord,
  type BindingRecord,
  type GaState,
  LISTENER_PROTOCOLS,
  type ListenerProtocol,
  type ListenerRecord,
} from "./state";

/**
 * The default seed:
 * - `ga-bp1emulatordefault0001` (active) with HTTPS listener `lsr-bp1emulatorhttps00001` on 443 (default certificate
 *   `14000001-cn-hangzhou`, no additional certificates) and TCP listener `lsr-bp1emulatortcp000001` on 80;
 * - `ga-bp1emulatorisolated001` (active) with HTTPS listener `lsr-bp1emulatorisolated01` on 443 (default
 *   certificate `14000002-cn-hangzhou`), for tests that check one accelerator's lock does not leak into another.
 */
export const GA_DEFAULT_SEED = {
  accelerators: [
    {
      acceleratorId: "ga-bp1emulatordefault0001",
      name: "emulator-default",
      state: "active",
      listeners: [
        {
          listenerId: "lsr-bp1emulatorhttps00001",
          protocol: "HTTPS",
          port: 443,
          defaultCertificateId: "14000001-cn-hangzhou",
        },
        { listenerId: "lsr-bp1emulatortcp000001", protocol: "TCP", port: 80 },
      ],
    },
    {
      acceleratorId: "ga-bp1emulatorisolated001",
      name: "emulator-isolated",
      state: "active",
      listeners: [
        {
          listenerId: "lsr-bp1emulatorisolated01",
          protocol: "HTTPS",
          port: 443,
          defaultCertificateId: "14000002-cn-hangzhou",
        },
      ],
    },
  ],
} as const;

const ACCELERATOR_ID = /^ga-[a-z0-9]+$/;
const LISTENER_ID = /^lsr-[a-z0-9]+$/;

function isProtocol(value: string): value is ListenerProtocol {
  return (LISTENER_PROTOCOLS as readonly string[]).includes(value);
}

function parseBindings(obj: JsonObject, where: string): BindingRecord[] {
  if (obj["additionalCertificates"] === undefined) return [];
  const bindings: BindingRecord[] = [];
  asArray(obj["additionalCertificates"], `${where}.additionalCertificates`).forEach((raw, i) => {
    const at = `${where}.additionalCertificates[${i}]`;
    const item = asObject(raw, at);
    const domain = stringField(item, "domain", at);
    const certificateId = stringField(item, "certificateId", at);
    if (!isValidDomain(domain)) throw badInput(`${at}.domain is not a valid domain name.`);
    casIdOf(certificateId, `${at}.certificateId`);
    if (bindings.some((b) => sameDomain(b.domain, domain))) throw badInput(`${at}.domain is bound twice.`);
    bindings.push({ domain, certificateId, state: "active" });
  });
  return bindings;
}

function parseListener(raw: unknown, acceleratorId: string, where: string, now: number): ListenerRecord {
  const obj = asObject(raw, where);
  const listenerId = stringField(obj, "listenerId", where);
  if (!LISTENER_ID.test(listenerId)) throw badInput(`${where}.listenerId must look like lsr-bp1…`);
  const protocol = stringField(obj, "protocol", where).toUpperCase();
  if (!isProtocol(protocol)) throw badInput(`${where}.protocol must be one of ${LISTENER_PROTOCOLS.join(", ")}.`);
  const listener: ListenerRecord = {
    listenerId,
    acceleratorId,
    name: optionalStringField(obj, "name", where) ?? listenerId,
    protocol,
    port: intField(obj, "port", where, 1, 65535),
    state: optionalStringField(obj, "state", where) ?? "active",
    createTime: now,
    additionalCertificates: parseBindings(obj, where),
  };
  const defaultCertificateId = optionalStringField(obj, "defaultCertificateId", where);
  if (protocol === "HTTPS") {
    if (defaultCertificateId === undefined) throw badInput(`${where}.defaultCertificateId is required for HTTPS.`);
    casIdOf(defaultCertificateId, `${where}.defaultCertificateId`);
    listener.defaultCertificateId = defaultCertificateId;
  } else if (defaultCertificateId !== undefined || listener.additionalCertificates.length > 0) {
    throw badInput(`${where}: only HTTPS listeners carry certificates.`);
  }
  return listener;
}

interface ParsedAccelerator {
  accelerator: AcceleratorRecord;
  given: { name: boolean; state: boolean; spec: boolean };
  listeners: ListenerRecord[];
}

function parseAccelerator(raw: unknown, where: string, now: number): ParsedAccelerator {
  const obj = asObject(raw, where);
  const acceleratorId = stringField(obj, "acceleratorId", where);
  if (!ACCELERATOR_ID.test(acceleratorId)) throw badInput(`${where}.acceleratorId must look like ga-bp1…`);
  const name = optionalStringField(obj, "name", where);
  const state = optionalStringField(obj, "state", where);
  const spec = optionalStringField(obj, "spec", where);
  const listeners = asArray(obj["listeners"] ?? [], `${where}.listeners`).map((item, i) =>
    parseListener(item, acceleratorId, `${where}.listeners[${i}]`, now),
  );
  return {
    accelerator: {
      acceleratorId,
      name: name ?? acceleratorId,
      state: state ?? "active",
      spec: spec ?? "1",
      createTime: now,
    },
    given: { name: name !== undefined, state: state !== undefined, spec: spec !== undefined },
    listeners,
  };
}

/** Validates the whole section first, then merges it into `state` (so a bad seed changes nothing). */
export function applyGaSeed(state: GaState, seed: unknown, ctx: ServiceContext): void {
  if (seed === undefined || seed === null) return;
  const root = asObject(seed, "ga");
  const now = ctx.clock.now();
  const parsed = asArray(root["accelerators"] ?? [], "ga.accelerators").map((item, i) =>
    parseAccelerator(item, `ga.accelerators[${i}]`, now),
  );
  const seen = new Map<string, string>();
  for (const { accelerator, listeners } of parsed) {
    const others = Object.values(state.listeners).filter(
      (l) => l.acceleratorId === accelerator.acceleratorId && !listeners.some((n) => n.listenerId === l.listenerId),
    );
    checkListenerPorts([...others, ...listeners]);
    for (const listener of listeners) {
      const owner = seen.get(listener.listenerId) ?? state.listeners[listener.listenerId]?.acceleratorId;
      if (owner !== undefined && owner !== accelerator.acceleratorId) {
        throw badInput(`Listener ${listener.listenerId} already belongs to accelerator ${owner}.`);
      }
      seen.set(listener.listenerId, accelerator.acceleratorId);
    }
  }
  for (const { accelerator, given, listeners } of parsed) {
    const existing = state.accelerators[accelerator.acceleratorId];
    if (existing === undefined) {
      state.accelerators[accelerator.acceleratorId] = accelerator;
    } else {
      if (given.name) existing.name = accelerator.name;
      if (given.state) existing.state = accelerator.state;
      if (given.spec) existing.spec = accelerator.spec;
    }
    for (const listener of listeners) state.listeners[listener.listenerId] = listener;
  }
}
