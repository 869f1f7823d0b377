/**
 * Shared fixtures of the CAS handler tests (a fake ServiceContext with a movable clock, in-memory published records
 * and id sequences; CSR generation through the shared x509 helper). Their self-check is `../cas-fixtures.test.ts`.
 */
import { strict as assert } from "node:assert";
import { SC081_SCHEDULE, type CaScheduleEntry } from "../../../emulator/core/ca-schedule";
import {
  ApiError,
  type EmulatorTimings,
  type PublishedRecord,
  type PublishedRecords,
  type ServiceContext,
} from "../../../emulator/core/contract";
import { CoreErrors } from "../../../emulator/core/errors";
import { casService, type CasState } from "../../../emulator/services/cas";
import { certificateRequest, type TestCsr } from "../../helpers/x509";

export type { TestCsr };

/** 2026-01-01T00:00:00Z: the fixed start of simulated time in these tests. */
export const T0 = Date.UTC(2026, 0, 1);
export const DAY = 24 * 60 * 60 * 1000;

/** In-memory published records (names compared case-insensitively, like the core). */
export class FakeRecords implements PublishedRecords {
  readonly list: PublishedRecord[] = [];
  /** Bumped by {@link publish}, as the core's version changes with its records. */
  version = 0;
  publish(record: PublishedRecord): void {
    this.list.push(record);
    this.version += 1;
  }
  has(kind: "dns" | "file", name: string, type: string, value: string): boolean {
    return this.list.some(
      (r) => r.kind === kind && r.name.toLowerCase() === name.toLowerCase() && r.type === type && r.value === value,
    );
  }
}

/** A CAS state plus the fake context around it. */
export interface TestWorld {
  readonly state: CasState;
  readonly ctx: ServiceContext;
  readonly records: FakeRecords;
  readonly timings: EmulatorTimings;
  now(): number;
  advance(ms: number): void;
}

/** Where a test world's clock starts and which CA schedule its context carries. */
export interface WorldOptions {
  /** @default {@link T0} */
  readonly start?: number;
  /** @default ballot SC-081v3's */
  readonly caSchedule?: readonly CaScheduleEntry[];
}

/** A world seeded with `seed` (default: the service's default seed). */
export function makeWorld(
  seed: unknown = casService.defaultSeed,
  state: CasState = casService.emptyState(),
  options: WorldOptions = {},
): TestWorld {
  let now = options.start ?? T0;
  const caSchedule = options.caSchedule ?? SC081_SCHEDULE;
  const sequences = new Map<string, number>();
  const records = new FakeRecords();
  const timings: EmulatorTimings = { gaWriteMs: 2000, esaCertIssueMs: 2000, casIssueMs: 2000 };
  const ctx: ServiceContext = {
    clock: { now: () => now },
    records,
    lookup: { casCertificateExists: (id) => casService.certificateExists?.(state, id) ?? false },
    nextId: (sequence) => {
      const next = (sequences.get(sequence) ?? 0) + 1;
      sequences.set(sequence, next);
      return String(next);
    },
    timings,
    caSchedule,
  };
  casService.applySeed(state, seed, ctx);
  return { state, ctx, records, timings, now: () => now, advance: (ms) => void (now += ms) };
}

/** Call an action the way the core does: Missing<Name> check, tick, then the handler. */
export function call(world: TestWorld, action: string, params: Record<string, string> = {}): Record<string, unknown> {
  const def = casService.actions[action];
  if (def === undefined) throw new Error(`no action ${action}`);
  for (const name of def.required) {
    if (params[name] === undefined || params[name] === "") throw CoreErrors.missingMandatory(name);
  }
  casService.tick(world.state, world.ctx);
  return def.handler({ product: "cas", action, params, accessKeyId: "ak", requestId: "req" }, world.state, world.ctx);
}

/** Run a control operation (tick first, like the core). */
export function control(world: TestWorld, name: string, body: unknown): unknown {
  const handler = casService.controls?.[name];
  if (handler === undefined) throw new Error(`no control ${name}`);
  casService.tick(world.state, world.ctx);
  return handler(world.state, body, world.ctx);
}

/** Assert that `fn` throws an ApiError with this status and code. */
export function expectApiError(fn: () => unknown, status: number, code: string): ApiError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError, `expected ApiError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.status, status);
    return e;
  }
  return assert.fail(`expected ${code}, but the call succeeded`);
}

/** Options of a test CSR. */
export interface CsrOptions {
  readonly alg?: "RSA" | "ECDSA";
  readonly rsaBits?: number;
  /** Subject CN; null for a CSR without one. */
  readonly cn?: string | null;
  readonly sans?: readonly string[];
}

const csrCache = new Map<string, Promise<TestCsr>>();

function generateCsr(options: CsrOptions): Promise<TestCsr> {
  const cn = options.cn === undefined ? "shop.example.com" : options.cn;
  return certificateRequest({
    subject: cn === null ? "O=No Common Name Ltd" : `CN=${cn}`,
    names: options.sans?.map((value) => ({ type: "dns" as const, value })),
    keyType: options.alg ?? "RSA",
    rsaBits: options.rsaBits,
  });
}

/** A CSR (cached per options: RSA key generation is slow). */
export function makeCsr(options: CsrOptions = {}): Promise<TestCsr> {
  const key = JSON.stringify(options);
  let pending = csrCache.get(key);
  if (pending === undefined) {
    pending = generateCsr(options);
    csrCache.set(key, pending);
  }
  return pending;
}

/** Valid CreateCertificateWithCsrRequest parameters for `csrPem`, with overrides. */
export function createParams(csrPem: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    Csr: csrPem,
    Username: "Tom",
    Phone: "13900001234",
    Email: "tom@example.com",
    ValidateType: "DNS",
    ...overrides,
  };
}

/** Create an order and return its id as a decimal string. */
export function createOrder(world: TestWorld, csrPem: string, overrides: Record<string, string> = {}): string {
  const body = call(world, "CreateCertificateWithCsrRequest", createParams(csrPem, overrides));
  assert.equal(typeof body["OrderId"], "bigint");
  return String(body["OrderId"]);
}

/** The PEM blocks of a chain, in order. */
export function pemBlocks(chain: string): string[] {
  return chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}
