/**
 * The partial failure of `cas.DvCertificateOrder`, shared by create and update: once the order exists, a later failure
 * is recorded through the common builder (`common/dynamic.ts` `partialFailure`) with the OrderId and what is known of
 * the order, so the engine never forgets it (an order costs a unit of the resource plan).
 */
import { partialFailure, type PartialFailureError, type PropertyBag } from "../../common/dynamic";
import { toOutputs, type OrderFacts } from "./mapping";
import { type DvCertificateOrderInputs } from "./types";

/** The partial failure of an order that exists: what is known of it is recorded over `bag` (which has `__provider`). */
export function orderPartialFailure(
  message: string,
  orderId: string,
  bag: PropertyBag,
  inputs: DvCertificateOrderInputs,
  facts: OrderFacts | undefined,
): PartialFailureError {
  return partialFailure(message, orderId, bag, facts === undefined ? { orderId } : toOutputs(inputs, facts));
}
