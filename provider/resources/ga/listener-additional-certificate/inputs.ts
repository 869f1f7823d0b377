/**
 * The inputs of `ga.ListenerAdditionalCertificate` in a property bag that passed `check` (create and update time), the one `parseInputs` of
 * the resource.
 */
import { type PropertyBag } from "../../common/dynamic";
import { optionalNumber, text } from "../../common/stored";
import { nameProperty } from "../claims/claimant";
import { type ListenerAdditionalCertificateInputs as Inputs } from "./types";

/** The checked inputs in a property bag that must be complete (create/update time). */
export function parseInputs(bag: PropertyBag): Inputs {
  const timeoutSeconds = optionalNumber(bag, "timeoutSeconds");
  return {
    acceleratorId: text(bag, "acceleratorId"),
    listenerId: text(bag, "listenerId"),
    domain: text(bag, "domain").toLowerCase(),
    certificateId: text(bag, "certificateId"),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...nameProperty(bag),
  };
}
