/**
 * The local Alibaba Cloud API emulator (ESA 2024-09-10, CAS 2020-04-07, GA 2019-11-20): a wire-faithful HTTP server
 * that Alibaba's own SDKs accept, plus an unsigned control API for tests.
 *
 * @example
 * ```ts
 * const emu = await startEmulator();
 * // Config({ endpoint: emu.endpoint, protocol: "http", accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret })
 * await emu.control.addFault({ product: "ga", action: "AssociateAdditionalCertificatesWithListener", mode: "timeoutAfterCommit", count: 1 });
 * await emu.close();
 * ```
 */
import type { EmulatorOptions, RunningEmulator } from "./core/options";
import { startEmulatorCore } from "./core/start";
import { SERVICES } from "./services";

/** Start the emulator with the ESA, CAS and GA services. See {@link EmulatorOptions}. */
export function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulatorCore(SERVICES, options);
}

export { EmulatorControl, EmulatorControlError, type RecordSelectorInput } from "./client";
export type { EmulatorOptions, RunningEmulator } from "./core/options";
export { DEFAULT_TIMINGS } from "./core/options";
export { DEFAULT_CREDENTIAL } from "./core/world/seed";
export { CONTROL_PREFIX } from "./core/control-api";
export { API_VERSIONS, ApiError } from "./core/contract";
export { SC081_SCHEDULE, type CaScheduleEntry } from "./core/ca-schedule";
export type { EmulatorSeed, EmulatorTimings, Product, PublishedRecord, WorldState } from "./core/contract";
export type {
  ClockInfo,
  FaultMode,
  FaultRuleInfo,
  FaultRuleInput,
  HealthInfo,
  RateLimitOverrideInput,
  RequestLogEntry,
  RequestLogFilter,
  DnsAnswer,
} from "./core/control-types";
export type {
  ConsumerTimeline,
  ServedCertificate,
  ServingAnalysis,
  ServingConsumer,
  ServingPeriod,
  ServingReport,
  ServingViolation,
  ServingViolationKind,
} from "./core/serving-types";
