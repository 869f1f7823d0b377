/** Reading an order's facts: DescribeCertificateState, plus GetUserCertificateDetail once issued. */
import { type AlibabaClient } from "../../../transport/client";
import { isAlibabaCloudError } from "../../../transport/errors";
import {
  type CertificateState,
  DescribeCertificateState,
  GetUserCertificateDetail,
  type UserCertificateDetail,
} from "../../../transport/operations/cas";
import { certIdOf } from "./cert-id";
import { type OrderFacts } from "./mapping";

/** True for an error saying the object does not exist. */
export function isNotFound(error: unknown): boolean {
  return isAlibabaCloudError(error) && error.notFound;
}

/** The certificate's details (`CertFilter=true`: no PEM), or undefined when it was deleted. */
export async function certificateDetail(
  client: AlibabaClient,
  certId: string,
): Promise<UserCertificateDetail | undefined> {
  try {
    return await client.call(GetUserCertificateDetail, { CertId: certId, CertFilter: true });
  } catch (error: unknown) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** Complete an order state with the certificate details when it is issued. */
export async function factsOf(
  client: AlibabaClient,
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
  client: AlibabaClient,
  orderId: string,
  commonName: string | undefined,
): Promise<OrderFacts> {
  const state = await client.call(DescribeCertificateState, { OrderId: orderId });
  return factsOf(client, orderId, commonName, state);
}
