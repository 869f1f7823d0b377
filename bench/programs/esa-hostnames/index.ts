import * as pulumi from "@pulumi/pulumi";
import { esa } from "pulumi-alicloud-certs";
import { NoopHostname, WideNoopHostname } from "./noop";

// N custom hostnames c<i>.customer.com on one site (variant "esa"), or N no-op resources with the same inputs and
// outputs (variant "noop", the floor; variant "wide", the floor as wide in the state as ours): bench/cli.ts
// alternates the three in the same run.
const config = new pulumi.Config();
const count = config.requireNumber("count");
const variant = config.require("variant");
const siteId = config.require("siteId");
const recordId = config.require("recordId");

export const ids = Array.from({ length: count }, (_, i) => {
  const hostname = `c${i + 1}.customer.com`;
  if (variant === "esa") return new esa.CustomHostname(`h${i + 1}`, { siteId, hostname, recordId }).id;
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
