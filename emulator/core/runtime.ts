/** The emulator's live parts, shared by the API pipeline, the control API and the HTTP server. */
import type { SimulatedClock } from "./clock";
import type { EmulatorSeed } from "./contract";
import type { FaultRegistry } from "./faults";
import type { NonceCache } from "./nonce-cache";
import type { RateLimiter } from "./rate-limit";
import type { RequestLog } from "./request-log";
import type { World } from "./world";

/** Where the emulator's own messages go (`quiet` silences them). */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** See the module comment. */
export interface Runtime {
  readonly world: World;
  readonly clock: SimulatedClock;
  readonly faults: FaultRegistry;
  readonly limiter: RateLimiter;
  readonly log: RequestLog;
  readonly nonces: NonceCache;
  /** Real wall time (ms), for signature timestamps. */
  readonly wallNow: () => number;
  /** `host:port` of the emulator's DNS server (`GET /__emulator/health` reports it). */
  readonly dnsServer: string;
  /** The seed `POST /__emulator/reset` returns to. */
  readonly startSeed: EmulatorSeed;
  readonly logger: Logger;
  /** Write the state file (no-op without one). */
  persist(): void;
  /** A delay that ends early (resolving `false`) when the emulator closes. */
  sleep(ms: number): Promise<boolean>;
}
