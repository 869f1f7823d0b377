/**
 * A certificate that stays valid, in one `pulumi up`:
 *
 * 1. `cas.DvCertificateOrder` orders a DV certificate for a CSR, with delegated validation: the customer published
 *    the CNAME `_dnsauth.<domain>` → `<label>.<zone>` once (output `customerCname`), so every order is validated by
 *    a TXT the platform writes in its own zone.
 * 2. A DNS record resource writes that TXT (`delegatedRecord`).
 * 3. `cas.DvCertificateValidation` waits until the CA issued the certificate (after the record: `dependsOn`).
 * 4. Two ESA custom hostnames (one uploads the certificate and key, one references it in CAS) and a GA listener
 *    binding serve it.
 *
 * Later runs with a plain `pulumi up` (daily, say) renew it when one third of its lifetime remains (or
 * `renewBeforeDays` before it expires, when set): the order is replaced (create-before-delete), the new TXT is
 * written, the waiter waits for the new certificate, every consumer switches in place, and only then is the old
 * certificate revoked (`revokeOnDelete`). Quiet runs make no API call.
 */
import "reflect-metadata"; // @peculiar/x509 (CSR generation) needs the Reflect metadata API loaded first
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";
import { createCsr } from "../dv-certificate-order/csr";
import { DnsRecord } from "./dns-record";
import { KeyPair } from "../dv-certificate-order/key-pair";

const config = new pulumi.Config();
const domain = config.require("domain");
const zone = config.require("delegationZone");

const key = new KeyPair("key");
// The certificate covers the GA domain and both ESA hostnames.
const csr = pulumi.unsecret(
  pulumi
    .all([key.privateKeyPem, key.publicKeyPem])
    .apply(([privateKeyPem, publicKeyPem]) =>
      createCsr({ privateKeyPem, publicKeyPem }, domain, [`up.${domain}`, `cas.${domain}`]),
    ),
);

const order = new cas.DvCertificateOrder("certificate", {
  csr,
  username: config.require("username"),
  phone: config.require("phone"),
  email: config.require("email"),
  validateType: "DNS",
  validationDelegation: { zone },
  // Unset: renew when one third of the lifetime remains (200-, 100- and 47-day certificates alike).
  renewBeforeDays: config.getNumber("renewBeforeDays"),
  revokeOnDelete: true,
});

const txt = order.delegatedRecord.apply((record) => {
  if (record === undefined) throw new Error(`order for ${domain} has no delegated validation record`);
  return record;
});
// The platform's TXT in its own zone. A real program uses its DNS provider's record resource here.
const validationRecord = new DnsRecord("dcv-txt", { name: txt.name, type: txt.type, value: txt.value });

const certificate = new cas.DvCertificateValidation(
  "validation",
  {
    orderId: order.orderId,
    // Lets a stalled wait name the customer's CNAME and the platform's TXT, and say which one is missing.
    delegationCname: order.delegationCname,
    timeoutSeconds: config.getNumber("validationTimeoutSeconds") ?? 600,
  },
  { dependsOn: [validationRecord] },
);

const siteId = config.require("siteId");
const recordId = config.require("recordId");
const uploaded = new esa.CustomHostname("upload", {
  siteId,
  hostname: `up.${domain}`,
  recordId,
  certType: "upload",
  certificate: certificate.certificate,
  privateKey: key.privateKeyPem,
});
const referenced = new esa.CustomHostname("cas", {
  siteId,
  hostname: `cas.${domain}`,
  recordId,
  certType: "cas",
  certIdentifier: certificate.certIdentifier,
});
const binding = new ga.ListenerAdditionalCertificate("ga", {
  acceleratorId: config.require("acceleratorId"),
  listenerId: config.require("listenerId"),
  domain,
  certificateId: certificate.certIdentifier,
});

/** The one record each customer publishes, once. */
export const customerCname = order.delegationCname;
export const orderId = order.orderId;
export const certId = certificate.certId;
export const notAfter = certificate.notAfter;
export const renewalDue = order.renewalDue;
export const hostnameIds = { upload: uploaded.hostnameId, cas: referenced.hostnameId };
export const gaCertificateId = binding.certificateId;
