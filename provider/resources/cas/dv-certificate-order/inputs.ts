/**
 * The inputs of `cas.DvCertificateOrder` in a property bag the host passed (checked inputs, or stored outputs), the
 * one `parseInputs` of the resource: every verb reads its inputs through it.
 */
import { plainJson, type PropertyBag } from "../../common/dynamic";
import { storedInputs } from "../../common/stored";
import { DECLARATION } from "./declaration";
import { delegationZone } from "./mapping";
import { type DvCertificateOrderInputs, type ValidationDelegation } from "./types";

/**
 * The inputs recorded in a property bag (state outputs or checked inputs), narrowed from `unknown`: each declared
 * input by its declared type, absent ones at their default (`common/stored.ts` `storedInputs`); the tags map and the
 * delegation object by their own readers.
 */
export function parseInputs(bag: PropertyBag): DvCertificateOrderInputs {
  const tags = bag["tags"];
  return plainJson({
    ...storedInputs(DECLARATION, bag),
    tags: typeof tags === "object" && tags !== null && !Array.isArray(tags) ? stringMap(tags) : undefined,
    validationDelegation: delegationOf(bag["validationDelegation"]),
  }) as DvCertificateOrderInputs;
}

function delegationOf(value: unknown): ValidationDelegation | undefined {
  const zone = delegationZone(value);
  return zone === undefined ? undefined : { zone };
}

function stringMap(value: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === "string") out[key] = item;
  return out;
}
