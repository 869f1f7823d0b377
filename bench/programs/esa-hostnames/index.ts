import * as pulumi from "@pulumi/pulumi";
import { esa } from "pulumi-alicloud-certs";
import { NoopHostname, WideNoopHostname } from "./noop";

// N custom hostnames c<i>.customer.com (n<i> for "native") on one site (variant "esa": the dynamic class; variant "native": the native
// plugin's resource of the same token, found through Pulumi.yaml's plugins.providers), or N no-op resources with the
// same inputs and outputs (variant "noop", the floor; variant "wide", the floor as wide in the state as ours):
// bench/cli.ts alternates them in the same run.
/** A resource of the native provider by its schema token, as a program without a generated SDK declares it. */
class NativeHostname extends pulumi.CustomResource {
  constructor(name: string, args: pulumi.Inputs) {
    super("alicloud-certs:esa:CustomHostname", name, args);
  }
}

const config = new pulumi.Config();
const count = config.requireNumber("count");
const variant = config.require("variant");
const siteId = config.require("siteId");
const recordId = config.require("recordId");

export const ids = Array.from({ length: count }, (_, i) => {
  // The native variant's hostnames are n<i>: the same width in the state, and no clash with the dynamic stack's
  // hostnames on the same site.
  const hostname = `${variant === "native" ? "n" : "c"}${i + 1}.customer.com`;
  if (variant === "esa") return new esa.CustomHostname(`h${i + 1}`, { siteId, hostname, recordId }).id;
  if (variant === "native") return new NativeHostname(`h${i + 1}`, { siteId, hostname, recordId }).id;
  // The inputs as esa.CustomHostname's check normalizes them (defaults filled in).
  const inputs = {
    siteId,
    hostname,
    recordId,
    sslFlag: "off",
    waitFor: "none",
    waitTimeoutSeconds: 1800,
    adoptExisting: false,
  };
  return variant === "wide" ? new WideNoopHostname(`h${i + 1}`, inputs).id : new NoopHostname(`h${i + 1}`, inputs).id;
});
