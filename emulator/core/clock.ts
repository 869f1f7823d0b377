import { ApiError, type Clock } from "./contract";

/** What the state file keeps of the clock, so a reloaded emulator continues where it stopped. */
export interface ClockSnapshot {
  /** Simulated epoch milliseconds at the time of the snapshot. */
  now: number;
  speed: number;
}

/**
 * Simulated time: `now = base + (real elapsed since base) × speed`, where a manual advance or a speed change moves
 * the base. Speed 0 freezes time (tests that want full control advance it by hand).
 */
export class SimulatedClock implements Clock {
  private baseSim: number;
  private baseReal: number;
  private currentSpeed: number;

  /** @param realNow the real wall clock (injectable for tests). */
  constructor(
    private readonly realNow: () => number,
    start: ClockSnapshot,
  ) {
    SimulatedClock.checkSpeed(start.speed);
    this.baseSim = start.now;
    this.baseReal = realNow();
    this.currentSpeed = start.speed;
  }

  /** Simulated epoch milliseconds (integer). */
  now(): number {
    return Math.floor(this.baseSim + (this.realNow() - this.baseReal) * this.currentSpeed);
  }

  /** The current multiplier of real time. */
  get speed(): number {
    return this.currentSpeed;
  }

  /** Change the multiplier from now on; time already elapsed keeps the old rate. */
  setSpeed(speed: number): void {
    SimulatedClock.checkSpeed(speed);
    this.rebase();
    this.currentSpeed = speed;
  }

  /** Jump forward by `ms` simulated milliseconds (never backwards: services assume time is monotonic). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new ApiError(400, "InvalidControlInput", "ms must be a number >= 0.");
    this.baseSim += ms;
  }

  /** The state to persist. */
  snapshot(): ClockSnapshot {
    return { now: this.now(), speed: this.currentSpeed };
  }

  private rebase(): void {
    this.baseSim = this.now();
    this.baseReal = this.realNow();
  }

  private static checkSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed < 0) {
      throw new ApiError(400, "InvalidControlInput", "speed must be a finite number >= 0.");
    }
  }
}
