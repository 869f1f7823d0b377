/**
 * The gRPC runtime of the provider protocol, loaded from where `@pulumi/pulumi` (our peer dependency) loads it. The
 * generated stubs `@pulumi/pulumi/proto/*_pb` build their messages with that copy of `@grpc/grpc-js` and
 * `google-protobuf`; a server and Structs from another copy (a package manager may install two) would not be the
 * messages the stubs serialize. Neither is a dependency of this package: `@pulumi/pulumi` brings both.
 */
import { createRequire } from "node:module";
import type * as GrpcModule from "@grpc/grpc-js";
import type * as AnyModule from "google-protobuf/google/protobuf/any_pb";
import type * as EmptyModule from "google-protobuf/google/protobuf/empty_pb";
import type * as StructModule from "google-protobuf/google/protobuf/struct_pb";

/** `require` as `@pulumi/pulumi`'s own modules resolve. */
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));

/** `@grpc/grpc-js`, the copy the stubs use. */
export const grpc: typeof GrpcModule = fromPulumi("@grpc/grpc-js");
/** `google.protobuf.Struct`, the copy the stubs use. */
export const { Struct }: typeof StructModule = fromPulumi("google-protobuf/google/protobuf/struct_pb");
/** `google.protobuf.Empty`, the copy the stubs use. */
export const { Empty }: typeof EmptyModule = fromPulumi("google-protobuf/google/protobuf/empty_pb");
/** `google.protobuf.Any`, the copy the stubs use. */
export const { Any }: typeof AnyModule = fromPulumi("google-protobuf/google/protobuf/any_pb");
