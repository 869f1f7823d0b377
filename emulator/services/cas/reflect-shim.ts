/**
 * Side-effect module: a minimal Reflect metadata polyfill, installed only when none is present. @peculiar/x509 loads
 * tsyringe, which throws at load time without `Reflect.getMetadata`, and `reflect-metadata` is not a dependency of
 * this package. tsyringe only needs define/get (own and inherited) lookups, which is all this provides. Import it
 * before "@peculiar/x509".
 */

type MetadataStore = WeakMap<object, Map<unknown, unknown>>;

function install(): void {
  const reflect = Reflect as unknown as Record<string, unknown>;
  if (typeof reflect["getMetadata"] === "function") return;
  const store: MetadataStore = new WeakMap();
  const own = (target: object): Map<unknown, unknown> => {
    let map = store.get(target);
    if (map === undefined) {
      map = new Map();
      store.set(target, map);
    }
    return map;
  };
  const lookup = (key: unknown, target: object | null): unknown => {
    for (let t = target; t !== null; t = Object.getPrototypeOf(t) as object | null) {
      const map = store.get(t);
      if (map?.has(key) === true) return map.get(key);
    }
    return undefined;
  };
  reflect["defineMetadata"] = (key: unknown, value: unknown, target: object) => void own(target).set(key, value);
  reflect["metadata"] = (key: unknown, value: unknown) => (target: object) => void own(target).set(key, value);
  reflect["getOwnMetadata"] = (key: unknown, target: object) => store.get(target)?.get(key);
  reflect["hasOwnMetadata"] = (key: unknown, target: object) => store.get(target)?.has(key) ?? false;
  reflect["getMetadata"] = lookup;
  reflect["hasMetadata"] = (key: unknown, target: object) => lookup(key, target) !== undefined;
}

install();

// A module, not a script: its declarations must not land in the global scope.
export {};
