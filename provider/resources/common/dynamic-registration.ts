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
import { computedNames, outputNames, secretInputs, secretOutputs, type ResourceDeclaration } from "./declaration";
import { PROVIDER_KEY } from "./diff";
import { declareOutputs } from "./dynamic";
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

/**
 * The arguments a resource class passes to `pulumi.CustomResource`, from its declaration: every output pre-declared
 * (`CustomResource` creates an output only for a key in its props), the user's inputs over them, computed outputs
 * never taken from the inputs, secret inputs made secret (a key typed in plain text is still stored encrypted), the
 * hidden name input, secret outputs added to `additionalSecretOutputs`, and the provider serialized into `__provider`.
 * Called before `super`, so it adds no stack frame between the class and `CustomResource` (see above).
 */
export function registration(
  declaration: ResourceDeclaration,
  provider: pulumi.dynamic.ResourceProvider,
  name: string,
  args: object | undefined,
  opts: pulumi.CustomResourceOptions | undefined,
): [string, string, pulumi.Inputs, pulumi.CustomResourceOptions | undefined] {
  const given: [string, unknown][] = Object.entries(args ?? {});
  const props: Record<string, unknown> = {
    ...declareOutputs(outputNames(declaration)),
    ...Object.fromEntries(given),
    ...declareOutputs(computedNames(declaration)),
  };
  for (const key of secretInputs(declaration)) {
    const value = props[key];
    if (value !== undefined) props[key] = pulumi.secret(value);
  }
  if (args !== undefined && declaration.nameInput !== undefined) props[declaration.nameInput] = name;
  const secrets = secretOutputs(declaration);
  const options =
    secrets.length === 0
      ? opts
      : { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secrets] };
  return [dynamicToken(declaration.storedType), name, withSerializedProvider(provider, props), options];
}
