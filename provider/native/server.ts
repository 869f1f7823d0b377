/**
 * The `pulumirpc.ResourceProvider` gRPC service of the native provider, served with the stubs `@pulumi/pulumi` ships
 * (`proto/provider_grpc_pb`), as `@pulumi/pulumi/cmd/dynamic-provider` does: `@pulumi/pulumi/provider`'s `main()`
 * drops Configure's variables (pulumi/pulumi#10915), and per-instance configuration is the point of this provider.
 * This file only decodes requests and encodes answers; the rules are in `./operations` and `./config`.
 *
 * Protocol choices (Pulumi's `sdk/go/common/resource/plugin/provider_plugin.go`, v3.259):
 * - `Handshake` answers `acceptSecrets` (values keep their secretness: `./wire`), no resource references and no
 *   output values (the engine sends plain ids and values). With a handshake the engine calls Create and Update in
 *   previews too (`preview: true`): they answer without an API call.
 * - `CheckConfig`, `DiffConfig` and `Configure` are implemented (`./config`); a configuration change never replaces
 *   a resource.
 * - `GetSchema` answers `schema.json`; `GetPluginInfo` the package version.
 * - `Cancel` (the engine is stopping) aborts every wait and retry of this process (`util/shutdown.ts`).
 * - Invoke, Call, Construct, Parameterize, Attach and List are not offered (UNIMPLEMENTED).
 */
import type * as GrpcModule from "@grpc/grpc-js";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { configureHost } from "../resources/common/host";
import { messageOf } from "../resources/common/dynamic";
import { shutDownHost } from "../util/shutdown";
import { nativeConfigKey, type NativeConfigKey } from "./config-keys";
import { changedConfig, checkConfig, configSourceOf, instanceConfigOf, SECRET_CONFIG, type KeyLabel } from "./config";
import { forResource } from "./engine-log";
import { check, create, diff, NativePartialFailure, nameOf, read, remove, update, type Target } from "./operations";
import { packageSchemaText, packageVersion } from "./package-files";
import { Any, Empty, grpc, Struct } from "./pulumi-runtime";
import { markSecrets, mergeShapes, toWireBag, unwrapSecrets, type WireBag } from "./wire";

type Message = InstanceType<typeof Struct>;

/** A Struct as a plain bag (absent: empty). */
function plainOf(struct: Message | undefined): Record<string, unknown> {
  return struct?.toJavaScript() ?? {};
}

/** A wire bag as a Struct. */
function structOf(bag: WireBag): Message {
  return Struct.fromJavaScript(bag);
}

/** The resource type of a request: its `type` field, else the URN's type (the last part of a parent chain). */
function typeOf(request: { getType(): string; getUrn(): string }): string {
  const type = request.getType();
  if (type !== "") return type;
  return request.getUrn().split("::")[2]?.split("$").pop() ?? "";
}

/** The target of a resource request. */
function targetOf(request: { getType(): string; getUrn(): string; getName(): string }): Target {
  return { type: typeOf(request), urn: request.getUrn(), name: request.getName() };
}

/** The target and the id of a request on a resource that exists. */
function existing(request: {
  getType(): string;
  getUrn(): string;
  getName(): string;
  getId(): string;
}): [target: Target, id: string] {
  return [targetOf(request), request.getId()];
}

/** Check failures as the protocol's messages. */
function failuresOf(failures: readonly { property: string; reason: string }[]): provproto.CheckFailure[] {
  return failures.map((failure) =>
    new provproto.CheckFailure().setProperty(failure.property).setReason(failure.reason),
  );
}

/** A gRPC error answer: the message, and for a partial failure the `ErrorResourceInitFailed` detail. */
function errorAnswer(error: unknown): GrpcModule.ServerErrorResponse {
  const message = messageOf(error);
  const answer = Object.assign(new Error(message), { code: grpc.status.UNKNOWN, details: message });
  if (!(error instanceof NativePartialFailure)) return answer;
  // The object exists: the engine records it from this detail (`grpc-status-details-bin`, as Go's status details).
  const detail = new provproto.ErrorResourceInitFailed();
  detail.setId(error.id);
  detail.setProperties(structOf(error.properties));
  detail.setReasonsList([...error.reasons]);
  const packed = new Any();
  packed.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
  const status = new statusproto.Status();
  status.setCode(grpc.status.UNKNOWN);
  status.setMessage(message);
  status.addDetails(packed);
  const metadata = new grpc.Metadata();
  metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  return Object.assign(answer, { metadata });
}

/** A unary handler from an async function of the request. */
function unary<Req, Res>(work: (request: Req) => Promise<Res> | Res): GrpcModule.handleUnaryCall<Req, Res> {
  return (call, callback) => {
    Promise.resolve()
      .then(() => work(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => {
          const answer = errorAnswer(error);
          callback(answer, null, answer.metadata);
        },
      );
  };
}

/** A unary handler for a request on one resource: its progress lines are logged on that resource's row. */
function resourceUnary<Req extends { getUrn(): string }, Res>(
  work: (request: Req) => Promise<Res>,
): GrpcModule.handleUnaryCall<Req, Res> {
  return unary((request: Req) => forResource(request.getUrn(), () => work(request)));
}

/** A handler answering UNIMPLEMENTED, for the parts of the protocol this provider does not offer. */
function unimplemented<Req, Res>(what: string): GrpcModule.handleUnaryCall<Req, Res> {
  return (_call, callback) =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${what} is not implemented by the alicloud-certs provider` });
}

/** The default provider is named `default` or `default_<version>`; an explicit one has the program's name. */
function labelFor(providerName: string): KeyLabel {
  return /^default(_|$)/.test(providerName)
    ? (key: NativeConfigKey) => nativeConfigKey(key.name)
    : (key: NativeConfigKey) => `${key.name} of provider ${JSON.stringify(providerName)}`;
}

/** `Configure`: this process's settings are this instance's configuration (older engines send only `variables`). */
function configure(request: provproto.ConfigureRequest): provproto.ConfigureResponse {
  const args = unwrapSecrets(plainOf(request.getArgs())).plain;
  const prefix = "alicloud-certs:config:";
  const variables = Object.fromEntries(
    request
      .getVariablesMap()
      .toArray()
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, value]) => [key.slice(prefix.length), value]),
  );
  configureHost(configSourceOf(instanceConfigOf(Object.keys(args).length > 0 ? args : variables)));
  const response = new provproto.ConfigureResponse();
  response.setAcceptsecrets(true);
  response.setSupportspreview(true);
  response.setAcceptresources(false);
  response.setAcceptoutputs(false);
  return response;
}

/** `CheckConfig`: the failures, and the inputs with every secret key marked secret. */
function checkProviderConfig(request: provproto.CheckRequest): provproto.CheckResponse {
  const { plain, secrets } = unwrapSecrets(plainOf(request.getNews()));
  const response = new provproto.CheckResponse();
  response.setInputs(structOf(markSecrets(toWireBag(plain), mergeShapes(secrets, SECRET_CONFIG))));
  response.setFailuresList(failuresOf(checkConfig(plain, labelFor(nameOf(targetOf(request))))));
  return response;
}

/** `DiffConfig`: which keys changed; never a replacement. */
function diffProviderConfig(request: provproto.DiffRequest): provproto.DiffResponse {
  const olds = unwrapSecrets(plainOf(request.getOldInputs() ?? request.getOlds())).plain;
  const changed = changedConfig(olds, unwrapSecrets(plainOf(request.getNews())).plain);
  const response = new provproto.DiffResponse();
  response.setChanges(
    changed.length > 0 ? provproto.DiffResponse.DiffChanges.DIFF_SOME : provproto.DiffResponse.DiffChanges.DIFF_NONE,
  );
  response.setDiffsList(changed);
  return response;
}

/** The service implementation. */
export function providerService(): provrpc.IResourceProviderServer {
  return {
    handshake: unary(() => {
      const response = new provproto.ProviderHandshakeResponse();
      response.setAcceptSecrets(true);
      response.setAcceptResources(false);
      response.setAcceptOutputs(false);
      return response;
    }),
    getPluginInfo: unary(() => {
      const info = new plugproto.PluginInfo();
      info.setVersion(packageVersion());
      return info;
    }),
    getSchema: unary(() => {
      const response = new provproto.GetSchemaResponse();
      response.setSchema(packageSchemaText());
      return response;
    }),
    checkConfig: unary(checkProviderConfig),
    diffConfig: unary(diffProviderConfig),
    configure: unary(configure),
    check: resourceUnary(async (request: provproto.CheckRequest) => {
      const result = await check(targetOf(request), plainOf(request.getOlds()), plainOf(request.getNews()));
      const response = new provproto.CheckResponse();
      response.setInputs(structOf(result.inputs));
      response.setFailuresList(failuresOf(result.failures));
      return response;
    }),
    diff: resourceUnary(async (request: provproto.DiffRequest) => {
      const result = await diff(...existing(request), plainOf(request.getOlds()), plainOf(request.getNews()));
      const response = new provproto.DiffResponse();
      const { DIFF_SOME, DIFF_NONE, DIFF_UNKNOWN } = provproto.DiffResponse.DiffChanges;
      response.setChanges(result.changes === true ? DIFF_SOME : result.changes === false ? DIFF_NONE : DIFF_UNKNOWN);
      response.setReplacesList([...result.replaces]);
      response.setDeletebeforereplace(result.deleteBeforeReplace);
      return response;
    }),
    create: resourceUnary(async (request: provproto.CreateRequest) => {
      const result = await create(targetOf(request), plainOf(request.getProperties()), request.getPreview());
      const response = new provproto.CreateResponse();
      response.setId(result.id);
      response.setProperties(structOf(result.properties));
      return response;
    }),
    read: resourceUnary(async (request: provproto.ReadRequest) => {
      const result = await read(...existing(request), plainOf(request.getProperties()), plainOf(request.getInputs()));
      const response = new provproto.ReadResponse();
      response.setId(result.id);
      response.setProperties(structOf(result.properties));
      if (result.inputs !== undefined) response.setInputs(structOf(result.inputs));
      return response;
    }),
    update: resourceUnary(async (request: provproto.UpdateRequest) => {
      const olds = plainOf(request.getOlds());
      const result = await update(...existing(request), olds, plainOf(request.getNews()), request.getPreview());
      return new provproto.UpdateResponse().setProperties(structOf(result.properties));
    }),
    delete: resourceUnary(async (request: provproto.DeleteRequest) => {
      await remove(...existing(request), plainOf(request.getProperties()));
      return new Empty();
    }),
    cancel: unary(() => {
      shutDownHost("the Pulumi engine cancelled the operation");
      return new Empty();
    }),
    getMapping: unary(() => new provproto.GetMappingResponse()),
    getMappings: unary(() => new provproto.GetMappingsResponse()),
    invoke: unimplemented("Invoke"),
    call: unimplemented("Call"),
    construct: unimplemented("Construct"),
    parameterize: unimplemented("Parameterize"),
    attach: unimplemented("Attach"),
    list: (call) => {
      call.emit("error", {
        code: grpc.status.UNIMPLEMENTED,
        details: "List is not implemented by the alicloud-certs provider",
      });
    },
  };
}

/** Serve the provider on 127.0.0.1 (a free port) and resolve with the port, which the caller prints for the engine. */
export function serve(): Promise<{ port: number; server: GrpcModule.Server }> {
  const server = new grpc.Server({
    // As the Node SDK's servers: the engine sends whole states, which exceed gRPC's 4 MB default for large stacks.
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
  });
  server.addService(provrpc.ResourceProviderService, providerService());
  return new Promise((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) =>
      error === null ? resolve({ port, server }) : reject(error),
    );
  });
}
