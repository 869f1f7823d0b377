import { type Reader } from "./decode";
import { type Product } from "./products";

/** A request parameter value before flattening: arrays become `Name.N`, objects `Name.Key` (1-based, as the API expects). */
export type WireParamValue =
  string | number | boolean | undefined | readonly WireParamValue[] | { readonly [key: string]: WireParamValue };

/** Request parameters in wire casing (`SiteId`, `Certificates`), not yet flattened. */
export type WireParams = { readonly [name: string]: WireParamValue };

/** The declared (non-index-signature) keys of a request type. */
export type DeclaredKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K];
};

/** Every declared parameter of a request type, each mapped to `true`: the compiler keeps the list exact. */
export type WireParamNames<Req> = { readonly [K in DeclaredKeys<Req> & string]-?: true };

/**
 * One Alibaba Cloud API action: everything the transport needs to call it and read its reply.
 * `Req` is the parameter object in wire casing; `Res` the decoded reply, ids as strings.
 */
export interface Operation<Req extends WireParams, Res> {
  readonly product: Product;
  readonly action: string;
  /**
   * HTTP method the official SDKs use for this action (checked against their metadata by
   * tests/emulator/sdk-metadata.test.ts). Parameters always travel in the query string.
   */
  readonly method: "POST" | "GET";
  /**
   * The wire names of every parameter this package sends (top level, before `Name.N` flattening; GA's `RegionId`,
   * which the client adds, is not listed). Compared with the official SDKs' parameter names by the same test.
   */
  readonly wireParams: WireParamNames<Req>;
  /**
   * True when repeating the call after an ambiguous failure (reset, timeout, 5xx) cannot apply a side effect twice:
   * reads, deletes, full-state updates, and writes that carry a `ClientToken`. False calls are retried only after
   * definite rejections (throttling, busy codes, connection refused).
   */
  readonly idempotent: boolean;
  /** Parameters whose values are secret: scrubbed from every error message and log line. */
  readonly secretParams: readonly string[];
  /**
   * True when the action takes a `RegionId`: the transport sends the configured region (`alicloud:region`, default
   * `cn-hangzhou`) unless the request names one.
   * @default false
   */
  readonly regional?: boolean;
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
