/**
 * The world: every service's state slice, published records, id sequences, credentials and ClientToken replies,
 * plus the {@link ServiceContext} handed to services. Each concern has its own module beside this one (credentials,
 * client tokens, published records and their DNS view, serving observations, seeding, the state file); the
 * {@link World} runs the services on the state and keeps the parts in step.
 */
import type { CaScheduleEntry } from "../ca-schedule";
import type { SimulatedClock } from "../clock";
import {
  API_VERSIONS,
  type EmulatorSeed,
  type EmulatorTimings,
  type Product,
  type PublishedRecord,
  type ServiceContext,
  type WorldState,
} from "../contract";
import type { DnsAnswer, DnsView } from "../dns";
import type { Credential } from "../auth";
import { Journal } from "../journal";
import type { ErasedService } from "../registry";
import type { ServingAnalysis, ServingReport } from "../serving-types";
import { ClientTokenReplies } from "./client-tokens";
import { CredentialStore } from "./credentials";
import { restoredWorld, stateFileOf, type PersistedState } from "./persistence";
import { DnsViews, publish, publishedRecords, unpublish, type RecordSelector } from "./records";
import { applySeed, checkSeedProducts } from "./seed";
import { ServingObserver } from "./serving-observer";

/** A fresh world with no objects. */
function emptyWorld(services: readonly ErasedService[]): WorldState {
  const world: WorldState = { esa: null, cas: null, ga: null, records: [], sequences: {}, serving: {} };
  for (const service of services) world[service.product] = service.emptyState();
  return world;
}

/** See the module comment. */
export class World {
  state: WorldState;
  private readonly credentials = new CredentialStore();
  private readonly clientTokens = new ClientTokenReplies();
  private readonly byProduct = new Map<Product, ErasedService>();
  private readonly dnsViews = new DnsViews();
  private readonly serving: ServingObserver;
  readonly context: ServiceContext;

  constructor(
    readonly services: readonly ErasedService[],
    readonly clock: SimulatedClock,
    tunables: { readonly timings: EmulatorTimings; readonly caSchedule: readonly CaScheduleEntry[] },
    /** Prove every {@link World.read} leaves the state as it found it (the `verifyReads` option). */
    private readonly verifyReads = false,
  ) {
    for (const s of services) this.byProduct.set(s.product, s);
    this.state = emptyWorld(services);
    this.serving = new ServingObserver(services, clock);
    this.context = {
      clock,
      timings: Object.freeze({ ...tunables.timings }),
      caSchedule: Object.freeze(tunables.caSchedule.map((entry) => Object.freeze({ ...entry }))),
      records: publishedRecords(
        () => this.state.records,
        () => this.dnsView(),
      ),
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
    return this.credentials.find(accessKeyId);
  }

  /** The first accepted access key (the one {@link RunningEmulator} reports). */
  firstCredential(): Credential | undefined {
    return this.credentials.first();
  }

  /** Advance every service's time-driven state machines (cross-service reads then see a consistent world). */
  tickAll(): void {
    let changed = false;
    for (const s of this.services) if (s.tick(this.state[s.product], this.context)) changed = true;
    this.serving.afterTick(this.state, this.context, changed);
  }

  /** Record in the serving timelines whatever each consumer serves now (see {@link ServingObserver.observe}). */
  observeServing(afterTick: boolean): void {
    this.serving.observe(this.state, this.context, afterTick);
  }

  /** `GET /__emulator/serving`. */
  servingReport(): ServingReport {
    this.tickAll();
    return this.serving.report(this.state);
  }

  /** `GET /__emulator/serving/analysis`. */
  servingAnalysis(): ServingAnalysis {
    this.tickAll();
    return this.serving.analysis(this.state);
  }

  /** `DELETE /__emulator/serving`: forget the history; every consumer starts a period from now. */
  clearServing(): void {
    this.serving.clear(this.state);
    this.tickAll();
  }

  /** Merge a validated seed, all or nothing (see {@link applySeed}). */
  applySeed(seed: EmulatorSeed): void {
    checkSeedProducts(seed, (product) => this.byProduct.has(product));
    this.serving.markStale();
    applySeed(this, this.credentials, this.services, this.context, seed);
  }

  /** Forget everything and apply `seed`. */
  resetTo(seed: EmulatorSeed): void {
    this.state = emptyWorld(this.services);
    this.serving.markStale();
    this.credentials.clear();
    this.clientTokens.clear();
    this.applySeed(seed);
  }

  /** The stored first reply to a ClientToken call. */
  replayFor(product: Product, action: string, token: string): Record<string, unknown> | undefined {
    return this.clientTokens.replayFor(product, action, token);
  }

  /** Remember the first successful reply to a ClientToken call. */
  rememberReply(product: Product, action: string, token: string, body: Record<string, unknown>): void {
    this.clientTokens.remember(product, action, token, body);
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
    publish(this.state.records, record);
    this.serving.markStale();
  }

  /** Remove the selected records; returns how many were removed. */
  unpublish(selector: RecordSelector): number {
    const before = this.state.records.length;
    this.state.records = unpublish(this.state.records, selector);
    this.serving.markStale();
    return before - this.state.records.length;
  }

  /**
   * Run a write on its product slice; if it throws, the slice and the sequences go back to what they were. `fn` gets
   * the slice through an undo {@link Journal}, so the rollback copy costs what the write changes, not the slice's
   * size, and the reply it returns holds no proxy.
   */
  transaction<T>(product: Product, fn: (slice: unknown) => T): T {
    this.serving.markStale();
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
    return stateFileOf(this.clock.snapshot(), this.credentials.list(), this.clientTokens.entries(), this.state);
  }

  /** Replace the world with a loaded state file (the clock is restored by the caller, which owns it). */
  loadPersisted(persisted: PersistedState): void {
    this.state = restoredWorld(emptyWorld(this.services), this.services, persisted);
    this.serving.markStale();
    this.credentials.replaceAll(persisted.credentials);
    this.clientTokens.load(persisted.clientTokens);
  }

  /** The DNS view of the published records, rebuilt only when they changed. */
  private dnsView(): DnsView {
    return this.dnsViews.of(this.state.records);
  }

  private casCertificateExists(certId: string): boolean {
    const cas = this.byProduct.get("cas");
    if (cas === undefined || cas.certificateExists === undefined) return false;
    return cas.certificateExists(this.state.cas, certId);
  }
}
