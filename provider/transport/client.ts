import OpenApiClientModule = require("@alicloud/openapi-client");
import OpenApiUtilModule = require("@alicloud/openapi-util");
import CredentialsModule = require("@alicloud/credentials");
import { Reader, ResponseShapeError } from "./decode";
import { credentialSecrets, resolveCredentialSource, type CredentialSource } from "./credentials";
import { resolveEndpoint, type Endpoint } from "./endpoints";
import {
  AlibabaCloudError,
  isNotFoundCode,
  isRetryableCode,
  isThrottlingCode,
  scrubSecrets,
  type ErrorKind,
} from "./errors";
import { adviceFor } from "./documented-codes";
import { type Operation, type WireParams } from "./operation";
import { API_VERSIONS, BUSY_CODES, GA_REGION_ID, type Product } from "./products";
import { DEFAULT_RETRY_POLICY, withRetries, type RetryNotice, type RetryPolicy } from "./retry";
import { configKey } from "../settings/setting";
import { SETTINGS } from "../settings/table";
import { resolveRegion, type ConfigSource, type Environment } from "./settings";
import { parseWireJson } from "./wire-json";

// `import x = require()` (not `import * as`) keeps these captured as plain `require(...)` references when Pulumi
// serializes a provider, instead of walking the libraries by value.

/** Socket timeouts in ms. The client's 3 s defaults are too short, and its connect timeout doubles as the idle timeout, so both are set. */
export interface HttpTimeouts {
  /** @default 10000 */
  readonly connectTimeoutMs: number;
  /** @default 30000 */
  readonly readTimeoutMs: number;
}

/** Defaults chosen for control-plane calls carrying PEM payloads over slow links. */
export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectTimeoutMs: 30_000, readTimeoutMs: 30_000 };

/** Per-call options. */
export interface CallOptions {
  /** Override the retry policy for this call (e.g. a shorter deadline inside a waiter). */
  readonly retry?: Partial<RetryPolicy>;
  /** Called before each retry, e.g. to print a progress line. */
  readonly onRetry?: (notice: RetryNotice) => void;
}

/** Settings of an {@link AlibabaClient}. */
export interface AlibabaClientSettings {
  readonly config: ConfigSource;
  readonly env: Environment;
  readonly timeouts?: HttpTimeouts;
  readonly retry?: RetryPolicy;
  readonly userAgent?: string;
}

/** The raw reply of one HTTP exchange. */
interface RawReply {
  readonly body: unknown;
}

/**
 * The one way this package calls Alibaba Cloud: typed operation specs over `@alicloud/openapi-client` (RPC style,
 * ACS3-HMAC-SHA256 signed by the client, parameters flattened to `Name.N.Key`, replies parsed losslessly), with
 * classified errors and retries. Endpoints and credentials are resolved at call time from stack config and the
 * environment, so nothing secret is ever held by a serialized provider.
 */
export class AlibabaClient {
  private readonly clients = new Map<Product, OpenApiClientModule.default>();
  private readonly retryPolicy: RetryPolicy;

  constructor(private readonly settings: AlibabaClientSettings) {
    this.retryPolicy = settings.retry ?? DEFAULT_RETRY_POLICY;
  }

  /** The endpoint calls to `product` go to. */
  endpoint(product: Product): Endpoint {
    return resolveEndpoint(product, this.settings.config, this.settings.env);
  }

  /**
   * Call an operation. Retries throttling, busy codes, 5xx and network failures with exponential backoff and full
   * jitter under a deadline; a call that is not idempotent is retried only after definite rejections, and an
   * ambiguous failure surfaces as an {@link AlibabaCloudError} with `ambiguous: true` so the caller can look the
   * object up before trying again.
   */
  async call<Req extends WireParams, Res>(
    op: Operation<Req, Res>,
    request: Req,
    options: CallOptions = {},
  ): Promise<Res> {
    const policy = { ...this.retryPolicy, ...options.retry };
    const secrets = [
      ...op.secretParams.map((name) => request[name]).filter((v): v is string => typeof v === "string"),
      ...credentialSecrets(this.settings.config, this.settings.env),
    ];
    const attempt = async (): Promise<Res> => {
      const reply = await this.send(op, request, secrets);
      return this.decode(op, reply.body);
    };
    const shouldRetry = (error: unknown): boolean =>
      error instanceof AlibabaCloudError && error.retryable && (op.idempotent || !error.ambiguous);
    return withRetries(attempt, shouldRetry, policy, options.onRetry);
  }

  private decode<Req extends WireParams, Res>(op: Operation<Req, Res>, body: unknown): Res {
    try {
      const text = typeof body === "string" ? body : JSON.stringify(body);
      return op.decode(Reader.root(parseWireJson(text)));
    } catch (error: unknown) {
      const detail =
        error instanceof ResponseShapeError || error instanceof SyntaxError ? error.message : String(error);
      throw new AlibabaCloudError({
        product: op.product,
        action: op.action,
        kind: "invalid-response",
        code: "InvalidResponse",
        serviceMessage: `the reply did not have the documented shape: ${detail}`,
        retryable: false,
        notFound: false,
      });
    }
  }

  private async send<Req extends WireParams, Res>(
    op: Operation<Req, Res>,
    request: Req,
    secrets: readonly string[],
  ): Promise<RawReply> {
    const client = this.clientFor(op.product);
    const region = op.product === "ga" ? GA_REGION_ID : op.regional === true ? this.region() : undefined;
    const params: Record<string, unknown> = region === undefined ? { ...request } : { RegionId: region, ...request };
    for (const key of Object.keys(params)) if (params[key] === undefined) delete params[key];
    const openApiParams = new OpenApiClientModule.Params({
      action: op.action,
      version: API_VERSIONS[op.product],
      protocol: "HTTPS",
      pathname: "/",
      method: op.method,
      authType: "AK",
      style: "RPC",
      reqBodyType: "formData",
      // "string" keeps the raw text so big integers survive; we parse it ourselves.
      bodyType: "string",
    });
    const openApiRequest = new OpenApiClientModule.OpenApiRequest({ query: OpenApiUtilModule.default.query(params) });
    try {
      const reply = await client.callApi(openApiParams, openApiRequest, {} as never);
      return { body: reply.body };
    } catch (error: unknown) {
      throw toAlibabaCloudError(op, error, secrets);
    }
  }

  private region(): string {
    return resolveRegion(this.settings.config, this.settings.env);
  }

  private clientFor(product: Product): OpenApiClientModule.default {
    const cached = this.clients.get(product);
    if (cached !== undefined) return cached;
    const endpoint = this.endpoint(product);
    const timeouts = this.settings.timeouts ?? DEFAULT_TIMEOUTS;
    const source = resolveCredentialSource(this.settings.config, this.settings.env);
    const client = new OpenApiClientModule.default(
      new OpenApiClientModule.Config({
        ...credentialConfig(source, this.settings.env),
        endpoint: endpoint.host,
        protocol: endpoint.protocol,
        connectTimeout: timeouts.connectTimeoutMs,
        readTimeout: timeouts.readTimeoutMs,
        userAgent: this.settings.userAgent ?? "pulumi-alicloud-certs",
      }),
    );
    this.clients.set(product, client);
    return client;
  }
}

/** Config fields for the credential source (static keys, or the default chain). */
function credentialConfig(source: CredentialSource, env: Environment): Record<string, unknown> {
  if (source.kind !== "default-chain") {
    return {
      accessKeyId: source.accessKeyId,
      accessKeySecret: source.accessKeySecret,
      ...(source.securityToken === undefined ? {} : { securityToken: source.securityToken }),
    };
  }
  // The chain reads its profile name from ALIBABA_CLOUD_PROFILE only; honour alicloud:profile / ALICLOUD_PROFILE by
  // setting it in this (provider host) process when the user did not set it themselves.
  if (source.profile !== undefined && env["ALIBABA_CLOUD_PROFILE"] === undefined)
    process.env["ALIBABA_CLOUD_PROFILE"] = source.profile;
  return { credential: new CredentialsModule.default() };
}

/** What to set when no credential source gave any, in the names the settings table declares. */
function noCredentials(): string {
  const { accessKey: id, secretKey: secret } = SETTINGS;
  return (
    `no credentials: set ${configKey(id)}/${configKey(secret)}, ${id.env.join("/")}/${secret.env.join("/")}, ` +
    "or configure the Alibaba Cloud default credential chain"
  );
}

/** The documented "what to do" for a terminal code, as an optional init field. */
function hintFor(product: Product, code: string): { hint?: string } {
  const advice = adviceFor(product, code);
  return advice?.hint === undefined || advice.retryable ? {} : { hint: advice.hint };
}

/** Transport error codes that prove the request never left this machine. */
const UNSENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "InvalidCredentials", "CredentialException"]);
/** Transport error codes after which the request may have been applied. */
const NETWORK_CODES = new Set([
  "ECONNRESET",
  "EPIPE",
  "ECONNABORTED",
  "ETIMEDOUT",
  "ESOCKETTIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPROTO",
  "UND_ERR_SOCKET",
]);

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && value !== "undefined" ? value : undefined;
}

/**
 * Turn whatever the client threw into an {@link AlibabaCloudError}. Only the service's `Code`, `Message` and
 * `RequestId` are kept; the client's own message text is never reused because for network errors it embeds the
 * request URL, whose query string can carry a private key.
 */
export function toAlibabaCloudError<Req extends WireParams, Res>(
  op: Operation<Req, Res>,
  error: unknown,
  secrets: readonly string[],
): AlibabaCloudError {
  const data = field(error, "data");
  const status = field(error, "statusCode");
  const httpStatus = typeof status === "number" && status > 0 ? status : undefined;
  const apiCode = text(field(data, "Code")) ?? text(field(data, "code"));
  const busy = BUSY_CODES[op.product];
  if (apiCode !== undefined && httpStatus !== undefined) {
    const requestId = text(field(data, "RequestId")) ?? text(field(data, "requestId"));
    const message = text(field(data, "Message")) ?? text(field(data, "message")) ?? "(no message)";
    return new AlibabaCloudError({
      product: op.product,
      action: op.action,
      kind: "api",
      code: apiCode,
      httpStatus,
      ...(requestId === undefined ? {} : { requestId }),
      serviceMessage: scrubSecrets(message, secrets),
      retryable: isRetryableCode(apiCode, httpStatus, busy, op.product),
      notFound: isNotFoundCode(apiCode, op.notFoundCodes),
      ...hintFor(op.product, apiCode),
    });
  }
  const name = field(error, "name");
  const code = text(field(error, "code"));
  let kind: ErrorKind = "network";
  let transportCode = code ?? "NetworkError";
  let description = "the connection failed before a reply arrived";
  if (name === "RequestTimeoutError") {
    transportCode = "RequestTimeout";
    description = "no reply within the timeout";
  } else if (error instanceof SyntaxError) {
    // A 5xx with an HTML or empty body: the client could not parse it as JSON.
    transportCode = "UnreadableErrorReply";
    description = "the service replied with a body that is not JSON (often a gateway error page)";
  } else if (code !== undefined && UNSENT_CODES.has(code)) {
    kind = "unsent";
    description = code.startsWith("E") ? "the endpoint could not be reached" : "no usable credentials were found";
  } else if (code !== undefined && NETWORK_CODES.has(code)) {
    description = "the connection was cut before a reply arrived";
  } else if (code === undefined && !(error instanceof Error)) {
    description = "an unexpected value was thrown";
  }
  const credentialProblem = code === "InvalidCredentials" || code === "CredentialException";
  return new AlibabaCloudError({
    product: op.product,
    action: op.action,
    kind,
    code: transportCode,
    serviceMessage: credentialProblem ? noCredentials() : description,
    retryable: !credentialProblem && !(kind === "unsent" && isThrottlingCode(transportCode)),
    notFound: false,
  });
}
