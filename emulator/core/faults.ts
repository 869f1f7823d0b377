/** Injected faults (control API): which call fails, how, and with what delay. */
import { ApiError, type Product } from "./contract";
import type { FaultMode, FaultRuleInfo, FaultRuleInput } from "./control-types";
import { CoreErrors } from "./errors";
import { controlError, expectRecord, optNumber, optProduct, optString } from "./json";

const MODES: readonly FaultMode[] = ["error", "reset", "timeoutAfterCommit", "latency"];

/** What the server must do with a call a fault fired on. */
export interface FaultDecision {
  readonly ruleId: string;
  readonly mode: FaultMode;
  /** Delay before the outcome; for `timeoutAfterCommit`, how long the socket is held after the write. */
  readonly delayMs: number;
  /** The error to answer with (`error` mode). */
  readonly error: ApiError | undefined;
}

interface StoredRule {
  readonly id: string;
  readonly input: FaultRuleInput;
  readonly mode: FaultMode;
  remaining: number | undefined;
  fired: number;
  readonly random: () => number;
}

/**
 * Mulberry32: a tiny seeded generator, so a `rate` rule fires on the same calls in every run (flaky fault tests are
 * worse than none).
 */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Validate a control body into a {@link FaultRuleInput}. */
export function parseFaultRule(body: unknown): FaultRuleInput {
  const obj = expectRecord(body, "A fault rule");
  const rule: FaultRuleInput = {};
  const product = optProduct(obj, "product");
  if (product !== undefined) rule.product = product;
  const action = optString(obj, "action");
  if (action !== undefined) rule.action = action;
  const code = optString(obj, "code");
  if (code !== undefined) rule.code = code;
  const message = optString(obj, "message");
  if (message !== undefined) rule.message = message;
  const status = optNumber(obj, "status", { min: 100, max: 599, integer: true });
  if (status !== undefined) rule.status = status;
  const count = optNumber(obj, "count", { min: 1, integer: true });
  if (count !== undefined) rule.count = count;
  const rate = optNumber(obj, "rate", { min: 0, max: 1 });
  if (rate !== undefined) rule.rate = rate;
  const latencyMs = optNumber(obj, "latencyMs", { min: 0 });
  if (latencyMs !== undefined) rule.latencyMs = latencyMs;
  const jitterMs = optNumber(obj, "jitterMs", { min: 0 });
  if (jitterMs !== undefined) rule.jitterMs = jitterMs;
  const seed = optNumber(obj, "seed", { integer: true });
  if (seed !== undefined) rule.seed = seed;
  const mode = optString(obj, "mode");
  if (mode !== undefined) {
    if (!(MODES as readonly string[]).includes(mode)) throw controlError(`"mode" must be one of ${MODES.join(", ")}.`);
    rule.mode = mode as FaultMode;
  }
  return rule;
}

/** The active fault rules, in the order they were added. */
export class FaultRegistry {
  private rules: StoredRule[] = [];
  private nextId = 1;

  /** Add a rule; returns its id. */
  add(input: FaultRuleInput): string {
    const n = this.nextId++;
    const id = `fault-${n}`;
    this.rules.push({
      id,
      input,
      mode: input.mode ?? "error",
      remaining: input.count,
      fired: 0,
      random: mulberry32(input.seed ?? n),
    });
    return id;
  }

  /** Remove one rule; false when no rule has this id. */
  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  /** Remove every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The rules for the control API. */
  list(): FaultRuleInfo[] {
    return this.rules.map((r) => {
      const info: FaultRuleInfo = { ...r.input, id: r.id, fired: r.fired };
      if (r.remaining !== undefined) info.remaining = r.remaining;
      return info;
    });
  }

  /** Decide whether a fault fires on a call to `product`/`action`; consumes one use of a counted rule. */
  pick(product: Product, action: string): FaultDecision | undefined {
    for (const rule of this.rules) {
      const { input } = rule;
      if (input.product !== undefined && input.product !== product) continue;
      if (input.action !== undefined && input.action !== action) continue;
      if (input.rate !== undefined && rule.random() >= input.rate) continue;
      rule.fired++;
      if (rule.remaining !== undefined) {
        rule.remaining--;
        if (rule.remaining <= 0) this.remove(rule.id);
      }
      const jitter = input.jitterMs === undefined ? 0 : rule.random() * input.jitterMs;
      return {
        ruleId: rule.id,
        mode: rule.mode,
        delayMs: Math.round((input.latencyMs ?? 0) + jitter),
        error: rule.mode === "error" ? faultError(input) : undefined,
      };
    }
    return undefined;
  }
}

function faultError(input: FaultRuleInput): ApiError {
  const base = CoreErrors.serviceUnavailable();
  return new ApiError(input.status ?? base.status, input.code ?? base.code, input.message ?? base.message);
}
