import type {
  ActionDefinition,
  ApiCall,
  ControlHandler,
  Product,
  RateLimit,
  ServiceContext,
  ServiceDefinition,
} from "./contract";
import type { CaCertificateRecord, ServingObservation } from "./serving-types";

/**
 * One action of a service with its state type erased. The core keeps services of different state types in one list;
 * `ServiceDefinition<S>` cannot be widened to `ServiceDefinition<unknown>` because `S` appears in parameter
 * positions, so each definition is wrapped once by {@link eraseService} and the cast lives in exactly one place.
 */
export interface ErasedAction {
  readonly name: string;
  readonly required: readonly string[];
  readonly write: boolean;
  readonly secretParams: readonly string[];
  readonly idempotentByClientToken: boolean;
  readonly rateLimit: RateLimit | undefined;
  handler(call: ApiCall, state: unknown, ctx: ServiceContext): Record<string, unknown>;
}

/** A service as the core sees it (see {@link eraseService}). */
export interface ErasedService {
  readonly product: Product;
  readonly defaultSeed: unknown;
  emptyState(): unknown;
  tick(state: unknown, ctx: ServiceContext): boolean;
  action(name: string): ErasedAction | undefined;
  applySeed(state: unknown, seed: unknown, ctx: ServiceContext): void;
  control(name: string): ((state: unknown, body: unknown, ctx: ServiceContext) => unknown) | undefined;
  dumpObjects(state: unknown, ctx: ServiceContext): unknown;
  /** Present when the service answers {@link CrossServiceLookup.casCertificateExists} (CAS). */
  readonly certificateExists: ((state: unknown, certId: string) => boolean) | undefined;
  /** Present when the service has certificate consumers (ESA, GA). */
  readonly serving: ((state: unknown, ctx: ServiceContext) => ServingObservation[]) | undefined;
  /** Present when the service is the CA (CAS). */
  readonly caCertificates: ((state: unknown) => CaCertificateRecord[]) | undefined;
}

/** Wrap a typed service definition so the core can hold it next to services of other state types. */
export function eraseService<S>(def: ServiceDefinition<S>): ErasedService {
  // The world only ever hands a service the slice that service's own emptyState()/applySeed() produced.
  const own = (state: unknown): S => state as S;
  const actions = new Map<string, ErasedAction>();
  for (const [name, action] of Object.entries(def.actions) as [string, ActionDefinition<S>][]) {
    actions.set(name, {
      name,
      required: action.required,
      write: action.write,
      secretParams: action.secretParams ?? [],
      idempotentByClientToken: action.idempotentByClientToken === true,
      rateLimit: action.rateLimit,
      handler: (call, state, ctx) => action.handler(call, own(state), ctx),
    });
  }
  const controls = new Map<string, ControlHandler<S>>(Object.entries(def.controls ?? {}));
  const certificateExists = def.certificateExists;
  const serving = def.serving;
  const caCertificates = def.caCertificates;
  return {
    product: def.product,
    defaultSeed: def.defaultSeed,
    emptyState: () => def.emptyState(),
    tick: (state, ctx) => def.tick(own(state), ctx),
    // Own-property lookup only: an action named "toString" must not resolve to Object.prototype.
    action: (name) => (Object.prototype.hasOwnProperty.call(def.actions, name) ? actions.get(name) : undefined),
    applySeed: (state, seed, ctx) => def.applySeed(own(state), seed, ctx),
    control: (name) => {
      const handler = controls.get(name);
      return handler === undefined ? undefined : (state, body, ctx) => handler(own(state), body, ctx);
    },
    dumpObjects: (state, ctx) => def.dumpObjects(own(state), ctx),
    certificateExists:
      certificateExists === undefined ? undefined : (state, certId) => certificateExists.call(def, own(state), certId),
    serving: serving === undefined ? undefined : (state, ctx) => serving.call(def, own(state), ctx),
    caCertificates: caCertificates === undefined ? undefined : (state) => caCertificates.call(def, own(state)),
  };
}
