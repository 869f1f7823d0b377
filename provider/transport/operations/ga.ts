import { decodeEmpty, defineOperation, type EmptyResult } from "../operation";

/**
 * GA 2019-11-20 operations used by the listener-certificate resources. Every call carries `RegionId=cn-hangzhou`
 * (the client adds it for product `ga`). Writes are asynchronous and lock the whole accelerator; each write carries a
 * `ClientToken`, which makes a repeated write a no-op, so writes are idempotent as long as the token is reused.
 */

/** `Certificates.N` entry of AssociateAdditionalCertificatesWithListener. */
export interface WireDomainCertificate {
  readonly [name: string]: string;
  readonly Domain: string;
  readonly Id: string;
}

/** AssociateAdditionalCertificatesWithListener parameters (at most 10 certificates). */
export interface AssociateAdditionalCertificatesRequest {
  readonly [name: string]: string | readonly WireDomainCertificate[];
  readonly AcceleratorId: string;
  readonly ListenerId: string;
  readonly ClientToken: string;
  readonly Certificates: readonly WireDomainCertificate[];
}

/** Bind additional certificates to an HTTPS listener. */
export const AssociateAdditionalCertificatesWithListener = defineOperation<
  AssociateAdditionalCertificatesRequest,
  EmptyResult
>({
  product: "ga",
  action: "AssociateAdditionalCertificatesWithListener",
  method: "POST",
  wireParams: { AcceleratorId: true, ListenerId: true, ClientToken: true, Certificates: true },
  idempotent: true,
  secretParams: [],
  decode: decodeEmpty,
});

/** UpdateAdditionalCertificateWithListener parameters. */
export interface UpdateAdditionalCertificateRequest {
  readonly [name: string]: string | boolean | undefined;
  readonly AcceleratorId: string;
  readonly ListenerId: string;
  readonly ClientToken: string;
  readonly Domain: string;
  readonly CertificateId: string;
  readonly DryRun?: boolean;
}

/** Replace the certificate bound to one domain. */
export const UpdateAdditionalCertificateWithListener = defineOperation<UpdateAdditionalCertificateRequest, EmptyResult>(
  {
    product: "ga",
    action: "UpdateAdditionalCertificateWithListener",
    method: "POST",
    wireParams: {
      AcceleratorId: true,
      ListenerId: true,
      ClientToken: true,
      Domain: true,
      CertificateId: true,
      DryRun: true,
    },
    idempotent: true,
    secretParams: [],
    decode: decodeEmpty,
  },
);

/** DissociateAdditionalCertificatesFromListener parameters (at most 10 domains). Note: "From", not "With". */
export interface DissociateAdditionalCertificatesRequest {
  readonly [name: string]: string | readonly string[];
  readonly AcceleratorId: string;
  readonly ListenerId: string;
  readonly ClientToken: string;
  readonly Domains: readonly string[];
}

/** Unbind additional certificates by domain. */
export const DissociateAdditionalCertificatesFromListener = defineOperation<
  DissociateAdditionalCertificatesRequest,
  EmptyResult
>({
  product: "ga",
  action: "DissociateAdditionalCertificatesFromListener",
  method: "POST",
  wireParams: { AcceleratorId: true, ListenerId: true, ClientToken: true, Domains: true },
  idempotent: true,
  secretParams: [],
  decode: decodeEmpty,
});

/** ListListenerCertificates parameters. */
export interface ListListenerCertificatesRequest {
  readonly [name: string]: string | number | undefined;
  readonly AcceleratorId: string;
  readonly ListenerId: string;
  readonly Role?: "default" | "additional";
  readonly MaxResults?: number;
  readonly NextToken?: string;
}

/** A certificate bound to a listener. */
export interface ListenerCertificate {
  readonly certificateId: string;
  readonly domain: string | undefined;
  readonly isDefault: boolean;
  /** `active` or `updating`. */
  readonly state: string | undefined;
}

/** A page of listener certificates. */
export interface ListListenerCertificatesResult {
  readonly certificates: readonly ListenerCertificate[];
  /** Empty or undefined on the last page. */
  readonly nextToken: string | undefined;
  readonly totalCount: number;
}

/** Page through a listener's certificates. */
export const ListListenerCertificates = defineOperation<
  ListListenerCertificatesRequest,
  ListListenerCertificatesResult
>({
  product: "ga",
  action: "ListListenerCertificates",
  method: "POST",
  wireParams: { AcceleratorId: true, ListenerId: true, Role: true, MaxResults: true, NextToken: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ["NotExist.Listener", "NotExist.Accelerator"],
  decode: (b) => ({
    certificates: b.objects("Certificates").map((c) => ({
      certificateId: c.str("CertificateId"),
      domain: c.optStr("Domain"),
      isDefault: c.optBool("IsDefault") === true,
      state: c.optStr("State"),
    })),
    nextToken: b.optStr("NextToken"),
    totalCount: b.optNum("TotalCount") ?? 0,
  }),
});

/** DescribeListener reply (fields used). */
export interface ListenerDescription {
  readonly listenerId: string;
  readonly acceleratorId: string | undefined;
  /** `active`, `init`, `configuring`, `updating`, `deleting`. */
  readonly state: string;
  /** `TCP`, `UDP`, `HTTP`, `HTTPS`. */
  readonly protocol: string | undefined;
}

/** Describe one listener (state and protocol). */
export const DescribeListener = defineOperation<
  { readonly [name: string]: string; readonly ListenerId: string },
  ListenerDescription
>({
  product: "ga",
  action: "DescribeListener",
  method: "POST",
  wireParams: { ListenerId: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ["NotExist.Listener"],
  decode: (b) => ({
    listenerId: b.str("ListenerId"),
    acceleratorId: b.optStr("AcceleratorId"),
    state: b.str("State"),
    protocol: b.optStr("Protocol"),
  }),
});

/** DescribeAccelerator reply (fields used). */
export interface AcceleratorDescription {
  readonly acceleratorId: string;
  /** `init`, `active`, `configuring`, `binding`, `unbinding`, `deleting`, `finacialLocked` (sic). */
  readonly state: string;
  readonly name: string | undefined;
}

/** Describe one accelerator (state). */
export const DescribeAccelerator = defineOperation<
  { readonly [name: string]: string; readonly AcceleratorId: string },
  AcceleratorDescription
>({
  product: "ga",
  action: "DescribeAccelerator",
  method: "POST",
  wireParams: { AcceleratorId: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ["NotExist.Accelerator"],
  decode: (b) => ({ acceleratorId: b.str("AcceleratorId"), state: b.str("State"), name: b.optStr("Name") }),
});
