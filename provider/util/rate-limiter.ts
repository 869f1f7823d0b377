/**
 * A sliding-window rate limiter per key (e.g. per API action): at most `limit` starts per `windowMs`. Callers await
 * `acquire(key)`, which resolves when a slot is free. Used to stay under documented per-user limits (ESA
 * CreateCustomHostname: 100 per hour; CAS ListUserCertificateOrder: 10 QPS) instead of hitting throttling errors.
 */
export class RateLimiter {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly limits: Readonly<Record<string, { readonly limit: number; readonly windowMs: number }>>,
    // Looked up on every call (not captured): the clock and the sleep then always agree, fake timers included.
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Wait for a slot for `key`; keys without a configured limit pass immediately. Returns the ms waited. */
  async acquire(key: string): Promise<number> {
    const rule = this.limits[key];
    if (rule === undefined) return 0;
    let waited = 0;
    for (;;) {
      const now = this.now();
      const recent = (this.starts.get(key) ?? []).filter((t) => now - t < rule.windowMs);
      if (recent.length < rule.limit) {
        recent.push(now);
        this.starts.set(key, recent);
        return waited;
      }
      const pause = rule.windowMs - (now - (recent[0] ?? now));
      waited += pause;
      await this.sleep(pause);
    }
  }
}
