/**
 * The CreateCustomHostname quota of `esa.CustomHostname`: ESA allows 100 calls per hour per account. A create past it
 * never stalls silently. It either waits for the next slot, saying at once why, how many creates are queued and when
 * the slot opens, and again at least every 30 s, or it fails fast with "quota: N of 100 used this hour". The setting
 * `alicloud:esaCreateQuota` (or `ALICLOUD_CERTS_ESA_CREATE_QUOTA`) chooses: `wait` (the default) or `fail`.
 *
 * Two sources say the quota is used up: this process's own count (so its creates queue here instead of spending
 * calls on throttling), and the API's throttling answer (`TooManyRequests`), which covers what this process cannot
 * count: another process, another stack, an earlier `up` in the same hour. Both are handled the same way, until the
 * create's deadline (its `waitTimeoutSeconds`).
 */
import { isAlibabaCloudError, isThrottlingCode } from "../../../transport/errors";
import { pollSchedule } from "../../../util/poll-schedule";
import { abortableSleep, hostShutdownSignal } from "../../../util/shutdown";
import { SlidingQuota, type QuotaState } from "../../../util/sliding-quota";
import { readSetting, settingLabel } from "../../../settings/read";
import { configKey } from "../../../settings/setting";
import { SETTINGS } from "../../../settings/table";
import { pollDelays, progress } from "../../common/host";

/** CreateCustomHostname calls ESA allows per window (doc: 100 per hour per account). */
export const CREATE_QUOTA_LIMIT = 100;
/** The quota's window: one hour. */
export const CREATE_QUOTA_WINDOW_MS = SETTINGS.esaCreateWindowMs.default;
/** Stack config key of the policy. */
export const QUOTA_POLICY_CONFIG = configKey(SETTINGS.esaCreateQuota);
/** Environment variable of the policy (when the stack config does not set it). */
export const QUOTA_POLICY_ENV = SETTINGS.esaCreateQuota.env[0];
/**
 * Environment variable overriding the window's length in ms, for the emulator with a sped-up clock (its hour is
 * `3600000 / speed` real ms). Not for the real service, whose window is one hour.
 */
export const QUOTA_WINDOW_ENV = SETTINGS.esaCreateWindowMs.env[0];

/** What a create does when the quota is used up. */
export type QuotaPolicy = "wait" | "fail";

/** Longest silence while a create waits for a slot. */
const PROGRESS_EVERY_MS = 30_000;

/** Thrown when a create may not wait (policy `fail`) or its slot opens after its deadline. */
export class QuotaExhaustedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "QuotaExhaustedError";
  }
}

/** The policy from the setting; a value other than `wait` or `fail` is an error naming the setting and the rule. */
export function quotaPolicy(): QuotaPolicy {
  return readSetting(SETTINGS.esaCreateQuota);
}

/** This host process's count, and how many creates wait for a slot now. Module state: one per host process. */
const local: { quota: SlidingQuota | undefined; queued: number } = { quota: undefined, queued: 0 };

function windowMs(): number {
  return readSetting(SETTINGS.esaCreateWindowMs);
}

/** The process's quota (its window read once, at the first create). */
export function createQuota(): SlidingQuota {
  local.quota ??= new SlidingQuota(CREATE_QUOTA_LIMIT, windowMs());
  return local.quota;
}

/** Forget the count (tests). */
export function resetCreateQuota(): void {
  local.quota = undefined;
  local.queued = 0;
}

function clock(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

function inSeconds(at: number, now: number): string {
  return `${Math.max(0, Math.ceil((at - now) / 1000))}s`;
}

/** The fail-fast message: "quota: N of 100 used this hour", when the next slot opens, and how to wait instead. */
export function exhaustedMessage(state: QuotaState, byApi: string | undefined, now: number): string {
  const source = byApi === undefined ? "" : ` (the API answered ${byApi}: another process or stack used the quota)`;
  return (
    `quota: ${state.used} of ${state.limit} CreateCustomHostname calls used this hour${source}; the next slot ` +
    `opens at ${clock(state.nextSlotAt)} (in ${inSeconds(state.nextSlotAt, now)}). Set ` +
    `${settingLabel(SETTINGS.esaCreateQuota)} to "wait" to queue creates, for at most waitTimeoutSeconds`
  );
}

/** The waiting line: why, how many are queued, when the slot opens. */
export function waitingMessage(hostname: string, state: QuotaState, queued: number, byApi: string | undefined): string {
  const now = Date.now();
  const why =
    byApi === undefined
      ? `the CreateCustomHostname quota is used up (${state.used} of ${state.limit} this hour)`
      : `the API answered ${byApi}: the CreateCustomHostname quota (${state.limit} per hour) is used up, by another process or stack`;
  const when = byApi === undefined ? "the next slot opens" : "trying again";
  return (
    `esa.CustomHostname ${hostname} waits: ${why}; ${queued} create${queued === 1 ? "" : "s"} queued; ` +
    `${when} at ${clock(state.nextSlotAt)} (in ${inSeconds(state.nextSlotAt, now)})`
  );
}

/**
 * The line a create prints when it used half of the window's quota, or the last of it: a user onboarding many
 * hostnames learns before the stall that creates past the quota will wait (or fail), and until when.
 */
export function milestoneLine(hostname: string, state: QuotaState, policy: QuotaPolicy): string | undefined {
  const then = policy === "wait" ? "wait" : "fail";
  if (state.used === state.limit)
    return (
      `esa.CustomHostname ${hostname}: CreateCustomHostname quota ${state.used} of ${state.limit} used this hour; ` +
      `further creates ${then} until ${clock(state.nextSlotAt)}`
    );
  if (state.used === Math.ceil(state.limit / 2))
    return (
      `esa.CustomHostname ${hostname}: CreateCustomHostname quota ${state.used} of ${state.limit} used this hour; ` +
      `creates past ${state.limit} ${then} until slots reopen, the first at ${clock(state.oldestLeavesAt)}`
    );
  return undefined;
}

/** The code of a throttling answer, or `undefined` for any other outcome. */
function throttlingCode(error: unknown): string | undefined {
  return isAlibabaCloudError(error) && error.kind === "api" && isThrottlingCode(error.code) ? error.code : undefined;
}

/** A pause that the process's shutdown cuts short (a queued create must not outlive the engine that asked for it). */
function sleep(ms: number): Promise<void> {
  return abortableSleep(Math.max(1, Math.ceil(ms)), hostShutdownSignal());
}

/**
 * Send one CreateCustomHostname (`send`) within the quota: take a slot of this process's count, waiting for one under
 * the policy, and treat a throttling answer as the quota used up elsewhere (the slot is given back: a rejected call
 * uses none of the API's quota). `send` must not retry by itself (no transport retries): other definite rejections
 * (busy codes) are retried here too, so every retry of a create is bounded by `deadline` (epoch ms).
 */
export async function sendWithinQuota<T>(hostname: string, deadline: number, send: () => Promise<T>): Promise<T> {
  const policy = quotaPolicy();
  const quota = createQuota();
  const started = Date.now();
  const retryPauses = pollSchedule("elapsed", { ...pollDelays(), random: Math.random });
  let queued = false;
  let byApi: string | undefined;
  let lastLine: string | undefined;
  let lastLineAt = 0;
  try {
    for (;;) {
      const token = quota.tryTake();
      if (token !== undefined) {
        try {
          // The count this create's slot made (others may take slots while it is in flight); a create that waited
          // has said enough already.
          const taken = quota.state();
          const result = await send();
          const line = queued || byApi !== undefined ? undefined : milestoneLine(hostname, taken, policy);
          if (line !== undefined) progress(line);
          return result;
        } catch (error: unknown) {
          quota.giveBack(token);
          const now = Date.now();
          const retryAt = Math.min(now + retryPauses.nextPause(now - started), deadline);
          const code = throttlingCode(error);
          if (code === undefined) {
            // Busy codes and refused connections: definite rejections the transport would have retried.
            if (!isAlibabaCloudError(error) || !error.retryable || error.ambiguous || retryAt <= now) throw error;
            progress(
              `esa.CustomHostname ${hostname}: CreateCustomHostname answered ${error.code}; trying again at ${clock(retryAt)}`,
            );
            await sleep(retryAt - now);
            continue;
          }
          byApi = code;
          quota.blockUntil(retryAt);
        }
      }
      const now = Date.now();
      const state = quota.state();
      const apiState = byApi === undefined ? state : { ...state, used: state.limit };
      if (policy === "fail") throw new QuotaExhaustedError(exhaustedMessage(apiState, byApi, now));
      if (state.nextSlotAt > deadline || now >= deadline)
        throw new QuotaExhaustedError(
          `${exhaustedMessage(apiState, byApi, now)}; that is after this create's deadline ` +
            `(${inSeconds(deadline, started)} after it started)`,
        );
      if (!queued) {
        queued = true;
        local.queued++;
      }
      const line = waitingMessage(hostname, apiState, local.queued, byApi);
      const sameAsLast = line.replace(/\(in \d+s\)/, "") === lastLine?.replace(/\(in \d+s\)/, "");
      if (!sameAsLast || now - lastLineAt >= PROGRESS_EVERY_MS) {
        progress(line);
        lastLine = line;
        lastLineAt = now;
      }
      await sleep(Math.min(state.nextSlotAt - now, lastLineAt + PROGRESS_EVERY_MS - now));
    }
  } finally {
    if (queued) local.queued--;
  }
}
