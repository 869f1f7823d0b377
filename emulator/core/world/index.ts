/**
 * The world: every service's state slice, published records, id sequences, credentials and ClientToken replies,
 * plus the {@link ServiceContext} handed to services.
 */
import type { Credential } from "../auth";
import type { CaScheduleEntry } from "../ca-schedule";
import type { SimulatedClock } from "../clock";
import {
  API_VERSIONS,
  ApiError,
  type EmulatorSeed,
  type EmulatorTimings,
  type Product,
  type PublishedRecord,
  type ServiceContext,
  type WorldState,
} from "../contract";
import { cnameConflict, DnsView, type DnsAnswer } from "../dns";
import { Journal } from "../journal";
import { controlError, isRecord } from "../json";
import type { PersistedState } from "./persistence";
import { recordMatches, type RecordSelector } from "./records";
import type { ErasedService } from "../registry";
import { analyseServing, caIndex, observe, type CaIndex } from "../serving";
import type { ServingAnalysis, ServingObservation, ServingReport } from "../serving-types";

/** A fresh world with no objects. */
function emptyWorld(services: readonly ErasedService[]): WorldState {
  const world: WorldState = { esa: null, cas: null, ga: null, records: [], sequences: {}, serving: {} };
  for (const service of services) world[service.product] = service.emptyState();
  return world;
}

/** Run a service hook, turning its plain errors into a 400 (a bad seed or control body is the caller's fault). */
function asControlCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw controlError(err instanceof Error ? err.message : String(err));
  }
}

/** See the module comment. */
export class World {
  state: WorldState;
  private readonly credentials = new Map<string, Credential>();
  private readonly clientTokens = new Map<string, Record<string, unknown>>();
  private readonly byProduct = new Map<Product, ErasedService>();
  /** Simulated time of the last serving observation that followed a tick (not persisted). */
  private lastObservedAt: number | undefined;
  /**
   * True when the state may have changed since the last serving observation other than through a tick (which
   * reports its own changes): a write, a control, a seed, a record. Only then, or after a tick that changed
   * something, does {@link tickAll} observe: an observation of an unchanged state records nothing, and it costs
   * O(consumers) on every call.
   */
  private servingStale = true;
  /** The DNS view of `state.records`, with the array and length it was built from (publish appends, the rest replace). */
  private dns: { of: readonly PublishedRecord[]; length: number; view: DnsView } | undefined;
  /** How many DNS views were built: the {@link PublishedRecords.version} of the current one. */
  private dnsViews = 0;
  readonly context: ServiceContext;

  constructor(
    readonly services: readonly ErasedService[],
    readonly clock: SimulatedClock,
    tunables: { readonly timings: EmulatorTimings; readonly caSchedule: readonly CaScheduleEntry[] },
    /** Prove every {@link World.read} leaves the state as it found it (the `verifyReads` option). */
    private readonly verifyReads = false,
  ) {
    for (const s of services) this.byProduct.set(s.product, s);
    const dnsVersion = (): number => this.dnsView().version;
    this.state = emptyWorld(services);
    this.context = {
      clock,
      timings: Object.freeze({ ...tunables.timings }),
      caSchedule: Object.freeze(tunables.caSchedule.map((entry) => Object.freeze({ ...entry }))),
      records: {
        has: (kind, name, type, value) =>
          kind === "dns"
            ? this.dnsView().shows(name, type, value)
            : this.state.records.some((r) => recordMatches(r, { kind, name, type: type.toUpperCase(), value })),
        get version() {
          return dnsVersion();
        },
      },
      lookup: { casCertificateExists: (certId) => this.casCertificateExists(certId) },
      nextId: (sequence) => {
        const next = (this.state.sequences[sequence] ?? 0) + 1;
        this.state.sequences[sequence] = next;
        return String(next);
      },
    };
  }

  /** The registered products. */
  get products(): Product[] {
    return this.services.map((s) => s.product);
  }

  /** The service for `product`, if registered. */
  service(product: Product): ErasedService | undefined {
    return this.byProduct.get(product);
  }

  /** The registered service whose API version is `version`. */
  serviceForVersion(version: string): ErasedService | undefined {
    return this.services.find((s) => API_VERSIONS[s.product] === version);
  }

  /** An accepted access key. */
  findCredential(accessKeyId: string): Credential | undefined {
    return this.credentials.get(accessKeyId);
  }

  /** The first accepted access key (the one {@link RunningEmulator} reports). */
  firstCredential(): Credential | undefined {
    return this.credentials.values().next().value;
  }

  /** Advance every service's time-driven state machines (cross-service reads then see a consistent world). */
  tickAll(): void {
    let changed = false;
    for (const s of this.services) if (s.tick(this.state[s.product], this.context)) changed = true;
    if (changed || this.servingStale) this.observeServing(true);
    // What observing the unchanged state would have done: nothing, except mark the moment as observed.
    else this.lastObservedAt = this.clock.now();
  }

  /**
   * Record in the serving timelines whatever each consumer serves now (see core/serving.ts). `afterTick`: the
   * services were ticked at this simulated time, so every transition due by now is in the state; only such
   * observations bound the `since` hints of later ones (a look without a tick can miss a settled write).
   */
  observeServing(afterTick: boolean): void {
    const observations: ServingObservation[] = [];
    for (const s of this.services) {
      if (s.serving !== undefined) observations.push(...s.serving(this.state[s.product], this.context));
    }
    const memo: { index: CaIndex | undefined } = { index: undefined };
    const now = this.clock.now();
    observe(this.state.serving, observations, () => (memo.index ??= this.caIndex()), now, this.lastObservedAt);
    if (afterTick) this.lastObservedAt = now;
    this.servingStale = false;
  }

  /** The DNS view of the published records, rebuilt only when they changed. */
  private dnsView(): DnsView {
    const records = this.state.records;
    if (this.dns?.of !== records || this.dns.length !== records.length)
      this.dns = { of: records, length: records.length, view: new DnsView(records, ++this.dnsViews) };
    return this.dns.view;
  }

  /** `GET /__emulator/serving`. */
  servingReport(): ServingReport {
    this.tickAll();
    return { now: this.clock.now(), consumers: Object.values(this.state.serving) };
  }

  /** `GET /__emulator/serving/analysis`. */
  servingAnalysis(): ServingAnalysis {
    this.tickAll();
    return analyseServing(this.state.serving, this.caIndex(), this.clock.now());
  }

  /** `DELETE /__emulator/serving`: forget the history; every consumer starts a period from now. */
  clearServing(): void {
    this.state.serving = {};
    this.servingStale = true;
    this.tickAll();
  }

  private caIndex(): CaIndex {
    const records = this.services.flatMap((s) =>
      s.caCertificates === undefined ? [] : s.caCertificates(this.state[s.product]),
    );
    return caIndex(records);
  }

  /**
   * Merge a validated seed: credentials by access key id, then each present product section, in registry order (CAS
   * before GA, so GA seeds can refer to seeded certificates). All or nothing: a section a service rejects leaves the
   * world as it was.
   */
  applySeed(seed: EmulatorSeed): void {
    for (const product of Object.keys(API_VERSIONS) as Product[]) {
      if (seed[product] !== undefined && !this.byProduct.has(product)) {
        throw controlError(`The emulator has no "${product}" service to seed.`);
      }
    }
    this.servingStale = true;
    const state = structuredClone(this.state);
    const credentials = new Map(this.credentials);
    try {
      for (const c of seed.credentials ?? []) this.credentials.set(c.accessKeyId, { ...c });
      for (const service of this.services) {
        const section = seed[service.product];
        if (section !== undefined) {
          asControlCall(() => service.applySeed(this.state[service.product], section, this.context));
        }
      }
    } catch (err) {
      this.state = state;
      this.credentials.clear();
      for (const [id, c] of credentials) this.credentials.set(id, c);
      throw err;
    }
  }

  /** Forget everything and apply `seed`. */
  resetTo(seed: EmulatorSeed): void {
    this.state = emptyWorld(this.services);
    this.servingStale = true;
    this.credentials.clear();
    this.clientTokens.clear();
    this.applySeed(seed);
  }

  /** The stored first reply to a ClientToken call. */
  replayFor(product: Product, action: string, token: string): Record<string, unknown> | undefined {
    return this.clientTokens.get(`${product}\n${action}\n${token}`);
  }

  /** Remember the first successful reply to a ClientToken call. */
  rememberReply(product: Product, action: string, token: string, body: Record<string, unknown>): void {
    const key = `${product}\n${action}\n${token}`;
    if (!this.clientTokens.has(key)) this.clientTokens.set(key, body);
  }

  /** Resolve a name in the emulator's public DNS (TXT and other types follow CNAMEs; see core/dns.ts). */
  resolveDns(name: string, type: string): DnsAnswer {
    return this.dnsView().resolve(name, type);
  }

  /** True when `name` exists in the emulator's public DNS (it, or a name below it, holds a record). */
  dnsNameExists(name: string): boolean {
    return this.dnsView().exists(name);
  }

  /** Publish a record (publishing the same record twice keeps one; a CNAME shares its name with nothing else). */
  publish(record: PublishedRecord): void {
    const conflict = cnameConflict(this.state.records, record);
    if (conflict !== undefined) throw controlError(conflict);
    const exists = this.state.records.some((r) =>
      recordMatches(r, { kind: record.kind, name: record.name, type: record.type, value: record.value }),
    );
    if (!exists) this.state.records.push({ ...record });
    this.servingStale = true;
  }

  /** Remove the selected records; returns how many were removed. */
  unpublish(selector: RecordSelector): number {
    const before = this.state.records.length;
    this.state.records = this.state.records.filter((r) => !recordMatches(r, selector));
    this.servingStale = true;
    return before - this.state.records.length;
  }

  /**
   * Run a write on its product slice; if it throws, the slice and the sequences go back to what they were. `fn` gets
   * the slice through an undo {@link Journal}, so the rollback copy costs what the write changes, not the slice's
   * size, and the reply it returns holds no proxy.
   */
  transaction<T>(product: Product, fn: (slice: unknown) => T): T {
    this.servingStale = true;
    const journal = new Journal();
    const sequences = { ...this.state.sequences };
    try {
      return journal.unwrap(fn(journal.view(this.state[product])));
    } catch (err) {
      journal.rollback();
      this.state.sequences = sequences;
      throw err;
    }
  }

  /**
   * Run a read-only action's handler (`write: false`). Nothing is cloned, as nothing can need rolling back: a copy
   * per call would cost O(objects) on every Get. With `verifyReads` a handler that changed the world is an internal
   * error, so a read that writes cannot hide behind the missing rollback.
   */
  read<T>(product: Product, action: string, fn: () => T): T {
    if (!this.verifyReads) return fn();
    const before = JSON.stringify([this.state[product], this.state.sequences]);
    const result = fn();
    if (JSON.stringify([this.state[product], this.state.sequences]) !== before)
      throw new Error(`${product} ${action} is declared read-only (write: false) but changed the state`);
    return result;
  }

  /** Everything the state file keeps. */
  toPersisted(): PersistedState {
    return {
      format: "alicloud-certs-emulator-state",
      version: 1,
      clock: this.clock.snapshot(),
      credentials: [...this.credentials.values()].map((c) => ({ ...c })),
      clientTokens: [...this.clientTokens].map(([key, body]) => ({ key, body })),
      world: this.state,
    };
  }

  /** Replace the world with a loaded state file (the clock is restored by the caller, which owns it). */
  loadPersisted(persisted: PersistedState): void {
    const world = emptyWorld(this.services);
    for (const s of this.services) {
      if (persisted.world[s.product] !== undefined && persisted.world[s.product] !== null) {
        world[s.product] = persisted.world[s.product];
      }
    }
    world.records = persisted.world.records;
    world.sequences = persisted.world.sequences;
    // State files written before the serving timeline existed have none: history starts at the load.
    world.serving = isRecord(persisted.world.serving) ? persisted.world.serving : {};
    this.state = world;
    this.servingStale = true;
    this.credentials.clear();
    for (const c of persisted.credentials) this.credentials.set(c.accessKeyId, c);
    this.clientTokens.clear();
    for (const { key, body } of persisted.clientTokens) this.clientTokens.set(key, body);
  }

  private casCertificateExists(certId: string): boolean {
    const cas = this.byProduct.get("cas");
    if (cas === undefined || cas.certificateExists === undefined) return false;
    return cas.certificateExists(this.state.cas, certId);
  }
}
