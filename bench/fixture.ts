/**
 * One benchmark world: a fresh emulator with one GA accelerator and one HTTPS listener, CAS certificates the bindings
 * can name, and (for delete scenarios) the N bindings already in place; plus the client both variants use and the
 * request-log tally every figure in the tables comes from.
 */
import { startEmulator, type RequestLogEntry, type RunningEmulator } from "../emulator";
import { AlibabaClient } from "../provider/transport/client";
import { configFromRecord } from "../provider/transport/settings";

export const ACCELERATOR_ID = "ga-bp1benchaccelerator01";
export const LISTENER_ID = "lsr-bp1benchhttps0000001";

/**
 * Distinct certificates on the listener. Why 10 and not one per domain: GA's quota
 * `gaplus_quota_additional_certs_per_listener` allows at most 10 distinct additional certificates per listener, so
 * 50 domains on one listener share SAN/wildcard certificates in practice. The emulator does not enforce the quota and
 * neither variant's call pattern depends on it; this only keeps the scenario one that the real service would accept.
 */
const DISTINCT_CERTIFICATES = 10;
const FIRST_CERT_ID = 20_000_001;

/** The n-th (1-based) domain of a scenario. */
export function domainOf(n: number): string {
  return `customer${n}.example.com`;
}

/** The certificate (`<certId>-cn-hangzhou`) the n-th domain carries. */
export function certificateOf(n: number): string {
  return `${FIRST_CERT_ID + ((n - 1) % DISTINCT_CERTIFICATES)}-cn-hangzhou`;
}

/** A running world and what it was started with. */
export interface World {
  readonly emu: RunningEmulator;
  /** The number of domains the scenario concerns. */
  readonly n: number;
  /** A new client bound to this emulator (each variant gets its own, so no connection or cache is shared). */
  client(): AlibabaClient;
}

/** Start a fresh emulator. With `bound`, the listener already carries the scenario's N bindings (all `active`). */
export async function startWorld(n: number, bound: boolean, gaWriteMs: number): Promise<World> {
  const domains = Array.from({ length: n }, (_, i) => i + 1);
  const emu = await startEmulator({
    quiet: true,
    timings: { gaWriteMs },
    seed: {
      cas: {
        certificates: Array.from({ length: DISTINCT_CERTIFICATES }, (_, i) => ({
          certId: String(FIRST_CERT_ID + i),
          commonName: `*.shard${i + 1}.example.com`,
          // Covers every customer<i>.example.com: the GA engine binds only certificates that cover their domain.
          sans: ["*.example.com"],
        })),
      },
      ga: {
        accelerators: [
          {
            acceleratorId: ACCELERATOR_ID,
            name: "bench",
            state: "active",
            listeners: [
              {
                listenerId: LISTENER_ID,
                protocol: "HTTPS",
                port: 443,
                defaultCertificateId: `${FIRST_CERT_ID}-cn-hangzhou`,
                additionalCertificates: bound
                  ? domains.map((i) => ({ domain: domainOf(i), certificateId: certificateOf(i) }))
                  : [],
              },
            ],
          },
        ],
      },
    },
  });
  const client = (): AlibabaClient =>
    new AlibabaClient({
      config: configFromRecord({ "alicloud:accessKey": emu.accessKeyId, "alicloud:secretKey": emu.accessKeySecret }),
      // Only the endpoint: nothing else from the caller's environment (profiles, real keys) may steer the client.
      env: { ALICLOUD_CERTS_ENDPOINT: emu.url },
    });
  return { emu, n, client };
}

/** The listener's additional bindings as the emulator holds them, domain → state. */
export async function liveBindings(world: World): Promise<Map<string, string>> {
  const objects = (await world.emu.control.objects()) as {
    ga?: { bindings?: Record<string, { domain: string; state: string }[]> };
  };
  return new Map((objects.ga?.bindings?.[LISTENER_ID] ?? []).map((b) => [b.domain.toLowerCase(), b.state]));
}

/** What one run cost, from the emulator's request log. */
export interface CallTally {
  /** Associate + Dissociate requests sent, accepted or not. */
  readonly writeCalls: number;
  /** Of those, the ones GA accepted. */
  readonly writesAccepted: number;
  /** Of those, the ones refused with `StateError.*` (the accelerator or listener was locked by another write). */
  readonly stateErrors: number;
  /** DescribeListener + DescribeAccelerator (waiting for a write to settle). */
  readonly polls: number;
  /** ListListenerCertificates (the engine's read of live bindings). */
  readonly lists: number;
  /** Every GA API call. */
  readonly total: number;
}

const WRITE_ACTIONS = new Set([
  "AssociateAdditionalCertificatesWithListener",
  "DissociateAdditionalCertificatesFromListener",
]);
const POLL_ACTIONS = new Set(["DescribeListener", "DescribeAccelerator"]);

/** Tally GA requests, optionally only those logged up to sequence number `untilSeq`. */
export function tally(entries: readonly RequestLogEntry[], untilSeq = Number.POSITIVE_INFINITY): CallTally {
  const ga = entries.filter((e) => e.product === "ga" && e.seq <= untilSeq);
  const writes = ga.filter((e) => e.action !== null && WRITE_ACTIONS.has(e.action));
  return {
    writeCalls: writes.length,
    writesAccepted: writes.filter((e) => e.outcome === "ok").length,
    stateErrors: writes.filter((e) => e.outcome.startsWith("StateError.")).length,
    polls: ga.filter((e) => e.action !== null && POLL_ACTIONS.has(e.action)).length,
    lists: ga.filter((e) => e.action === "ListListenerCertificates").length,
    total: ga.length,
  };
}
