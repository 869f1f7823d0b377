import { type Reader } from "./decode";
import { type Product } from "./products";

/** A request parameter value before flattening: arrays become `Name.N`, objects `Name.Key` (1-based, as the API expects). */
export type WireParamValue =
  string | number | boolean | undefined | readonly WireParamValue[] | { readonly [key: string]: WireParamValue };

/** Request parameters in wire casing (`SiteId`, `Certificates`), not yet flattened. */
export type WireParams = { readonly [name: string]: WireParamValue };

/**
 * One Alibaba Cloud API action: everything the transport needs to call it and read its reply.
 * `Req` is the parameter object in wire casing; `Res` the decoded reply, ids as strings.
 */
export interface Operation<Req extends WireParams, Res> {
  readonly product: Product;
  readonly action: string;
  /** HTTP method the product SDKs use for this action. Parameters always travel in the query string. */
  readonly method: "POST" | "GET";
  /**
   * True when repeating the call after an ambiguous failure (reset, timeout, 5xx) cannot apply a side effect twice:
   * reads, deletes, full-state updates, and writes that carry a `ClientToken`. False calls are retried only after
   * definite rejections (throttling, busy codes, connection refused).
   */
  readonly idempotent: boolean;
  /** Parameters whose values are secret: scrubbed from every error message and log line. */
  readonly secretParams: readonly string[];
  /** Codes this action documents as "not found", on top of the generic `…NotFound`/`NotExist.…` patterns. */
  readonly notFoundCodes?: readonly string[];
  /** Narrow the (losslessly parsed) reply body. */
  decode(body: Reader): Res;
  /** Phantom field carrying the request type; never set. */
  readonly __request?: Req;
}

/** Declare an operation with its request type checked by the compiler. */
export function defineOperation<Req extends WireParams, Res>(spec: Operation<Req, Res>): Operation<Req, Res> {
  return spec;
}

/** Reply with nothing but a request id (most writes). */
export interface EmptyResult {
  readonly requestId: string | undefined;
}

/** Decoder for replies that carry only `RequestId`. */
export function decodeEmpty(body: Reader): EmptyResult {
  return { requestId: body.optStr("RequestId") };
}
