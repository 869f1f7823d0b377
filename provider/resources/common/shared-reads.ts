/**
 * Listings shared by the concurrent reads of one provider host process. Pulumi refreshes every resource at once, and
 * many resources may need the same listing (a GA listener's bindings, an ESA site's hostnames), so reads of one key
 * share one fetch:
 *
 * 1. A read first takes a listing of the current generation (see below) finished at most `reuseMs` ago, then joins
 *    one in flight, and only then starts one after the gather window (`gatherMs`), which every read arriving
 *    meanwhile joins.
 * 2. So one fetch per key per refresh round, for any number of resources.
 *
 * Never stale after our own write: every write to a key bumps its generation (`noteWrite`, called when the write is
 * sent and again when it has settled or failed). A listing is only joined or reused while its generation is
 * current, and the generation is taken when the fetch starts, so a read that begins after a write began (or ended)
 * always gets a listing fetched after that point. Writes by other processes (other stacks, the console) can be up to
 * `reuseMs` older than the read, the same bound as a read that had simply been scheduled that much earlier; each
 * `pulumi` command starts a new provider host, so nothing is reused across commands.
 */

/** The two windows, read at call time (they come from the environment). */
export interface SharedReadWindows {
  /** How long a read waits for others to join before the fetch starts. */
  gatherMs(): number;
  /** How long a finished listing answers later reads (0: only reads that joined its flight). */
  reuseMs(): number;
}

/** A listing being fetched; `generation` is set when the fetch starts. */
interface Flight {
  generation: number | undefined;
  /** Reads sharing this flight so far (the fetch may use it to decide how much to fetch). */
  sharing: number;
}

/** The shared-read state of one key. */
export interface KeyReads<T> {
  /** Bumped by every write to the key (when sent and when settled). */
  generation: number;
  inflight: { readonly flight: Flight; readonly result: Promise<T> } | undefined;
  /** The last listing that finished with its generation still current. */
  cached: { readonly generation: number; readonly at: number; readonly value: T } | undefined;
}

/** See the module comment. One instance per kind of listing, held as module state of the host process. */
export class SharedReads<T> {
  /** Per key; `clear()` it to forget everything (tests and benchmarks start each run from nothing). */
  readonly keys = new Map<string, KeyReads<T>>();

  constructor(private readonly windows: SharedReadWindows) {}

  /** Record that a write to `key` is being sent or has ended: listings from before it are no longer used. */
  noteWrite(key: string): void {
    const reads = this.entry(key);
    reads.generation++;
    reads.cached = undefined;
  }

  /**
   * The listing of `key`, shared with concurrent reads. `fetch` runs at most once per flight and receives how many
   * reads share the flight so far; what it throws reaches every read that shared it.
   */
  read(key: string, fetch: (sharing: () => number) => Promise<T>): Promise<T> {
    const reads = this.entry(key);
    const cached = reads.cached;
    if (
      cached !== undefined &&
      cached.generation === reads.generation &&
      Date.now() - cached.at < this.windows.reuseMs()
    )
      return Promise.resolve(cached.value);
    const inflight = reads.inflight;
    const joinable = inflight?.flight.generation === undefined || inflight.flight.generation === reads.generation;
    if (inflight !== undefined && joinable) {
      inflight.flight.sharing++;
      return inflight.result;
    }
    const flight: Flight = { generation: undefined, sharing: 1 };
    const result = this.fly(reads, flight, fetch);
    reads.inflight = { flight, result };
    return result;
  }

  private async fly(reads: KeyReads<T>, flight: Flight, fetch: (sharing: () => number) => Promise<T>): Promise<T> {
    try {
      // Always yields once, so `reads.inflight` is set before the generation is taken.
      await new Promise((resolve) => setTimeout(resolve, this.windows.gatherMs()));
      const generation = reads.generation;
      flight.generation = generation;
      const value = await fetch(() => flight.sharing);
      if (reads.generation === generation) reads.cached = { generation, at: Date.now(), value };
      return value;
    } finally {
      if (reads.inflight?.flight === flight) reads.inflight = undefined;
    }
  }

  private entry(key: string): KeyReads<T> {
    let reads = this.keys.get(key);
    if (reads === undefined) {
      reads = { generation: 0, inflight: undefined, cached: undefined };
      this.keys.set(key, reads);
    }
    return reads;
  }
}
