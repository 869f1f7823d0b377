/**
 * The shapes of `cas.DvCertificateValidation`: the provider-side inputs and outputs and which inputs replace it. The
 * public `DvCertificateValidationArgs` lives in `../dv-certificate-validation.ts`, which re-exports these types.
 */
import { type NormalizedInputs } from "../../common/declared-types";
import { type DECLARATION } from "./declaration";

/**
 * The provider-side inputs, as `check` normalizes them. Unknown only at preview. Derived from `./declaration.ts`: a
 * field per input, typed by its value rule, its TSDoc from the declaration's key.
 */
// An interface (not an alias), as the public type has always been one: users may extend or merge it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DvCertificateValidationInputs extends NormalizedInputs<(typeof DECLARATION)["inputs"]> {}

/** The customer's one-time CNAME of delegated validation, as the order's `delegationCname` output gives it. */
export interface DelegationCname {
  /** `_dnsauth.<domain>`. */
  readonly name: string;
  readonly type: "CNAME";
  /** `<label>.<zone>`: where the platform writes each order's TXT. */
  readonly value: string;
}

/** The state: the inputs plus the issued certificate. Certificate fields are absent until the order is issued. */
export interface DvCertificateValidationOutputs extends DvCertificateValidationInputs {
  readonly orderId: string;
  /** The order's state at the last poll or refresh (`DescribeCertificateState.Type`; `certificate` once issued). */
  readonly state: string;
  /** The certificate's domain (`GetUserCertificateDetail.Common`), once issued. */
  readonly commonName?: string;
  /** The issued certificate chain, PEM (leaf first). */
  readonly certificate?: string;
  /** The CAS certificate id (decimal string). */
  readonly certId?: string;
  /** `<certId>-<region>`, the form GA takes and ESA splits into CasId/CasRegion. */
  readonly certIdentifier?: string;
  /** The end of validity, ISO 8601 (UTC). */
  readonly notAfter?: string;
}

/** The default and the largest `timeoutSeconds`: one hour, two days (the order's `issuanceTimeoutSeconds` rule). */
export const DEFAULT_TIMEOUT_SECONDS = 3600;
export const MAX_TIMEOUT_SECONDS = 172_800;
