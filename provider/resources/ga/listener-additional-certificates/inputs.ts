/**
 * The inputs of `ga.ListenerAdditionalCertificates` in a property bag that passed `check` (create and update time), the one `parseInputs` of
 * the resource.
 */
import { type PropertyBag } from "../../common/dynamic";
import { optionalNumber, sortedMap, stringMap, text } from "../../common/stored";
import { nameProperty } from "../claims/claimant";
import { type ListenerAdditionalCertificatesInputs as Inputs } from "./types";

/** The checked inputs in a property bag that must be complete (create/update time). */
export function parseInputs(bag: PropertyBag): Inputs {
  const timeoutSeconds = optionalNumber(bag, "timeoutSeconds");
  const certificates: Record<string, string> = {};
  for (const [domain, id] of Object.entries(stringMap(bag, "certificates") ?? {}))
    certificates[domain.toLowerCase()] = id;
  return {
    acceleratorId: text(bag, "acceleratorId"),
    listenerId: text(bag, "listenerId"),
    certificates: sortedMap(certificates),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...nameProperty(bag),
  };
}
