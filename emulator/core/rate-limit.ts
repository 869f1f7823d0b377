/** Per-user, per-action rate limits in simulated time (the action's own limit or a control-API override). */
import { ApiError, type Product, type RateLimit } from "./contract";
import type { RateLimitOverrideInput } from "./control-types";
import { CoreErrors } from "./errors";
import { controlError, expectRecord, optBoolean, optNumber, optString, reqString, isProduct } from "./json";

/** Validate a control body into a {@link RateLimitOverrideInput}. */
export function parseRateLimitOverride(body: unknown): RateLimitOverrideInput {
  const obj = expectRecord(body, "A rate-limit override");
  const product = reqString(obj, "product");
  if (!isProduct(product)) throw controlError(`Unknown product "${product}".`);
  const out: RateLimitOverrideInput = { product, action: reqString(obj, "action") };
  const limit = optNumber(obj, "limit", { min: 0, integer: true });
  if (limit !== undefined) out.limit = limit;
  const windowMs = optNumber(obj, "windowMs", { min: 1 });
  if (windowMs !== undefined) out.windowMs = windowMs;
  const status = optNumber(obj, "status", { min: 100, max: 599, integer: true });
  if (status !== undefined) out.status = status;
  const code = optString(obj, "code");
  if (code !== undefined) out.code = code;
  const message = optString(obj, "message");
  if (message !== undefined) out.message = message;
  const disabled = optBoolean(obj, "disabled");
  if (disabled !== undefined) out.disabled = disabled;
  if ((out.limit === undefined) !== (out.windowMs === undefined)) {
    throw controlError('"limit" and "windowMs" go together.');
  }
  return out;
}

/** Sliding-window counters of accepted calls, keyed by product, action and access key. */
export class RateLimiter {
  /** `null` = the action's limit is switched off. */
  private readonly overrides = new Map<string, RateLimit | null>();
  private readonly hits = new Map<string, number[]>();

  /** Apply a control-API override (see {@link RateLimitOverrideInput}). */
  setOverride(input: RateLimitOverrideInput, own: RateLimit | undefined): void {
    const key = `${input.product}\n${input.action}`;
    if (input.disabled === true) {
      this.overrides.set(key, null);
    } else if (input.limit !== undefined && input.windowMs !== undefined) {
      const fallback = own ?? CoreErrors.throttling();
      this.overrides.set(key, {
        limit: input.limit,
        windowMs: input.windowMs,
        status: input.status ?? fallback.status,
        code: input.code ?? fallback.code,
        message: input.message ?? fallback.message,
      });
    } else {
      this.overrides.delete(key);
    }
    this.clearCounters(input.product, input.action);
  }

  /** Drop every override and counter. */
  reset(): void {
    this.overrides.clear();
    this.hits.clear();
  }

  /** Count a call, or throw the limit's error when the window is full (a rejected call is not counted). */
  check(product: Product, action: string, accessKeyId: string, own: RateLimit | undefined, now: number): void {
    const key = `${product}\n${action}`;
    const limit = this.overrides.has(key) ? this.overrides.get(key) : own;
    if (limit === undefined || limit === null) return;
    const hitKey = `${key}\n${accessKeyId}`;
    const recent = (this.hits.get(hitKey) ?? []).filter((t) => t > now - limit.windowMs);
    if (recent.length >= limit.limit) {
      this.hits.set(hitKey, recent);
      throw new ApiError(limit.status, limit.code, limit.message);
    }
    recent.push(now);
    this.hits.set(hitKey, recent);
  }

  private clearCounters(product: Product, action: string): void {
    const prefix = `${product}\n${action}\n`;
    for (const key of [...this.hits.keys()]) if (key.startsWith(prefix)) this.hits.delete(key);
  }
}
