/**
 * When a wait polls. Two schedules, both pure functions of the time already spent in *this* wait, so nothing
 * carries over from an earlier wait:
 *
 * - `elapsed` (the default): polls at fixed offsets from the start of the wait, each gap
 *   `max(2 × minDelayMs, 20 % of the time already waited)`. A transition that happens at a uniformly random moment
 *   inside a gap is seen half a gap later on average, so the mean lag is `max(minDelayMs, 10 % of the time waited)`:
 *   with the default `minDelayMs` of 2 s that is issue 13's "max(2 s, 10 %)", read as a mean. The worst case is a
 *   whole gap, 20 % (about twice the mean). A 10-minute wait polls 25 times (6 in the first 20 s, then 19 gaps that
 *   grow 20 % each); polling often enough to keep the *worst* case at 10 % would take about 46.
 * - `backoff` (the schedule before issue 13, kept for comparison and for callers that want it): pauses that double
 *   from `minDelayMs` up to `maxDelayMs`, half fixed, half random.
 *
 * Offsets are computed on a grid, and jitter only moves a poll earlier inside its own gap (by up to 10 % of the
 * gap), so jitter never compounds and the poll count of a wait does not depend on the random draws.
 */

/** Which schedule a wait uses; see the module comment. */
export type PollScheduleKind = "elapsed" | "backoff";

/** Share of the time already waited that one gap of the `elapsed` schedule spans. */
export const ELAPSED_GAP_RATIO = 0.2;
/** Largest share of a gap by which jitter moves a poll of the `elapsed` schedule earlier. */
export const ELAPSED_JITTER_RATIO = 0.1;

/** Settings a schedule reads. */
export interface PollScheduleSettings {
  /** `elapsed`: the mean-lag floor (first gaps are twice this); `backoff`: the first pause. */
  readonly minDelayMs: number;
  /** `backoff` only: the longest pause. */
  readonly maxDelayMs: number;
  /** Random source in [0, 1). */
  readonly random: () => number;
}

/** Decides the pause before each next poll of one wait. */
export interface PollSchedule {
  /** The pause (ms) before the next poll, given the time (ms) already spent in this wait. */
  nextPause(elapsedMs: number): number;
}

/** The `elapsed` schedule: see the module comment. */
export function elapsedSchedule(settings: PollScheduleSettings): PollSchedule {
  const floor = 2 * settings.minDelayMs;
  // The grid point of the last poll's slot and the one before it (offsets from the start of the wait).
  const grid = { previous: 0, next: 0 };
  return {
    nextPause(elapsedMs: number): number {
      // The poll just made used its slot (jitter may have made it early, so `elapsedMs` can still be inside it);
      // skip further slots too when a slow poll ran past them.
      do {
        grid.previous = grid.next;
        grid.next += Math.max(floor, ELAPSED_GAP_RATIO * grid.next);
      } while (grid.next <= elapsedMs);
      const early = settings.random() * ELAPSED_JITTER_RATIO * (grid.next - grid.previous);
      const target = Math.max(grid.next - early, elapsedMs);
      return target - elapsedMs;
    },
  };
}

/** The `backoff` schedule: see the module comment. */
export function backoffSchedule(settings: PollScheduleSettings): PollSchedule {
  const state = { ceiling: settings.minDelayMs };
  return {
    nextPause(): number {
      const pause = state.ceiling / 2 + settings.random() * (state.ceiling / 2);
      state.ceiling = Math.min(state.ceiling * 2, settings.maxDelayMs);
      return pause;
    },
  };
}

/** The schedule of one kind. */
export function pollSchedule(kind: PollScheduleKind, settings: PollScheduleSettings): PollSchedule {
  return kind === "backoff" ? backoffSchedule(settings) : elapsedSchedule(settings);
}
