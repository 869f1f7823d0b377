/** The REAL `@alicloud/openapi-client`, pointed at an emulator, as the package's transport will use it. */
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import { API_VERSIONS, type Product } from "../../../emulator/core/contract";

/** How a test client signs. */
export interface ClientOptions {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** `"v2"` selects the legacy RPC HMAC-SHA1 signature; unset is ACS3-HMAC-SHA256. */
  signatureAlgorithm?: "v2";
  /** ms for both connect and read timeouts. @default 5000 */
  timeoutMs?: number;
}

/** A real client for `endpoint` (`127.0.0.1:PORT`). */
export function realClient(endpoint: string, options: ClientOptions): OpenApi {
  const config = new $OpenApi.Config({
    accessKeyId: options.accessKeyId,
    accessKeySecret: options.accessKeySecret,
    endpoint,
    protocol: "http",
    readTimeout: options.timeoutMs ?? 5000,
    connectTimeout: options.timeoutMs ?? 5000,
  });
  if (options.securityToken !== undefined) config.securityToken = options.securityToken;
  if (options.signatureAlgorithm !== undefined) config.signatureAlgorithm = options.signatureAlgorithm;
  return new OpenApi(config);
}

/** Extra call settings. */
export interface CallExtras {
  method?: "GET" | "POST";
  /** Form-body parameters (the SDKs put everything in the query; form bodies are also accepted). */
  body?: Record<string, string>;
}

function rpcParams(
  product: Product,
  action: string,
  method: "GET" | "POST",
  bodyType: "json" | "string",
): $OpenApi.Params {
  return new $OpenApi.Params({
    action,
    version: API_VERSIONS[product],
    protocol: "HTTPS",
    pathname: "/",
    method,
    authType: "AK",
    style: "RPC",
    reqBodyType: "formData",
    bodyType,
  });
}

function rpcRequest(query: Record<string, string>, body: Record<string, string> | undefined): $OpenApi.OpenApiRequest {
  return new $OpenApi.OpenApiRequest({ query, ...(body === undefined ? {} : { body }) });
}

/** The runtime argument: openapi-client only reads fields, so an empty object is the documented default. */
const RUNTIME = {} as Parameters<OpenApi["callApi"]>[2];

/** Call one RPC action the way the product SDKs do (parameters in the query unless `body` is given). */
export async function callAction(
  client: OpenApi,
  product: Product,
  action: string,
  query: Record<string, string> = {},
  extra: CallExtras = {},
): Promise<{ statusCode: number; headers: Record<string, string>; body: Record<string, unknown> }> {
  const params = rpcParams(product, action, extra.method ?? "POST", "json");
  const res = (await client.callApi(params, rpcRequest(query, extra.body), RUNTIME)) as {
    statusCode: number;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  };
  return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

/** Like {@link callAction} but returns the raw response text (`bodyType: "string"`, as the package parses losslessly). */
export async function callActionText(
  client: OpenApi,
  product: Product,
  action: string,
  query: Record<string, string> = {},
): Promise<string> {
  const res = (await client.callApi(
    rpcParams(product, action, "POST", "string"),
    rpcRequest(query, undefined),
    RUNTIME,
  )) as {
    body: string;
  };
  return res.body;
}

/** What the client throws for an API error (a plain Error with these fields). */
export interface ClientApiError {
  code: string;
  statusCode: number;
  message: string;
  data: Record<string, unknown>;
}

/** Await `promise`, expecting it to reject; returns the rejection. */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Partial<ClientApiError>> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Error) return err as Error & Partial<ClientApiError>;
    throw new Error(`rejected with a non-Error: ${String(err)}`);
  }
  throw new Error("expected the call to fail, but it succeeded");
}
