/**
 * Coalesced reads of a listener's bindings, for refresh: each per-domain `ga.ListenerAdditionalCertificate` needs
 * the same listing of its listener (ListListenerCertificates cannot filter by domain), so 50 of them on a listener
 * of 100 bindings cost 100 calls when each reads alone. Shared through {@link SharedReads} (see common/shared-reads.ts
 * for the rules, including why a read never sees a listing from before our own write): at most ⌈bindings / 50⌉
 * calls per listener per refresh round, for any number of per-domain resources.
 */
import { type AlibabaApi } from "../../common/host";
import { SharedReads } from "../../common/shared-reads";
import { readSetting } from "../../../settings/read";
import { SETTINGS } from "../../../settings/table";
import { listBindings } from "./live";
import { gatherMs } from "./settings";
import { type LiveBinding } from "./types";

type Listing = ReadonlyMap<string, LiveBinding>;

/** Default reuse window in ms: long enough for one refresh round, short against out-of-band changes. */
export const DEFAULT_READ_REUSE_MS = SETTINGS.gaReadReuseMs.default;

/** How long a finished listing answers later reads: env `ALICLOUD_CERTS_GA_READ_REUSE_MS` (0: in-flight only). */
export function readReuseMs(): number {
  return readSetting(SETTINGS.gaReadReuseMs);
}

/** Process-wide listener listings (module state, shared like the scheduler's; see scheduler.ts). */
export const listenerReads = new SharedReads<Listing>({ gatherMs, reuseMs: readReuseMs });

const keyOf = (acceleratorId: string, listenerId: string): string => `${acceleratorId}\n${listenerId}`;

/** Record that a write to the listener is being sent or has ended: listings from before it are no longer used. */
export function noteWrite(acceleratorId: string, listenerId: string): void {
  listenerReads.noteWrite(keyOf(acceleratorId, listenerId));
}

/**
 * Every additional binding of the listener, shared with concurrent reads (see the module comment). Throws what
 * {@link listBindings} throws, to every read that shared the listing.
 */
export function readListener(api: AlibabaApi, acceleratorId: string, listenerId: string): Promise<Listing> {
  return listenerReads.read(keyOf(acceleratorId, listenerId), () => listBindings(api, acceleratorId, listenerId));
}
