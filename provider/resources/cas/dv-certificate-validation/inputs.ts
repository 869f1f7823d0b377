/**
 * The inputs of `cas.DvCertificateValidation` in a property bag the host passed (checked inputs, or stored outputs),
 * the one `parseInputs` of the resource: every verb reads its inputs through it.
 */
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { optionalNumber, text } from "../../common/stored";
import { type DelegationCname, DEFAULT_TIMEOUT_SECONDS } from "./types";

/** The inputs in a property bag the host passed (checked inputs or stored outputs): never unknown here. */
export function parseInputs(bag: PropertyBag): {
  orderId: string;
  timeoutSeconds: number;
  delegationCname?: DelegationCname;
} {
  const cname = bag["delegationCname"];
  const delegation =
    typeof cname === "object" && cname !== null && !Array.isArray(cname)
      ? (cname as Record<string, unknown>)
      : undefined;
  const name = delegation?.["name"];
  const value = delegation?.["value"];
  return plainJson({
    orderId: text(bag, "orderId"),
    timeoutSeconds: optionalNumber(bag, "timeoutSeconds") ?? DEFAULT_TIMEOUT_SECONDS,
    delegationCname: typeof name === "string" && typeof value === "string" ? { name, type: "CNAME", value } : undefined,
  }) as { orderId: string; timeoutSeconds: number; delegationCname?: DelegationCname };
}
