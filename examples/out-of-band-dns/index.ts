/**
 * The two-step flow, for DNS that is not in your hands (a customer's zone edited by a person, a ticket to another
 * team): when no resource in the program can publish the validation record, the issuance wait cannot be ordered after
 * it, so the program runs twice.
 *
 * 1. `serve=false`: generate a key pair (kept, encrypted, in the stack state) and a CSR; order a DV certificate from
 *    CAS (`cas.DvCertificateOrder`, no wait); register the customer's hostname on ESA without SSL and a second
 *    customer's hostname on ESA's free certificate; export `dnsRecords`, the records the customers must publish.
 * 2. Publish them out of band.
 * 3. `serve=true`: wait for issuance (`waitForIssuance`), serve the customer's hostname on ESA with the issued
 *    certificate uploaded, and bind it to a GA HTTPS listener (`ga.ListenerAdditionalCertificates`).
 *
 * When your program can publish the record (any DNS provider's record resource), one `pulumi up` does all of it:
 * see the flagship demo (`demo/program/`, `npm run demo`), which uses `cas.DvCertificateValidation` and delegated
 * validation. The defaults match the emulator's default seed; against Alibaba Cloud set `siteId`, `recordId`,
 * `acceleratorId`, `listenerId`, `domain`, `freeHostnames` and the contact fields in the stack config.
 */
import "reflect-metadata"; // @peculiar/x509 (CSR generation) needs the Reflect metadata API loaded first
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";
// The key pair and CSR helpers are the CAS example's, reused rather than copied.
import { createCsr } from "../dv-certificate-order/csr";
import { KeyPair } from "../dv-certificate-order/key-pair";

const config = new pulumi.Config();
const serve = config.getBoolean("serve") ?? true;
const siteId = config.get("siteId") ?? "7096621098379520"; // ESA site example-saas.com
const recordId = config.get("recordId") ?? "4042843419650112"; // origin.example-saas.com, proxied
const acceleratorId = config.get("acceleratorId") ?? "ga-bp1emulatordefault0001";
const listenerId = config.get("listenerId") ?? "lsr-bp1emulatorhttps00001"; // HTTPS :443
const domain = config.get("domain") ?? "shop.customer-one.com";
const freeHostnames = config.getObject<string[]>("freeHostnames") ?? ["docs.customer-two.com"];

// 1. Key and CSR. The CSR carries only the public key, so it is not secret.
const key = new KeyPair("tls-key");
const csr = pulumi.unsecret(
  pulumi
    .all([key.privateKeyPem, key.publicKeyPem])
    .apply(([privateKeyPem, publicKeyPem]) => createCsr({ privateKeyPem, publicKeyPem }, domain)),
);

// 2. The DV order. It waits for issuance only once the customer has published the validation record.
const order = new cas.DvCertificateOrder("certificate", {
  csr,
  username: config.get("username") ?? "Platform Operations",
  phone: config.get("phone") ?? "+8613800000000",
  email: config.get("email") ?? "tls-ops@example-saas.com",
  validateType: "DNS",
  tags: { app: "out-of-band-dns-example" },
  waitForIssuance: serve,
  issuanceTimeoutSeconds: 3600,
  // The example cleans up after itself; a production stack would usually keep an issued certificate (the default).
  revokeOnDelete: config.getBoolean("revokeOnDelete") ?? true,
});

// 3. ESA: the customer's hostname, first registered without SSL, then served with the uploaded certificate.
const customer = new esa.CustomHostname(
  "customer-one",
  serve
    ? {
        siteId,
        recordId,
        hostname: domain,
        certType: "upload",
        certificate: order.certificate.apply((pem) => pem ?? ""),
        privateKey: key.privateKeyPem,
        waitFor: "active",
        waitTimeoutSeconds: 1800,
      }
    : { siteId, recordId, hostname: domain, sslFlag: "off" },
);

// ...and other customers on ESA's free certificate.
const freeCustomers = freeHostnames.map(
  (hostname, index) =>
    new esa.CustomHostname(`customer-free-${index + 1}`, {
      siteId,
      recordId,
      hostname,
      certType: "free",
      waitFor: serve ? "certificateIssued" : "none",
      waitTimeoutSeconds: 1800,
    }),
);

// 4. GA: the same certificate on the HTTPS listener, once it is issued.
const listenerCertificates = serve
  ? new ga.ListenerAdditionalCertificates("listener-certificates", {
      acceleratorId,
      listenerId,
      certificates: { [domain]: order.certIdentifier.apply((id) => id ?? "") },
    })
  : undefined;

const hostnames = [customer, ...freeCustomers];

/** The DNS records customers must publish: ESA ownership TXT per hostname and the CAS validation record. */
export const dnsRecords = pulumi
  .all([
    ...hostnames.map((h) => pulumi.all([h.hostname, h.verifyHost, h.verifyCode])),
    pulumi.all([order.recordDomain, order.recordType, order.recordValue]),
  ])
  .apply((rows) => {
    const ownership = rows.slice(0, -1).map(([hostname, name, value]) => ({
      purpose: `ESA ownership of ${hostname}`,
      name,
      type: "TXT",
      value,
    }));
    const [name, type, value] = rows[rows.length - 1] ?? [];
    const validation = name === undefined ? [] : [{ purpose: `CAS DV validation of ${domain}`, name, type, value }];
    return [...ownership, ...validation];
  });

/** Certificate facts. */
export const certificate = {
  orderId: order.orderId,
  state: order.state,
  certIdentifier: order.certIdentifier,
  notAfter: order.notAfter,
};

/** ESA hostname states. */
export const hostnameStates = pulumi
  .all(hostnames.map((h) => pulumi.all([h.hostname, h.status, h.certStatus, h.certNotAfter])))
  .apply((rows) =>
    Object.fromEntries(
      rows.map(([hostname, status, certStatus, certNotAfter]) => [hostname, { status, certStatus, certNotAfter }]),
    ),
  );

/** GA bindings on the listener (empty until `serve`). */
export const listenerBindings = listenerCertificates?.certificates ?? {};
