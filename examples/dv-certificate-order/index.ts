import "reflect-metadata"; // @peculiar/x509 (CSR generation) needs the Reflect metadata API loaded first
import * as pulumi from "@pulumi/pulumi";
import { cas } from "pulumi-alicloud-certs";
import { createCsr } from "./csr";
import { KeyPair } from "./key-pair";

const config = new pulumi.Config();
const domain = config.require("domain");

// The key is generated once and kept (encrypted) in the state; the CSR is built from it on every run.
const key = new KeyPair("key");
// The CSR carries only the public key: it is not secret, although it is derived from the secret key.
const csr = pulumi.unsecret(
  pulumi
    .all([key.privateKeyPem, key.publicKeyPem])
    .apply(([privateKeyPem, publicKeyPem]) => createCsr({ privateKeyPem, publicKeyPem }, domain, [`www.${domain}`])),
);

const order = new cas.DvCertificateOrder("certificate", {
  csr,
  username: config.require("username"),
  phone: config.require("phone"),
  email: config.require("email"),
  validateType: "DNS",
  tags: { example: "dv-certificate-order" },
  // Off for the first `up` (which prints the record to publish), then on to wait for the CA.
  waitForIssuance: config.getBoolean("waitForIssuance") ?? false,
  issuanceTimeoutSeconds: config.getNumber("issuanceTimeoutSeconds") ?? 3600,
  revokeOnDelete: config.getBoolean("revokeOnDelete") ?? false,
});

export const orderId = order.orderId;
export const state = order.state;
/** The DNS record to publish (hand it to your DNS provider's record resource). */
export const validationRecord = { name: order.recordDomain, type: order.recordType, value: order.recordValue };
export const certificate = order.certificate;
export const certIdentifier = order.certIdentifier;
export const notAfter = order.notAfter;
export const publicKeyPem = key.publicKeyPem;
/** The private key, only ever as a secret (`pulumi stack output privateKeyPem --show-secrets`). */
export const privateKeyPem = key.privateKeyPem;

// A read-only lookup of any existing order (nothing is created or deleted): `pulumi config set lookupOrderId <id>`.
const lookupOrderId = config.get("lookupOrderId");
export const lookedUpState =
  lookupOrderId === undefined ? undefined : cas.DvCertificateOrder.get("lookup", lookupOrderId).state;
