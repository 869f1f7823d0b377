import * as pulumi from "@pulumi/pulumi";

/**
 * The floor of bench/cli.ts: a dynamic resource that calls nothing and stores the same outputs as an
 * `esa.CustomHostname` with SSL off (the inputs as `check` normalizes them, plus the fields GetCustomHostname fills),
 * so the two store the same properties. Its provider lives in `noop-provider/`, which bench/cli.ts installs into
 * node_modules: like ours it is then serialized as a short `require()` rather than by value. Its identity is still
 * narrower than ours (type token, module path, no secret outputs: about 80 bytes less per resource in the state),
 * which the width-matched floor below makes up.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS module, resolved from node_modules
const provider = require("bench-noop-hostname-provider") as pulumi.dynamic.ResourceProvider;

/** Declared like esa.CustomHostname's outputs, so the engine creates the same output properties. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS module, resolved from node_modules
const { DECLARED } = require("bench-noop-hostname-provider/outputs.js") as { DECLARED: readonly string[] };

/** A no-op stand-in for `esa.CustomHostname`. */
export class NoopHostname extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, pulumi.Input<string | number | boolean>>) {
    const props: Record<string, unknown> = Object.fromEntries(DECLARED.map((k) => [k, undefined]));
    super(provider, name, { ...props, ...args }, {}, "bench", "NoopHostname");
  }
}

/**
 * The width-matched floor: the same no-op resource, installed by bench/cli.ts where its paths, type token and secret
 * outputs make each resource's state as wide as an `esa.CustomHostname`'s (see wide-floor/resource.js).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS module, resolved from node_modules
export const { WideNoopHostname } = require("bench-alicloud-floors") as {
  WideNoopHostname: new (
    name: string,
    args: Record<string, pulumi.Input<string | number | boolean>>,
  ) => pulumi.Resource & {
    readonly id: pulumi.Output<string>;
  };
};
