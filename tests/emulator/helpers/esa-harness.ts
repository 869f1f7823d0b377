/**
 * Shared harness for the ESA handler-level tests: a fake {@link ServiceContext} (fixed, manually advanced clock,
 * in-memory published records, deterministic ids, a settable CAS inventory) and a `call` that mimics the core's
 * dispatch (required-parameter check, `tick`, handler). Certificates are generated with @peculiar/x509.
 */
import assert from "node:assert/strict";
import { webcrypto } from "node:crypto";
import type * as X509 from "@peculiar/x509";
import { x509 as sharedX509 } from "../../../provider/util/x509";
import {
  ApiError,
  type EmulatorTimings,
  type PublishedRecord,
  type ServiceContext,
} from "../../../emulator/core/contract";
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
  /** Dispatches like the core: MissingParameter for absent required params, tick, then the handler. */
  call(action: string, params?: Record<string, string | number>): Record<string, unknown>;
  /** Runs a control after a tick, as the core does. */
  control(name: string, body: unknown): unknown;
  tick(): void;
}

/** A harness with the default seed applied. */
export function harness(options: { seed?: unknown } = {}): Harness {
  let now = T0;
  const published: PublishedRecord[] = [];
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
    },
    lookup: { casCertificateExists: (id) => casIds.has(id) },
    nextId: (sequence) => {
      const n = (sequences.get(sequence) ?? 0) + 1;
      sequences.set(sequence, n);
      return String(n);
    },
    timings,
  };
  const state = esaService.emptyState();
  esaService.applySeed(state, options.seed ?? esaService.defaultSeed, ctx);
  const tick = (): void => esaService.tick(state, ctx);
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
    },
    unpublish: (r) => {
      const i = published.findIndex((p) => p.kind === r.kind && p.name === r.name && p.value === r.value);
      if (i >= 0) published.splice(i, 1);
    },
    tick,
    call: (action, params = {}) => {
      const def = esaService.actions[action];
      if (!def) throw new Error(`no action ${action}`);
      const wire = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
      for (const name of def.required) {
        if (wire[name] === undefined || wire[name] === "") {
          throw new ApiError(400, "MissingParameter", `The input parameter "${name}" is not supplied.`);
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

const ALG = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" } as const;

/** @peculiar/x509, loaded through the package's shared loader (it loads reflect-metadata first). */
function loadX509(): Promise<typeof X509> {
  return Promise.resolve(sharedX509);
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** A self-signed certificate for `dnsNames` (empty: CN only), valid `notBefore`..`notAfter`. */
export async function makeCert(options: {
  cn: string;
  dnsNames?: string[];
  notBefore?: Date;
  notAfter?: Date;
}): Promise<TestCert> {
  const x509 = await loadX509();
  const keys = await webcrypto.subtle.generateKey(ALG, true, ["sign", "verify"]);
  const extensions = options.dnsNames?.length
    ? [new x509.SubjectAlternativeNameExtension(options.dnsNames.map((value) => ({ type: "dns" as const, value })))]
    : [];
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: `CN=${options.cn}`,
    notBefore: options.notBefore ?? new Date(T0 - 86_400_000),
    notAfter: options.notAfter ?? new Date(T0 + 200 * 86_400_000),
    signingAlgorithm: ALG,
    keys: keys as Parameters<typeof x509.X509CertificateGenerator.createSelfSigned>[0]["keys"],
    extensions,
  });
  const pkcs8 = await webcrypto.subtle.exportKey("pkcs8", keys.privateKey);
  return { certificate: cert.toString("pem"), privateKey: pem("PRIVATE KEY", pkcs8) };
}
