import * as pulumi from "@pulumi/pulumi";

/**
 * The floor of bench/cli.ts: a dynamic resource that calls nothing and stores the same outputs as an
 * `esa.CustomHostname` with SSL off (the inputs as `check` normalizes them, plus the fields GetCustomHostname fills),
 * so the two variants differ only in what our provider does, not in the width of the state. Its provider lives in
 * `noop-provider/`, which bench/cli.ts installs into node_modules: like ours it is then serialized as a short
 * `require()`, so `__provider` does not make the floor's state wider either.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain-JS module, resolved from node_modules
const provider = require("bench-noop-hostname-provider") as pulumi.dynamic.ResourceProvider;

/** Declared like esa.CustomHostname's outputs, so the engine creates the same output properties. */
const DECLARED = [
  "siteId",
  "hostname",
  "recordId",
  "sslFlag",
  "certType",
  "certificate",
  "privateKey",
  "casId",
  "casRegion",
  "certIdentifier",
  "waitFor",
  "waitTimeoutSeconds",
  "applyCertificateTrigger",
  "adoptExisting",
  "hostnameId",
  "status",
  "verifyHost",
  "verifyCode",
  "certStatus",
  "certId",
  "certApplyCode",
  "certApplyMessage",
  "certTxtKey",
  "certTxtValue",
  "certHttpKey",
  "certHttpValue",
  "certNotAfter",
  "conflictWith",
  "offlineReason",
  "recordName",
  "siteName",
];

/** A no-op stand-in for `esa.CustomHostname`. */
export class NoopHostname extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, pulumi.Input<string | number | boolean>>) {
    const props: Record<string, unknown> = Object.fromEntries(DECLARED.map((k) => [k, undefined]));
    super(provider, name, { ...props, ...args }, {}, "bench", "NoopHostname");
  }
}
