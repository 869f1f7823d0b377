/**
 * Tunables of the GA engine that both its write scheduler and its read coalescing use.
 */
import { readSetting } from "../../../settings/read";
import { SETTINGS } from "../../../settings/table";

/** Default gather window: long enough for intents Pulumi sends together, short against a GA write (seconds). */
export const DEFAULT_GATHER_MS = SETTINGS.gaGatherMs.default;

/** The gather window in ms: env `ALICLOUD_CERTS_GA_GATHER_MS` (0 disables), else {@link DEFAULT_GATHER_MS}. */
export function gatherMs(): number {
  return readSetting(SETTINGS.gaGatherMs);
}
