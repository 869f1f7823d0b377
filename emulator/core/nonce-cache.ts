/**
 * Signature nonces seen within the replay window. Alibaba rejects a nonce reused within 15 minutes; older entries
 * are dropped because the timestamp check already rejects requests that old.
 */
export class NonceCache {
  /** key → real expiry time (ms); Map keeps insertion order, which is (nearly) expiry order. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /** Record `key` and return true, or return false when it was already used inside the window. */
  claim(key: string, now: number): boolean {
    this.prune(now);
    const expiry = this.seen.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.seen.set(key, now + this.ttlMs);
    return true;
  }

  private prune(now: number): void {
    for (const [key, expiry] of this.seen) {
      if (expiry > now) break;
      this.seen.delete(key);
    }
  }
}
