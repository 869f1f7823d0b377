/** The Alibaba Cloud products this package calls, with their API versions and fixed wire facts. */
export type Product = "esa" | "cas" | "ga";

/** Display names used in error messages. */
export const PRODUCT_NAMES: Readonly<Record<Product, string>> = { esa: "ESA", cas: "CAS", ga: "GA" };

/** The API version each product's operations are pinned to (`x-acs-version`). */
export const API_VERSIONS: Readonly<Record<Product, string>> = {
  esa: "2024-09-10",
  cas: "2020-04-07",
  ga: "2019-11-20",
};

/**
 * Codes that mean "busy, try again" for one product. They are definite rejections (the request was not applied),
 * so even calls that are not idempotent may be retried after them.
 */
export const BUSY_CODES: Readonly<Record<Product, readonly string[]>> = {
  esa: [
    "Site.ServiceBusy",
    "Record.ServiceBusy",
    "Record.Reserved",
    "LockFailed",
    "TooManyRequests",
    "InternalException",
  ],
  cas: [],
  ga: ["StateError.Accelerator", "StateError.Listener", "NotActive.Listener"],
};

/** GA is a single-region control plane: every call carries `RegionId=cn-hangzhou`. */
export const GA_REGION_ID = "cn-hangzhou";
