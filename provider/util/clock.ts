/**
 * The provider's clock: what "now" is when a diff decides whether a certificate is due for renewal.
 *
 * Against the real service this is the system clock (the real service's time is real time). Against the local
 * emulator, whose clock can be frozen or jumped by months, set `ALICLOUD_CERTS_CLOCK_URL` to its clock endpoint
 * (`http://127.0.0.1:<port>/__emulator/clock`): the provider then reads the time from there, so a renewal window
 * opens when the emulator's time says so. The endpoint answers `{now}` (milliseconds since the epoch) or `{iso}`;
 * any other answer falls back to the response's HTTP `Date` header, so any server can serve as the clock.
 */

import { readSetting } from "../settings/read";
import { hostSources, NO_CONFIG, type Environment } from "../settings/sources";
import { SETTINGS } from "../settings/table";

/** The environment variable naming the clock endpoint. Unset: the system clock. */
export const CLOCK_URL_ENV = SETTINGS.clockUrl.env[0];

/** How long a clock request may take before the diff fails instead of guessing the time. */
const CLOCK_TIMEOUT_MS = 5000;

/** A source of the current time. Tests pass a fixed one. */
export type Clock = () => Promise<Date>;

/** The system clock. */
export const systemClock: Clock = () => Promise.resolve(new Date());

/** The time in a clock endpoint's answer: `{now}` or `{iso}` in the body, else the `Date` header. */
export function timeFromClockReply(body: unknown, dateHeader: string | null): Date | undefined {
  if (typeof body === "object" && body !== null) {
    const { now, iso } = body as { now?: unknown; iso?: unknown };
    if (typeof now === "number" && Number.isFinite(now)) return new Date(now);
    if (typeof iso === "string" && !Number.isNaN(Date.parse(iso))) return new Date(iso);
  }
  if (dateHeader !== null && !Number.isNaN(Date.parse(dateHeader))) return new Date(dateHeader);
  return undefined;
}

/** A clock that asks `url` for the time on every call. Fails (never guesses) when the endpoint gives no time. */
export function urlClock(url: string, fetchImpl: typeof fetch = fetch): Clock {
  return async () => {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(CLOCK_TIMEOUT_MS) });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const time = timeFromClockReply(body, response.headers.get("date"));
    if (time === undefined)
      throw new Error(`${CLOCK_URL_ENV} ${url} answered without a time (HTTP ${response.status})`);
    return time;
  };
}

/**
 * The clock the environment selects: {@link urlClock} when `ALICLOUD_CERTS_CLOCK_URL` is set, else the system clock.
 * A value that is not an http(s) URL fails here, naming the variable, before any request.
 */
export function clockFromEnv(env: Environment = hostSources().env): Clock {
  const url = readSetting(SETTINGS.clockUrl, { config: NO_CONFIG, env });
  return url === undefined ? systemClock : urlClock(url);
}
