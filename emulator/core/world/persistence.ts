/** The state file: the whole world plus what the core needs to resume (clock, credentials, ClientToken replies). */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Credential } from "../auth";
import type { ClockSnapshot } from "../clock";
import type { WorldState } from "../contract";
import { isRecord } from "../json";
import type { ErasedService } from "../registry";
import type { StoredReply } from "./client-tokens";

/** The JSON written to `stateFile`. */
export interface PersistedState {
  format: "alicloud-certs-emulator-state";
  version: 1;
  /** Simulated time at the save; a reloaded emulator continues from it. */
  clock: ClockSnapshot;
  credentials: Credential[];
  /** First replies of ClientToken calls, keyed `product\naction\ntoken`. */
  clientTokens: StoredReply[];
  world: WorldState;
}

/** The state file of `world` and of what the core keeps beside it. */
export function stateFileOf(
  clock: ClockSnapshot,
  credentials: Credential[],
  clientTokens: StoredReply[],
  world: WorldState,
): PersistedState {
  return { format: "alicloud-certs-emulator-state", version: 1, clock, credentials, clientTokens, world };
}

/** Write atomically (temp file + rename) so a crash mid-write never leaves a truncated state file. */
export function saveStateFile(path: string, state: PersistedState): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state, null, 2) + "\n", "utf8");
  renameSync(tmp, path);
}

/** Read a state file; `undefined` when it does not exist. Throws when it exists but is not one of ours. */
export function loadStateFile(path: string): PersistedState | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as unknown;
  if (!isPersistedState(parsed)) throw new Error(`${path} is not an emulator state file (format/version mismatch).`);
  return parsed;
}

function isPersistedState(value: unknown): value is PersistedState {
  if (!isRecord(value) || value["format"] !== "alicloud-certs-emulator-state" || value["version"] !== 1) return false;
  const { clock, credentials, clientTokens, world } = value;
  return (
    isRecord(clock) &&
    typeof clock["now"] === "number" &&
    typeof clock["speed"] === "number" &&
    Array.isArray(credentials) &&
    credentials.every(
      (c) => isRecord(c) && typeof c["accessKeyId"] === "string" && typeof c["accessKeySecret"] === "string",
    ) &&
    Array.isArray(clientTokens) &&
    clientTokens.every((t) => isRecord(t) && typeof t["key"] === "string" && isRecord(t["body"])) &&
    isRecord(world) &&
    Array.isArray(world["records"]) &&
    isRecord(world["sequences"])
  );
}

/**
 * The world a loaded state file describes, filled into `world` (one with no objects): each service's slice the file
 * has (a service it lacks keeps its empty one), the records, the sequences and the serving timelines.
 */
export function restoredWorld(
  world: WorldState,
  services: readonly ErasedService[],
  persisted: PersistedState,
): WorldState {
  for (const s of services) {
    if (persisted.world[s.product] !== undefined && persisted.world[s.product] !== null) {
      world[s.product] = persisted.world[s.product];
    }
  }
  world.records = persisted.world.records;
  world.sequences = persisted.world.sequences;
  // State files written before the serving timeline existed have none: history starts at the load.
  world.serving = isRecord(persisted.world.serving) ? persisted.world.serving : {};
  return world;
}
