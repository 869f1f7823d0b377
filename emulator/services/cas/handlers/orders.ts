import type { ActionDefinition, ApiCall, ServiceContext } from "../../../core/contract";
import { parseCsr } from "../model/csr";
import { CasErrors } from "../errors";
import { newOrderIds, newValidationToken } from "../model/ids";
import { reusableValidation } from "../model/issuance-policy";
import { DNS_RECORD_LABEL, FILE_VALIDATION_URI, validationDomain } from "../lifecycle";
import { DEFAULT_PRODUCT_CODE, findProduct } from "../model/products";
import { orderOf } from "../lookups";
import type { CasOrder, CasState } from "../state";
import { chainPem } from "../views";
import { checkEmail, checkPhone, checkUsername, isWildcard, parseEnum, parseTags } from "../params";

/** Give the unit an order consumed back to its package (at most once per order). */
export function releaseQuota(state: CasState, order: CasOrder): void {
  if (order.quotaReleased) return;
  const pkg = state.packages[order.productCode];
  if (pkg !== undefined) pkg.used = Math.max(0, pkg.used - 1);
  order.quotaReleased = true;
}

function createWithCsr(call: ApiCall, state: CasState, ctx: ServiceContext): Record<string, unknown> {
  const p = call.params;
  const username = checkUsername(p["Username"] ?? "");
  const phone = checkPhone(p["Phone"] ?? "");
  const email = checkEmail(p["Email"] ?? "");
  const validateType = parseEnum("ValidateType", p["ValidateType"], ["DNS", "FILE"] as const, "DNS");
  const tags = parseTags(p);
  const csr = parseCsr(p["Csr"] ?? "");
  const productCode =
    p["ProductCode"] === undefined || p["ProductCode"] === "" ? DEFAULT_PRODUCT_CODE : p["ProductCode"];
  const product = findProduct(productCode);
  const pkg = state.packages[productCode];
  if (product === undefined || pkg === undefined) throw CasErrors.notFoundPackage(productCode);
  if (!product.wildcard && csr.sans.some(isWildcard)) {
    throw CasErrors.invalidParameter(`ProductCode ${productCode} does not support wildcard domain names.`);
  }
  // CAs validate wildcard names through DNS only: a file on one host proves nothing about its siblings.
  if (validateType === "FILE" && csr.sans.some(isWildcard)) {
    throw CasErrors.invalidParameter("ValidateType FILE is not supported for wildcard domain names; use DNS.");
  }
  if (pkg.used >= pkg.total) throw CasErrors.notRemainCount(productCode);
  pkg.used += 1;
  const now = ctx.clock.now();
  // BR §4.2.1: a validation of the domain recent enough at issuance is reused: the order still reports its
  // validation record like any other (CAS documents the record as what DescribeCertificateState gives after every
  // placement), but the CA's check passes without it, `casIssueMs` after placement (chosen: CAS documents nothing
  // about reuse; docs/emulator.md §4.4). Issuance then follows the review, another `casIssueMs` later.
  const reused = reusableValidation(state, ctx, csr.commonName, now + 2 * ctx.timings.casIssueMs);
  const ids = newOrderIds(ctx);
  state.orders[ids.orderId] = {
    ...ids,
    productCode,
    domain: csr.commonName,
    sans: csr.sans,
    csr: p["Csr"] ?? "",
    keyAlgorithm: csr.keyAlgorithm,
    validateType,
    username,
    phone,
    email,
    tags,
    token: newValidationToken(now),
    createdAt: now,
    state: "domain_verify",
    processSince: null,
    certId: null,
    quotaReleased: false,
    reusedValidationAt: reused?.validatedAt ?? null,
  };
  // A bigint: the core writes it as a bare JSON integer with all its digits.
  return { OrderId: BigInt(ids.orderId) };
}

function describeState(call: ApiCall, state: CasState): Record<string, unknown> {
  const order = orderOf(call, state);
  switch (order.state) {
    case "domain_verify":
      return order.validateType === "DNS"
        ? {
            Type: order.state,
            ValidateType: "DNS",
            RecordDomain: DNS_RECORD_LABEL,
            RecordType: "TXT",
            RecordValue: order.token,
          }
        : {
            Type: order.state,
            ValidateType: "FILE",
            Domain: validationDomain(order),
            Uri: FILE_VALIDATION_URI,
            Content: order.token,
          };
    case "certificate": {
      const cert = order.certId === null ? undefined : state.certificates[order.certId];
      // The certificate may have been deleted (DeleteUserCertificate); the order still reports it as issued.
      return {
        Type: order.state,
        Certificate: cert === undefined ? "" : chainPem(cert, state),
        PrivateKey: "",
        ...(order.certId === null || state.settings?.describeStateCertId === false ? {} : { CertId: order.certId }),
      };
    }
    case "revoked":
      // Not one of the documented Types: CAS documents `unknow` for anything outside the list.
      return { Type: "unknow" };
    default:
      return { Type: order.state };
  }
}

function cancelOrder(call: ApiCall, state: CasState): Record<string, unknown> {
  const order = orderOf(call, state);
  if (order.state !== "domain_verify" && order.state !== "process") {
    throw CasErrors.statusNotSupport("Only orders pending validation or under review can be cancelled.");
  }
  order.state = "payed";
  order.processSince = null;
  return {};
}

function deleteRequest(call: ApiCall, state: CasState): Record<string, unknown> {
  const order = orderOf(call, state);
  if (order.state !== "verify_fail" && order.state !== "payed") {
    throw CasErrors.statusNotSupport("Only orders that failed review or are pending application can be deleted.");
  }
  // The doc promises the refund for review-failed orders only; a cancelled (payed) order keeps its unit consumed.
  if (order.state === "verify_fail") releaseQuota(state, order);
  delete state.orders[order.orderId];
  return {};
}

function cancelForPackage(call: ApiCall, state: CasState, ctx: ServiceContext): Record<string, unknown> {
  const order = orderOf(call, state);
  if (order.state === "revoked") throw CasErrors.statusNotSupport("The certificate is already revoked.");
  releaseQuota(state, order);
  if (order.state === "certificate") {
    order.state = "revoked";
    const cert = order.certId === null ? undefined : state.certificates[order.certId];
    if (cert !== undefined) {
      cert.revoked = true;
      cert.revokedAt = ctx.clock.now();
    }
  } else {
    // A pending order is withdrawn: its unit is back in the package and the order is gone.
    delete state.orders[order.orderId];
  }
  return {};
}

function describePackage(call: ApiCall, state: CasState): Record<string, unknown> {
  const raw = call.params["ProductCode"];
  const productCode = raw === undefined || raw === "" ? DEFAULT_PRODUCT_CODE : raw;
  const pkg = state.packages[productCode];
  const issued = Object.values(state.orders).filter((o) => o.productCode === productCode && o.certId !== null).length;
  return { ProductCode: productCode, TotalCount: pkg?.total ?? 0, UsedCount: pkg?.used ?? 0, IssuedCount: issued };
}

/** The order-centred actions. */
export const orderActions: Readonly<Record<string, ActionDefinition<CasState>>> = {
  CreateCertificateWithCsrRequest: {
    handler: createWithCsr,
    required: ["Csr", "Username", "Phone", "Email", "ValidateType"],
    write: true,
  },
  DescribeCertificateState: { handler: describeState, required: ["OrderId"], write: false },
  CancelOrderRequest: { handler: cancelOrder, required: ["OrderId"], write: true },
  DeleteCertificateRequest: { handler: deleteRequest, required: ["OrderId"], write: true },
  CancelCertificateForPackageRequest: { handler: cancelForPackage, required: ["OrderId"], write: true },
  DescribePackageState: { handler: describePackage, required: [], write: false },
};
