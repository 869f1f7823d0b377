/**
 * Why `revokeOnDelete` sometimes keeps a certificate: a renewal that failed half-way (its new order not issued yet)
 * leaves the old order pending deletion in the Pulumi state. Pulumi 3.259 deletes it only at the end of the next
 * successful `up`, after the consumers switched; but should it be deleted earlier (a targeted destroy, or an engine
 * that runs pending deletions first), revoking would revoke the certificate every consumer still serves. So while
 * another order for the same domain is still being validated, the old certificate is kept valid (with a warning).
 */
import { type AlibabaApi } from "../../common/host";
import { listOrders } from "./api";

/** `ListUserCertificateOrder` status of an order that is awaiting validation or under review. */
const CHECKING = "CHECKING";

/** The OrderIds of other orders for exactly `domain` that are still being validated. */
export async function renewalsInFlight(client: AlibabaApi, domain: string, orderId: string): Promise<string[]> {
  const orders = await listOrders(client, domain);
  return orders
    .filter((o) => o.domain?.toLowerCase() === domain && o.orderId !== orderId && o.status === CHECKING)
    .map((o) => o.orderId)
    .filter((id): id is string => id !== undefined);
}
