/**
 * The coverage gate: before the engine associates or updates a binding, the certificate must cover the domain
 * (RFC 6125 §6.4, `common/coverage.ts`). A write GA would accept but that serves a certificate browsers reject for the
 * domain is refused, naming the domain, the certificate and its names; nothing is written for that intent. Bindings
 * adopted without a write, and dissociations, are not gated.
 */
import { quote } from "../../common/check";
import { coveringName } from "../../common/coverage";
import { certificateNames, type CertificateNames } from "./certificate-names";
import { type GaApi } from "./live";
import { type BindingIntent, type PlannedWrite } from "./types";

/** Longest list of a certificate's names a message shows. */
const SHOWN_NAMES = 8;

/** Why `certificateId` (with `names`) may not be bound to `domain`; undefined when it covers it. */
export function uncoveredReason(domain: string, certificateId: string, names: readonly string[]): string | undefined {
  if (coveringName(names, domain) !== undefined) return undefined;
  const shown =
    names.slice(0, SHOWN_NAMES).join(", ") + (names.length > SHOWN_NAMES ? `, … (${names.length} names)` : "");
  const wildcard = domain.startsWith("*.") ? "; a wildcard domain needs the same wildcard among them" : "";
  return (
    `certificate ${certificateId} does not cover domain ${quote(domain)}: its names are ${shown}. A name covers ` +
    `the domain when it equals it (ignoring case) or is "*.<parent>" with the domain one label under <parent> ` +
    `(RFC 6125 §6.4.3)${wildcard}. Bind a certificate that names the domain`
  );
}

/**
 * `writes` without the intents whose certificate does not cover their domain; `refuse` settles each of those with
 * its reason. One GetUserCertificateDetail per distinct certificate per process (see `certificate-names.ts`).
 */
export async function coveredWrites<T extends { readonly intent: BindingIntent }>(
  api: GaApi,
  writes: readonly PlannedWrite<T>[],
  budgetMs: number,
  refuse: (item: T, reason: Error) => void,
): Promise<PlannedWrite<T>[]> {
  const ids = new Set<string>();
  for (const write of writes)
    if (write.kind !== "dissociate")
      for (const item of write.items) if (item.intent.certificateId !== undefined) ids.add(item.intent.certificateId);
  const reads = new Map<string, CertificateNames>(
    await Promise.all([...ids].map(async (id) => [id, await certificateNames(api, id, budgetMs)] as const)),
  );
  const kept: PlannedWrite<T>[] = [];
  for (const write of writes) {
    const items = write.items.filter((item) => {
      const { domain, certificateId } = item.intent;
      const read = certificateId === undefined ? undefined : reads.get(certificateId);
      const reason =
        read?.kind === "names" && certificateId !== undefined
          ? uncoveredReason(domain, certificateId, read.names)
          : undefined;
      if (reason !== undefined) refuse(item, new Error(reason));
      return reason === undefined;
    });
    if (items.length > 0) kept.push({ kind: write.kind, items });
  }
  return kept;
}
