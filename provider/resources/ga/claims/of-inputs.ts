/**
 * The claims a GA resource's property bag describes: checked inputs, previous inputs, or stored outputs. Values
 * unknown at preview claim nothing (a domain not known yet cannot be compared); an unknown certificate still claims
 * its domain.
 */
import { isUnknown } from "../../common/check";
import { canonicalDnsName } from "../../common/coverage";
import { type PropertyBag } from "../../common/dynamic";
import { type Claim, claimOn } from "./registry";

/** A known, non-empty string. */
function known(value: unknown): value is string {
  return typeof value === "string" && value !== "" && !isUnknown(value);
}

/** The listener a bag names, when both ids are known. */
function listenerOf(bag: PropertyBag): { acceleratorId: string; listenerId: string } | undefined {
  const acceleratorId = bag["acceleratorId"];
  const listenerId = bag["listenerId"];
  return known(acceleratorId) && known(listenerId) ? { acceleratorId, listenerId } : undefined;
}

/** How the program typed `domain` (from `raw`, the unchecked bag) when it names the same domain; else `domain`. */
function spelling(domain: string, typed: readonly unknown[]): string {
  const canonical = canonicalDnsName(domain);
  const match = typed.find((t): t is string => known(t) && canonicalDnsName(t) === canonical);
  return match === undefined ? domain : match.trim();
}

/** The claim of a `ga.ListenerAdditionalCertificate` bag (`raw`: the unchecked news, for the domain as typed). */
export function bindingClaims(bag: PropertyBag, raw: PropertyBag = bag): Claim[] {
  const listener = listenerOf(bag);
  const domain = bag["domain"];
  if (listener === undefined || !known(domain)) return [];
  const certificateId = bag["certificateId"];
  return [
    claimOn(
      listener.acceleratorId,
      listener.listenerId,
      spelling(domain, [raw["domain"]]),
      known(certificateId) ? certificateId : undefined,
    ),
  ];
}

/** The claims of a `ga.ListenerAdditionalCertificates` bag, one per domain of `certificates`. */
export function setClaims(bag: PropertyBag, raw: PropertyBag = bag): Claim[] {
  const listener = listenerOf(bag);
  const certificates = bag["certificates"];
  if (listener === undefined || typeof certificates !== "object" || certificates === null) return [];
  const typedMap = raw["certificates"];
  const typed = typeof typedMap === "object" && typedMap !== null ? Object.keys(typedMap) : [];
  return Object.entries(certificates).map(([domain, certificateId]) =>
    claimOn(
      listener.acceleratorId,
      listener.listenerId,
      spelling(domain, typed),
      known(certificateId) ? certificateId : undefined,
    ),
  );
}
