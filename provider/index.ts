/**
 * pulumi-alicloud-certs: Pulumi resources for TLS on Alibaba Cloud custom domains.
 *
 * - {@link esa}: ESA SaaS custom hostnames (`esa.CustomHostname`).
 * - {@link cas}: CAS DV certificate orders from a CSR (`cas.DvCertificateOrder`) and their validation waiter
 *   (`cas.DvCertificateValidation`).
 * - {@link ga}: GA listener additional certificates (`ga.ListenerAdditionalCertificates`, `ga.ListenerAdditionalCertificate`).
 *
 * The local API emulator is the subpath `pulumi-alicloud-certs/emulator`.
 */
import * as cas from "./cas";
import * as esa from "./esa";
import * as ga from "./ga";

export { cas, esa, ga };
export { AlibabaCloudError, isAlibabaCloudError } from "./transport/errors";
