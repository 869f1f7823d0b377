/**
 * GA (Global Accelerator, API version 2019-11-20): accelerators, listeners and listener additional certificates,
 * with the asynchronous writes and the per-instance exclusive lock that callers must wait out.
 */
import { type ServiceDefinition } from "../../core/contract";
import { gaControls } from "./controls";
import { dumpGaObjects } from "./dump";
import { gaReadActions } from "./handlers/reads";
import { gaWriteActions } from "./handlers/writes";
import { tickGa } from "./lifecycle";
import { applyGaSeed, GA_DEFAULT_SEED } from "./seed";
import { gaServing } from "./serving";
import { emptyGaState, type GaState } from "./state";

export { GA_DEFAULT_SEED } from "./seed";
export type { GaState } from "./state";

/** The GA service definition the emulator core mounts. */
export const gaService: ServiceDefinition<GaState> = {
  product: "ga",
  emptyState: emptyGaState,
  tick: tickGa,
  actions: { ...gaReadActions, ...gaWriteActions },
  applySeed: applyGaSeed,
  defaultSeed: GA_DEFAULT_SEED,
  controls: gaControls,
  dumpObjects: dumpGaObjects,
  serving: gaServing,
};
