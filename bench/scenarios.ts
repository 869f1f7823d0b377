/**
 * Scenarios 1 and 2: N per-domain bindings on one listener created (or deleted) concurrently, once through the
 * engine and once TF-style, each run against its own fresh emulator. The engine is driven in-process through the
 * per-domain resource's implementation functions (`createBinding` / `deleteBinding`, what the dynamic-provider host
 * calls), not through the gRPC host: the host adds the same constant per-call overhead to both variants and would
 * need the staged package, while this measures the scheduling the engine is about.
 */
import { bindingId } from "../provider/resources/ga/ids";
import { createBinding } from "../provider/resources/ga/listener-additional-certificate/create";
import { deleteBinding } from "../provider/resources/ga/listener-additional-certificate/delete";
import { runTfStyle } from "./baseline";
import {
  ACCELERATOR_ID,
  certificateOf,
  domainOf,
  LISTENER_ID,
  liveBindings,
  startWorld,
  tally,
  type CallTally,
  type World,
} from "./fixture";

export type Operation = "create" | "delete";
export type Variant = "engine" | "baseline";

/** One measured run. */
export interface RunResult {
  /** Wall time from issuing the N operations to the last one finishing (the cap, when capped). */
  readonly wallMs: number;
  readonly calls: CallTally;
  /** Set when the time cap stopped the run: how many of the N bindings were done within it. */
  readonly capped?: { readonly done: number };
}

/** Settings shared by every run. */
export interface RunSettings {
  readonly gaWriteMs: number;
  /** Stop a baseline run after this many ms (undefined: run to completion). Engine runs are never capped. */
  readonly capMs: number | undefined;
}

/** Fail loudly unless the listener ended as the operation promised, so no figure comes from a broken run. */
async function verify(world: World, operation: Operation): Promise<void> {
  const live = await liveBindings(world);
  const expected = operation === "create" ? world.n : 0;
  const settled = [...live.values()].every((state) => state === "active");
  if (live.size !== expected || !settled)
    throw new Error(
      `bench: after ${operation} of ${world.n} the listener holds ${live.size} bindings (settled: ${settled})`,
    );
}

const ids = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

async function runEngine(world: World, operation: Operation): Promise<RunResult> {
  const client = world.client();
  const started = performance.now();
  if (operation === "create")
    await Promise.all(
      ids(world.n).map((i) =>
        createBinding(client, {
          acceleratorId: ACCELERATOR_ID,
          listenerId: LISTENER_ID,
          domain: domainOf(i),
          certificateId: certificateOf(i),
        }),
      ),
    );
  else
    await Promise.all(
      ids(world.n).map((i) => deleteBinding(client, bindingId(ACCELERATOR_ID, LISTENER_ID, domainOf(i)), {})),
    );
  const wallMs = performance.now() - started;
  await verify(world, operation);
  return { wallMs, calls: tally(await world.emu.control.requests({ product: "ga" })) };
}

async function runBaseline(world: World, operation: Operation, capMs: number | undefined): Promise<RunResult> {
  const controller = new AbortController();
  // The request-log position when the cap fired: calls logged after it (the tail of writes already accepted) are
  // not counted, so a capped row shows what the baseline spent within the cap.
  let cursor: Promise<number> | undefined;
  controller.signal.addEventListener("abort", () => {
    cursor = world.emu.control.requests({ product: "ga" }).then((entries) => entries.at(-1)?.seq ?? 0);
  });
  const bindings = ids(world.n).map((i) => ({
    acceleratorId: ACCELERATOR_ID,
    listenerId: LISTENER_ID,
    domain: domainOf(i),
    certificateId: certificateOf(i),
  }));
  const startedAt = Date.now();
  const started = performance.now();
  const timer = capMs === undefined ? undefined : setTimeout(() => controller.abort(), capMs);
  const outcomes = await runTfStyle(world.client(), operation, bindings, controller.signal);
  const wallMs = performance.now() - started;
  clearTimeout(timer);
  const entries = await world.emu.control.requests({ product: "ga" });
  if (cursor === undefined) {
    await verify(world, operation);
    return { wallMs, calls: tally(entries) };
  }
  const capAt = startedAt + (capMs ?? 0);
  const done = outcomes.filter((o) => o.done && o.at <= capAt).length;
  return { wallMs: capMs ?? wallMs, calls: tally(entries, await cursor), capped: { done } };
}

/** Run one scenario once, against a fresh emulator. */
export async function runOnce(
  operation: Operation,
  variant: Variant,
  n: number,
  settings: RunSettings,
): Promise<RunResult> {
  // A delete starts from the N bindings already in place (seeded, all `active`), so it does not depend on a create.
  const world = await startWorld(n, operation === "delete", settings.gaWriteMs);
  try {
    return variant === "engine"
      ? await runEngine(world, operation)
      : await runBaseline(world, operation, settings.capMs);
  } finally {
    await world.emu.close();
  }
}
