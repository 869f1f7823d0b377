/**
 * The partial failure of `esa.CustomHostname`, shared by create and update: once the hostname exists, a later failure
 * is recorded through the common builder (`common/dynamic.ts` `partialFailure`) with the hostname's id and what is
 * known of it, so the engine never forgets it and the next `pulumi up` resumes.
 */
import { messageOf, partialFailure, type PartialFailureError, type PropertyBag } from "../../common/dynamic";
import { type CustomHostnameOutputs } from "./types";

/** The partial-failure error for a hostname that exists: the engine records `outputs` (with `__provider`) and the id. */
export function hostnamePartialFailure(
  what: string,
  bag: PropertyBag,
  outputs: CustomHostnameOutputs,
  error: unknown,
): PartialFailureError {
  const reason = messageOf(error);
  const message = `esa.CustomHostname ${outputs.hostname} (HostnameId ${outputs.hostnameId}) was ${what}, but ${reason}`;
  return partialFailure(message, outputs.hostnameId, bag, outputs, reason);
}
