/**
 * A private key passed, in plain text, in an input that is not a secret input. `shape` picks where it goes:
 * - `esa-certificate`: pasted after the certificate in esa.CustomHostname `certificate` (the key itself is also
 *   passed, as a secret, in `privateKey`);
 * - `cas-tag`: a tag value of cas.DvCertificateOrder;
 * - `ga-domain`: the domain of ga.ListenerAdditionalCertificate.
 * The engine stops a preview at the first resource whose check fails, so each run registers one. The key comes from
 * the environment (`KEY_IN_PLAIN_INPUT`), not from plain stack config, which the engine records in the state as the
 * default provider's inputs whatever the program does with it.
 */
import * as pulumi from "@pulumi/pulumi";
import { cas, esa, ga } from "pulumi-alicloud-certs";

const config = new pulumi.Config();
const key = process.env["KEY_IN_PLAIN_INPUT"];
if (key === undefined) throw new Error("set KEY_IN_PLAIN_INPUT");
const shape = config.require("shape");
if (shape === "esa-certificate") {
  new esa.CustomHostname("r", {
    siteId: "7096621098379520",
    recordId: "4042843419650112",
    hostname: "shop.customer-one.com",
    certType: "upload",
    certificate: `${config.require("certificate")}${key}`,
    privateKey: config.requireSecret("privateKey"),
  });
} else if (shape === "cas-tag") {
  new cas.DvCertificateOrder("order", {
    csr: config.require("csr"),
    username: "Ada Lovelace",
    email: "ada@example.com",
    phone: "+8613900001234",
    validateType: "DNS",
    tags: { note: key },
  });
} else {
  new ga.ListenerAdditionalCertificate("binding", {
    acceleratorId: "ga-bp1emulatordefault0001",
    listenerId: "lsr-bp1emulatorhttps00001",
    domain: key,
    certificateId: "14000001-cn-hangzhou",
  });
}
