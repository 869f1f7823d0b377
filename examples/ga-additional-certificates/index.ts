import * as pulumi from "@pulumi/pulumi";
import { ga } from "pulumi-alicloud-certs";

// Everything comes from stack config, so the same program runs against Alibaba Cloud and the local emulator:
//   acceleratorId, listenerId   the GA instance and its HTTPS listener (GA instances are bought, not created here)
//   customers                   JSON object: customer domain → CAS certificate id "<certId>-<region>"
//   vipDomain, vipCertificateId optional: one more domain managed as its own resource
// A certificate id can also come straight from a CAS order resource's output.
const config = new pulumi.Config();
const acceleratorId = config.require("acceleratorId");
const listenerId = config.require("listenerId");
const customers = config.requireObject<Record<string, string>>("customers");

// Owns exactly the listed domains: adding, removing or rotating customers is one batched update. Other additional
// certificates on the listener are left alone.
const customerCertificates = new ga.ListenerAdditionalCertificates("customers", {
  acceleratorId,
  listenerId,
  certificates: customers,
  timeoutSeconds: 300,
});

// The per-domain resource, for a binding with its own lifecycle (ID "<acceleratorId>:<listenerId>:<domain>").
const vipDomain = config.get("vipDomain");
const vip =
  vipDomain === undefined
    ? undefined
    : new ga.ListenerAdditionalCertificate("vip", {
        acceleratorId,
        listenerId,
        domain: vipDomain,
        certificateId: config.require("vipCertificateId"),
      });

export const domains = customerCertificates.domains;
export const certificates = customerCertificates.certificates;
export const vipBindingId = vip?.id;
