// Generated from ./dv-certificate-order/declaration.ts by `npm run generate`; do not edit.
/**
 * `cas.DvCertificateOrder`: a DV certificate ordered from Alibaba Cloud's SSL Certificates Service (CAS, API
 * 2020-04-07) for a CSR you generate, so the private key never leaves your hands.
 */
import * as pulumi from "@pulumi/pulumi";
import { registration } from "../common/dynamic-registration";
import { DV_CERTIFICATE_ORDER_TYPE } from "../common/type-tokens";
import { DECLARATION } from "./dv-certificate-order/declaration";
// A TypeScript-compiled module is `__esModule`, so `__importStar` returns its exports object itself (no wrapper).
import * as provider from "./dv-certificate-order/provider";
import {
  type DnsRecordOutput,
  type DvCertificateOrderInputs,
  type DvCertificateOrderOutputs,
  type DvOrderState,
  type DvProductCode,
  type ValidationDelegation,
} from "./dv-certificate-order/types";

export type {
  DnsRecordOutput,
  DvCertificateOrderInputs,
  DvCertificateOrderOutputs,
  DvOrderState,
  DvProductCode,
  ValidationDelegation,
};
export { DV_CERTIFICATE_ORDER_TYPE };

/** Arguments of {@link DvCertificateOrder}. */
export interface DvCertificateOrderArgs {
  /**
   * The certificate signing request, PEM (`-----BEGIN CERTIFICATE REQUEST-----`). Maps to `Csr`. CAS orders the
   * certificate for the subject CN plus the DNS subjectAltNames; the key must be RSA ≥ 2048 bits or ECC (P-256, P-384,
   * P-521) and the request must be signed by it. Wildcard names need a wildcard `productCode` and `DNS` validation. A
   * CSR that asks for the same thing (same key, subject and extensions) but was signed again (ECDSA signatures differ
   * on every signing) is not a change. Changing it replaces the order.
   * @default required, unless `orderId` adopts an existing order
   */
  readonly csr?: pulumi.Input<string>;
  /**
   * Applicant name, 1–64 characters. Maps to `Username`. Personal data: never quoted in error messages. Changing it
   * replaces the order.
   * @default required, unless `orderId` adopts an existing order
   */
  readonly username?: pulumi.Input<string>;
  /**
   * Applicant phone: 5–20 digits, optionally starting with `+` (spaces and hyphens are removed). Maps to `Phone`.
   * Personal data: never quoted in error messages. Changing it replaces the order.
   * @default required, unless `orderId` adopts an existing order
   */
  readonly phone?: pulumi.Input<string>;
  /**
   * Applicant email, at most 128 characters. Maps to `Email`. Personal data: never quoted in error messages. Changing
   * it replaces the order.
   * @default required, unless `orderId` adopts an existing order
   */
  readonly email?: pulumi.Input<string>;
  /**
   * How the CA validates domain control: `DNS` (a TXT record, see `recordDomain`/`recordType`/`recordValue`) or `FILE`
   * (a file served over HTTP, see `domain`/`uri`/`content`; not for wildcard names). Maps to `ValidateType`. Changing
   * it replaces the order.
   * @default required, unless `orderId` adopts an existing order
   */
  readonly validateType?: pulumi.Input<"DNS" | "FILE">;
  /**
   * The resource plan the order consumes one unit of. Maps to `ProductCode`; one of {@link DvProductCode}. Changing it
   * replaces the order.
   * @default not sent: the API's default, `digicert-free-1-free`
   */
  readonly productCode?: pulumi.Input<DvProductCode>;
  /**
   * Tags as a `{key: value}` map. Maps to `Tags.N.Key`/`Tags.N.Value` (sorted by key): at most 20; keys of 1–128
   * characters that do not start with `acs:` or `aliyun` and contain no `http://` or `https://`; values of at most 128
   * characters. The API has no tag update for orders, so changing them replaces the order.
   * @default no tags
   */
  readonly tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /**
   * Adopt an existing order (its OrderId, as a string: these ids exceed 2^53) instead of placing a new one: this is how
   * an order created outside Pulumi comes under management, because `pulumi import` does not work for dynamic
   * providers. No quota is consumed; `csr` and the contact fields are then optional and are not checked against the
   * order. Deleting the resource then deletes (or retains) that order like any other. Changing it replaces.
   * @default unset: a new order is placed
   */
  readonly orderId?: pulumi.Input<string>;
  /**
   * Wait during `pulumi up` until the certificate is issued, printing progress (the validation record to publish, the
   * state). Issuance takes minutes to hours. Fails clearly on `verify_fail`; a failed or timed-out wait keeps the order
   * in the state (a partial failure) and the next `pulumi up` waits again. Changes update in place with no API call,
   * except that turning it on for a pending order waits.
   * @default false: create returns once the order exists, with the validation instructions as outputs
   */
  readonly waitForIssuance?: pulumi.Input<boolean>;
  /**
   * How long `waitForIssuance` waits, in seconds (1–172800). Updates in place with no API call.
   * @default 3600 (one hour)
   */
  readonly issuanceTimeoutSeconds?: pulumi.Input<number>;
  /**
   * What deleting the resource does to an **issued** certificate. `false`: nothing; the order leaves the Pulumi state
   * with a warning and the certificate stays valid in CAS (it may be deployed somewhere). `true`: revoke it with
   * CancelCertificateForPackageRequest (which restores the quota unit), then delete the revoked certificate with
   * DeleteUserCertificate. While another order for the same domain is still being validated (a renewal that has not
   * finished), consumers may still serve the certificate, so the revocation waits up to ten minutes for that order to
   * be issued or cancelled (a `pulumi destroy` cancels it after deleting the consumers); after that the delete fails
   * and the order stays in the state, saying what to do: a valid certificate is never left unmanaged. A revoked
   * certificate whose deletion failed is deleted by a later delete. Orders that are not issued are always cancelled and
   * deleted. Updates in place with no API call.
   * @default false: issued certificates are retained
   */
  readonly revokeOnDelete?: pulumi.Input<boolean>;
  /**
   * When to renew: this many days before the certificate's `notAfter`. From then on `diff` (with no API call, on the
   * provider's clock) proposes replacing the order, create-before-delete, and preview prints one line saying why. The
   * same happens when the order is found `verify_fail`, revoked or cancelled, or the certificate expired. The new order
   * is placed and validated while the old certificate keeps serving; dependents then update in place; the old order is
   * handled by `revokeOnDelete`. A plain `pulumi up` is enough: an order whose issuance is not recorded yet is read
   * once by the diff, which records it. A whole number from 0 to 365; 0 turns renewal off. A value at or above the
   * certificate's lifetime would renew on every run, so it falls back to one third of the lifetime, with a preview
   * warning. Adopted orders (`orderId`) are never renewed. Provider-only: updates in place with no API call.
   * @default unset: renew when one third of the certificate's lifetime (`notBefore` to `notAfter`) remains, which suits
   * the 200-, 100- and 47-day certificates of CA/B Forum ballot SC-081 alike
   */
  readonly renewBeforeDays?: pulumi.Input<number> | undefined;
  /**
   * Delegated DNS validation: a DNS zone the platform controls (e.g. `dcv.example-saas.com`). The customer publishes
   * the stable `delegationCname` once; on every order the platform writes `delegatedRecord` (a TXT under this zone) and
   * the CA finds it by following the CNAME. Only with `validateType: "DNS"`. Changes only outputs: updates in place
   * with no API call.
   * @default unset: publish `recordDomain`/`recordValue` directly
   */
  readonly validationDelegation?: pulumi.Input<{ readonly zone: pulumi.Input<string> }>;
}

/**
 * The provider: the exports of the `./dv-certificate-order/provider` module, so the serialized `__provider` is a single
 * `require("pulumi-alicloud-certs/dist/…/provider.js")` (see that module). Holds no client, config or credential.
 * Provider entry (stored state, never moved): `dist/provider/resources/cas/dv-certificate-order/provider.js`.
 */
export const dvCertificateOrderProvider: pulumi.dynamic.ResourceProvider = provider;

/**
 * A DV certificate order from a CSR in CAS (Alibaba Cloud SSL Certificates Service).
 *
 * Type token (stored state, never renamed without an alias):
 * `pulumi-nodejs:dynamic/alicloud-certs:CasDvCertificateOrder` ({@link DV_CERTIFICATE_ORDER_TYPE}); provider entry
 * `dist/provider/resources/cas/dv-certificate-order/provider.js`. The id is the OrderId. Every input except
 * `waitForIssuance`, `issuanceTimeoutSeconds`, `revokeOnDelete`, `renewBeforeDays` and `validationDelegation` replaces
 * the order (orders cannot be edited). Inside the renewal window (`renewBeforeDays`) the order is replaced
 * create-before-delete; pair it with {@link DvCertificateValidation} to publish the validation record and wait in one
 * `pulumi up`. Placing an order consumes one unit of the account's DV resource plan.
 *
 * API calls per operation (measured against the emulator's request log):
 * - check, and a preview of an unchanged stack whose orders' issuance is recorded: none (diff reads the clock: the
 *   system clock, or the endpoint `ALICLOUD_CERTS_CLOCK_URL` names, such as the emulator's `/__emulator/clock`).
 * - diff of an order whose recorded state is not final (pending, or issued before its lifetime was recorded): one
 *   DescribeCertificateState; when it has been issued since, the diff proposes an update that records it
 *   (DescribeCertificateState + GetUserCertificateDetail), so later diffs are offline again.
 * - create: 3 — ListUserCertificateOrder (the CN's existing orders, so that after an ambiguous failure of the
 *   non-idempotent create the new order can be told from older ones and no second certificate is bought),
 *   CreateCertificateWithCsrRequest, DescribeCertificateState. With `waitForIssuance`: one more
 *   DescribeCertificateState per poll, then GetUserCertificateDetail. After an ambiguous create failure: one more
 *   ListUserCertificateOrder, and a second create only when the first left no order.
 * - create adopting `orderId`: DescribeCertificateState (+ GetUserCertificateDetail when issued).
 * - read (refresh): DescribeCertificateState (+ GetUserCertificateDetail when issued); a not-found answer is confirmed
 *   with ListUserCertificateOrder before the order is reported gone. An order due for renewal also looks for the
 *   renewal that replaces it (ListTagResources + ListUserCertificateOrder).
 * - update: none, unless the recorded state is not final (the two reads above) or `waitForIssuance` is on and the order
 *   is not issued (then as the wait in create).
 * - delete: DescribeCertificateState, then by state: pending (`domain_verify`/`process`) → CancelOrderRequest,
 *   DescribeCertificateState until `payed`, DeleteCertificateRequest (4); `verify_fail`/`payed` →
 *   DeleteCertificateRequest (2); issued → nothing (1, a warning) or, with `revokeOnDelete`, ListUserCertificateOrder
 *   (is a renewal of the domain still being validated? then it is polled again until that order is issued or gone, for
 *   up to ten minutes), CancelCertificateForPackageRequest + DeleteUserCertificate (4); revoked (`unknow`) with
 *   `revokeOnDelete` → DeleteUserCertificate (2); not found → nothing (1).
 *
 * Existing orders: set `orderId` to adopt one, or use {@link DvCertificateOrder.get} for a read-only lookup.
 */
export class DvCertificateOrder extends pulumi.CustomResource {
  /** The CAS OrderId (decimal string). */
  declare readonly orderId: pulumi.Output<string>;
  /** The order's state ({@link DvOrderState}). */
  declare readonly state: pulumi.Output<DvOrderState>;
  /** The domain the order is for (the CSR's CN). */
  declare readonly commonName: pulumi.Output<string | undefined>;
  /** DNS validation: full record name to create (`_dnsauth.<domain>`), while `domain_verify`. */
  declare readonly recordDomain: pulumi.Output<string | undefined>;
  /** DNS validation: record type. */
  declare readonly recordType: pulumi.Output<string | undefined>;
  /** DNS validation: record value. */
  declare readonly recordValue: pulumi.Output<string | undefined>;
  /** FILE validation: the domain serving the file. */
  declare readonly domain: pulumi.Output<string | undefined>;
  /** FILE validation: the file path. */
  declare readonly uri: pulumi.Output<string | undefined>;
  /** FILE validation: the file content. */
  declare readonly content: pulumi.Output<string | undefined>;
  /** Issued certificate chain, PEM. */
  declare readonly certificate: pulumi.Output<string | undefined>;
  /** Issued certificate id. */
  declare readonly certId: pulumi.Output<string | undefined>;
  /** `<certId>-<region>`, for GA and ESA. */
  declare readonly certIdentifier: pulumi.Output<string | undefined>;
  /** Start of validity, ISO 8601 (with `notAfter`, the lifetime the default renewal window follows). */
  declare readonly notBefore: pulumi.Output<string | undefined>;
  /** End of validity, ISO 8601. */
  declare readonly notAfter: pulumi.Output<string | undefined>;
  /** See {@link DvCertificateOrderArgs.waitForIssuance}. */
  declare readonly waitForIssuance: pulumi.Output<boolean>;
  /** See {@link DvCertificateOrderArgs.revokeOnDelete}. */
  declare readonly revokeOnDelete: pulumi.Output<boolean>;
  /** See {@link DvCertificateOrderArgs.renewBeforeDays}; undefined when unset. */
  declare readonly renewBeforeDays: pulumi.Output<number | undefined>;
  /**
   * When the renewal starts: `notAfter` minus the renewal window (see {@link DvCertificateOrderArgs.renewBeforeDays}),
   * ISO 8601. Absent until issuance is recorded, and when renewal is off.
   */
  declare readonly renewalDue: pulumi.Output<string | undefined>;
  /**
   * Set by refresh on an order that a renewal of this resource already replaced (the newer order's id): it waits in the
   * state for deletion, and previews say so instead of "renewing" it again.
   */
  declare readonly supersededBy: pulumi.Output<string | undefined>;
  /**
   * With `validationDelegation`: the stable record the customer publishes once, `{name: "_dnsauth.<domain>", type:
   * "CNAME", value: "<label>.<zone>"}`. The label is `dcv-` and the first 32 hex digits of SHA-256 over the lower-cased
   * domain without `*.`: it depends on the domain only, so it never changes across renewals.
   */
  declare readonly delegationCname: pulumi.Output<DnsRecordOutput | undefined>;
  /**
   * With `validationDelegation`, while the order awaits validation: what the platform writes for this order, `{name:
   * "<label>.<zone>", type: "TXT", value: <the order's validation value>}`.
   */
  declare readonly delegatedRecord: pulumi.Output<DnsRecordOutput | undefined>;
  /** See {@link DvCertificateOrderArgs.validationDelegation}; undefined when unset. */
  declare readonly validationDelegation: pulumi.Output<ValidationDelegation | undefined>;

  /**
   * Order a DV certificate for a CSR (or adopt an order with `args.orderId`).
   * @param name the unique resource name
   * @param args the order, see {@link DvCertificateOrderArgs}
   * @param opts resource options
   */
  constructor(name: string, args: DvCertificateOrderArgs, opts?: pulumi.CustomResourceOptions) {
    super(...registration(DECLARATION, dvCertificateOrderProvider, name, args, opts));
  }

  /**
   * Look up an existing order by OrderId without managing it (a read; nothing is created or deleted).
   * @param name the resource name in this program
   * @param id the OrderId, as a string
   * @param opts resource options
   */
  static get(name: string, id: pulumi.Input<string>, opts?: pulumi.CustomResourceOptions): DvCertificateOrder {
    return new DvCertificateOrder(name, {}, { ...opts, id });
  }
}
