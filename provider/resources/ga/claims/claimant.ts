/**
 * Who claims a domain: the resource's type and, when the program gave it, its name. The dynamic-provider host calls
 * `check(olds, news)`, `create(props)`, `read(id, props)` and `delete(id, props)` without the resource's URN or name
 * (`@pulumi/pulumi/cmd/dynamic-provider`), so both GA resource classes pass their name as the hidden input
 * {@link RESOURCE_NAME_KEY}; `check` keeps it in the checked inputs and create/update echo it into the outputs, where
 * `read` and `delete` find it.
 *
 * Why a hidden input: it is the only way the name reaches the provider. An input cannot carry the URN (the URN is
 * known only once the resource is registered with its inputs). Keys starting with `__` are internal to the engine,
 * which never displays them (`IsInternalPropertyKey`), diff never compares it (the GA diffs list the keys they
 * compare), so stacks written before it see no change; it is only ever added, never renamed (stored state).
 */
import { type PropertyBag } from "../../common/dynamic";

/**
 * The hidden input and output holding the resource's name in the program. Not `__name`: the Node SDK's `Resource`
 * already has that property, and the SDK refuses an input whose key is one.
 */
export const RESOURCE_NAME_KEY = "__resourceName";

/** The two GA resource types, as users write them. */
export type ClaimantType = "ga.ListenerAdditionalCertificate" | "ga.ListenerAdditionalCertificates";

/** A resource claiming domains. */
export interface Claimant {
  readonly type: ClaimantType;
  /** The resource's name in the program; undefined for state or calls that do not carry it. */
  readonly name: string | undefined;
}

/** The claimant a property bag (news, olds, props) describes. */
export function claimantOf(type: ClaimantType, bag: PropertyBag): Claimant {
  const name = bag[RESOURCE_NAME_KEY];
  return { type, name: typeof name === "string" && name !== "" ? name : undefined };
}

/** `{ __resourceName: name }` when the bag carries a name, else nothing: for checked inputs and outputs. */
export function nameProperty(bag: PropertyBag): { readonly [RESOURCE_NAME_KEY]?: string } {
  const { name } = claimantOf("ga.ListenerAdditionalCertificate", bag);
  return name === undefined ? {} : { [RESOURCE_NAME_KEY]: name };
}

/** True when `a` and `b` are the same resource by type and name (two unnamed ones of a type match). */
export function sameClaimant(a: Claimant, b: Claimant): boolean {
  return a.type === b.type && a.name === b.name;
}

/** The claimant as a message names it: `ga.ListenerAdditionalCertificate "vip"`, or `an unnamed …`. */
export function describeClaimant(claimant: Claimant): string {
  return claimant.name === undefined
    ? `an unnamed ${claimant.type}`
    : `${claimant.type} ${JSON.stringify(claimant.name)}`;
}
