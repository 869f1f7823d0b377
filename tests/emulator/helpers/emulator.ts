/** Start a core emulator with the fake services (quiet, port 0) for one test file. */
import { startEmulatorCore } from "../../../emulator/core/start";
import type { EmulatorOptions, RunningEmulator } from "../../../emulator/core/options";
import { FAKE_SERVICES } from "./fake-services";

/** A fresh emulator with {@link FAKE_SERVICES}; close it in `after`. */
export function startFakeEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulatorCore(FAKE_SERVICES, { quiet: true, ...options });
}
