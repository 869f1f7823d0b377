import { ApiError } from "../../core/contract";

/**
 * The CAS errors the emulator raises. Sources:
 * - `NotFoundPackage` / `NotRemainCount` (404): the CreateCertificateWithCsrRequest / DeleteCertificateRequest error
 *   tables.
 * - `NotFound`, `InvalidParameter`, `InvalidParameter.MobileIllegal` (400): the CAS 2020-04-07 error centre
 *   (help.aliyun.com …/api-cas-2020-04-07-errorcodes). Terraform treats `NotFound` as "gone", so unknown orders and
 *   certificates use it too (the per-operation not-found code is undocumented).
 * - `OperationDenied.StatusNotSupport` (400): what CAS answers when an order's status forbids an operation (seen by
 *   terraform-provider-alicloud on CancelPendingCertificate); used for every wrong-state call here.
 */
export const CasErrors = {
  invalidParameter: (detail: string) =>
    new ApiError(400, "InvalidParameter", `The parameter is invalid. Please check your input. ${detail}`),
  mobileIllegal: () =>
    new ApiError(
      400,
      "InvalidParameter.MobileIllegal",
      "The mobile phone number is illegal, please enter a correct one.",
    ),
  notFound: () => new ApiError(400, "NotFound", "The resource not found. Check the input parameters."),
  notFoundPackage: (productCode: string) =>
    new ApiError(404, "NotFoundPackage", `No certificate resource plan of ${productCode} has been purchased.`),
  notRemainCount: (productCode: string) =>
    new ApiError(404, "NotRemainCount", `The certificate resource plan of ${productCode} has no remaining quota.`),
  statusNotSupport: (what: string) =>
    new ApiError(
      400,
      "OperationDenied.StatusNotSupport",
      `The current status does not support this operation. ${what}`.trimEnd(),
    ),
} as const;
