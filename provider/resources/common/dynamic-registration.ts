/**
 * How every resource class registers itself: as a `pulumi.CustomResource` with the token and `__provider` that
 * `pulumi.dynamic.Resource` would give it, byte for byte, but without the extra constructor between.
 *
 * Why not extend `pulumi.dynamic.Resource`: Pulumi's Node SDK records a resource's source position by skipping a
 * fixed number of stack frames (`Resource`, `CustomResource`, the resource class; pulumi/pulumi#13449). A class
 * extending `dynamic.Resource` adds one more frame, so every resource recorded a line of this package (e.g.
 * `dist/provider/resources/esa/custom-hostname.js#91,9`) instead of the `new` in the user's program, and stored
 * that longer path in the state for every resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { PROVIDER_KEY } from "./diff";
import { TOKEN_MODULE } from "./type-tokens";

/** The stored type token of a resource type: `pulumi-nodejs:dynamic/alicloud-certs:<type>`. */
export function dynamicToken(type: string): string {
  return `pulumi-nodejs:dynamic/${TOKEN_MODULE}:${type}`;
}

/** One serialization per provider object, as `dynamic.Resource` caches it: hundreds of resources share it. */
const serialized = new WeakMap<object, pulumi.Output<string>>();

/**
 * The props with `__provider` added: the provider serialized exactly as `dynamic.Resource` does it. The captured
 * variable must be called `provider` and the function must be `() => provider`: both are part of the stored text,
 * and a different text would make every existing resource's inputs differ from its state.
 */
export function withSerializedProvider(
  provider: pulumi.dynamic.ResourceProvider,
  props: Record<string, unknown>,
): pulumi.Inputs {
  if (PROVIDER_KEY in props) throw new Error(`a resource must not define the ${PROVIDER_KEY} key`);
  let text = serialized.get(provider);
  if (text === undefined) {
    const closure = pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
    text = pulumi.output(closure).apply((fn) => (fn.containsSecrets ? pulumi.secret(fn.text) : pulumi.output(fn.text)));
    serialized.set(provider, text);
  }
  return { ...props, [PROVIDER_KEY]: text };
}
