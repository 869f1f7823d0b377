/** The access keys the emulator accepts, by access key id. Every key sees the same world. */
import type { Credential } from "../auth";

/** See the module comment. Seeds merge keys by id; a reset or a loaded state file replaces them all. */
export class CredentialStore {
  private readonly byId = new Map<string, Credential>();

  /** An accepted access key. */
  find(accessKeyId: string): Credential | undefined {
    return this.byId.get(accessKeyId);
  }

  /** The first accepted access key (the one `RunningEmulator` reports). */
  first(): Credential | undefined {
    return this.byId.values().next().value;
  }

  /** Add keys, each copied; a key with a known id replaces the old one. */
  add(credentials: readonly Credential[]): void {
    for (const c of credentials) this.byId.set(c.accessKeyId, { ...c });
  }

  /** Forget every key and accept these (a loaded state file's, kept as they were read). */
  replaceAll(credentials: readonly Credential[]): void {
    this.byId.clear();
    for (const c of credentials) this.byId.set(c.accessKeyId, c);
  }

  /** Forget every key. */
  clear(): void {
    this.byId.clear();
  }

  /** Copies of every key, in the order they were first accepted (the state file keeps them so). */
  list(): Credential[] {
    return [...this.byId.values()].map((c) => ({ ...c }));
  }

  /** The keys as they are now, for {@link restore}. */
  snapshot(): readonly Credential[] {
    return [...this.byId.values()];
  }

  /** Go back to a {@link snapshot} (a seed that failed halfway adds no key). */
  restore(snapshot: readonly Credential[]): void {
    this.replaceAll(snapshot);
  }
}
