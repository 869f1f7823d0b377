/**
 * Progress lines of the native plugin, sent to the engine's `Log` RPC on the row of the resource being worked on.
 * The engine shows the dynamic-provider host's stderr to users, but logs any other plugin's stdout and stderr at debug
 * level only (`sdk/go/common/resource/plugin/plugin.go`, v3.259), so without this a native user never saw a line such
 * as "renewing 33 days ahead" or "GA listener busy; retrying".
 */
import { AsyncLocalStorage } from "node:async_hooks";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";
import type { EngineAddress } from "../resources/common/engine-watch";
import { grpc } from "./pulumi-runtime";

/** The URN of the resource the current request works on (none for provider-wide requests). */
const currentUrn = new AsyncLocalStorage<string>();

/** Run `work` with its progress lines attributed to `urn`. */
export function forResource<T>(urn: string, work: () => T): T {
  return currentUrn.run(urn, work);
}

/** The engine's severity for a progress line: a line the provider words as a warning is one. */
export function severityOf(message: string): engproto.LogSeverity {
  return /^warning\b/i.test(message) ? engproto.LogSeverity.WARNING : engproto.LogSeverity.INFO;
}

/**
 * A progress sink logging through the engine at `address`. A line the engine does not take (it is gone, or busy
 * shutting down) goes to stderr, so it still reaches `pulumi --logflow -v` users.
 */
export function engineLogSink(address: EngineAddress): (message: string) => void {
  const host = address.host.includes(":") ? `[${address.host}]` : address.host;
  const client = new engrpc.EngineClient(`${host}:${address.port}`, grpc.credentials.createInsecure());
  return (message) => {
    const request = new engproto.LogRequest();
    request.setSeverity(severityOf(message));
    request.setMessage(message);
    request.setUrn(currentUrn.getStore() ?? "");
    client.log(request, (error) => {
      if (error !== null) process.stderr.write(`${message}\n`);
    });
  };
}
