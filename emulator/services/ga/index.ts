/**
 * GA (Global Accelerator, API version 2019-11-20): accelerators, listeners and listener additional certificates,
 * with the asynchronous writes and the per-instance exclusive lock that callers must wait out.
 */
import { type ServiceDefinition } from "../../core/contract";
import { dumpGaObjects, gaControls } from "./controls";
import { tickGa } from "./lifecycle";
import { gaServing } from "./serving";
import { gaReadActions } from "./handlers/reads";
import { applyGaSeed, GA_DEFAULT_SEED } from "./seed";
import { emptyGaState, type GaState } from "./state";
import { gaWriteActions } from "./handlers/writes";

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
  dumpObjects: (state) => dumpGaObjects(state),
  serving: gaServing,
};
