/** Documented facts of CreateCertificateWithCsrRequest that check, diff and mapping share. */
import { type DvProductCode } from "../dv-certificate-order";

/** Every documented `ProductCode`, in documentation order. */
export const PRODUCT_CODES: readonly DvProductCode[] = [
  "digicert-free-1-free",
  "symantec-free-1-free",
  "symantec-dv-1-starter",
  "geotrust-dv-1-starter",
  "geotrust-dv-w-starter",
  "globalsign-dv-1-personal",
  "globalsign-dv-w-advanced",
];

/** The product codes that accept wildcard names (`*.example.com`). */
export const WILDCARD_PRODUCT_CODES: readonly DvProductCode[] = [
  "symantec-dv-1-starter",
  "geotrust-dv-w-starter",
  "globalsign-dv-w-advanced",
];

/** The API's default `ProductCode` (used when the input is unset). */
export const DEFAULT_PRODUCT_CODE: DvProductCode = "digicert-free-1-free";

/** `ValidateType` values. */
export const VALIDATE_TYPES = ["DNS", "FILE"] as const;

/** Tag rules (`Tags.N`, N = 1..20). */
export const TAGS = { maxCount: 20, maxKeyLength: 128, maxValueLength: 128 } as const;

/** Applicant fields. */
export const CONTACT = {
  maxUsernameLength: 64,
  maxEmailLength: 128,
  phone: /^\+?\d{5,20}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
} as const;

/** Defaults of the behaviour inputs (see the Args TSDoc). */
export const BEHAVIOUR_DEFAULTS = {
  waitForIssuance: false,
  issuanceTimeoutSeconds: 3600,
  revokeOnDelete: false,
} as const;

/** Longest issuance wait a user may ask for: two days. */
export const MAX_ISSUANCE_TIMEOUT_SECONDS = 172_800;

/** Inputs that only change what the provider does, never the order: they update in place without API calls. */
export const BEHAVIOUR_INPUTS = ["waitForIssuance", "issuanceTimeoutSeconds", "revokeOnDelete"] as const;

/** Inputs the API cannot change on an existing order: a change replaces it. */
export const REPLACE_ON_CHANGES = [
  "csr",
  "username",
  "phone",
  "email",
  "validateType",
  "productCode",
  "tags",
  "orderId",
] as const;

/** Why a tag key breaks the documented rules, or undefined when it is fine. */
export function tagKeyProblem(key: string): string | undefined {
  const lower = key.toLowerCase();
  if (key.length === 0 || key.length > TAGS.maxKeyLength) return `must be 1 to ${TAGS.maxKeyLength} characters`;
  if (lower.startsWith("acs:") || lower.startsWith("aliyun")) return 'must not start with "acs:" or "aliyun"';
  if (lower.includes("http://") || lower.includes("https://")) return 'must not contain "http://" or "https://"';
  return undefined;
}
