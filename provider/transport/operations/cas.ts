import { type Reader } from "../decode";
import { decodeEmpty, defineOperation, type EmptyResult } from "../operation";

/** CAS 2020-04-07 operations used by `cas.DvCertificateOrder`. Only ListTagResources takes a RegionId. */

/** A tag as the API flattens it: `Tags.N.Key` / `Tags.N.Value`. */
export interface WireTag {
  readonly [name: string]: string;
  readonly Key: string;
  readonly Value: string;
}

/** `CreateCertificateWithCsrRequest` parameters. */
export interface CreateCertificateWithCsrRequestParams {
  readonly [name: string]: string | readonly WireTag[] | undefined;
  readonly Csr: string;
  readonly Username: string;
  readonly Phone: string;
  readonly Email: string;
  readonly ValidateType: "DNS" | "FILE";
  readonly ProductCode?: string;
  readonly Tags?: readonly WireTag[];
}

/** Order a DV certificate for a CSR. Consumes resource-plan quota and has no client token: never blindly retried. */
export const CreateCertificateWithCsrRequest = defineOperation<
  CreateCertificateWithCsrRequestParams,
  { readonly orderId: string }
>({
  product: "cas",
  action: "CreateCertificateWithCsrRequest",
  method: "POST",
  wireParams: {
    Csr: true,
    Username: true,
    Phone: true,
    Email: true,
    ValidateType: true,
    ProductCode: true,
    Tags: true,
  },
  idempotent: false,
  // Contact details are personal data: keep them out of error text as well.
  secretParams: ["Phone", "Email"],
  decode: (body) => ({ orderId: body.id("OrderId") }),
});

/** Parameters of the actions that take only an order id. */
export interface OrderIdRequest {
  readonly [name: string]: string;
  readonly OrderId: string;
}

/** `DescribeCertificateState` reply. */
export interface CertificateState {
  /** `domain_verify`, `process`, `verify_fail`, `certificate`, `payed`, `unknow`. */
  readonly type: string;
  readonly validateType: string | undefined;
  readonly recordDomain: string | undefined;
  readonly recordType: string | undefined;
  readonly recordValue: string | undefined;
  readonly domain: string | undefined;
  readonly uri: string | undefined;
  readonly content: string | undefined;
  readonly certificate: string | undefined;
  readonly privateKey: string | undefined;
  readonly certId: string | undefined;
}

/** The codes CAS answers for an OrderId it does not know. */
const ORDER_NOT_FOUND_CODES = ["InvalidOrderId.NotFound", "OrderNotExist", "NotFound"];

/** An order write that takes only the OrderId and answers nothing (Cancel, Delete, CancelForPackage). */
function orderWrite(action: string, options: { readonly idempotent: boolean }) {
  return defineOperation<OrderIdRequest, EmptyResult>({
    product: "cas",
    action,
    method: "POST",
    wireParams: { OrderId: true },
    idempotent: options.idempotent,
    secretParams: [],
    notFoundCodes: ORDER_NOT_FOUND_CODES,
    decode: decodeEmpty,
  });
}

/** Read an order's state and validation instructions. */
export const DescribeCertificateState = defineOperation<OrderIdRequest, CertificateState>({
  product: "cas",
  action: "DescribeCertificateState",
  method: "POST",
  wireParams: { OrderId: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ORDER_NOT_FOUND_CODES,
  decode: (b: Reader) => ({
    type: b.str("Type"),
    validateType: b.optStr("ValidateType"),
    recordDomain: b.optStr("RecordDomain"),
    recordType: b.optStr("RecordType"),
    recordValue: b.optStr("RecordValue"),
    domain: b.optStr("Domain"),
    uri: b.optStr("Uri"),
    content: b.optStr("Content"),
    certificate: b.optStr("Certificate"),
    privateKey: b.optStr("PrivateKey"),
    certId: b.optId("CertId"),
  }),
});

/** Withdraw an order pending validation or review (it goes back to `payed`). */
export const CancelOrderRequest = orderWrite("CancelOrderRequest", { idempotent: false });

/** Delete an order in `verify_fail` or `payed`. */
export const DeleteCertificateRequest = orderWrite("DeleteCertificateRequest", { idempotent: true });

/** Revoke an issued certificate (or cancel a pending order) and restore the quota. Destructive. */
export const CancelCertificateForPackageRequest = orderWrite("CancelCertificateForPackageRequest", {
  idempotent: false,
});

/** `ListUserCertificateOrder` parameters. */
export interface ListUserCertificateOrderRequest {
  readonly [name: string]: string | number | undefined;
  readonly OrderType?: "CPACK" | "BUY" | "UPLOAD" | "CERT";
  readonly Status?: string;
  readonly Keyword?: string;
  readonly CurrentPage?: number;
  readonly ShowSize?: number;
}

/** One order (CPACK/BUY) or certificate (CERT/UPLOAD) as the list returns it. */
export interface CertificateOrderSummary {
  readonly orderId: string | undefined;
  readonly certificateId: string | undefined;
  readonly domain: string | undefined;
  readonly status: string | undefined;
  readonly productCode: string | undefined;
  /** The instance the order or certificate belongs to (`cas-ivauto-…`): the resource id tags are attached to. */
  readonly instanceId: string | undefined;
  /** CERT/UPLOAD items: SHA-1 fingerprint of the certificate, hex. */
  readonly fingerprint: string | undefined;
  /** CERT/UPLOAD items: serial number, hex. */
  readonly serialNo: string | undefined;
}

/** A page of orders. */
export interface ListUserCertificateOrderResult {
  readonly orders: readonly CertificateOrderSummary[];
  readonly totalCount: number;
  readonly currentPage: number;
  readonly showSize: number;
}

/** List orders (used to find an order after an ambiguous create, and to confirm absence). QPS 10. */
export const ListUserCertificateOrder = defineOperation<
  ListUserCertificateOrderRequest,
  ListUserCertificateOrderResult
>({
  product: "cas",
  action: "ListUserCertificateOrder",
  method: "POST",
  wireParams: { OrderType: true, Status: true, Keyword: true, CurrentPage: true, ShowSize: true },
  idempotent: true,
  secretParams: [],
  decode: (b) => ({
    orders: b.objects("CertificateOrderList").map((o) => ({
      orderId: o.optId("OrderId"),
      certificateId: o.optId("CertificateId"),
      domain: o.optStr("Domain") ?? o.optStr("CommonName"),
      status: o.optStr("Status"),
      productCode: o.optStr("ProductCode"),
      instanceId: o.optStr("InstanceId"),
      fingerprint: o.optStr("Fingerprint"),
      serialNo: o.optStr("SerialNo"),
    })),
    totalCount: b.optNum("TotalCount") ?? 0,
    currentPage: b.optNum("CurrentPage") ?? 1,
    showSize: b.optNum("ShowSize") ?? 0,
  }),
});

/** `GetUserCertificateDetail` parameters. */
export interface GetUserCertificateDetailRequest {
  readonly [name: string]: string | boolean | undefined;
  readonly CertId: string;
  readonly CertFilter?: boolean;
}

/** Certificate details. */
export interface UserCertificateDetail {
  readonly id: string;
  readonly certIdentifier: string | undefined;
  readonly commonName: string | undefined;
  readonly sans: string | undefined;
  /** Expiry, epoch milliseconds. */
  readonly notAfter: number | undefined;
  readonly notBefore: number | undefined;
  readonly expired: boolean | undefined;
  readonly orderId: string | undefined;
  readonly issuer: string | undefined;
  readonly cert: string | undefined;
  readonly key: string | undefined;
}

/** Read an issued certificate (`CertFilter=true` leaves out the PEM fields). */
export const GetUserCertificateDetail = defineOperation<GetUserCertificateDetailRequest, UserCertificateDetail>({
  product: "cas",
  action: "GetUserCertificateDetail",
  method: "POST",
  wireParams: { CertId: true, CertFilter: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ["NotFound"],
  decode: (b) => ({
    id: b.id("Id"),
    certIdentifier: b.optStr("CertIdentifier"),
    commonName: b.optStr("Common"),
    sans: b.optStr("Sans"),
    notAfter: b.optNum("NotAfter"),
    notBefore: b.optNum("NotBefore"),
    expired: b.optBool("Expired"),
    orderId: b.optId("OrderId"),
    issuer: b.optStr("Issuer"),
    cert: b.optStr("Cert"),
    key: b.optStr("Key"),
  }),
});

/** Delete an expired, revoked or uploaded certificate. */
export const DeleteUserCertificate = defineOperation<
  { readonly [name: string]: string; readonly CertId: string },
  EmptyResult
>({
  product: "cas",
  action: "DeleteUserCertificate",
  method: "POST",
  wireParams: { CertId: true },
  idempotent: true,
  secretParams: [],
  notFoundCodes: ["NotFound"],
  decode: decodeEmpty,
});

/** `ListTagResources` parameters: resources carrying every given tag (`Tag.N.Key` / `Tag.N.Value`). */
export interface ListTagResourcesRequest {
  readonly [name: string]: string | number | readonly WireTag[] | undefined;
  /** Documented value: `instance`. */
  readonly ResourceType: "instance";
  readonly Tag: readonly WireTag[];
  readonly NextToken?: string;
  readonly MaxResults?: number;
}

/** One resource–tag pair. */
export interface TagResource {
  readonly resourceId: string | undefined;
  readonly tagKey: string | undefined;
  readonly tagValue: string | undefined;
}

/** A page of resource–tag pairs. */
export interface ListTagResourcesResult {
  readonly tagResources: readonly TagResource[];
  readonly nextToken: string | undefined;
}

/**
 * The instances (`ResourceType=instance`) that carry the given tags: how an order placed with a
 * CreateCertificateWithCsrRequest `Tags` entry is found again (the order list does not return tags). QPS 10.
 */
export const ListTagResources = defineOperation<ListTagResourcesRequest, ListTagResourcesResult>({
  product: "cas",
  action: "ListTagResources",
  method: "POST",
  wireParams: { ResourceType: true, Tag: true, NextToken: true, MaxResults: true },
  idempotent: true,
  regional: true,
  secretParams: [],
  decode: (b) => ({
    tagResources: (b.optObject("TagResources")?.objects("TagResource") ?? []).map((t) => ({
      resourceId: t.optStr("ResourceId"),
      tagKey: t.optStr("TagKey"),
      tagValue: t.optStr("TagValue"),
    })),
    nextToken: b.optStr("NextToken"),
  }),
});
