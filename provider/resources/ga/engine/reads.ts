/**
 * Coalesced reads of a listener's bindings, for refresh. Pulumi refreshes every resource at once, and each
 * per-domain `ga.ListenerAdditionalCertificate` needs the same listing of its listener (ListListenerCertificates
 * cannot filter by domain), so 50 of them on a listener of 100 bindings cost 100 calls when each read alone. Here,
 * within one provider host process, reads of one listener share one listing:
 *
 * 1. A read first looks for a listing of the current generation (see below) finished at most
 *    {@link readReuseMs} ago, then for one in flight, and only then starts one after the engine's gather window
 *    (`gatherMs`), which every read arriving meanwhile joins.
 * 2. At most ⌈bindings / 50⌉ calls per listener per refresh round, for any number of per-domain resources.
 *
 * Never stale after our own write: every write the engine sends to a listener bumps that listener's generation
 * when it is sent and again when it has settled or failed (`noteWrite`). A listing is only joined or reused while its
 * generation is current, and the generation is taken when its first page is requested, so a read that begins after
 * a write began (or ended) always gets a listing requested after that point. Writes by other processes (other
 * stacks, the console) can be up to {@link readReuseMs} older than the read, the same bound as a read that had
 * simply been scheduled that much earlier; each `pulumi` command starts a new provider host, so nothing is reused
 * across commands.
 */
import { type AlibabaApi } from "../../common/host";
import { listBindings } from "./live";
import { gatherMs } from "./settings";
import { type LiveBinding } from "./types";

type Listing = ReadonlyMap<string, LiveBinding>;

/** A listing being read; `generation` is set when its first page is requested. */
interface Flight {
  generation: number | undefined;
  result: Promise<Listing>;
}

interface ListenerReads {
  /** Bumped by every write to the listener (when sent and when settled). */
  generation: number;
  inflight: Flight | undefined;
  /** The last listing that finished with its generation still current. */
  cached: { readonly generation: number; readonly at: number; readonly listing: Listing } | undefined;
}

/** Default reuse window in ms: long enough for one refresh round, short against out-of-band changes. */
export const DEFAULT_READ_REUSE_MS = 5000;

/** Process-wide read state, one entry per listener (module state, shared like the scheduler's; see scheduler.ts). */
export const readState: { readonly listeners: Map<string, ListenerReads>; calls: number; listings: number } = {
  listeners: new Map(),
  calls: 0,
  listings: 0,
};

/** How long a finished listing answers later reads: env `ALICLOUD_CERTS_GA_READ_REUSE_MS` (0: in-flight only). */
export function readReuseMs(): number {
  const raw = process.env["ALICLOUD_CERTS_GA_READ_REUSE_MS"];
  const value = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_READ_REUSE_MS;
}

function entry(acceleratorId: string, listenerId: string): ListenerReads {
  const key = `${acceleratorId}\n${listenerId}`;
  let reads = readState.listeners.get(key);
  if (reads === undefined) {
    reads = { generation: 0, inflight: undefined, cached: undefined };
    readState.listeners.set(key, reads);
  }
  return reads;
}

/** Record that a write to the listener is being sent or has ended: listings from before it are no longer used. */
export function noteWrite(acceleratorId: string, listenerId: string): void {
  const reads = entry(acceleratorId, listenerId);
  reads.generation++;
  reads.cached = undefined;
}

/**
 * Every additional binding of the listener, shared with concurrent reads (see the module comment). Throws what
 * {@link listBindings} throws, to every read that shared the listing.
 */
export function readListener(api: AlibabaApi, acceleratorId: string, listenerId: string): Promise<Listing> {
  const reads = entry(acceleratorId, listenerId);
  readState.calls++;
  const cached = reads.cached;
  if (cached !== undefined && cached.generation === reads.generation && Date.now() - cached.at < readReuseMs())
    return Promise.resolve(cached.listing);
  const inflight = reads.inflight;
  if (inflight !== undefined && (inflight.generation === undefined || inflight.generation === reads.generation))
    return inflight.result;
  const flight: Flight = { generation: undefined, result: Promise.resolve(new Map()) };
  flight.result = runFlight(api, reads, flight, acceleratorId, listenerId);
  reads.inflight = flight;
  return flight.result;
}

async function runFlight(
  api: AlibabaApi,
  reads: ListenerReads,
  flight: Flight,
  acceleratorId: string,
  listenerId: string,
): Promise<Listing> {
  try {
    // Always yields once, so `reads.inflight` is set before the generation is taken.
    await new Promise((resolve) => setTimeout(resolve, gatherMs()));
    const generation = reads.generation;
    flight.generation = generation;
    readState.listings++;
    const listing = await listBindings(api, acceleratorId, listenerId);
    if (reads.generation === generation) reads.cached = { generation, at: Date.now(), listing };
    return listing;
  } finally {
    if (reads.inflight === flight) reads.inflight = undefined;
  }
}
