/**
 * A sliding-window quota that can be inspected: how many starts the current window holds, when the next slot opens,
 * and how many callers wait for one. `RateLimiter` only blocks; a caller that must tell the user *why* it waits and
 * *until when* (ESA's 100 CreateCustomHostname calls per hour) needs these numbers, and must be able to give a slot
 * back when the API rejected the call (a rejected call does not count against the API's own quota).
 */
export interface QuotaState {
  /** Starts inside the current window. */
  readonly used: number;
  /** Starts allowed per window. */
  readonly limit: number;
  /** Epoch ms at which a slot opens (now when one is free). */
  readonly nextSlotAt: number;
  /** Epoch ms at which the oldest start in the window leaves it (now when there is none). */
  readonly oldestLeavesAt: number;
}

/** One sliding window of `limit` starts per `windowMs`, on an injectable clock. */
export class SlidingQuota {
  private starts: number[] = [];
  /** Set when the API itself said the quota is used up: no slot before this, whatever the local count says. */
  private blockedUntil = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The state at this moment. */
  state(): QuotaState {
    const now = this.now();
    this.starts = this.starts.filter((t) => now - t < this.windowMs);
    const full = this.starts.length >= this.limit;
    const localNext = full ? (this.starts[this.starts.length - this.limit] ?? now) + this.windowMs : now;
    return {
      used: this.starts.length,
      limit: this.limit,
      nextSlotAt: Math.max(localNext, this.blockedUntil, now),
      oldestLeavesAt: this.starts[0] === undefined ? now : this.starts[0] + this.windowMs,
    };
  }

  /** Take a slot if one is free now; returns the start's token (to give it back), or `undefined`. */
  tryTake(): number | undefined {
    const state = this.state();
    if (state.nextSlotAt > this.now()) return undefined;
    const at = this.now();
    this.starts.push(at);
    return at;
  }

  /** Give back the slot taken at `token`: the call it was for was rejected, so it used none of the API's quota. */
  giveBack(token: number): void {
    const index = this.starts.lastIndexOf(token);
    if (index >= 0) this.starts.splice(index, 1);
  }

  /** The API said the quota is used up: hand out no slot until `until`. */
  blockUntil(until: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, until);
  }
}
