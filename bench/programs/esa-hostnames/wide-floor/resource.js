// The width-matched floor of bench/cli.ts P1: the floor's no-op resource, made as wide in the state as
// esa.CustomHostname. bench/cli.ts installs this file at the path of our resource class, under a package name as long
// as ours, so its `__provider` require path is as long as ours; its type token is as long as ours, it declares our two
// secret outputs, and it registers the way our classes do (a CustomResource with the token and `__provider` of a
// dynamic resource), so the engine records the same source position and stack trace as for ours. What it adds over
// the floor is what the width of our identity costs the engine.
"use strict";

const pulumi = require("@pulumi/pulumi");
const provider = require("./custom-hostname/provider.js");
const { DECLARED } = require("bench-noop-hostname-provider/outputs.js");

/** `__provider`, serialized once as a dynamic resource's (`() => provider`). */
const serializedProvider = pulumi.output(
  pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true }).then((fn) => fn.text),
);

class WideNoopHostname extends pulumi.CustomResource {
  constructor(name, args) {
    const props = Object.fromEntries(DECLARED.map((key) => [key, undefined]));
    const opts = { additionalSecretOutputs: ["privateKey", "certificate"] };
    const token = "pulumi-nodejs:dynamic/alicloud-floor:NoopHostnameWidth";
    super(token, name, { ...props, ...args, __provider: serializedProvider }, opts);
  }
}

exports.WideNoopHostname = WideNoopHostname;
