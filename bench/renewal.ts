/**
 * Scenario 5: the renewal of one certificate used by N consumers, once the way the package does it (every consumer
 * updated in place to the new certificate: ESA UpdateCustomHostname, GA UpdateAdditionalCertificateWithListener) and
 * once as the baseline that replaces each consumer instead (delete, then create: what a resource whose certificate
 * input forces a replacement does, and what the package did for GA before the in-place update). Each run gets a fresh
 * emulator; the consumers are created first with the old certificate (not measured), then all N operations are issued
 * at once through the provider objects the dynamic-provider host calls (in-process, no gRPC host, no CLI).
 *
 * Figures, all from the emulator: API calls (request log), wall time, and per consumer the time it served nothing
 * (serving timelines: periods `absent` or `none` after the measured phase began), plus the serving analysis's
 * violations. Every run is checked to end with every consumer serving the new certificate.
 */
import { type ConsumerTimeline } from "../emulator";
import { type PropertyBag } from "../provider/resources/common/dynamic";
import { freshHost, type ProviderHost } from "./provider-host";
import {
  checked,
  consumerInputs,
  KINDS,
  LISTENER_ID,
  NEW_CERT_ID,
  startRenewalWorld,
  type Consumer,
  type ConsumerKind,
  unbindHost,
} from "./renewal-world";

export type RenewalVariant = "update" | "replace";

/** One measured renewal. */
export interface RenewalRun {
  readonly variant: RenewalVariant;
  readonly n: number;
  /** How many consumers of each kind. */
  readonly kinds: Readonly<Record<ConsumerKind, number>>;
  /** From issuing the N operations to the last one finishing. */
  readonly wallMs: number;
  /** Every API call of the measured phase (ESA and GA; CAS is not called). */
  readonly calls: number;
  /** Of those, writes: ESA Create/Update/Delete, GA Associate/Update/Dissociate. */
  readonly writes: number;
  /** Per consumer, simulated ms it served no certificate during the measured phase. */
  readonly downtimeMs: readonly number[];
  /** Violations the emulator's serving analysis reports for the measured phase (gaps, unserved, invalid). */
  readonly violations: number;
}

const WRITE_ACTIONS = new Set([
  "CreateCustomHostname",
  "UpdateCustomHostname",
  "DeleteCustomHostname",
  "AssociateAdditionalCertificatesWithListener",
  "UpdateAdditionalCertificateWithListener",
  "DissociateAdditionalCertificatesFromListener",
]);

/** The serving-timeline key of a consumer (docs/emulator.md §5.3). */
function servingKey(consumer: Consumer): string {
  return consumer.kind === "ga-binding" ? `ga:${LISTENER_ID}:${consumer.hostname}` : `esa:${consumer.hostname}`;
}

/** Update one consumer in place to the new inputs (what `pulumi up` does on a changed certificate input). */
async function updateInPlace(host: ProviderHost, consumer: Consumer, news: PropertyBag): Promise<PropertyBag> {
  const result =
    consumer.kind === "ga-binding"
      ? await host.ga.update(consumer.id, consumer.outs, news)
      : await host.esa.update(consumer.id, consumer.outs, news);
  return (result.outs ?? {}) as PropertyBag;
}

/** Replace one consumer: delete, then create (a delete-before-replace, as ESA hostnames must: the name is unique). */
async function replace(host: ProviderHost, consumer: Consumer, news: PropertyBag): Promise<PropertyBag> {
  if (consumer.kind === "ga-binding") {
    await host.ga.delete(consumer.id, consumer.outs);
    return (await host.ga.create(news)).outs as PropertyBag;
  }
  await host.esa.delete(consumer.id, consumer.outs);
  return (await host.esa.create(news)).outs as PropertyBag;
}

/** Simulated ms a consumer served nothing from `start` on; fails unless it ends serving the new certificate. */
function downtimeOf(timeline: ConsumerTimeline | undefined, start: number, now: number): number {
  const periods = timeline?.periods ?? [];
  const last = periods.at(-1);
  if (last?.state !== "serving" || last.certificate?.casCertId !== NEW_CERT_ID)
    throw new Error(`bench: ${timeline?.key ?? "a consumer"} does not end serving certificate ${NEW_CERT_ID}`);
  return periods
    .filter((p) => p.state !== "serving")
    .reduce((sum, p) => sum + Math.max(0, (p.to ?? now) - Math.max(p.from, start)), 0);
}

/** Run the renewal once for `variant` with N consumers, against a fresh emulator. */
export async function runRenewal(variant: RenewalVariant, n: number, gaWriteMs: number): Promise<RenewalRun> {
  const world = await startRenewalWorld(n, gaWriteMs);
  try {
    // The renewal's `pulumi up`: a host of its own.
    const host = await freshHost();
    const news = await Promise.all(
      world.consumers.map((c) => checked(host, c.kind, consumerInputs(c.kind, c.hostname, world.newCert))),
    );
    await world.emu.control.clearServing();
    const since = (await world.emu.control.requests()).at(-1)?.seq ?? 0;
    const start = await world.emu.control.now();
    const started = performance.now();
    await Promise.all(
      world.consumers.map(async (c, i) => {
        const inputs = news[i] ?? {};
        c.outs = variant === "update" ? await updateInPlace(host, c, inputs) : await replace(host, c, inputs);
      }),
    );
    const wallMs = performance.now() - started;
    const entries = await world.emu.control.requests({ since });
    const report = await world.emu.control.serving();
    const analysis = await world.emu.control.servingAnalysis();
    const byKey = new Map(report.consumers.map((t) => [t.key, t]));
    const kinds = Object.fromEntries(
      KINDS.map((kind) => [kind, world.consumers.filter((c) => c.kind === kind).length]),
    ) as Record<ConsumerKind, number>;
    return {
      variant,
      n,
      kinds,
      wallMs,
      calls: entries.length,
      writes: entries.filter((e) => e.action !== null && WRITE_ACTIONS.has(e.action)).length,
      downtimeMs: world.consumers.map((c) => downtimeOf(byKey.get(servingKey(c)), start, report.now)),
      violations: analysis.violations.length,
    };
  } finally {
    unbindHost();
    await world.emu.close();
  }
}
