/**
 * The API pipeline: decode → route by version and action → authenticate → faults → required parameters → rate
 * limit → ClientToken replay → tick → handler → JSON reply, with one request-log entry per call.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { authenticate } from "./auth";
import { V1_COMMON_PARAMS } from "./auth-v1";
import { ApiError, type ApiCall, type Product } from "./contract";
import type { RequestLogEntry } from "./control-types";
import { CoreErrors, errorBody, hostIdOf, newRequestId } from "./errors";
import type { FaultDecision } from "./faults";
import { firstHeader, sendJson } from "./http-util";
import { emptyParams, isFormContentType, mergeParams, parseUrlEncoded, splitTarget, type ParamMap } from "./params";
import type { ErasedAction, ErasedService } from "./registry";
import { redactParams } from "./request-log";
import type { Runtime } from "./runtime";

/** What the log entry needs to know about a call, filled in as the pipeline gets further. */
interface CallTrace {
  readonly requestId: string;
  readonly time: number;
  readonly method: string;
  product: Product | undefined;
  action: string | undefined;
  accessKeyId: string | undefined;
  params: ParamMap;
  secretParams: readonly string[];
  fault: FaultDecision | undefined;
  replayed: boolean;
  internalError: string | undefined;
}

/** The reply the pipeline computed (sent unless a fault drops it). */
interface Reply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly outcome: string;
}

/** Handle one API request whose body has been read. */
export async function handleApiRequest(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: Buffer,
): Promise<void> {
  const trace: CallTrace = {
    requestId: newRequestId(),
    time: rt.clock.now(),
    method: (req.method ?? "GET").toUpperCase(),
    product: undefined,
    action: undefined,
    accessKeyId: undefined,
    params: emptyParams(),
    secretParams: [],
    fault: undefined,
    replayed: false,
    internalError: undefined,
  };
  const hostId = hostIdOf(req.headers.host);
  const toReply = (err: unknown): Reply => {
    const apiError = err instanceof ApiError ? err : internal(rt, trace, err);
    return {
      status: apiError.status,
      body: { ...errorBody(apiError, trace.requestId, hostId, trace.product) },
      outcome: apiError.code,
    };
  };

  let reply: Reply;
  try {
    const routed = route(rt, req, rawBody, trace);
    const fault = rt.faults.pick(routed.service.product, routed.action.name);
    trace.fault = fault;
    if (fault !== undefined && fault.mode !== "timeoutAfterCommit" && fault.delayMs > 0) {
      if (!(await rt.sleep(fault.delayMs))) return;
    }
    if (fault?.mode === "reset") {
      // Nothing was applied: the socket dies before the call reaches the service.
      res.socket?.destroy();
      record(rt, trace, { status: 0, body: {}, outcome: "reset" });
      return;
    }
    if (fault?.error !== undefined) throw fault.error;
    reply = { status: 200, body: runAction(rt, routed.service, routed.action, routed.call, trace), outcome: "ok" };
  } catch (err) {
    reply = toReply(err);
  }
  // Persist before answering: once a client sees a reply, a restart must not lose what it reported.
  persistSafely(rt);
  record(rt, trace, reply);

  if (trace.fault?.mode === "timeoutAfterCommit") {
    // The call was applied; the client must never learn the outcome.
    if (trace.fault.delayMs > 0 && !(await rt.sleep(trace.fault.delayMs))) return;
    res.socket?.destroy();
    return;
  }
  sendJson(res, reply.status, { ...reply.body, RequestId: trace.requestId }, { "x-acs-request-id": trace.requestId });
}

/** Decode, find the service and action, and authenticate. */
function route(
  rt: Runtime,
  req: IncomingMessage,
  rawBody: Buffer,
  trace: CallTrace,
): { service: ErasedService; action: ErasedAction; call: ApiCall } {
  const headers = req.headersDistinct;
  const { pathname, rawQuery } = splitTarget(req.url ?? "/");
  const query = parseUrlEncoded(rawQuery);
  const form = isFormContentType(firstHeader(headers["content-type"]))
    ? parseUrlEncoded(rawBody.toString("utf8"))
    : emptyParams();
  // A name in both places: the query wins, as it does in the V1 signed set.
  const params = mergeParams(form, query);
  trace.params = params;

  const version = firstHeader(headers["x-acs-version"]) ?? params["Version"];
  if (version === undefined || version === "") throw CoreErrors.missingParameter("Version");
  const service = rt.world.serviceForVersion(version);
  if (service === undefined) throw CoreErrors.invalidVersion(version);
  trace.product = service.product;

  const actionName = firstHeader(headers["x-acs-action"]) ?? params["Action"];
  if (actionName === undefined || actionName === "") throw CoreErrors.missingParameter("Action");
  trace.action = actionName;
  const action = service.action(actionName);
  if (action === undefined) throw CoreErrors.invalidAction(actionName);
  trace.secretParams = action.secretParams;

  const auth = authenticate(
    { method: trace.method, pathname, query, form, headers, rawBody },
    { findCredential: (id) => rt.world.findCredential(id), nonces: rt.nonces, wallNow: rt.wallNow },
  );
  trace.accessKeyId = auth.accessKeyId;
  // Services see only API parameters, whichever signature scheme carried them.
  const apiParams = auth.scheme === "V1" ? withoutNames(params, V1_COMMON_PARAMS) : params;
  return {
    service,
    action,
    call: {
      product: service.product,
      action: actionName,
      params: apiParams,
      accessKeyId: auth.accessKeyId,
      requestId: trace.requestId,
    },
  };
}

/** Required parameters, rate limit, ClientToken replay, tick, then the handler (a write inside a transaction). */
function runAction(
  rt: Runtime,
  service: ErasedService,
  action: ErasedAction,
  call: ApiCall,
  trace: CallTrace,
): Record<string, unknown> {
  for (const name of action.required) {
    const value = call.params[name];
    if (value === undefined || value === "") throw CoreErrors.missingMandatory(name);
  }
  rt.limiter.check(call.product, call.action, call.accessKeyId, action.rateLimit, rt.clock.now());
  const token = action.idempotentByClientToken ? call.params["ClientToken"] : undefined;
  if (token !== undefined && token !== "") {
    const earlier = rt.world.replayFor(call.product, call.action, token);
    if (earlier !== undefined) {
      trace.replayed = true;
      return earlier;
    }
  }
  rt.world.tickAll();
  const run = (slice: unknown): Record<string, unknown> => action.handler(call, slice, rt.world.context);
  // A read changes nothing the tick's observation has not seen; a write is observed at the tick's simulated time.
  const body = action.write
    ? rt.world.transaction(service.product, run)
    : rt.world.read(service.product, action.name, () => run(rt.world.state[service.product]));
  if (action.write) rt.world.observeServing(true);
  if (token !== undefined && token !== "") rt.world.rememberReply(call.product, call.action, token, body);
  return body;
}

function internal(rt: Runtime, trace: CallTrace, err: unknown): ApiError {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  trace.internalError = text;
  rt.logger.error(`InternalError in ${trace.product ?? "?"}:${trace.action ?? "?"} (${trace.requestId}): ${text}`);
  return CoreErrors.internalError();
}

function persistSafely(rt: Runtime): void {
  try {
    rt.persist();
  } catch (err) {
    rt.logger.error(`Could not write the state file: ${String(err)}`);
  }
}

function record(rt: Runtime, trace: CallTrace, reply: Reply): void {
  const entry: Omit<RequestLogEntry, "seq"> = {
    time: trace.time,
    requestId: trace.requestId,
    method: trace.method,
    product: trace.product ?? null,
    action: trace.action ?? null,
    accessKeyId: trace.accessKeyId ?? null,
    params: redactParams(trace.params, trace.secretParams),
    outcome: reply.outcome,
    status: reply.status,
  };
  if (trace.fault !== undefined) entry.fault = `${trace.fault.mode} (${trace.fault.ruleId})`;
  if (trace.replayed) entry.replayed = true;
  if (trace.internalError !== undefined) entry.error = trace.internalError;
  rt.log.append(entry);
}

function withoutNames(params: ParamMap, names: readonly string[]): ParamMap {
  const out = mergeParams(params);
  for (const name of names) delete out[name];
  return out;
}
