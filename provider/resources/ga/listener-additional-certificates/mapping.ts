/** Pure mapping between the properties of `ga.ListenerAdditionalCertificates` and their stored form. */
import { sortedMap } from "../../common/stored";
import { parseId, type ParsedId } from "../ids";
import {
  type ListenerAdditionalCertificatesInputs as Inputs,
  type ListenerAdditionalCertificatesOutputs as Outputs,
} from "./types";

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
