import { Mutex } from "async-mutex";

/**
 * One mutex per key (e.g. per GA accelerator), created on first use and dropped when idle. `async-mutex` is a
 * maintained, dependency-free implementation with FIFO fairness; we only add the per-key map.
 */
export class KeyedMutex {
  private readonly mutexes = new Map<string, { mutex: Mutex; users: number }>();

  /** Run `task` while holding the lock for `key`; tasks for other keys run concurrently. */
  async runExclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    let entry = this.mutexes.get(key);
    if (entry === undefined) {
      entry = { mutex: new Mutex(), users: 0 };
      this.mutexes.set(key, entry);
    }
    entry.users++;
    try {
      return await entry.mutex.runExclusive(task);
    } finally {
      entry.users--;
      if (entry.users === 0) this.mutexes.delete(key);
    }
  }

  /** Number of keys with a holder or waiters (for tests). */
  get activeKeys(): number {
    return this.mutexes.size;
  }
}
