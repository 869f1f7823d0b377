/**
 * The time-travel soak's program (bench/soak.ts): examples/certificate-renewal for every domain of the `domains`
 * config (comma-separated). Per domain: a key kept in the state, a delegated DV order with the default renewal window
 * (one third of the lifetime) and `revokeOnDelete`, its TXT in the platform's zone, the waiter, an ESA hostname with
 * the certificate uploaded (`up.<domain>`), one referencing it in CAS (`cas.<domain>`), and a GA binding (`<domain>`).
 */
import "reflect-metadata"; // @peculiar/x509 (CSR generation) needs the Reflect metadata API loaded first
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";
import { DnsRecord } from "../../../examples/certificate-renewal/dns-record";
import { createCsr } from "../../../examples/dv-certificate-order/csr";
import { KeyPair } from "../../../examples/dv-certificate-order/key-pair";

const config = new pulumi.Config();
const domains = config
  .require("domains")
  .split(",")
  .map((d) => d.trim())
  .filter((d) => d !== "");
const zone = config.require("delegationZone");
const siteId = config.require("siteId");
const recordId = config.require("recordId");

function serve(domain: string): Record<string, pulumi.Output<string>> {
  const key = new KeyPair(`${domain}-key`);
  const csr = pulumi.unsecret(
    pulumi
      .all([key.privateKeyPem, key.publicKeyPem])
      .apply(([privateKeyPem, publicKeyPem]) =>
        createCsr({ privateKeyPem, publicKeyPem }, domain, [`up.${domain}`, `cas.${domain}`]),
      ),
  );
  const order = new cas.DvCertificateOrder(`${domain}-order`, {
    csr,
    username: config.require("username"),
    phone: config.require("phone"),
    email: config.require("email"),
    validateType: "DNS",
    ...(config.get("productCode") === undefined ? {} : { productCode: config.get("productCode") as cas.DvProductCode }),
    validationDelegation: { zone },
    revokeOnDelete: true,
  });
  const txt = order.delegatedRecord.apply((record) => {
    if (record === undefined) throw new Error(`order for ${domain} has no delegated validation record`);
    return record;
  });
  const record = new DnsRecord(`${domain}-dcv`, { name: txt.name, type: txt.type, value: txt.value });
  const certificate = new cas.DvCertificateValidation(
    `${domain}-validation`,
    {
      orderId: order.orderId,
      delegationCname: order.delegationCname,
      timeoutSeconds: config.getNumber("validationTimeoutSeconds") ?? 600,
    },
    { dependsOn: [record] },
  );
  new esa.CustomHostname(`${domain}-upload`, {
    siteId,
    hostname: `up.${domain}`,
    recordId,
    certType: "upload",
    certificate: certificate.certificate,
    privateKey: key.privateKeyPem,
  });
  new esa.CustomHostname(`${domain}-cas`, {
    siteId,
    hostname: `cas.${domain}`,
    recordId,
    certType: "cas",
    certIdentifier: certificate.certIdentifier,
  });
  new ga.ListenerAdditionalCertificate(`${domain}-ga`, {
    acceleratorId: config.require("acceleratorId"),
    listenerId: config.require("listenerId"),
    domain,
    certificateId: certificate.certIdentifier,
  });
  return { orderId: order.orderId, certId: certificate.certId, renewalDue: order.renewalDue as pulumi.Output<string> };
}

export const served = Object.fromEntries(domains.map((domain) => [domain, serve(domain)]));
