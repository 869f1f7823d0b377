/**
 * The registry of the emulator's services, in seeding order: CAS before GA, because GA seeds and calls refer to CAS
 * certificates.
 */
import { eraseService, type ErasedService } from "./core/registry";
import { casService } from "./services/cas";
import { esaService } from "./services/esa";
import { gaService } from "./services/ga";

/** Every product the emulator serves. */
export const SERVICES: readonly ErasedService[] = [
  eraseService(esaService),
  eraseService(casService),
  eraseService(gaService),
];
