/**
 * The flagship program (root Pulumi.yaml): what a SaaS platform team runs to give a customer's domain TLS on
 * Alibaba Cloud, in one `pulumi up`, and to keep it valid.
 *
 * 1. Generate a key pair (kept, encrypted, in the stack state) and a CSR for the customer's domain.
 * 2. Order a DV certificate for it from CAS (`cas.DvCertificateOrder`) with delegated validation: the customer has
 *    published, once, `_dnsauth.<domain>` CNAME `<label>.<dcvZone>` (the order's `delegationCname`), so the platform
 *    answers every validation in its own zone.
 * 3. Write the order's TXT record in that zone (`delegatedRecord`) with the platform's DNS record resource (here a
 *    stand-in, `./dns-record.ts`: the one place a real program uses its DNS provider's record resource).
 * 4. Wait for issuance (`cas.DvCertificateValidation`, ordered after the record by `dependsOn`).
 * 5. Serve the customer's hostname on ESA (`esa.CustomHostname`) with the issued certificate uploaded, and a second
 *    customer's hostname with ESA's free certificate. Both customers point their hostname at the platform's ESA
 *    record with a CNAME, once: that CNAME proves ownership, so the hostnames go `active` in the same run.
 * 6. Bind the same certificate to a GA HTTPS listener (`ga.ListenerAdditionalCertificates`).
 *
 * Renewal needs no change here: once one third of the certificate's lifetime remains (`renewBeforeDays` unset), a
 * plain `pulumi up` replaces the order (create before delete), the record takes the new value, the new validation waits, ESA and GA
 * update in place to the new certificate, and only then is the old order revoked (`revokeOnDelete`).
 *
 * The defaults match the emulator's default seed; against Alibaba Cloud set `siteId`, `recordId`, `acceleratorId`,
 * `listenerId`, `domain`, `freeHostnames`, `dcvZone` and the contact fields in the stack config, and replace
 * `DnsRecord` with your DNS provider's record resource.
 */
import "reflect-metadata"; // @peculiar/x509 (CSR generation) needs the Reflect metadata API loaded first
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";
// The key pair and CSR helpers are the CAS example's, reused rather than copied.
import { createCsr } from "../../examples/dv-certificate-order/csr";
import { KeyPair } from "../../examples/dv-certificate-order/key-pair";
import { DnsRecord } from "./dns-record";

const config = new pulumi.Config();
const siteId = config.get("siteId") ?? "7096621098379520"; // ESA site example-saas.com
const recordId = config.get("recordId") ?? "4042843419650112"; // origin.example-saas.com, proxied
const acceleratorId = config.get("acceleratorId") ?? "ga-bp1emulatordefault0001";
const listenerId = config.get("listenerId") ?? "lsr-bp1emulatorhttps00001"; // HTTPS :443
const domain = config.get("domain") ?? "shop.customer-one.com";
const freeHostnames = config.getObject<string[]>("freeHostnames") ?? ["docs.customer-two.com"];
/** The zone the platform controls, where every order's validation TXT is written. */
const dcvZone = config.get("dcvZone") ?? "dcv.example-saas.com";

// 1. Key and CSR. The CSR carries only the public key, so it is not secret.
const key = new KeyPair("tls-key");
const csr = pulumi.unsecret(
  pulumi
    .all([key.privateKeyPem, key.publicKeyPem])
    .apply(([privateKeyPem, publicKeyPem]) => createCsr({ privateKeyPem, publicKeyPem }, domain)),
);

// 2. The DV order, validated through the platform's zone, renewed 30 days before it ends.
const order = new cas.DvCertificateOrder("certificate", {
  csr,
  username: config.get("username") ?? "Platform Operations",
  phone: config.get("phone") ?? "+8613800000000",
  email: config.get("email") ?? "tls-ops@example-saas.com",
  validateType: "DNS",
  tags: { app: "alicloud-certs-demo" },
  validationDelegation: { zone: dcvZone },
  // Unset: renew when one third of the certificate's lifetime remains.
  renewBeforeDays: config.getNumber("renewBeforeDays"),
  // The demo cleans up after itself; a production stack would usually keep an issued certificate (the default).
  // Either way the old certificate is handled only after every consumer serves the new one.
  revokeOnDelete: config.getBoolean("revokeOnDelete") ?? true,
});

// 3. The platform's TXT record for this order. ▶ In a real program: your DNS provider's record resource. ◀
const validationRecord = new DnsRecord("dcv-record", {
  name: order.delegatedRecord.apply((r) => r?.name ?? ""),
  type: "TXT",
  value: order.delegatedRecord.apply((r) => r?.value ?? ""),
});

// 4. Wait until the CA has issued the certificate, after the record exists.
const validation = new cas.DvCertificateValidation(
  "certificate-validation",
  { orderId: order.orderId, timeoutSeconds: 3600 },
  { dependsOn: [validationRecord] },
);

// 5. ESA: the customer's hostname, served with the issued certificate uploaded (updated in place on renewal)...
const customer = new esa.CustomHostname("customer-one", {
  siteId,
  recordId,
  hostname: domain,
  certType: "upload",
  certificate: validation.certificate,
  privateKey: key.privateKeyPem,
  waitFor: "active",
  waitTimeoutSeconds: 1800,
});

// ...and other customers on ESA's free certificate.
const freeCustomers = freeHostnames.map(
  (hostname, index) =>
    new esa.CustomHostname(`customer-free-${index + 1}`, {
      siteId,
      recordId,
      hostname,
      certType: "free",
      waitFor: "certificateIssued",
      waitTimeoutSeconds: 1800,
    }),
);

// 6. GA: the same certificate on the HTTPS listener (updated in place on renewal).
const listenerCertificates = new ga.ListenerAdditionalCertificates("listener-certificates", {
  acceleratorId,
  listenerId,
  certificates: { [domain]: validation.certIdentifier },
});

const hostnames = [customer, ...freeCustomers];

/** The record each customer publishes once, at onboarding: the delegation CNAME of the CAS validation. */
export const onboardingCname = order.delegationCname;

/**
 * Certificate facts: the order and what its validation saw issued. (The order records its own issuance and
 * `renewalDue` on the next `pulumi up`, whose diff reads it once; the waiter has the issued facts now.)
 */
export const certificate = {
  orderId: order.orderId,
  state: validation.state,
  certId: validation.certId,
  certIdentifier: validation.certIdentifier,
  notAfter: validation.notAfter,
};

/** When the renewal starts: one third of the certificate's lifetime before `notAfter` (recorded by the next `up`). */
export const renewalDue = order.renewalDue;

/** ESA hostname states. */
export const hostnameStates = pulumi
  .all(hostnames.map((h) => pulumi.all([h.hostname, h.hostnameId, h.status, h.certStatus, h.certNotAfter])))
  .apply((rows) =>
    Object.fromEntries(
      rows.map(([hostname, hostnameId, status, certStatus, certNotAfter]) => [
        hostname,
        { hostnameId, status, certStatus, certNotAfter },
      ]),
    ),
  );

/** GA bindings on the listener: domain → certificate id. */
export const listenerBindings = listenerCertificates.certificates;
