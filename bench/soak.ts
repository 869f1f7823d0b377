/**
 * The time-travel soak (issue 24): a stack of several domains, each served by an ESA upload hostname, an ESA `cas`
 * hostname and a GA binding (bench/programs/soak), operated with a **plain `pulumi up`** on a schedule while the
 * emulator's clock moves through simulated years, across the CA/B Forum SC-081 steps (100-day certificates from
 * 2027-03-15, 47-day certificates and 10-day DCV reuse from 2029-03-15), with a validation outage across one renewal
 * window and a quota outage across another.
 *
 * What it asserts (every run, and at the end), from the emulator and the stack's own state:
 * - zero serving violations (no gap, no revoked, expired or not-yet-valid certificate served) in the emulator's
 *   serving timelines;
 * - orders placed = certificates issued (no order wasted or placed twice), and every renewal was needed: placed at
 *   or after its predecessor's `renewalDue`, and no `renewalDue` passed without a renewal by more than the schedule
 *   step plus the outage it fell in;
 * - zero API calls on every quiet run (nothing due, issuance recorded), from the emulator's request log;
 * - recovery without intervention: the first run after each outage ends succeeds;
 * - nothing left after `pulumi destroy`: no hostname, no binding, no valid certificate, no pending order.
 *
 * `npm run soak` runs the full version (three years) and prints the README's figures; the engine tier runs a short
 * one (tests/engine/renewal-soak.test.ts).
 */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../emulator";
import { delegationCname } from "../provider/resources/cas/dv-certificate-order/delegation";
import { PulumiStack } from "../tests/helpers/engine";

const DAY = 86_400_000;
const ZONE = "dcv.example-saas.com";
const SITE = "7096621098379520";
const ORIGIN = "4042843419650112";
const ACCELERATOR = "ga-bp1emulatordefault0001";
const LISTENER = "lsr-bp1emulatorhttps00001";
/** The 1-year product: its validity is capped by the SC-081 schedule, so leaves last 200, 100, then 47 days. */
const PRODUCT = "symantec-free-1-free";

/** What to run. */
export interface SoakOptions {
  /** The domains of the stack (each gets an ESA upload hostname, an ESA `cas` hostname and a GA binding). */
  readonly domains: readonly string[];
  /** Simulated days the soak spans from its start. */
  readonly days: number;
  /** A plain `pulumi up` runs every this many simulated days. */
  readonly everyDays: number;
  /** Simulated start (ISO 8601). @default the emulator's clock (today) */
  readonly start?: string;
  /**
   * The validation outage: the first domain's customer CNAME is removed from one day before its first renewal due
   * on or after this instant until `validationOutageDays` later. @default none
   */
  readonly validationOutageAfter?: string;
  readonly validationOutageDays?: number;
  /** The quota outage: the plan has no unit left from one day before the first renewal due on or after this. */
  readonly quotaOutageAfter?: string;
  readonly quotaOutageDays?: number;
  /** How long a stalled validation waits before the run fails, in seconds. @default 20 */
  readonly validationTimeoutSeconds?: number;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** One run of the schedule. */
export interface SoakRun {
  readonly at: string;
  readonly quiet: boolean;
  readonly ok: boolean;
  readonly calls: number;
  /** Orders placed (CreateCertificateWithCsrRequest answered), and attempts the API refused (the quota outage). */
  readonly orders: number;
  readonly refused: number;
  readonly wallMs: number;
  readonly outage: "validation" | "quota" | undefined;
}

/** The figures. */
export interface SoakResult {
  readonly runs: readonly SoakRun[];
  /** Orders placed (CreateCertificateWithCsrRequest) over the soak, and renewals the certificates' windows needed. */
  readonly orders: number;
  readonly renewalsNeeded: number;
  /** Certificates issued per domain, with their lifetimes in days, in order. */
  readonly lifetimes: Readonly<Record<string, readonly number[]>>;
  readonly violations: readonly string[];
  readonly totalWallMs: number;
}

interface CasCertificate {
  readonly certId: string;
  readonly commonName: string;
  readonly notBefore: number;
  readonly notAfter: number;
  readonly revoked: boolean;
}
interface CasOrder {
  readonly orderId: string;
  readonly domain: string;
  readonly state: string;
  readonly certId: string | null;
}
interface CasObjects {
  readonly orders: readonly CasOrder[];
  readonly certificates: readonly CasCertificate[];
  readonly packages: readonly { productCode: string; total: number; used: number }[];
}

/** A recorded resource of the stack's checkpoint (read from the backend's file: no CLI call, no API call). */
interface CheckpointResource {
  readonly type: string;
  readonly delete?: boolean;
  readonly outputs?: Record<string, unknown>;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0);
}

/** The stack's current checkpoint resources, from the file backend. */
function checkpoint(stack: PulumiStack): CheckpointResource[] {
  const dir = path.join(stack.backendDir, ".pulumi", "stacks");
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === `${stack.stackName}.json`) files.push(p);
    }
  };
  walk(dir);
  const file = files[0];
  if (file === undefined) return [];
  const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as {
    checkpoint?: { latest?: { resources?: CheckpointResource[] } };
  };
  return parsed.checkpoint?.latest?.resources ?? [];
}

/**
 * True when the stack's state says nothing is to be done at `now`: every order's issuance and lifetime are recorded
 * and its `renewalDue` lies ahead, every waiter has seen its certificate, and nothing waits for deletion. Such a run
 * must make no API call.
 */
export function quietAt(resources: readonly CheckpointResource[], now: number): boolean {
  if (resources.some((r) => r.delete === true)) return false;
  const orders = resources.filter((r) => r.type.endsWith(":CasDvCertificateOrder"));
  const waiters = resources.filter((r) => r.type.endsWith(":CasDvCertificateValidation"));
  if (orders.length === 0) return false;
  return (
    orders.every((o) => {
      const out = o.outputs ?? {};
      const due = Date.parse(String(out["renewalDue"]));
      return out["state"] === "certificate" && typeof out["notBefore"] === "string" && due > now;
    }) && waiters.every((w) => w.outputs?.["state"] === "certificate")
  );
}

/** The soak, from a fresh emulator to a destroyed stack. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? ((): void => undefined);
  const started = performance.now();
  const emu = await startEmulator({ quiet: true, timings: { casIssueMs: 300, gaWriteMs: 300 } });
  const project = path.join(__dirname, "programs", "soak");
  let stack: PulumiStack | undefined;
  try {
    if (options.start !== undefined) {
      const now = (await emu.control.clock()).now;
      await emu.control.advanceTime(Date.parse(options.start) - now);
    }
    // Room for years of orders (revocation gives units back, outages aside) and hostnames.
    await emu.control.service("cas", "setQuota", { productCode: PRODUCT, total: 10_000 });
    await emu.control.seed({
      esa: { sites: [{ siteId: SITE, siteName: "example-saas.com", customHostnameQuota: 1000 }] },
    });
    stack = await PulumiStack.create(
      project,
      {
        ALICLOUD_CERTS_ENDPOINT: emu.url,
        ALICLOUD_CERTS_CLOCK_URL: `${emu.url}/__emulator/clock`,
        ALICLOUD_CERTS_DNS_SERVERS: emu.dnsServer,
        ALICLOUD_CERTS_MIN_POLL_MS: "200",
        ALICLOUD_CERTS_MAX_POLL_MS: "500",
      },
      "soak",
    );
    const config: Record<string, string> = {
      domains: options.domains.join(","),
      delegationZone: ZONE,
      username: "Ada Lovelace",
      phone: "+8613900001234",
      email: "ada@example.com",
      siteId: SITE,
      recordId: ORIGIN,
      acceleratorId: ACCELERATOR,
      listenerId: LISTENER,
      productCode: PRODUCT,
      validationTimeoutSeconds: String(options.validationTimeoutSeconds ?? 20),
      "alicloud:accessKey": emu.accessKeyId,
    };
    for (const [k, v] of Object.entries(config)) await stack.setConfig(k, v);
    await stack.setConfig("alicloud:secretKey", emu.accessKeySecret, true);
    // Onboarding: each customer publishes the stable CNAME once.
    for (const domain of options.domains) {
      const cname = delegationCname(domain, ZONE);
      await emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    }

    const start = (await emu.control.clock()).now;
    const end = start + options.days * DAY;
    const runs: SoakRun[] = [];
    const outages = new Outages(emu, options, options.domains[0] ?? "");
    await emu.control.clearServing();
    // Every certificate issued, kept as it appears (revokeOnDelete deletes the old ones from CAS).
    const seen = new Map<string, CasCertificate>();
    const collect = async (): Promise<void> => {
      const cas = (await emu.control.objects())["cas"] as CasObjects;
      for (const c of cas.certificates) if (options.domains.includes(c.commonName)) seen.set(c.certId, c);
    };
    for (let at = start; at < end; at += options.everyDays * DAY) {
      const now = (await emu.control.clock()).now;
      if (at > now) await emu.control.advanceTime(at - now);
      const outage = await outages.apply(at, checkpoint(stack));
      const quiet = quietAt(checkpoint(stack), at);
      await emu.control.clearRequests();
      const t0 = performance.now();
      const result = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
      const wallMs = performance.now() - t0;
      const requests = await emu.control.requests();
      const run: SoakRun = {
        at: new Date(at).toISOString(),
        quiet,
        ok: result.code === 0,
        calls: requests.length,
        orders: requests.filter((r) => r.action === "CreateCertificateWithCsrRequest" && r.outcome === "ok").length,
        refused: requests.filter((r) => r.action === "CreateCertificateWithCsrRequest" && r.outcome !== "ok").length,
        wallMs,
        outage,
      };
      runs.push(run);
      await collect();
      log(
        `[soak] ${run.at.slice(0, 10)} ${run.ok ? "ok" : "FAILED"}${quiet ? " quiet" : ""}${outage === undefined ? "" : ` (${outage} outage)`}: ${run.calls} calls, ${run.orders} orders${run.refused > 0 ? ` (${run.refused} refused)` : ""}, ${(wallMs / 1000).toFixed(1)} s`,
      );
      if (quiet) assert.equal(run.calls, 0, `${run.at}: a quiet run made ${run.calls} API calls`);
      if (!run.ok && outage === undefined)
        throw new Error(`${run.at}: pulumi up failed outside an outage\n${result.stdout}\n${result.stderr}`);
    }
    await outages.end();
    // The run after the outages: everything recovers with no intervention.
    const final = await stack.run(["up", "--yes", "--skip-preview"], { allowFailure: true });
    assert.equal(final.code, 0, `the last run after the outages fails:\n${final.stdout}\n${final.stderr}`);
    await collect();

    const analysis = await emu.control.servingAnalysis();
    const violations = analysis.violations.map((v) => `${v.key}: ${v.kind} ${v.detail}`);
    const cas = (await emu.control.objects())["cas"] as CasObjects;
    const lifetimes: Record<string, number[]> = {};
    let renewalsNeeded = 0;
    for (const domain of options.domains) {
      const certs = [...seen.values()].filter((c) => c.commonName === domain).sort((a, b) => a.notBefore - b.notBefore);
      lifetimes[domain] = certs.map((c) => Math.round((c.notAfter - c.notBefore + 1000) / DAY));
      renewalsNeeded += renewalsFor(certs, end, options.everyDays);
    }
    const orders = runs.reduce((sum, r) => sum + r.orders, 0);
    const issued = cas.orders.filter((o) => options.domains.includes(o.domain) && o.certId !== null).length;
    assert.equal(orders, issued, "every order placed was issued: none wasted, none placed twice");
    assert.equal(seen.size, issued, "one certificate per order");

    await stack.destroy();
    const after = await emu.control.objects();
    const esa = after["esa"] as { hostnames: unknown[] };
    const left = after["cas"] as CasObjects;
    assert.deepEqual(esa.hostnames, [], "no ESA hostname left");
    assert.deepEqual(
      left.certificates.filter((c) => options.domains.includes(c.commonName) && !c.revoked),
      [],
      "no valid certificate left",
    );
    assert.deepEqual(
      left.orders.filter((o) => options.domains.includes(o.domain) && ["domain_verify", "process"].includes(o.state)),
      [],
      "no pending order left",
    );
    return {
      runs,
      orders,
      renewalsNeeded,
      lifetimes,
      violations,
      totalWallMs: performance.now() - started,
    };
  } finally {
    await stack?.remove();
    await emu.close();
  }
}

/**
 * Renewals the certificates of one domain needed: each certificate but the first replaced one whose window opened
 * (so none was renewed early, checked here), and the last one's window must not have opened more than a schedule
 * step before the end without a renewal.
 */
function renewalsFor(certs: readonly CasCertificate[], end: number, everyDays: number): number {
  const dueOf = (c: CasCertificate): number => c.notAfter - (c.notAfter - c.notBefore + 1000) / 3;
  for (let i = 1; i < certs.length; i++) {
    const previous = certs[i - 1];
    const current = certs[i];
    if (previous === undefined || current === undefined) continue;
    assert.ok(current.notBefore >= dueOf(previous) - 1000, `${current.commonName}: renewed before its window opened`);
  }
  const last = certs.at(-1);
  if (last !== undefined)
    assert.ok(dueOf(last) > end - everyDays * DAY, `${last.commonName}: a renewal window passed without a renewal`);
  return Math.max(0, certs.length - 1);
}

/** The two outages, switched on and off by simulated time. */
class Outages {
  private validation: { from: number; to: number } | undefined;
  private quota: { from: number; to: number; used: number } | undefined;
  private ended: number[] = [];

  constructor(
    private readonly emu: RunningEmulator,
    private readonly options: SoakOptions,
    private readonly domain: string,
  ) {}

  /** Switch outages for the run at `at`; which one is on. */
  async apply(at: number, resources: readonly CheckpointResource[]): Promise<"validation" | "quota" | undefined> {
    const due = this.firstDue(resources);
    const { validationOutageAfter: vAfter, quotaOutageAfter: qAfter } = this.options;
    if (this.validation === undefined && vAfter !== undefined && due !== undefined && due >= Date.parse(vAfter)) {
      this.validation = { from: due - DAY, to: due - DAY + (this.options.validationOutageDays ?? 7) * DAY };
    }
    if (this.quota === undefined && qAfter !== undefined && due !== undefined && due >= Date.parse(qAfter)) {
      this.quota = { from: due - DAY, to: due - DAY + (this.options.quotaOutageDays ?? 6) * DAY, used: -1 };
    }
    const cname = delegationCname(this.domain, ZONE);
    let on: "validation" | "quota" | undefined;
    if (this.validation !== undefined) {
      if (at >= this.validation.from && at < this.validation.to) {
        await this.emu.control.unpublishRecord({ kind: "dns", name: cname.name, type: "CNAME" });
        on = "validation";
      } else if (at >= this.validation.to && !this.ended.includes(this.validation.to)) {
        await this.emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
        this.ended.push(this.validation.to);
      }
    }
    if (this.quota !== undefined) {
      const plan = await this.plan();
      if (at >= this.quota.from && at < this.quota.to) {
        if (this.quota.used < 0) this.quota.used = plan.used;
        await this.emu.control.service("cas", "setQuota", { productCode: PRODUCT, total: plan.used, used: plan.used });
        on = on ?? "quota";
      } else if (at >= this.quota.to && !this.ended.includes(this.quota.to)) {
        await this.emu.control.service("cas", "setQuota", { productCode: PRODUCT, total: 10_000, used: plan.used });
        this.ended.push(this.quota.to);
      }
    }
    return on;
  }

  /** End every outage (the soak's last run must recover from whatever is still on). */
  async end(): Promise<void> {
    const cname = delegationCname(this.domain, ZONE);
    await this.emu.control.publishRecord({ kind: "dns", name: cname.name, type: "CNAME", value: cname.value });
    const plan = await this.plan();
    await this.emu.control.service("cas", "setQuota", { productCode: PRODUCT, total: 10_000, used: plan.used });
  }

  private async plan(): Promise<{ used: number }> {
    const cas = (await this.emu.control.objects())["cas"] as CasObjects;
    return { used: cas.packages.find((p) => p.productCode === PRODUCT)?.used ?? 0 };
  }

  /** The earliest recorded `renewalDue` of the stack's orders. */
  private firstDue(resources: readonly CheckpointResource[]): number | undefined {
    const dues = resources
      .filter((r) => r.type.endsWith(":CasDvCertificateOrder") && r.delete !== true)
      .map((r) => Date.parse(String(r.outputs?.["renewalDue"])))
      .filter((d) => !Number.isNaN(d));
    return dues.length === 0 ? undefined : Math.min(...dues);
  }
}

/** The README's figures from one soak. */
export function soakSummary(result: SoakResult): string[] {
  const quiet = result.runs.filter((r) => r.quiet);
  const busy = result.runs.filter((r) => !r.quiet);
  return [
    `| Runs (plain \`pulumi up\`) | ${result.runs.length} (${quiet.length} quiet) |`,
    `| API calls per quiet run | ${Math.max(0, ...quiet.map((r) => r.calls))} (max) |`,
    `| Orders placed / renewals needed | ${result.orders} / ${result.renewalsNeeded + Object.keys(result.lifetimes).length} (incl. the first order per domain) |`,
    `| Certificate lifetimes seen (days) | ${[...new Set(Object.values(result.lifetimes).flat())].sort((a, b) => b - a).join(", ")} |`,
    `| Order attempts refused by the emptied DV plan (quota outage) | ${result.runs.reduce((n, r) => n + r.refused, 0)} |`,
    `| Serving violations | ${result.violations.length} |`,
    `| Failed runs (all inside an outage) | ${result.runs.filter((r) => !r.ok).length} |`,
    `| Wall time per run, median: quiet / with work | ${(median(quiet.map((r) => r.wallMs)) / 1000).toFixed(1)} s / ${(median(busy.map((r) => r.wallMs)) / 1000).toFixed(1)} s |`,
    `| Total wall time | ${(result.totalWallMs / 60_000).toFixed(1)} min |`,
  ];
}
