/** The unsigned control API under {@link CONTROL_PREFIX}: JSON in, JSON out, 400 on bad input. */
import { ApiError } from "./contract";
import type { ClockInfo, HealthInfo, RequestLogFilter } from "./control-types";
import { parseFaultRule } from "./faults";
import { controlError, expectRecord, isProduct, optNumber } from "./json";
import { parseUrlEncoded, splitTarget } from "./params";
import { parseRateLimitOverride } from "./rate-limit";
import { parseRecord, parseRecordSelector } from "./world/records";
import type { Runtime } from "./runtime";
import { parseSeed } from "./world/seed";

/** Every control path starts with this. */
export const CONTROL_PREFIX = "/__emulator/";

/** A control reply. */
export interface ControlReply {
  readonly status: number;
  readonly body: unknown;
}

type Route = (rt: Runtime, body: unknown, query: Readonly<Record<string, string>>) => unknown;

function clockInfo(rt: Runtime): ClockInfo {
  const now = rt.clock.now();
  return { now, iso: new Date(now).toISOString(), speed: rt.clock.speed };
}

function objects(rt: Runtime): Record<string, unknown> {
  rt.world.tickAll();
  const out: Record<string, unknown> = {};
  for (const s of rt.world.services) out[s.product] = s.dumpObjects(rt.world.state[s.product], rt.world.context);
  return out;
}

function requestFilter(query: Readonly<Record<string, string>>): RequestLogFilter {
  const filter: RequestLogFilter = {};
  const { product, action, since } = query;
  if (product !== undefined && product !== "") {
    if (!isProduct(product)) throw controlError(`Unknown product "${product}".`);
    filter.product = product;
  }
  if (action !== undefined && action !== "") filter.action = action;
  if (since !== undefined && since !== "") {
    const n = Number(since);
    if (!Number.isInteger(n)) throw controlError('"since" must be an integer.');
    filter.since = n;
  }
  return filter;
}

/** Fixed routes: `METHOD path-after-prefix`. */
const ROUTES: Readonly<Record<string, Route>> = {
  "GET health": (rt): HealthInfo => ({
    ok: true,
    products: rt.world.products,
    now: rt.clock.now(),
    dnsServer: rt.dnsServer,
  }),
  "GET objects": (rt) => objects(rt),
  "GET state": (rt) => {
    rt.world.tickAll();
    return rt.world.state;
  },
  "POST seed": (rt, body) => {
    rt.world.applySeed(parseSeed(body));
    return { ok: true };
  },
  "GET records": (rt) => rt.world.state.records,
  "POST records": (rt, body) => {
    rt.world.publish(parseRecord(body));
    return { ok: true };
  },
  "DELETE records": (rt, body) => ({ removed: rt.world.unpublish(parseRecordSelector(body)) }),
  "GET dns": (rt, _body, query) => {
    const name = query["name"];
    if (name === undefined || name === "") throw controlError('"name" is required.');
    return rt.world.resolveDns(name, query["type"] === undefined || query["type"] === "" ? "TXT" : query["type"]);
  },
  "GET serving": (rt) => rt.world.servingReport(),
  "GET serving/analysis": (rt) => rt.world.servingAnalysis(),
  "DELETE serving": (rt) => {
    rt.world.clearServing();
    return { ok: true };
  },
  "GET clock": (rt) => clockInfo(rt),
  "POST clock/advance": (rt, body) => {
    const ms = optNumber(expectRecord(body, "The body"), "ms", { min: 0 });
    if (ms === undefined) throw controlError('"ms" is required.');
    rt.clock.advance(ms);
    return clockInfo(rt);
  },
  "POST clock/speed": (rt, body) => {
    const speed = optNumber(expectRecord(body, "The body"), "speed", { min: 0 });
    if (speed === undefined) throw controlError('"speed" is required.');
    rt.clock.setSpeed(speed);
    return clockInfo(rt);
  },
  "GET faults": (rt) => rt.faults.list(),
  "POST faults": (rt, body) => ({ id: rt.faults.add(parseFaultRule(body)) }),
  "DELETE faults": (rt) => {
    rt.faults.clear();
    return { ok: true };
  },
  "POST rate-limits": (rt, body) => {
    const input = parseRateLimitOverride(body);
    const service = rt.world.service(input.product);
    if (service === undefined) throw controlError(`The emulator has no "${input.product}" service.`);
    const action = service.action(input.action);
    if (action === undefined) throw controlError(`"${input.product}" has no action "${input.action}".`);
    rt.limiter.setOverride(input, action.rateLimit);
    return { ok: true };
  },
  "DELETE rate-limits": (rt) => {
    rt.limiter.reset();
    return { ok: true };
  },
  "GET requests": (rt, _body, query) => rt.log.query(requestFilter(query)),
  "DELETE requests": (rt) => {
    rt.log.clear();
    return { ok: true };
  },
  "POST reset": (rt) => {
    rt.world.resetTo(rt.startSeed);
    rt.faults.clear();
    rt.limiter.reset();
    return { ok: true };
  },
};

/** Routes with a parameter: `DELETE faults/<id>` and `POST <product>/<control>`. */
function dynamicRoute(method: string, path: string): Route | undefined {
  const parts = path.split("/");
  if (parts.length !== 2) return undefined;
  const [first = "", second = ""] = parts;
  if (method === "DELETE" && first === "faults") {
    return (rt) => {
      if (!rt.faults.remove(second)) throw new ApiError(404, "FaultNotFound", `No fault rule "${second}".`);
      return { ok: true };
    };
  }
  if (method === "POST" && isProduct(first)) {
    return (rt, body) => {
      const service = rt.world.service(first);
      const control = service?.control(second);
      if (service === undefined || control === undefined) {
        throw new ApiError(404, "ControlNotFound", `No control "${second}" for product "${first}".`);
      }
      rt.world.tickAll();
      return rt.world.transaction(first, (slice) => control(slice, body, rt.world.context)) ?? null;
    };
  }
  return undefined;
}

/** Handle a control request (`target` is the full request target, starting with {@link CONTROL_PREFIX}). */
export function handleControl(rt: Runtime, method: string, target: string, rawBody: Buffer): ControlReply {
  const { pathname, rawQuery } = splitTarget(target);
  const path = pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, "");
  try {
    const route = ROUTES[`${method} ${path}`] ?? dynamicRoute(method, path);
    if (route === undefined) {
      throw new ApiError(404, "ControlNotFound", `No control endpoint ${method} ${CONTROL_PREFIX}${path}.`);
    }
    const text = rawBody.toString("utf8").trim();
    let body: unknown = {};
    if (text !== "") {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        throw controlError("The body is not valid JSON.");
      }
    }
    const result = route(rt, body, parseUrlEncoded(rawQuery));
    // Seeds, records and service controls can change what a consumer serves.
    if (method !== "GET") rt.world.observeServing(false);
    if (method !== "GET") rt.persist();
    return { status: 200, body: result };
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: { Code: err.code, Message: err.message } };
    const message = err instanceof Error ? err.message : String(err);
    rt.logger.error(`Control ${method} ${path} failed: ${message}`);
    return { status: 500, body: { Code: "InternalError", Message: message } };
  }
}
