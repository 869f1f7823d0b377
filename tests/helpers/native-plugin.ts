/**
 * Drives the native provider plugin as the engine does: the staged package's `bin/pulumi-resource-alicloud-certs`
 * (what `plugins.providers[].path` points at) started with an engine address, its port read from the first line of
 * its output, then gRPC calls with the stubs `@pulumi/pulumi` ships. Property bags are wire values: secrets as the
 * engine's secret markers, unknowns as the unknown string.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import type * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { initFailureOf } from "./grpc-init-failure";
import { STAGED_PACKAGE } from "./staged-package";

/** The plugin executable of the staged package. */
export const NATIVE_PLUGIN = path.join(STAGED_PACKAGE, "bin", "pulumi-resource-alicloud-certs");

/** The key and signature of a secret value on the wire. */
export const SECRET_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A JSON property bag. */
export type Bag = Record<string, unknown>;

/** A secret value, as the engine sends it. */
export function secret(value: unknown): Bag {
  return { [SECRET_KEY]: SECRET_SIG, value };
}

/** True for a secret value. */
export function isSecret(value: unknown): value is { value: unknown } {
  return typeof value === "object" && value !== null && (value as Bag)[SECRET_KEY] === SECRET_SIG;
}

/** A failed call; `partial` is the `ErrorResourceInitFailed` detail when the object exists. */
export class PluginCallError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly partial: { id: string; properties: Bag; reasons: string[] } | undefined,
  ) {
    super(message);
    this.name = "PluginCallError";
  }
}

type Unary<Req, Res> = (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => unknown;

function call<Req, Res>(fn: Unary<Req, Res>, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn(req, (err, res) => (err ? reject(callError(err)) : resolve(res)));
  });
}

function callError(err: grpc.ServiceError): PluginCallError {
  const partial = initFailureOf(err);
  return new PluginCallError(
    err.details,
    err.code,
    partial === undefined ? undefined : { ...partial, properties: partial.properties as Bag },
  );
}

function struct(value: Bag): Struct {
  return Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);
}

function plain(value: Struct | undefined): Bag {
  return value?.toJavaScript() ?? {};
}

/** What a Read answered; `inputs` undefined when the plugin returned none. */
export interface ReadAnswer {
  readonly id: string;
  readonly properties: Bag;
  readonly inputs: Bag | undefined;
}

/** A running plugin process and a client to it. */
export class NativePlugin {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: provrpc.ResourceProviderClient,
    /** Everything the plugin printed after its port (progress lines). */
    readonly output: string[],
    readonly exited: Promise<number | string>,
  ) {}

  /** The plugin's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Start the staged plugin. `env` is added to this process's environment; `engineAddress` is the argument the engine
   * passes (default `127.0.0.1:0`: no engine to watch).
   */
  static async start(options: { env?: Record<string, string>; engineAddress?: string } = {}): Promise<NativePlugin> {
    const child = spawn(NATIVE_PLUGIN, [options.engineAddress ?? "127.0.0.1:0"], {
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const exited = new Promise<number | string>((resolve) =>
      child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
    );
    const port = await new Promise<number>((resolve, reject) => {
      let buffer = "";
      const onData = (chunk: Buffer): void => {
        buffer += chunk.toString();
        const newline = buffer.indexOf("\n");
        if (newline < 0) return;
        child.stdout?.off("data", onData);
        child.stdout?.on("data", (more: Buffer) => output.push(more.toString()));
        resolve(Number(buffer.slice(0, newline).trim()));
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (more: Buffer) => output.push(more.toString()));
      child.once("exit", (code) => reject(new Error(`plugin exited with ${code}: ${output.join("")}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new NativePlugin(child, client, output, exited);
  }

  /** Stop the plugin. */
  close(): void {
    this.client.close();
    this.child.kill();
  }

  async handshake(): Promise<provproto.ProviderHandshakeResponse> {
    const req = new provproto.ProviderHandshakeRequest();
    req.setEngineAddress("127.0.0.1:0");
    return call(this.client.handshake.bind(this.client), req);
  }

  async pluginVersion(): Promise<string> {
    const info = await call<Empty, plugproto.PluginInfo>(this.client.getPluginInfo.bind(this.client), new Empty());
    return info.getVersion();
  }

  async schema(): Promise<string> {
    const res = await call<provproto.GetSchemaRequest, provproto.GetSchemaResponse>(
      this.client.getSchema.bind(this.client),
      new provproto.GetSchemaRequest(),
    );
    return res.getSchema();
  }

  /** `CheckConfig` of a provider named `name` (`default_0_1_0` is a default provider). */
  async checkConfig(
    name: string,
    news: Bag,
  ): Promise<{ inputs: Bag; failures: { property: string; reason: string }[] }> {
    const req = new provproto.CheckRequest();
    req.setUrn(`urn:pulumi:test::test::pulumi:providers:alicloud-certs::${name}`);
    req.setName(name);
    req.setType("pulumi:providers:alicloud-certs");
    req.setOlds(struct({}));
    req.setNews(struct(news));
    const res = await call<provproto.CheckRequest, provproto.CheckResponse>(
      this.client.checkConfig.bind(this.client),
      req,
    );
    return {
      inputs: plain(res.getInputs()),
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** `Configure` with the provider's inputs (`args`), as the engine sends them. */
  async configure(args: Bag): Promise<provproto.ConfigureResponse> {
    const req = new provproto.ConfigureRequest();
    req.setArgs(struct(args));
    req.setAcceptsecrets(true);
    req.setType("pulumi:providers:alicloud-certs");
    return call(this.client.configure.bind(this.client), req);
  }

  /** Calls for one resource type. */
  resource(type: string): PluginResource {
    return new PluginResource(this.client, type);
  }
}

/** Calls for one resource type of the plugin. */
export class PluginResource {
  constructor(
    private readonly client: provrpc.ResourceProviderClient,
    readonly type: string,
  ) {}

  urn(name: string): string {
    return `urn:pulumi:test::test::${this.type}::${name}`;
  }

  private named<T extends { setUrn(v: string): unknown; setName(v: string): unknown; setType(v: string): unknown }>(
    req: T,
    name: string,
  ): T {
    req.setUrn(this.urn(name));
    req.setName(name);
    req.setType(this.type);
    return req;
  }

  async check(
    name: string,
    olds: Bag,
    news: Bag,
  ): Promise<{ inputs: Bag; failures: { property: string; reason: string }[] }> {
    const req = this.named(new provproto.CheckRequest(), name);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await call<provproto.CheckRequest, provproto.CheckResponse>(this.client.check.bind(this.client), req);
    return {
      inputs: plain(res.getInputs()),
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(
    name: string,
    id: string,
    olds: Bag,
    news: Bag,
  ): Promise<{ changes: "some" | "none" | "unknown"; replaces: string[]; deleteBeforeReplace: boolean }> {
    const req = this.named(new provproto.DiffRequest(), name);
    req.setId(id);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    const res = await call<provproto.DiffRequest, provproto.DiffResponse>(this.client.diff.bind(this.client), req);
    const changes = res.getChanges();
    return {
      changes: changes === 2 ? "some" : changes === 1 ? "none" : "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
    };
  }

  async create(name: string, properties: Bag, preview = false): Promise<{ id: string; properties: Bag }> {
    const req = this.named(new provproto.CreateRequest(), name);
    req.setProperties(struct(properties));
    req.setPreview(preview);
    const res = await call<provproto.CreateRequest, provproto.CreateResponse>(
      this.client.create.bind(this.client),
      req,
    );
    return { id: res.getId(), properties: plain(res.getProperties()) };
  }

  /** A Read with recorded outputs `properties` and inputs `inputs` (both empty: `pulumi import`). */
  async read(name: string, id: string, properties: Bag = {}, inputs: Bag = {}): Promise<ReadAnswer> {
    const req = this.named(new provproto.ReadRequest(), name);
    req.setId(id);
    req.setProperties(struct(properties));
    req.setInputs(struct(inputs));
    const res = await call<provproto.ReadRequest, provproto.ReadResponse>(this.client.read.bind(this.client), req);
    const returned = res.getInputs();
    return {
      id: res.getId(),
      properties: plain(res.getProperties()),
      inputs: returned === undefined ? undefined : plain(returned),
    };
  }

  async update(name: string, id: string, olds: Bag, news: Bag, preview = false): Promise<{ properties: Bag }> {
    const req = this.named(new provproto.UpdateRequest(), name);
    req.setId(id);
    req.setOlds(struct(olds));
    req.setNews(struct(news));
    req.setPreview(preview);
    const res = await call<provproto.UpdateRequest, provproto.UpdateResponse>(
      this.client.update.bind(this.client),
      req,
    );
    return { properties: plain(res.getProperties()) };
  }

  async delete(name: string, id: string, properties: Bag): Promise<void> {
    const req = this.named(new provproto.DeleteRequest(), name);
    req.setId(id);
    req.setProperties(struct(properties));
    await call<provproto.DeleteRequest, unknown>(this.client.delete.bind(this.client), req);
  }
}
