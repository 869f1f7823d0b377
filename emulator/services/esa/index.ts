/**
 * ESA (Edge Security Acceleration, API 2024-09-10): sites, DNS records and SaaS custom hostnames with their
 * ownership verification and certificate life cycles. See errors.ts for every error code and seed.ts for the seed.
 */
import type { ActionDefinition, ServiceDefinition } from "../../core/contract";
import { withServiceChecks } from "./model/conditions";
import { esaControls } from "./controls";
import { dumpEsaObjects } from "./dump";
import { hostnameReadActions } from "./handlers/hostname-reads";
import { hostnameWriteActions } from "./handlers/hostname-writes";
import { siteActions } from "./handlers/sites";
import { verificationActions } from "./handlers/verification";
import { tickEsa } from "./lifecycle";
import { esaServing } from "./serving";
import { applyEsaSeed, defaultEsaSeed } from "./seed";
import { emptyEsaState, type EsaState } from "./state";

export type { EsaState } from "./state";
export { defaultEsaSeed } from "./seed";

/** Every action behind the permission and back-end checks (model/conditions.ts). */
function withChecks(
  actions: Readonly<Record<string, ActionDefinition<EsaState>>>,
): Record<string, ActionDefinition<EsaState>> {
  return Object.fromEntries(Object.entries(actions).map(([name, action]) => [name, withServiceChecks(action)]));
}

/** The ESA service definition the emulator core mounts for API version 2024-09-10. */
export const esaService: ServiceDefinition<EsaState> = {
  product: "esa",
  emptyState: emptyEsaState,
  tick: tickEsa,
  actions: withChecks({ ...siteActions, ...hostnameWriteActions, ...hostnameReadActions, ...verificationActions }),
  applySeed: applyEsaSeed,
  defaultSeed: defaultEsaSeed,
  controls: esaControls,
  dumpObjects: dumpEsaObjects,
  serving: esaServing,
};
