/**
 * When the world records what each consumer serves (core/serving.ts keeps the timelines): after a tick that changed
 * something, and after anything else that may have changed what is served (a write, a control, a seed, a record).
 */
import type { Clock, ServiceContext, WorldState } from "../contract";
import type { ErasedService } from "../registry";
import { analyseServing, caIndex, observe, type CaIndex } from "../serving";
import type { ServingAnalysis, ServingObservation, ServingReport } from "../serving-types";

/** See the module comment. */
export class ServingObserver {
  /** Simulated time of the last serving observation that followed a tick (not persisted). */
  private lastObservedAt: number | undefined;
  /**
   * True when the state may have changed since the last serving observation other than through a tick (which
   * reports its own changes). Only then, or after a tick that changed something, does {@link afterTick} observe: an
   * observation of an unchanged state records nothing, and it costs O(consumers) on every call.
   */
  private stale = true;

  constructor(
    private readonly services: readonly ErasedService[],
    private readonly clock: Clock,
  ) {}

  /** The state may have changed other than through a tick. */
  markStale(): void {
    this.stale = true;
  }

  /** Every service was just ticked; `changed`: one of them changed something. */
  afterTick(world: WorldState, ctx: ServiceContext, changed: boolean): void {
    if (changed || this.stale) this.observe(world, ctx, true);
    // What observing the unchanged state would have done: nothing, except mark the moment as observed.
    else this.lastObservedAt = this.clock.now();
  }

  /**
   * Record in the serving timelines whatever each consumer serves now. `afterTick`: the services were ticked at this
   * simulated time, so every transition due by now is in the state; only such observations bound the `since` hints of
   * later ones (a look without a tick can miss a settled write).
   */
  observe(world: WorldState, ctx: ServiceContext, afterTick: boolean): void {
    const observations: ServingObservation[] = [];
    for (const s of this.services) {
      if (s.serving !== undefined) observations.push(...s.serving(world[s.product], ctx));
    }
    const memo: { index: CaIndex | undefined } = { index: undefined };
    const now = this.clock.now();
    observe(world.serving, observations, () => (memo.index ??= this.caIndex(world)), now, this.lastObservedAt);
    if (afterTick) this.lastObservedAt = now;
    this.stale = false;
  }

  /** `GET /__emulator/serving` of a world just ticked. */
  report(world: WorldState): ServingReport {
    return { now: this.clock.now(), consumers: Object.values(world.serving) };
  }

  /** `GET /__emulator/serving/analysis` of a world just ticked. */
  analysis(world: WorldState): ServingAnalysis {
    return analyseServing(world.serving, this.caIndex(world), this.clock.now());
  }

  /** Forget the history: every consumer starts a period at the next observation. */
  clear(world: WorldState): void {
    world.serving = {};
    this.stale = true;
  }

  private caIndex(world: WorldState): CaIndex {
    const records = this.services.flatMap((s) =>
      s.caCertificates === undefined ? [] : s.caCertificates(world[s.product]),
    );
    return caIndex(records);
  }
}
