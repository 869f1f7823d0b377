/**
 * Every Alibaba Cloud call `cas.DvCertificateOrder` makes (CAS API 2020-04-07), each taking the client seam
 * {@link AlibabaApi} so tests pass a fake: finding orders with ListUserCertificateOrder (documented limit: 10 calls
 * per second per user), placing, describing, cancelling, revoking and deleting them.
 */
import { isAlibabaCloudError } from "../../../transport/errors";
import {
  CancelCertificateForPackageRequest,
  CancelOrderRequest,
  type CertificateOrderSummary,
  type CertificateState,
  CreateCertificateWithCsrRequest,
  type CreateCertificateWithCsrRequestParams,
  DeleteCertificateRequest,
  DeleteUserCertificate,
  DescribeCertificateState,
  GetUserCertificateDetail,
  ListTagResources,
  ListUserCertificateOrder,
  type UserCertificateDetail,
} from "../../../transport/operations/cas";
import { RateLimiter } from "../../../util/rate-limiter";
import { unlessNotFound, type AlibabaApi } from "../../common/host";
import { certIdOf } from "../cert-id";
import { type OrderFacts } from "./mapping";

/**
 * One limiter per provider host process: it lives in this module, which a serialized provider references with
 * `require(…)` and never copies, so all resources of a deployment share it.
 */
const limiter = new RateLimiter({
  ListUserCertificateOrder: { limit: 10, windowMs: 1000 },
  ListTagResources: { limit: 10, windowMs: 1000 },
});
const PAGE_SIZE = 50;
/** Stop paging after this many orders: a keyword search for one domain never legitimately returns more. */
const MAX_ORDERS = 1000;

/** Every resource-plan (CPACK) order matching `keyword` (CAS matches domains and ids fuzzily), all pages. */
export async function listOrders(client: AlibabaApi, keyword: string): Promise<CertificateOrderSummary[]> {
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
export async function orderIdsForDomain(client: AlibabaApi, domain: string): Promise<Set<string>> {
  const orders = await listOrders(client, domain);
  return new Set(
    orders.filter((o) => o.domain?.toLowerCase() === domain && o.orderId !== undefined).map((o) => o.orderId as string),
  );
}

/** Stop paging tag pairs after this many: one token tags one order, a few at most after interrupted runs. */
const MAX_TAG_PAIRS = 1000;

/** The ids of the instances carrying the tag `key` = `value` (ListTagResources, `ResourceType=instance`), all pages. */
export async function taggedInstanceIds(client: AlibabaApi, key: string, value: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let nextToken: string | undefined;
  for (let seen = 0; seen < MAX_TAG_PAIRS;) {
    await limiter.acquire(ListTagResources.action);
    const page = await client.call(ListTagResources, {
      ResourceType: "instance",
      Tag: [{ Key: key, Value: value }],
      MaxResults: PAGE_SIZE,
      ...(nextToken === undefined ? {} : { NextToken: nextToken }),
    });
    seen += page.tagResources.length;
    for (const pair of page.tagResources)
      if (pair.resourceId !== undefined && pair.tagKey === key && pair.tagValue === value) ids.add(pair.resourceId);
    nextToken = page.nextToken;
    if (nextToken === undefined || nextToken === "" || page.tagResources.length === 0) break;
  }
  return ids;
}

/** The listed orders (with an OrderId) that belong to one of `instanceIds`. */
export function ordersByInstanceIds(
  orders: readonly CertificateOrderSummary[],
  instanceIds: ReadonlySet<string>,
): (CertificateOrderSummary & { orderId: string })[] {
  return orders.filter(
    (o): o is CertificateOrderSummary & { orderId: string } =>
      o.orderId !== undefined && o.instanceId !== undefined && instanceIds.has(o.instanceId),
  );
}

/** The listed order with this id, searched by `keyword` (its domain when known, else the id), or undefined. */
export async function findOrder(
  client: AlibabaApi,
  orderId: string,
  keyword: string,
): Promise<CertificateOrderSummary | undefined> {
  const orders = await listOrders(client, keyword);
  return orders.find((o) => o.orderId === orderId);
}

/** True for an error saying the object does not exist. */
export function isNotFound(error: unknown): boolean {
  return isAlibabaCloudError(error) && error.notFound;
}

/** The certificate's details (`CertFilter=true`: no PEM), or undefined when it was deleted. */
export async function certificateDetail(
  client: AlibabaApi,
  certId: string,
): Promise<UserCertificateDetail | undefined> {
  return unlessNotFound(client.call(GetUserCertificateDetail, { CertId: certId, CertFilter: true }));
}

/** Complete an order state with the certificate details when it is issued. */
export async function factsOf(
  client: AlibabaApi,
  orderId: string,
  commonName: string | undefined,
  state: CertificateState,
): Promise<OrderFacts> {
  const certId = await certIdOf(client, state);
  const detail =
    state.type === "certificate" && certId !== undefined ? await certificateDetail(client, certId) : undefined;
  return { orderId, commonName: commonName ?? detail?.commonName?.toLowerCase(), state: { ...state, certId }, detail };
}

/** Describe an order (throws the transport's error, e.g. not-found, unchanged). */
export async function describeOrder(
  client: AlibabaApi,
  orderId: string,
  commonName: string | undefined,
): Promise<OrderFacts> {
  const state = await describeState(client, orderId);
  return factsOf(client, orderId, commonName, state);
}

/** `DescribeCertificateState`, the order's state; throws the transport's error (e.g. not-found) unchanged. */
export function describeState(client: AlibabaApi, orderId: string): Promise<CertificateState> {
  return client.call(DescribeCertificateState, { OrderId: orderId });
}

/** `DescribeCertificateState`, or `undefined` when the order does not exist. */
export function describeStateOrGone(client: AlibabaApi, orderId: string): Promise<CertificateState | undefined> {
  return unlessNotFound(describeState(client, orderId));
}

/** `CreateCertificateWithCsrRequest`: the new OrderId. Not idempotent: see `./create` for how it is repeated. */
export async function createCertificateWithCsr(
  client: AlibabaApi,
  request: CreateCertificateWithCsrRequestParams,
): Promise<string> {
  return (await client.call(CreateCertificateWithCsrRequest, request)).orderId;
}

/** `CancelOrderRequest`: a pending order goes to `payed`. */
export async function cancelOrderRequest(client: AlibabaApi, orderId: string): Promise<void> {
  await client.call(CancelOrderRequest, { OrderId: orderId });
}

/** `CancelCertificateForPackageRequest`: revoke an issued certificate (restores the quota unit). */
export async function cancelCertificateForPackage(client: AlibabaApi, orderId: string): Promise<void> {
  await client.call(CancelCertificateForPackageRequest, { OrderId: orderId });
}

/** `DeleteCertificateRequest`; not-found is success. */
export async function deleteCertificateRequest(client: AlibabaApi, orderId: string): Promise<void> {
  await unlessNotFound(client.call(DeleteCertificateRequest, { OrderId: orderId }));
}

/** `DeleteUserCertificate`; not-found is success. */
export async function deleteUserCertificate(client: AlibabaApi, certId: string): Promise<void> {
  await unlessNotFound(client.call(DeleteUserCertificate, { CertId: certId }));
}
