import * as pulumi from "@pulumi/pulumi";

/**
 * The floor of bench/cli.ts: a dynamic resource that calls nothing and stores the same outputs as an
 * `esa.CustomHostname` with SSL off (the inputs as `check` normalizes them, plus the fields GetCustomHostname fills),
 * so the two variants differ only in what our provider does, not in the width of the state.
 */
const provider: pulumi.dynamic.ResourceProvider = {
  async check(_olds: unknown, news: Record<string, unknown>) {
    return { inputs: news };
  },
  async diff() {
    return { changes: false };
  },
  async create(inputs: Record<string, unknown>) {
    const hostname = String(inputs["hostname"]);
    const id = String(4_100_000_000_000_000 + Number(/\d+/.exec(hostname)?.[0] ?? 0));
    return {
      id,
      outs: {
        ...inputs,
        hostnameId: id,
        status: "pending",
        verifyHost: `_esa-verify.${hostname}`,
        verifyCode: `verify-${id}-0123456789abcdef`,
        recordName: "origin.example-saas.com",
        siteName: "example-saas.com",
      },
    };
  },
  async read(id: string, props: Record<string, unknown>) {
    return { id, props };
  },
  async delete() {},
};

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
