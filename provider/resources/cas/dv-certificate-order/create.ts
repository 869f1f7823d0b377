/**
 * Placing an order. CreateCertificateWithCsrRequest consumes quota and has no client token, so the transport never
 * repeats it after an ambiguous failure (reset, timeout, 5xx): the order may exist. This module then looks for it
 * before trying again, so a timeout never buys two certificates.
 */
import { type DvCertificateOrderInputs } from "../dv-certificate-order";
import { progress } from "../../common/host";
import { type AlibabaClient } from "../../../transport/client";
import { isAlibabaCloudError } from "../../../transport/errors";
import { CreateCertificateWithCsrRequest } from "../../../transport/operations/cas";
import { toCreateRequest } from "./mapping";
import { orderIdsForDomain } from "./api";

/** The documented quota codes: no resource plan bought, or none left. Not "not found" errors. */
const QUOTA_CODES = new Set(["NotFoundPackage", "NotRemainCount"]);

/**
 * Place the order and return its OrderId. The CN's existing orders are listed first: after an ambiguous failure,
 * the order that appeared since is this attempt's (an older pending order for the same domain, e.g. the one being
 * replaced, is never mistaken for it). If none appeared the create did not happen and is tried once more.
 */
export async function placeOrder(
  client: AlibabaClient,
  inputs: DvCertificateOrderInputs,
  commonName: string,
): Promise<string> {
  const request = toCreateRequest(inputs);
  const before = await orderIdsForDomain(client, commonName);
  for (let attempt = 1; ; attempt++) {
    try {
      return (await client.call(CreateCertificateWithCsrRequest, request)).orderId;
    } catch (error: unknown) {
      if (isAlibabaCloudError(error) && QUOTA_CODES.has(error.code))
        throw quotaError(error.code, inputs, error.message);
      if (!isAlibabaCloudError(error) || !error.ambiguous) throw error;
      progress(
        `CAS order for ${commonName}: no reply to CreateCertificateWithCsrRequest (${error.code}); looking for the order before trying again`,
      );
      const fresh = [...(await orderIdsForDomain(client, commonName))].filter((id) => !before.has(id));
      if (fresh.length === 1 && fresh[0] !== undefined) {
        progress(`CAS order for ${commonName}: found order ${fresh[0]} placed by the unanswered request; using it`);
        return fresh[0];
      }
      if (fresh.length > 1) {
        throw new Error(
          `CreateCertificateWithCsrRequest for ${commonName} got no reply and ${fresh.length} new orders for that domain appeared (${fresh.join(", ")}), so this one cannot be told apart; adopt the right one with the orderId input and cancel the others. Cause: ${error.message}`,
        );
      }
      if (attempt >= 2)
        throw new Error(
          `CreateCertificateWithCsrRequest for ${commonName} got no reply twice and placed no order: ${error.message}`,
        );
    }
  }
}

function quotaError(code: string, inputs: DvCertificateOrderInputs, cause: string): Error {
  const product = inputs.productCode ?? "digicert-free-1-free (the default)";
  const what =
    code === "NotRemainCount" ? "has no certificates left in its DV resource plan" : "has no DV resource plan";
  return new Error(
    `The Alibaba Cloud account ${what} for productCode ${product}, so no order was placed. Buy a DV certificate resource plan (or free-certificate quota) for that product in the SSL Certificates Service console, or choose another productCode. (${cause})`,
  );
}
