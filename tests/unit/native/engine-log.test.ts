/**
 * The native plugin's progress lines reach the engine's `Log` RPC (provider/native/engine-log.ts) on the row of the
 * resource whose request printed them, since the engine keeps a non-dynamic plugin's stderr at debug level.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";
import { engineLogSink, forResource, severityOf } from "../../../provider/native/engine-log";
import { Empty, grpc } from "../../../provider/native/pulumi-runtime";

interface Logged {
  readonly message: string;
  readonly urn: string;
  readonly severity: engproto.LogSeverity;
}

/** A fake engine that records every Log request and resolves once `count` arrived. */
async function fakeEngine(count: number): Promise<{ port: number; logged: Promise<Logged[]>; stop(): Promise<void> }> {
  const server = new grpc.Server();
  const seen: Logged[] = [];
  let done: (value: Logged[]) => void = () => undefined;
  const logged = new Promise<Logged[]>((resolve) => (done = resolve));
  const log: engrpc.IEngineServer["log"] = (call, callback) => {
    const { request } = call;
    seen.push({ message: request.getMessage(), urn: request.getUrn(), severity: request.getSeverity() });
    callback(null, new Empty());
    if (seen.length === count) done(seen);
  };

  server.addService(engrpc.EngineService, { log });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    ),
  );
  // A graceful stop: the answers in flight reach the client, which would otherwise report them lost on stderr.
  return { port, logged, stop: () => new Promise((resolve) => server.tryShutdown(() => resolve())) };
}

describe("native: progress lines through the engine's Log RPC", () => {
  it("logs each line on the row of the resource whose request printed it, and provider-wide lines on none", async () => {
    const engine = await fakeEngine(3);
    try {
      const sink = engineLogSink({ host: "127.0.0.1", port: engine.port });
      const urnA = "urn:pulumi:dev::p::alicloud-certs:esa:CustomHostname::a";
      const urnB = "urn:pulumi:dev::p::alicloud-certs:ga:ListenerAdditionalCertificate::b";
      // Two requests in flight at once: each line keeps its own resource across awaits.
      await Promise.all([
        forResource(urnA, async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          sink("waiting for a");
        }),
        forResource(urnB, async () => {
          sink("warning: b is busy");
          await new Promise((resolve) => setTimeout(resolve, 1));
        }),
      ]);
      sink("provider-wide");
      const logged = await engine.logged;
      const byMessage = new Map(logged.map((entry) => [entry.message, entry]));
      assert.equal(byMessage.get("waiting for a")?.urn, urnA);
      assert.equal(byMessage.get("waiting for a")?.severity, engproto.LogSeverity.INFO);
      assert.equal(byMessage.get("warning: b is busy")?.urn, urnB);
      assert.equal(byMessage.get("warning: b is busy")?.severity, engproto.LogSeverity.WARNING);
      assert.equal(byMessage.get("provider-wide")?.urn, "");
    } finally {
      await engine.stop();
    }
  });

  it("calls a line a warning exactly when it starts with the word warning", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const expected = /^warning\b/i.test(text) ? engproto.LogSeverity.WARNING : engproto.LogSeverity.INFO;
        assert.equal(severityOf(text), expected);
        assert.equal(severityOf(`warning: ${text}`), engproto.LogSeverity.WARNING);
      }),
    );
  });
});
