/**
 * The partial failure a provider reports with its gRPC error: the `pulumirpc.ErrorResourceInitFailed` detail in
 * `grpc-status-details-bin` (how Go's status details travel), decoded for the provider-tier clients of both the
 * dynamic-provider host and the native plugin.
 */
import type * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";

/** The object a failed create or update left behind, as the engine would record it. */
export interface InitFailure {
  readonly id: string;
  readonly properties: Record<string, unknown>;
  readonly reasons: string[];
}

/** The `ErrorResourceInitFailed` detail of `err`, if it carries one. */
export function initFailureOf(err: grpc.ServiceError): InitFailure | undefined {
  const raw = err.metadata?.get("grpc-status-details-bin")[0];
  if (!(raw instanceof Buffer)) return undefined;
  const status = statusproto.Status.deserializeBinary(new Uint8Array(raw));
  const detail = status.getDetailsList().find((d) => d.getTypeName() === "pulumirpc.ErrorResourceInitFailed");
  if (detail === undefined) return undefined;
  const init = provproto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
  return { id: init.getId(), properties: init.getProperties()?.toJavaScript() ?? {}, reasons: init.getReasonsList() };
}
