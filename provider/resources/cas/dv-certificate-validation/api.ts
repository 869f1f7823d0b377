/**
 * Every Alibaba Cloud call `cas.DvCertificateValidation` makes (CAS API 2020-04-07): reads only. It never writes:
 * the order belongs to `cas.DvCertificateOrder`.
 */
import {
  DescribeCertificateState,
  GetUserCertificateDetail,
  ListUserCertificateOrder,
  type CertificateState,
  type UserCertificateDetail,
} from "../../../transport/operations/cas";
import { unlessNotFound, type AlibabaApi } from "../../common/host";
import { certIdOf } from "../cert-id";

/** What CAS says about the order: its state, and once issued the CertId and the certificate's details. */
export interface ValidationFacts {
  readonly orderId: string;
  readonly state: CertificateState;
  readonly certId: string | undefined;
  readonly detail: UserCertificateDetail | undefined;
}

/** `DescribeCertificateState`; throws the transport's error (e.g. not-found) unchanged. */
export function describeState(client: AlibabaApi, orderId: string): Promise<CertificateState> {
  return client.call(DescribeCertificateState, { OrderId: orderId });
}

/** Complete a polled state: once issued, the CertId and `GetUserCertificateDetail` (`CertFilter=true`, no PEM). */
export async function factsOf(client: AlibabaApi, orderId: string, state: CertificateState): Promise<ValidationFacts> {
  if (state.type !== "certificate") return { orderId, state, certId: undefined, detail: undefined };
  const certId = await certIdOf(client, state);
  const detail =
    certId === undefined
      ? undefined
      : await unlessNotFound(client.call(GetUserCertificateDetail, { CertId: certId, CertFilter: true }));
  return { orderId, state, certId, detail };
}

/** The order's facts, or undefined when CAS has no such order. */
export async function describeOrGone(client: AlibabaApi, orderId: string): Promise<ValidationFacts | undefined> {
  const state = await unlessNotFound(describeState(client, orderId));
  return state === undefined ? undefined : factsOf(client, orderId, state);
}

/**
 * The domain of an order from ListUserCertificateOrder (keyword: the OrderId; DescribeCertificateState does not say
 * it while the order is pending), or undefined when the first page does not list it. One call, made only when a
 * stalled wait needs the full validation record name.
 */
export async function orderDomain(client: AlibabaApi, orderId: string): Promise<string | undefined> {
  const page = await client.call(ListUserCertificateOrder, {
    OrderType: "CPACK",
    Keyword: orderId,
    CurrentPage: 1,
    ShowSize: 50,
  });
  return page.orders.find((o) => o.orderId === orderId)?.domain?.toLowerCase();
}
