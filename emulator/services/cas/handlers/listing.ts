import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { CasErrors } from "../errors";
import { findProduct } from "../model/products";
import type { CasCertificate, CasOrder, CasState } from "../state";
import { chinaDate, orderListStatus, validityStatus } from "../views";
import { isWildcard, parseEnum, parsePositiveInt } from "../params";

const ORDER_TYPES = ["CPACK", "BUY", "UPLOAD", "CERT"] as const;
const STATUSES = [
  "PAYED",
  "CHECKING",
  "CHECKED_FAIL",
  "ISSUED",
  "WILLEXPIRED",
  "EXPIRED",
  "NOTACTIVATED",
  "REVOKED",
] as const;
/** Statuses the doc allows only with OrderType CPACK or BUY. */
const ORDER_ONLY_STATUSES = new Set<string>(["PAYED", "CHECKING", "CHECKED_FAIL", "NOTACTIVATED", "REVOKED"]);
const DEFAULT_SHOW_SIZE = 50;

/** A CPACK item (the fields the SDK documents for OrderType CPACK/BUY). */
function orderItem(order: CasOrder, state: CasState, now: number): Record<string, unknown> {
  const product = findProduct(order.productCode);
  const cert = order.certId === null ? undefined : state.certificates[order.certId];
  const wildcards = order.sans.filter(isWildcard).length;
  return {
    OrderId: BigInt(order.orderId),
    InstanceId: order.instanceId,
    AliyunOrderId: order.aliyunOrderId,
    Domain: order.domain,
    DomainCount: order.sans.length,
    WildDomainCount: wildcards,
    DomainType:
      wildcards > 0 ? (order.sans.length > 1 ? "M_WILDCARD" : "WILDCARD") : order.sans.length > 1 ? "MULTIPLE" : "ONE",
    Status: orderListStatus(order, state, now),
    ProductCode: order.productCode,
    ProductName: product?.name ?? order.productCode,
    RootBrand: product?.brand ?? "",
    CertType: product?.certType ?? "DV",
    Algorithm: order.keyAlgorithm,
    SourceType: "cpack",
    TrusteeStatus: "unTrustee",
    BuyDate: order.createdAt,
    ...(cert === undefined ? {} : { CertStartTime: cert.notBefore, CertEndTime: cert.notAfter }),
  };
}

/** A CERT/UPLOAD item. */
function certificateItem(cert: CasCertificate, now: number): Record<string, unknown> {
  return {
    CertificateId: Number(cert.certId),
    InstanceId: cert.instanceId,
    Name: cert.name,
    CommonName: cert.commonName,
    Sans: cert.sans.join(","),
    StartDate: chinaDate(cert.notBefore),
    EndDate: chinaDate(cert.notAfter),
    Expired: now >= cert.notAfter,
    Fingerprint: cert.fingerprint,
    Sha2: cert.sha2,
    SerialNo: cert.serialNo,
    Issuer: cert.issuer,
    Upload: cert.source === "uploaded",
  };
}

function certificateStatus(cert: CasCertificate, now: number): string {
  return cert.revoked ? "REVOKED" : validityStatus(cert, now);
}

function matchesKeyword(keyword: string, names: readonly string[], ids: readonly string[]): boolean {
  const k = keyword.toLowerCase();
  return names.some((n) => n.toLowerCase().includes(k)) || ids.some((id) => id.toLowerCase().includes(k));
}

function list(call: ApiCall, state: CasState, ctx: ServiceContext): Record<string, unknown> {
  const p = call.params;
  const orderType = parseEnum("OrderType", p["OrderType"], ORDER_TYPES, "CPACK");
  const status =
    p["Status"] === undefined || p["Status"] === "" ? undefined : parseEnum("Status", p["Status"], STATUSES, "ISSUED");
  if (status !== undefined && ORDER_ONLY_STATUSES.has(status) && (orderType === "CERT" || orderType === "UPLOAD")) {
    throw CasErrors.invalidParameter(`Status ${status} can be used only with OrderType CPACK or BUY.`);
  }
  const keyword = p["Keyword"] ?? "";
  const currentPage = parsePositiveInt("CurrentPage", p["CurrentPage"], 1);
  const showSize = parsePositiveInt("ShowSize", p["ShowSize"], DEFAULT_SHOW_SIZE);
  const now = ctx.clock.now();

  let items: Record<string, unknown>[];
  if (orderType === "CPACK") {
    items = Object.values(state.orders)
      .filter((o) => status === undefined || orderListStatus(o, state, now) === status)
      .filter((o) => matchesKeyword(keyword, o.sans, [o.orderId, o.instanceId]))
      .map((o) => orderItem(o, state, now));
  } else if (orderType === "BUY") {
    // Resource plans are seeded, not bought through the emulator: there are no purchase orders to list.
    items = [];
  } else {
    items = Object.values(state.certificates)
      .filter((c) => orderType === "CERT" || c.source === "uploaded")
      // No Status: valid certificates only (ISSUED + WILLEXPIRED), as documented for CERT/UPLOAD.
      .filter((c) =>
        status === undefined
          ? ["ISSUED", "WILLEXPIRED"].includes(certificateStatus(c, now))
          : certificateStatus(c, now) === status,
      )
      .filter((c) => matchesKeyword(keyword, c.sans, [c.certId, c.instanceId]))
      .map((c) => certificateItem(c, now));
  }
  const page = items.slice((currentPage - 1) * showSize, currentPage * showSize);
  return { CertificateOrderList: page, CurrentPage: currentPage, ShowSize: showSize, TotalCount: items.length };
}

/** ListUserCertificateOrder. */
export const listingActions: Readonly<Record<string, ActionDefinition<CasState>>> = {
  ListUserCertificateOrder: { handler: list, required: [], write: false },
};
