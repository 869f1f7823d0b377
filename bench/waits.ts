/**
 * Scenario 4: how late a wait notices a transition, and how many polls it spends, for waits of 5 s, 60 s and
 * 10 minutes, under the waiter's schedule (`elapsed`, issue 13) and the schedule before it (`backoff`) as the
 * baseline, in the same run. Both go through the package's own `waitUntil` on a simulated clock
 * (@sinonjs/fake-timers), with the poll pacing the package uses against the real service (`pollDelays()` without
 * the emulator overrides), and a poll that answers instantly.
 *
 * A "wait of W" is a transition at a moment T drawn evenly from [0.8 W, 1.2 W] (so the figures do not depend on
 * where exactly W falls between two polls), with seeded jitter. Lag is the time from T to the poll that sees it.
 */
import FakeTimers from "@sinonjs/fake-timers";
import { waitUntil } from "../provider/util/waiter";
import type { PollScheduleKind } from "../provider/util/poll-schedule";

/** Nominal wait lengths (ms). */
export const WAIT_LENGTHS_MS = [5_000, 60_000, 600_000] as const;
/** Transition moments sampled per wait length. */
const SAMPLES = 201;

/** Figures for one wait length under one schedule. */
export interface WaitFigures {
  readonly waitMs: number;
  readonly schedule: PollScheduleKind;
  readonly meanLagMs: number;
  readonly worstLagMs: number;
  /** Mean of lag ÷ max(minDelayMs, 10 % of T): at most 1 meets issue 13's target read as a mean. */
  readonly meanLagOverTarget: number;
  readonly meanPolls: number;
  readonly maxPolls: number;
}

/** A small seeded generator (mulberry32), so runs are reproducible. */
function seeded(seed: number): () => number {
  const state = { a: seed >>> 0 };
  return () => {
    state.a = (state.a + 0x6d2b79f5) >>> 0;
    let t = state.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function oneWait(
  clock: FakeTimers.Clock,
  transitionMs: number,
  schedule: PollScheduleKind,
  delays: { minDelayMs: number; maxDelayMs: number },
  random: () => number,
): Promise<{ lagMs: number; polls: number }> {
  const started = Date.now();
  const seen = { polls: 0, at: 0 };
  const done = waitUntil(
    async () => {
      seen.polls++;
      seen.at = Date.now() - started;
      return seen.at >= transitionMs;
    },
    (ready) => (ready ? { state: "success", value: true } : { state: "retry" }),
    { ...delays, timeoutMs: 3 * transitionMs + 60_000, description: "bench", schedule, random },
  );
  await clock.runAllAsync();
  await done;
  return { lagMs: seen.at - transitionMs, polls: seen.polls };
}

/** Measure every wait length under both schedules. */
export async function measureWaits(delays: { minDelayMs: number; maxDelayMs: number }): Promise<WaitFigures[]> {
  const clock = FakeTimers.install({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  try {
    const out: WaitFigures[] = [];
    for (const waitMs of WAIT_LENGTHS_MS) {
      for (const schedule of ["elapsed", "backoff"] as const) {
        const random = seeded(waitMs);
        const lags: number[] = [];
        const polls: number[] = [];
        let ratio = 0;
        for (let i = 0; i < SAMPLES; i++) {
          const t = waitMs * (0.8 + (0.4 * i) / (SAMPLES - 1));
          const r = await oneWait(clock, t, schedule, delays, random);
          lags.push(r.lagMs);
          polls.push(r.polls);
          ratio += r.lagMs / Math.max(delays.minDelayMs, 0.1 * t);
        }
        out.push({
          waitMs,
          schedule,
          meanLagMs: lags.reduce((a, b) => a + b, 0) / SAMPLES,
          worstLagMs: Math.max(...lags),
          meanLagOverTarget: ratio / SAMPLES,
          meanPolls: polls.reduce((a, b) => a + b, 0) / SAMPLES,
          maxPolls: Math.max(...polls),
        });
      }
    }
    return out;
  } finally {
    clock.uninstall();
  }
}

function label(ms: number): string {
  return ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}

/** The Markdown table of {@link measureWaits}. */
export function waitsTable(figures: readonly WaitFigures[]): string {
  const rows = figures.map((f) =>
    [
      label(f.waitMs),
      f.schedule === "elapsed" ? "elapsed (ours)" : "backoff (before, baseline)",
      `${(f.meanLagMs / 1000).toFixed(1)} s`,
      `${(f.worstLagMs / 1000).toFixed(1)} s`,
      f.meanLagOverTarget.toFixed(2),
      f.meanPolls.toFixed(1),
      f.maxPolls,
    ].join(" | "),
  );
  return [
    "| Wait | Schedule | Mean lag | Worst lag | Mean lag ÷ target | Polls (mean) | Polls (max) |",
    "|--:|---|--:|--:|--:|--:|--:|",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}
