/** Pure mapping between the properties of `ga.ListenerAdditionalCertificates` and their stored form. */
import { type PropertyBag } from "../../common/dynamic";
import { optionalNumber, sortedMap, stringMap, text } from "../../common/stored";
import { nameProperty } from "../claims/claimant";
import { parseId, type ParsedId } from "../ids";
import {
  type ListenerAdditionalCertificatesInputs as Inputs,
  type ListenerAdditionalCertificatesOutputs as Outputs,
} from "./types";

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

/** The outputs for `inputs` with `certificates` as now owned: sorted, with the domain list. */
export function outputsOf(inputs: Inputs, certificates: Readonly<Record<string, string>>): Outputs {
  const sorted = sortedMap(certificates);
  return { ...inputs, certificates: sorted, domains: Object.keys(sorted) };
}

/** The listener a `<acceleratorId>:<listenerId>` id names; throws for an id of another shape. */
export function listenerTarget(id: string): ParsedId {
  const target = parseId(id);
  if (target === undefined || target.domain !== undefined)
    throw new Error(`GA listener certificates id "${id}" is not <acceleratorId>:<listenerId>`);
  return target;
}
