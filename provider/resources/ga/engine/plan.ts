/**
 * Pure planning: given a listener's live bindings and the intents pending for it, decide which intents need no write
 * and cut the rest into API-sized batches. No I/O, so the unit tier covers it table-driven.
 */
import { MAX_PER_CALL } from "../ids";
import { type BindingIntent, type IntentAction, type LiveBinding, type PlannedWrite, type WriteKind } from "./types";

/** The plan for one listener. */
export interface ListenerPlan<T extends { readonly intent: BindingIntent }> {
  /** Intents that need no write, with what they found. */
  readonly settled: readonly { readonly item: T; readonly action: IntentAction; readonly state: string }[];
  /** Writes in execution order: dissociate batches, then one update per domain, then associate batches. */
  readonly writes: readonly PlannedWrite<T>[];
}

/** Split `items` into chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Plan one listener. `live` maps lower-case domains to their bindings; `items` are the round's intents for this
 * listener, at most one per domain (the scheduler defers duplicates to the next round).
 */
export function planListener<T extends { readonly intent: BindingIntent }>(
  live: ReadonlyMap<string, LiveBinding>,
  items: readonly T[],
): ListenerPlan<T> {
  const settled: { item: T; action: IntentAction; state: string }[] = [];
  const byKind: Record<WriteKind, T[]> = { dissociate: [], update: [], associate: [] };
  for (const item of items) {
    const { domain, certificateId } = item.intent;
    const current = live.get(domain);
    if (certificateId === undefined) {
      if (current === undefined) settled.push({ item, action: "absent", state: "absent" });
      else byKind.dissociate.push(item);
    } else if (current === undefined) {
      byKind.associate.push(item);
    } else if (current.certificateId === certificateId) {
      settled.push({ item, action: "unchanged", state: current.state });
    } else {
      byKind.update.push(item);
    }
  }
  const byDomain = (a: T, b: T): number =>
    a.intent.domain < b.intent.domain ? -1 : a.intent.domain > b.intent.domain ? 1 : 0;
  const writes: PlannedWrite<T>[] = [
    ...chunk([...byKind.dissociate].sort(byDomain), MAX_PER_CALL).map((batch) => ({
      kind: "dissociate" as const,
      items: batch,
    })),
    // Why one call per domain: UpdateAdditionalCertificateWithListener takes a single Domain. Dissociate + Associate
    // would batch, but would leave the domain on the default certificate in between.
    ...[...byKind.update].sort(byDomain).map((item) => ({ kind: "update" as const, items: [item] })),
    ...chunk([...byKind.associate].sort(byDomain), MAX_PER_CALL).map((batch) => ({
      kind: "associate" as const,
      items: batch,
    })),
  ];
  return { settled, writes };
}

/** The action a successful write of `kind` reports to its intents. */
export function actionOf(kind: WriteKind): IntentAction {
  return kind === "associate" ? "associated" : kind === "update" ? "updated" : "dissociated";
}
