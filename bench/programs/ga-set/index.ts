import * as pulumi from "@pulumi/pulumi";
import { ga } from "pulumi-alicloud-certs";

// The same N domains as bench/programs/ga-per-domain (customer<i>.example.com on one of 10 certificates), held by one
// set resource, so the two programs do the same work on the listener.
const config = new pulumi.Config();
const count = config.requireNumber("count");

export const domains = new ga.ListenerAdditionalCertificates("bindings", {
  acceleratorId: config.require("acceleratorId"),
  listenerId: config.require("listenerId"),
  certificates: Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`customer${i + 1}.example.com`, `${20_000_001 + (i % 10)}-cn-hangzhou`]),
  ),
}).domains;
