// Generated from ./dv-certificate-validation/declaration.ts by `npm run generate`; do not edit.
/**
 * `cas.DvCertificateValidation`: waits until a `cas.DvCertificateOrder` is issued (the pattern of Terraform's
 * `aws_acm_certificate_validation`), so one `pulumi up` can place the order, publish its validation record with any DNS
 * provider's record resource, wait here, and serve the certificate.
 */
import * as pulumi from "@pulumi/pulumi";
import { registration } from "../common/dynamic-registration";
import { DV_CERTIFICATE_VALIDATION_TYPE } from "../common/type-tokens";
import { DECLARATION } from "./dv-certificate-validation/declaration";
// A TypeScript-compiled module is `__esModule`, so `__importStar` returns its exports object itself (no wrapper).
import * as provider from "./dv-certificate-validation/provider";
import {
  type DvCertificateValidationInputs,
  type DvCertificateValidationOutputs,
} from "./dv-certificate-validation/types";

export type { DvCertificateValidationInputs, DvCertificateValidationOutputs };
export { DV_CERTIFICATE_VALIDATION_TYPE };

/** Arguments of {@link DvCertificateValidation}. */
export interface DvCertificateValidationArgs {
  /**
   * The OrderId to wait for: the `orderId` output of a `cas.DvCertificateOrder` (a decimal string; these ids exceed
   * 2^53). Read with `DescribeCertificateState` (`OrderId`). Changing it (a renewal's new order) replaces the waiter.
   * @default required
   */
  readonly orderId: pulumi.Input<string>;
  /**
   * How long create waits for issuance, in seconds (1–172800). A wait that runs out is a partial failure: the waiter is
   * recorded as not issued, nothing that depends on it changes, and the next `pulumi up` waits again on the same order.
   * Updates in place with no API call.
   * @default 3600 (one hour)
   */
  readonly timeoutSeconds?: pulumi.Input<number>;
  /**
   * Under delegated validation, the order's `delegationCname` output (`{name: "_dnsauth.<domain>", type: "CNAME",
   * value: "<label>.<zone>"}`), so a stalled wait names the customer's CNAME and the platform's TXT by their full names
   * and says (from DNS: the system's resolvers, or `ALICLOUD_CERTS_DNS_SERVERS`) which one is missing. Not sent to any
   * API; updates in place with no API call.
   * @default unset: the wait names the full `_dnsauth.<domain>` TXT record (reading the order's domain once)
   */
  readonly delegationCname?: pulumi.Input<
    | {
        readonly name: pulumi.Input<string>;
        /** `CNAME` (what the order gives). */
        readonly type?: pulumi.Input<string>;
        readonly value: pulumi.Input<string>;
      }
    | undefined
  >;
}

/**
 * The provider: the exports of `./dv-certificate-validation/provider`, so `__provider` is one `require` of
 * `dist/provider/resources/cas/dv-certificate-validation/provider.js` (stored state, never moved).
 */
export const dvCertificateValidationProvider: pulumi.dynamic.ResourceProvider = provider;

/**
 * Waits until a CAS DV order is issued and gives the certificate. Order it after the resources that publish the
 * validation record (`dependsOn`), so the CA can find the record while this waits.
 *
 * Type token (stored state, never renamed): `pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateValidation`
 * ({@link DV_CERTIFICATE_VALIDATION_TYPE}); provider entry
 * `dist/provider/resources/cas/dv-certificate-validation/provider.js`. The id is the OrderId.
 *
 * API calls per operation (reads only; it never writes):
 * - check, diff: none.
 * - create: DescribeCertificateState per poll (the shared waiter, with progress lines) until issued, then
 *   GetUserCertificateDetail. While DNS validation is pending without `delegationCname`, one ListUserCertificateOrder
 *   to name the record in full. A timeout or `verify_fail` is a partial failure; the next `up` waits again.
 * - read (refresh): DescribeCertificateState (+ GetUserCertificateDetail when issued); the waiter is gone when the
 *   order is.
 * - update: none when issued; otherwise the wait of create, on the same order.
 * - delete: none.
 */
export class DvCertificateValidation extends pulumi.CustomResource {
  /** The OrderId waited for. */
  declare readonly orderId: pulumi.Output<string>;
  /** See {@link DvCertificateValidationArgs.timeoutSeconds}. */
  declare readonly timeoutSeconds: pulumi.Output<number>;
  /** See {@link DvCertificateValidationArgs.delegationCname}. */
  declare readonly delegationCname: pulumi.Output<
    { readonly name: string; readonly type: "CNAME"; readonly value: string } | undefined
  >;
  /** The order's state at the last poll or refresh; `certificate` once issued. */
  declare readonly state: pulumi.Output<string>;
  /** The certificate's domain (its CN). */
  declare readonly commonName: pulumi.Output<string | undefined>;
  /** The issued certificate chain, PEM (leaf first). */
  declare readonly certificate: pulumi.Output<string>;
  /** The CAS certificate id. */
  declare readonly certId: pulumi.Output<string>;
  /** `<certId>-<region>`, for GA (`certificateId`) and ESA (`certIdentifier`). */
  declare readonly certIdentifier: pulumi.Output<string>;
  /** End of validity, ISO 8601. */
  declare readonly notAfter: pulumi.Output<string>;

  /**
   * Wait for the order `args.orderId` to be issued.
   * @param name the unique resource name
   * @param args see {@link DvCertificateValidationArgs}
   * @param opts resource options; put the DNS record resources in `dependsOn`
   */
  constructor(name: string, args: DvCertificateValidationArgs, opts?: pulumi.CustomResourceOptions) {
    super(...registration(DECLARATION, dvCertificateValidationProvider, name, args, opts));
  }
}
