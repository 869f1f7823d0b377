/**
 * Small fake services for the core tests, so they never depend on the real ESA/CAS/GA services. They use the real
 * product names (the core routes by API version) but have nothing else in common with them.
 */
import { ApiError, type ServiceDefinition } from "../../../emulator/core/contract";
import { eraseService, type ErasedService } from "../../../emulator/core/registry";

/** One object of the fake "esa" service: `pending` until `timings.esaCertIssueMs` of simulated time has passed. */
interface Thing {
  id: string;
  name: string;
  status: "pending" | "ready";
  createdAt: number;
}

interface ThingState {
  things: Thing[];
}

function seedThings(state: ThingState, seed: unknown): void {
  if (typeof seed !== "object" || seed === null || !Array.isArray((seed as { things?: unknown }).things)) {
    throw new ApiError(400, "InvalidSeed", "esa seed must be { things: [{ name }] }");
  }
  for (const t of (seed as { things: unknown[] }).things) {
    const name = (t as { name?: unknown }).name;
    if (typeof name !== "string") throw new ApiError(400, "InvalidSeed", "thing.name must be a string");
    state.things.push({ id: `seed-${name}`, name, status: "ready", createdAt: 0 });
  }
}

/** Fake product "esa": things with a time-driven status, echo, failures, a rate-limited action. */
export const thingService: ServiceDefinition<ThingState> = {
  product: "esa",
  emptyState: () => ({ things: [] }),
  tick(state, ctx) {
    let changed = false;
    for (const t of state.things) {
      if (t.status !== "pending" || ctx.clock.now() - t.createdAt < ctx.timings.esaCertIssueMs) continue;
      t.status = "ready";
      changed = true;
    }
    return changed;
  },
  actions: {
    CreateThing: {
      required: ["Name"],
      write: true,
      secretParams: ["PrivateKey"],
      handler(call, state, ctx) {
        const id = `thing-${ctx.nextId("thing")}`;
        state.things.push({ id, name: call.params["Name"] ?? "", status: "pending", createdAt: ctx.clock.now() });
        return { ThingId: id };
      },
    },
    GetThing: {
      required: ["ThingId"],
      write: false,
      handler(call, state) {
        const thing = state.things.find((t) => t.id === call.params["ThingId"]);
        if (thing === undefined) throw new ApiError(404, "Thing.NotFound", "The thing does not exist.");
        return { Thing: { ...thing } };
      },
    },
    Echo: {
      required: [],
      write: false,
      handler: (call) => ({ Params: { ...call.params }, AccessKeyId: call.accessKeyId, Action: call.action }),
    },
    BigNumber: {
      required: [],
      write: false,
      handler: () => ({ OrderId: 98987582437920968n }),
    },
    Boom: {
      required: [],
      write: false,
      handler() {
        throw new Error("kaboom: a bug in a handler");
      },
    },
    HalfWrite: {
      required: [],
      write: true,
      handler(_call, state, ctx) {
        state.things.push({ id: `half-${ctx.nextId("thing")}`, name: "half", status: "ready", createdAt: 0 });
        throw new ApiError(409, "Conflict.Half", "Rejected after a partial write.");
      },
    },
    MisdeclaredRead: {
      required: [],
      // A bug on purpose: declared read-only, yet it renames a thing. `verifyReads` must catch it.
      write: false,
      handler(_call, state) {
        const first = state.things[0];
        if (first !== undefined) first.name = `${first.name}!`;
        return { Ok: true };
      },
    },
    Limited: {
      required: [],
      write: false,
      rateLimit: { limit: 2, windowMs: 60_000, status: 429, code: "TooManyRequests", message: "Too many requests." },
      handler: () => ({ Ok: true }),
    },
  },
  applySeed: (state, seed) => seedThings(state, seed),
  defaultSeed: { things: [{ name: "default-thing" }] },
  controls: {
    count: (state) => ({ count: state.things.length }),
    bad: () => {
      throw new ApiError(400, "BadControl", "This control always refuses.");
    },
  },
  dumpObjects: (state) => ({ things: state.things.map((t) => ({ ...t })) }),
};

interface WidgetState {
  widgets: { id: string; token: string | undefined }[];
}

/** Fake product "ga": ClientToken-idempotent creates and a CAS lookup. */
export const widgetService: ServiceDefinition<WidgetState> = {
  product: "ga",
  emptyState: () => ({ widgets: [] }),
  tick: () => false,
  actions: {
    CreateWidget: {
      required: [],
      write: true,
      idempotentByClientToken: true,
      handler(call, state, ctx) {
        const id = `widget-${ctx.nextId("widget")}`;
        state.widgets.push({ id, token: call.params["ClientToken"] });
        return { WidgetId: id };
      },
    },
    CheckCert: {
      required: ["CertId"],
      write: false,
      handler: (call, _state, ctx) => ({ Exists: ctx.lookup.casCertificateExists(call.params["CertId"] ?? "") }),
    },
    CheckRecord: {
      required: ["Name", "Value"],
      write: false,
      handler: (call, _state, ctx) => ({
        Visible: ctx.records.has("dns", call.params["Name"] ?? "", "TXT", call.params["Value"] ?? ""),
      }),
    },
  },
  applySeed: () => undefined,
  defaultSeed: undefined,
  dumpObjects: (state) => ({ widgets: state.widgets.map((w) => ({ ...w })) }),
};

interface CertState {
  certIds: string[];
}

/** Fake product "cas": holds certificate ids for the cross-service lookup. */
export const certService: ServiceDefinition<CertState> = {
  product: "cas",
  emptyState: () => ({ certIds: [] }),
  tick: () => false,
  actions: {
    UploadCert: {
      required: ["Cert", "Key"],
      write: true,
      secretParams: ["Key"],
      handler(call, state, ctx) {
        const id = ctx.nextId("cert");
        state.certIds.push(id);
        return { CertId: Number(id), CertLength: (call.params["Cert"] ?? "").length };
      },
    },
  },
  applySeed: () => undefined,
  defaultSeed: undefined,
  dumpObjects: (state) => ({ certIds: [...state.certIds] }),
  certificateExists: (state, certId) => state.certIds.includes(certId),
};

/** All fake services, erased for the core. */
export const FAKE_SERVICES: readonly ErasedService[] = [
  eraseService(thingService),
  eraseService(certService),
  eraseService(widgetService),
];
