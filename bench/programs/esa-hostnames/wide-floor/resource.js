// The width-matched floor of bench/cli.ts P1: the floor's no-op resource, made as wide in the state as
// esa.CustomHostname. bench/cli.ts installs this file at the path of our resource class, so the engine records a
// source position as long as ours; its package name, type token and module are as long as ours, and it declares
// our two secret outputs. What it adds over the floor is what the width of our identity costs the engine.
"use strict";

const pulumi = require("@pulumi/pulumi");
const provider = require("./custom-hostname/provider.js");
const { DECLARED } = require("bench-noop-hostname-provider/outputs.js");

class WideNoopHostname extends pulumi.dynamic.Resource {
  constructor(name, args) {
    const props = Object.fromEntries(DECLARED.map((key) => [key, undefined]));
    const opts = { additionalSecretOutputs: ["privateKey", "certificate"] };
    // prettier-ignore
    super(provider, name, { ...props, ...args }, opts, "alicloud-floor", "NoopHostnameWidth");
  }
}

exports.WideNoopHostname = WideNoopHostname;
