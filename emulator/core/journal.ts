/**
 * The undo journal a write runs under, so that a failed write leaves its product slice exactly as it was while the
 * rollback copy costs what the write touches, not what the slice holds. A full copy per write (what
 * `structuredClone` did) makes every CreateCustomHostname and DeleteCustomHostname O(hostnames), and a run of N
 * writes O(N²): at 300 hostnames it was most of the emulator's time in a `pulumi destroy`.
 *
 * The handler sees the slice through proxies. Before the first change to an object (a property set, defined or
 * deleted), the journal keeps a shallow copy of it; a rollback puts every changed object back from its copy, in
 * place, so references held elsewhere in the slice stay valid and key order is as before. Values stored into the
 * slice are unwrapped first, so no proxy outlives the write. The slice is plain JSON data (see contract.ts), which is
 * what this relies on: no getters, setters, Maps or class instances.
 */

/** Own enumerable properties of a plain object, or the elements of an array, as they were before a change. */
type Saved =
  | { readonly kind: "array"; readonly items: unknown[] }
  | { readonly kind: "object"; readonly entries: [string, unknown][] };

/** One write's journal: {@link view} the slice, then {@link rollback} if the write fails. */
export class Journal {
  private readonly proxies = new WeakMap<object, object>();
  private readonly targets = new WeakMap<object, object>();
  private readonly saved = new Map<object, Saved>();
  private readonly handler: ProxyHandler<object>;

  constructor() {
    this.handler = {
      get: (target, key, receiver) => {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== "object" || value === null) return value;
        // A proxy must hand back a frozen property's value unchanged; nothing in a slice is frozen, but stay legal.
        const own = Reflect.getOwnPropertyDescriptor(target, key);
        if (own !== undefined && own.configurable === false && own.writable === false) return value;
        return this.view(value);
      },
      set: (target, key, value) => {
        this.save(target);
        return Reflect.set(target, key, this.unwrap(value));
      },
      defineProperty: (target, key, descriptor) => {
        this.save(target);
        const unwrapped = "value" in descriptor ? { ...descriptor, value: this.unwrap(descriptor.value) } : descriptor;
        return Reflect.defineProperty(target, key, unwrapped);
      },
      deleteProperty: (target, key) => {
        this.save(target);
        return Reflect.deleteProperty(target, key);
      },
    };
  }

  /** `value` as the write sees it: objects through a recording proxy (the same proxy for the same object). */
  view<T>(value: T): T {
    if (typeof value !== "object" || value === null || this.targets.has(value)) return value;
    let proxy = this.proxies.get(value);
    if (proxy === undefined) {
      proxy = new Proxy(value, this.handler);
      this.proxies.set(value, proxy);
      this.targets.set(proxy, value);
    }
    return proxy as T;
  }

  /**
   * `value` with every proxy of this journal replaced by its object, for storing into the slice or returning to the
   * pipeline. New objects (a spread of a proxied hostname, an array a proxied array's `filter` made) are fixed in
   * place; objects of the slice itself are left alone, as they cannot hold proxies.
   */
  unwrap<T>(value: T, seen = new Set<object>()): T {
    if (typeof value !== "object" || value === null) return value;
    const target = this.targets.get(value);
    if (target !== undefined) return target as T;
    if (this.proxies.has(value) || seen.has(value)) return value;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const inner = record[key];
      const unwrapped = this.unwrap(inner, seen);
      if (unwrapped !== inner) record[key] = unwrapped;
    }
    return value;
  }

  /** Put every object the write changed back as it was before the write. */
  rollback(): void {
    for (const [target, saved] of this.saved) {
      if (saved.kind === "array") {
        const array = target as unknown[];
        array.length = 0;
        array.push(...saved.items);
        continue;
      }
      const record = target as Record<string, unknown>;
      for (const key of Object.keys(record)) delete record[key];
      for (const [key, value] of saved.entries) record[key] = value;
    }
    this.saved.clear();
  }

  /** How many objects the write changed (for tests: a write's cost follows this, not the slice's size). */
  get changedObjects(): number {
    return this.saved.size;
  }

  private save(target: object): void {
    if (this.saved.has(target)) return;
    this.saved.set(
      target,
      Array.isArray(target)
        ? { kind: "array", items: [...(target as unknown[])] }
        : { kind: "object", entries: Object.entries(target) },
    );
  }
}
