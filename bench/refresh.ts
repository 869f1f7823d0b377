/**
 * Scenario 4 (issue 14): refresh of 50 per-domain `ga.ListenerAdditionalCertificate` bindings on a listener holding
 * 100, counted in ListListenerCertificates calls from the emulator's request log.
 *
 * - before: each resource's read lists the listener alone, every page (what `readBinding` did until reads were
 *   coalesced): `listBindings` once per resource;
 * - after: the resource's own `readBinding` (what the dynamic-provider host calls on refresh), through the engine's
 *   shared listener reads.
 *
 * Each variant runs with all 50 reads at once and with at most 8 in flight (Pulumi's default `--parallel` on this
 * 2-core machine is 8), in-process against one emulator, the read state cleared between runs. Then the same refresh
 * through the real CLI: `bench/programs/ga-per-domain` (the staged package) adopts the 50 bindings with `pulumi up`
 * and is refreshed with `pulumi refresh --parallel 8` and `--parallel 64`.
 */
import * as path from "node:path";
import { listBindings } from "../provider/resources/ga/engine/live";
import { listenerReads } from "../provider/resources/ga/engine/reads";
import { bindingId } from "../provider/resources/ga/ids";
import { readBinding } from "../provider/resources/ga/listener-additional-certificate/read";
import { PulumiStack } from "../tests/helpers/engine";
import { ACCELERATOR_ID, certificateOf, domainOf, LISTENER_ID, startWorld, type World } from "./fixture";

/** Bindings on the listener. */
export const REFRESH_BINDINGS = 100;
/** Per-domain resources refreshed. */
export const REFRESH_RESOURCES = 50;

/** One measured refresh. */
export interface RefreshRow {
  /** `cli`: the shared reads through `pulumi refresh`. */
  readonly variant: "before" | "after" | "cli";
  /** Reads in flight at most (50: all at once; 8: like `pulumi refresh --parallel 8`); for `cli`, `--parallel`. */
  readonly concurrency: number;
  readonly lists: number;
  readonly wallMs: number;
}

/** Run `tasks` with at most `limit` in flight. */
async function pooled(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < tasks.length; i = next++) await (tasks[i] as () => Promise<void>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

async function refreshOnce(world: World, variant: RefreshRow["variant"], concurrency: number): Promise<RefreshRow> {
  listenerReads.keys.clear();
  await world.emu.control.clearRequests();
  const client = world.client();
  {
    const tasks = Array.from({ length: REFRESH_RESOURCES }, (_, i) => async (): Promise<void> => {
      const domain = domainOf(i + 1);
      const found =
        variant === "before"
          ? (await listBindings(client, ACCELERATOR_ID, LISTENER_ID)).get(domain)?.certificateId
          : (await readBinding(client, bindingId(ACCELERATOR_ID, LISTENER_ID, domain))).props?.["certificateId"];
      if (found !== certificateOf(i + 1)) throw new Error(`bench: refresh read ${String(found)} for ${domain}`);
    });
    const started = performance.now();
    await pooled(tasks, concurrency);
    const wallMs = performance.now() - started;
    const lists = (await world.emu.control.requests({ product: "ga", action: "ListListenerCertificates" })).length;
    return { variant, concurrency, lists, wallMs };
  }
}

/** `pulumi up` (adopting the seeded bindings, no write) then one `pulumi refresh --parallel P` per P. */
async function refreshThroughCli(world: World, parallels: readonly number[]): Promise<RefreshRow[]> {
  const stack = await PulumiStack.create(path.join(__dirname, "programs/ga-per-domain"), {
    ALICLOUD_CERTS_ENDPOINT: world.emu.url,
    ALICLOUD_CERTS_MIN_POLL_MS: "100",
    ALICLOUD_CERTS_MAX_POLL_MS: "400",
  });
  try {
    await stack.setConfig("alicloud:accessKey", world.emu.accessKeyId);
    await stack.setConfig("alicloud:secretKey", world.emu.accessKeySecret, true);
    await stack.setConfig("acceleratorId", ACCELERATOR_ID);
    await stack.setConfig("listenerId", LISTENER_ID);
    await stack.setConfig("count", String(REFRESH_RESOURCES));
    await stack.up();
    const rows: RefreshRow[] = [];
    for (const parallel of parallels) {
      await world.emu.control.clearRequests();
      const started = performance.now();
      await stack.refresh(["--parallel", String(parallel)]);
      const wallMs = performance.now() - started;
      const lists = (await world.emu.control.requests({ product: "ga", action: "ListListenerCertificates" })).length;
      rows.push({ variant: "cli", concurrency: parallel, lists, wallMs });
    }
    return rows;
  } finally {
    await stack.remove();
  }
}

/** Run scenario 4 once per variant and concurrency, then (unless `withCli` is false) through the CLI. */
export async function runRefreshScenario(gaWriteMs: number, withCli = true): Promise<RefreshRow[]> {
  const world = await startWorld(REFRESH_BINDINGS, true, gaWriteMs);
  try {
    const rows: RefreshRow[] = [];
    for (const concurrency of [REFRESH_RESOURCES, 8])
      for (const variant of ["before", "after"] as const) rows.push(await refreshOnce(world, variant, concurrency));
    if (withCli) rows.push(...(await refreshThroughCli(world, [8, 64])));
    return rows;
  } finally {
    await world.emu.close();
  }
}

/** The Markdown section of scenario 4. */
export function refreshSection(rows: readonly RefreshRow[]): string {
  const label = (v: RefreshRow["variant"]): string =>
    v === "before"
      ? "before: each resource lists alone"
      : v === "after"
        ? "after: shared listener reads (ours)"
        : "after, through `pulumi refresh --parallel P`";
  return [
    `### GA refresh: ${REFRESH_RESOURCES} per-domain bindings on a ${REFRESH_BINDINGS}-binding listener`,
    "",
    `\`readBinding\` of \`ga.ListenerAdditionalCertificate\` (what the host calls on refresh) for ` +
      `${REFRESH_RESOURCES} resources, in-process against the emulator, against each resource listing the listener ` +
      `alone (the code before reads were shared). ListListenerCertificates returns at most 50 bindings per page, so ` +
      `one full listing of ${REFRESH_BINDINGS} bindings is ${Math.ceil(REFRESH_BINDINGS / 50)} calls. The last rows ` +
      "run `bench/programs/ga-per-domain` through the real CLI (staged package); their wall time includes the CLI.",
    "",
    "| Variant | Reads in flight (P) | ListListenerCertificates calls | Wall time |",
    "|---|--:|--:|--:|",
    ...rows.map((r) => `| ${label(r.variant)} | ${r.concurrency} | ${r.lists} | ${(r.wallMs / 1000).toFixed(2)} s |`),
    "",
  ].join("\n");
}
