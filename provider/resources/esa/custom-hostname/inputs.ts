/**
 * The normalized inputs of `esa.CustomHostname` at create and update time: the property bag the engine passes has
 * passed `check` already, so it is checked again ({@link checkInputs}) and must be complete. The one `parseInputs` of
 * the resource: create, update and the tests read inputs through it.
 */
import { type CheckFailure } from "@pulumi/pulumi/dynamic";
import { type PropertyBag } from "../../common/dynamic";
import { checkInputs } from "./check";
import { type CustomHostnameInputs } from "./types";

/** Thrown when `create`/`update` receive inputs that do not pass `check` (the engine always checks first). */
export class InvalidInputsError extends Error {
  constructor(failures: readonly CheckFailure[]) {
    super(`invalid esa.CustomHostname inputs: ${failures.map((f) => f.reason).join("; ")}`);
    this.name = "InvalidInputsError";
  }
}

/** The normalized inputs of a property bag that must be complete (create/update time): throws on any failure. */
export function parseInputs(bag: PropertyBag): CustomHostnameInputs {
  const { inputs, failures } = checkInputs(bag);
  if (failures.length > 0) throw new InvalidInputsError(failures);
  return inputs;
}
