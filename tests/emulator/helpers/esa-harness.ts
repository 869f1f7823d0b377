/**
 * Shared harness for the ESA handler-level tests: a fake {@link ServiceContext} (fixed, manually advanced clock,
 * in-memory published records, deterministic ids, a settable CAS inventory) and a `call` that mimics the core's
 * dispatch (required-parameter check, `tick`, handler). Certificates come from the shared x509 helper.
 */
import assert from "node:assert/strict";
import { selfSignedCertificate } from "../../helpers/x509";
import { SC081_SCHEDULE } from "../../../emulator/core/ca-schedule";
import {
  ApiError,
  type EmulatorTimings,
  type PublishedRecord,
  type ServiceContext,
} from "../../../emulator/core/contract";
import { CoreErrors } from "../../../emulator/core/errors";
import { esaService, type EsaState } from "../../../emulator/services/esa";

/** 2026-01-01T00:00:00Z: every harness starts here. */
export const T0 = Date.UTC(2026, 0, 1);
export const SAAS_SITE = "7096621098379520";
export const BASIC_SITE = "7096621098379648";
export const ORIGIN_RECORD = "4042843419650112";
export const WWW_RECORD = "4042843419650113";
export const API_RECORD = "4042843419650114";
export const BASIC_ORIGIN_RECORD = "4042843419650240";

export interface Harness {
  readonly state: EsaState;
  readonly ctx: ServiceContext;
  readonly timings: EmulatorTimings;
  /** CAS certificate ids `ctx.lookup.casCertificateExists` answers true for. */
  readonly casIds: Set<string>;
  now(): number;
  advance(ms: number): void;
  publish(record: PublishedRecord): void;
  unpublish(record: PublishedRecord): void;
  /** Dispatches like the core: Missing<Name> for absent required params, tick, then the handler. */
  call(action: string, params?: Record<string, string | number>): Record<string, unknown>;
  /** Runs a control after a tick, as the core does. */
  control(name: string, body: unknown): unknown;
  tick(): void;
}

/** A harness with the default seed applied. */
export function harness(options: { seed?: unknown } = {}): Harness {
  let now = T0;
  const published: PublishedRecord[] = [];
  let recordsVersion = 0;
  const sequences = new Map<string, number>();
  const casIds = new Set<string>();
  const timings: EmulatorTimings = { gaWriteMs: 2000, esaCertIssueMs: 2000, casIssueMs: 2000 };
  const ctx: ServiceContext = {
    clock: { now: () => now },
    records: {
      has: (kind, name, type, value) =>
        published.some(
          (r) => r.kind === kind && r.name.toLowerCase() === name.toLowerCase() && r.type === type && r.value === value,
        ),
      get version() {
        return recordsVersion;
      },
    },
    lookup: { casCertificateExists: (id) => casIds.has(id) },
    nextId: (sequence) => {
      const n = (sequences.get(sequence) ?? 0) + 1;
      sequences.set(sequence, n);
      return String(n);
    },
    timings,
    caSchedule: SC081_SCHEDULE,
  };
  const state = esaService.emptyState();
  esaService.applySeed(state, options.seed ?? esaService.defaultSeed, ctx);
  const tick = (): void => {
    esaService.tick(state, ctx);
  };
  return {
    state,
    ctx,
    timings,
    casIds,
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    publish: (r) => {
      published.push(r);
      recordsVersion += 1;
    },
    unpublish: (r) => {
      const i = published.findIndex((p) => p.kind === r.kind && p.name === r.name && p.value === r.value);
      if (i >= 0) published.splice(i, 1);
      recordsVersion += 1;
    },
    tick,
    call: (action, params = {}) => {
      const def = esaService.actions[action];
      if (!def) throw new Error(`no action ${action}`);
      const wire = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      for (const name of def.required) {
        if (wire[name] === undefined || wire[name] === "") {
          throw CoreErrors.missingMandatory(name);
        }
      }
      tick();
      return def.handler(
        { product: "esa", action, params: wire, accessKeyId: "LTAI-test", requestId: "req-1" },
        state,
        ctx,
      );
    },
    control: (name, body) => {
      const handler = esaService.controls?.[name];
      if (!handler) throw new Error(`no control ${name}`);
      tick();
      return handler(state, body, ctx);
    },
  };
}

/** Asserts `fn` throws an {@link ApiError} with this code and HTTP status; returns it for further checks. */
export function expectApiError(fn: () => unknown, code: string, status: number): ApiError {
  try {
    fn();
  } catch (e: unknown) {
    assert.ok(e instanceof ApiError, `expected ApiError ${code}, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.status, status, `${code} status`);
    return e;
  }
  assert.fail(`expected ApiError ${code}`);
}

/**
 * Assert the documented `InvalidParameter` (HTTP 400) naming `parameter`, and that the message says why (`rule`):
 * the code is generic, so the message is what tells a user (and a test) which rule failed.
 */
export function expectInvalidParameter(fn: () => unknown, parameter: string, rule: RegExp): ApiError {
  const error = expectApiError(fn, "InvalidParameter", 400);
  assert.ok(error.message.startsWith(`The specified parameter ${parameter} is invalid.`), error.message);
  assert.match(error.message, rule);
  return error;
}

/** `GetCustomHostname(...).CustomHostnameModel`. */
export function getModel(h: Harness, hostnameId: number | string): Record<string, unknown> {
  const body = h.call("GetCustomHostname", { HostnameId: hostnameId });
  return body["CustomHostnameModel"] as Record<string, unknown>;
}

/** CreateCustomHostname on the enterprise site's proxied origin record; returns the HostnameId. */
export function createHostname(h: Harness, hostname: string, extra: Record<string, string | number> = {}): number {
  const body = h.call("CreateCustomHostname", {
    SiteId: SAAS_SITE,
    RecordId: ORIGIN_RECORD,
    Hostname: hostname,
    SslFlag: "off",
    ...extra,
  });
  assert.equal(typeof body["HostnameId"], "number");
  return body["HostnameId"] as number;
}

/** A PEM certificate + PKCS#8 key pair. */
export interface TestCert {
  certificate: string;
  privateKey: string;
}

/** A self-signed certificate for `dnsNames` (empty: CN only), valid `notBefore`..`notAfter` (around {@link T0}). */
export function makeCert(options: {
  cn: string;
  dnsNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
}): Promise<TestCert> {
  return selfSignedCertificate({
    cn: options.cn,
    dnsNames: options.dnsNames ?? [],
    serialNumber: "01",
    notBefore: options.notBefore ?? new Date(T0 - 86_400_000),
    notAfter: options.notAfter ?? new Date(T0 + 200 * 86_400_000),
  });
}
