/**
 * Inputs that fail check on secret and personal values, in the shapes users pass them. `keyShape` picks how the
 * mismatched private key reaches the resource:
 * - `wrapped` (the shape of /work/shared/repro/preview-leak): a plain string wrapped in `pulumi.secret`, through an
 *   untyped args object;
 * - `config`: `config.requireSecret`, from a `--secret` stack config value.
 * With `resource` = `cas`, a CAS order with an invalid e-mail address and phone number instead (the engine stops
 * a preview at the first resource that fails, so each run has one).
 */
import * as pulumi from "@pulumi/pulumi";
import { cas, esa } from "pulumi-alicloud-certs";

const config = new pulumi.Config();
if (config.require("resource") === "esa") {
  const privateKey =
    config.require("keyShape") === "config"
      ? config.requireSecret("privateKey")
      : pulumi.secret(config.require("plainPrivateKey"));
  const args: Record<string, unknown> = {
    siteId: "7096621098379520",
    recordId: "4042843419650112",
    hostname: "shop.customer-one.com",
    certType: "upload",
    certificate: config.require("certificate"),
    privateKey,
  };
  new esa.CustomHostname("r", args as unknown as esa.CustomHostnameArgs, {});
} else {
  new cas.DvCertificateOrder("order", {
    csr: config.require("csr"),
    username: "Ada Lovelace",
    email: config.require("email"),
    phone: config.require("phone"),
    validateType: "DNS",
  });
}
