/** Finding orders with ListUserCertificateOrder (documented limit: 10 calls per second per user). */
import { type AlibabaClient } from "../../../transport/client";
import { type CertificateOrderSummary, ListUserCertificateOrder } from "../../../transport/operations/cas";
import { RateLimiter } from "../../../util/rate-limiter";

/**
 * One limiter per provider host process: it lives in this module, which a serialized provider references with
 * `require(…)` and never copies, so all resources of a deployment share it.
 */
const limiter = new RateLimiter({ ListUserCertificateOrder: { limit: 10, windowMs: 1000 } });
const PAGE_SIZE = 50;
/** Stop paging after this many orders: a keyword search for one domain never legitimately returns more. */
const MAX_ORDERS = 1000;

/** Every resource-plan (CPACK) order matching `keyword` (CAS matches domains and ids fuzzily), all pages. */
export async function listOrders(client: AlibabaClient, keyword: string): Promise<CertificateOrderSummary[]> {
  const orders: CertificateOrderSummary[] = [];
  for (let page = 1; orders.length < MAX_ORDERS; page++) {
    await limiter.acquire(ListUserCertificateOrder.action);
    const result = await client.call(ListUserCertificateOrder, {
      OrderType: "CPACK",
      Keyword: keyword,
      CurrentPage: page,
      ShowSize: PAGE_SIZE,
    });
    orders.push(...result.orders);
    if (result.orders.length === 0 || orders.length >= result.totalCount) break;
  }
  return orders;
}

/** The OrderIds of the orders placed for exactly `domain` (the keyword match is fuzzy: `a.example.com` also matches `www.a.example.com`). */
export async function orderIdsForDomain(client: AlibabaClient, domain: string): Promise<Set<string>> {
  const orders = await listOrders(client, domain);
  return new Set(
    orders.filter((o) => o.domain?.toLowerCase() === domain && o.orderId !== undefined).map((o) => o.orderId as string),
  );
}

/** The listed order with this id, searched by `keyword` (its domain when known, else the id), or undefined. */
export async function findOrder(
  client: AlibabaClient,
  orderId: string,
  keyword: string,
): Promise<CertificateOrderSummary | undefined> {
  const orders = await listOrders(client, keyword);
  return orders.find((o) => o.orderId === orderId);
}
