/**
 * The first successful reply of each ClientToken call, by product, action and token (docs/emulator.md §7.5): a later
 * call with the same three gets it back without running again. Failed calls are not kept, so they can be retried.
 */
import type { Product } from "../contract";

/** One stored reply as the state file keeps it: `key` is `product\naction\ntoken`. */
export interface StoredReply {
  key: string;
  body: Record<string, unknown>;
}

function keyOf(product: Product, action: string, token: string): string {
  return `${product}\n${action}\n${token}`;
}

/** See the module comment. */
export class ClientTokenReplies {
  private readonly byKey = new Map<string, Record<string, unknown>>();

  /** The stored first reply to a ClientToken call. */
  replayFor(product: Product, action: string, token: string): Record<string, unknown> | undefined {
    return this.byKey.get(keyOf(product, action, token));
  }

  /** Remember the first successful reply to a ClientToken call (a later one never replaces it). */
  remember(product: Product, action: string, token: string, body: Record<string, unknown>): void {
    const key = keyOf(product, action, token);
    if (!this.byKey.has(key)) this.byKey.set(key, body);
  }

  /** Forget every reply. */
  clear(): void {
    this.byKey.clear();
  }

  /** Every stored reply, oldest first, for the state file. */
  entries(): StoredReply[] {
    return [...this.byKey].map(([key, body]) => ({ key, body }));
  }

  /** Replace every reply with a state file's. */
  load(replies: readonly StoredReply[]): void {
    this.byKey.clear();
    for (const { key, body } of replies) this.byKey.set(key, body);
  }
}
