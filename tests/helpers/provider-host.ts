/**
 * Drives the REAL dynamic-provider host of `@pulumi/pulumi` (`cmd/dynamic-provider`) over gRPC, exactly as the engine
 * does: Configure first, then Check/Diff/Create/Read/Update/Delete with `__provider` in every property bag. This is
 * the provider tier: it catches what calling provider objects directly cannot (protobuf Struct conversion, partial
 * failures packed into gRPC status details, configure semantics, serialization of the provider text).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { initFailureOf } from "./grpc-init-failure";
import * as pulumi from "@pulumi/pulumi";

/** The preview-time unknown value. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A JSON property bag. */
export type Props = Record<string, unknown>;

/** The diff as the engine receives it. */
export interface HostDiff {
  readonly changes: "some" | "none" | "unknown";
  readonly replaces: string[];
  readonly deleteBeforeReplace: boolean;
}

/** A failure the host reported; `partial` is set for partial failures (`ErrorResourceInitFailed`). */
export class HostCallError extends Error {
  constructor(
    message: string,
    readonly partial: { id: string; properties: Props; reasons: string[] } | undefined,
  ) {
    super(message);
    this.name = "HostCallError";
  }
}

/** Serialize a provider exactly as `pulumi.dynamic.Resource` does, giving the `__provider` text. */
export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

type Unary<Req, Res> = (req: Req, cb: (err: grpc.ServiceError | null, res: Res) => void) => void;

function call<Req, Res>(fn: Unary<Req, Res>, req: Req): Promise<Res> {
  return new Promise((resolve, reject) => {
    fn(req, (err, res) => (err ? reject(toHostError(err)) : resolve(res)));
  });
}

function toHostError(err: grpc.ServiceError): HostCallError {
  const partial = initFailureOf(err);
  return new HostCallError(
    err.details,
    partial === undefined ? undefined : { ...partial, properties: partial.properties as Props },
  );
}

function struct(value: Props): Struct {
  return Struct.fromJavaScript(value as Parameters<typeof Struct.fromJavaScript>[0]);
}

function plain(value: Struct | undefined): Props {
  return (value?.toJavaScript() ?? {}) as Props;
}

/** A running host process and a gRPC client to it. */
export class ProviderHost {
  private constructor(
    private readonly child: ChildProcess,
    private readonly client: provrpc.ResourceProviderClient,
    /** Everything the provider printed (progress lines). */
    readonly output: string[],
    /** Settles with the exit code (or the signal's name) once the host process has exited. */
    readonly exited: Promise<number | string>,
  ) {}

  /**
   * Stop reading the host's stdout and stderr, as a dead engine does: the host's next write to either fails with
   * EPIPE.
   */
  closeOutput(): void {
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
  }

  /** The host's process id. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Start a host. `cwd` must be a directory from which the serialized provider's `require`s resolve (the engine uses
   * the program directory); `env` is added to this process's environment. `engineAddress` is the argument the engine
   * passes (its own address); the default `127.0.0.1:0` names no engine, so the host's engine watch has none to judge.
   */
  static async start(
    options: { cwd?: string; env?: Record<string, string>; project?: string; engineAddress?: string } = {},
  ): Promise<ProviderHost> {
    const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
    const child = spawn(process.execPath, [script, options.engineAddress ?? "127.0.0.1:0"], {
      // tests/ has its own package.json, so bare requires in the provider text resolve to the staged install in
      // node_modules (as in a user's project), not to the repository's dist/ through Node's package self-reference.
      cwd: options.cwd ?? path.resolve(__dirname, ".."),
      env: { ...process.env, ...options.env, PULUMI_NODEJS_PROJECT: options.project ?? "test" },
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
        if (newline >= 0) {
          child.stdout?.off("data", onData);
          const rest = buffer.slice(newline + 1);
          if (rest !== "") output.push(rest);
          child.stdout?.on("data", (more: Buffer) => output.push(more.toString()));
          resolve(Number(buffer.slice(0, newline).trim()));
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", (more: Buffer) => output.push(more.toString()));
      child.once("exit", (code) => reject(new Error(`provider host exited with ${code}: ${output.join("")}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new ProviderHost(child, client, output, exited);
  }

  /** Send Configure (always first). `config` uses namespaced keys, e.g. `alicloud:region`. */
  async configure(config: Record<string, string>): Promise<void> {
    const req = new provproto.ConfigureRequest();
    req.setArgs(struct(config));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    await call<provproto.ConfigureRequest, unknown>(this.client.configure.bind(this.client), req);
  }

  /** Bind a provider text and type to get a per-resource client that adds `__provider` and builds URNs. */
  resource(providerText: string, type: string): HostResource {
    return new HostResource(this.client, providerText, type);
  }

  /** Stop the host. */
  close(): void {
    this.client.close();
    this.child.kill();
  }
}

/** Calls for one resource type; every bag gets `__provider` added. */
export class HostResource {
  constructor(
    private readonly client: provrpc.ResourceProviderClient,
    readonly providerText: string,
    readonly type: string,
  ) {}

  /** The URN of a resource of this type named `name`. */
  urn(name: string): string {
    return `urn:pulumi:test::test::${this.type}::${name}`;
  }

  private withProvider(props: Props): Props {
    return { ...props, __provider: this.providerText };
  }

  async check(
    name: string,
    olds: Props,
    news: Props,
  ): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const req = new provproto.CheckRequest();
    req.setUrn(this.urn(name));
    req.setOlds(struct(Object.keys(olds).length === 0 ? {} : this.withProvider(olds)));
    req.setNews(struct(this.withProvider(news)));
    const res = await call<provproto.CheckRequest, provproto.CheckResponse>(this.client.check.bind(this.client), req);
    return {
      inputs: plain(res.getInputs()),
      failures: res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  async diff(name: string, id: string, olds: Props, news: Props): Promise<HostDiff> {
    const req = new provproto.DiffRequest();
    req.setUrn(this.urn(name));
    req.setId(id);
    req.setOlds(struct(this.withProvider(olds)));
    req.setNews(struct(this.withProvider(news)));
    const res = await call<provproto.DiffRequest, provproto.DiffResponse>(this.client.diff.bind(this.client), req);
    const changes = res.getChanges();
    return {
      changes: changes === 2 ? "some" : changes === 1 ? "none" : "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
    };
  }

  async create(name: string, inputs: Props): Promise<{ id: string; properties: Props }> {
    const req = new provproto.CreateRequest();
    req.setUrn(this.urn(name));
    req.setProperties(struct(this.withProvider(inputs)));
    const res = await call<provproto.CreateRequest, provproto.CreateResponse>(
      this.client.create.bind(this.client),
      req,
    );
    return { id: res.getId(), properties: plain(res.getProperties()) };
  }

  /**
   * A Read, and the inputs the engine records after it: the ones the host returned, or (`inputsReturned` false)
   * the recorded `inputs` passed in, which the engine keeps when a read returns none.
   */
  async read(
    name: string,
    id: string,
    props: Props,
    inputs: Props,
  ): Promise<{ id: string; properties: Props; inputs: Props; inputsReturned: boolean }> {
    const req = new provproto.ReadRequest();
    req.setUrn(this.urn(name));
    req.setId(id);
    req.setProperties(struct(this.withProvider(props)));
    req.setInputs(struct(this.withProvider(inputs)));
    const res = await call<provproto.ReadRequest, provproto.ReadResponse>(this.client.read.bind(this.client), req);
    const returned = res.getInputs();
    return {
      id: res.getId(),
      properties: plain(res.getProperties()),
      inputs: returned === undefined ? inputs : plain(returned),
      inputsReturned: returned !== undefined,
    };
  }

  async update(name: string, id: string, olds: Props, news: Props): Promise<{ properties: Props }> {
    const req = new provproto.UpdateRequest();
    req.setUrn(this.urn(name));
    req.setId(id);
    req.setOlds(struct(this.withProvider(olds)));
    req.setNews(struct(this.withProvider(news)));
    const res = await call<provproto.UpdateRequest, provproto.UpdateResponse>(
      this.client.update.bind(this.client),
      req,
    );
    return { properties: plain(res.getProperties()) };
  }

  async delete(name: string, id: string, props: Props): Promise<void> {
    const req = new provproto.DeleteRequest();
    req.setUrn(this.urn(name));
    req.setId(id);
    req.setProperties(struct(this.withProvider(props)));
    await call<provproto.DeleteRequest, unknown>(this.client.delete.bind(this.client), req);
  }
}
