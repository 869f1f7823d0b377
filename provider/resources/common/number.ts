/**
 * The one rule for number inputs (timeouts and other counts): a JavaScript number that is finite, whole and within
 * the input's documented range. A string such as `"60"` is refused rather than converted, so that a value read from
 * stack config without `getNumber` is caught where it is typed; `NaN`, `Infinity`, `1.5` and `1e21` are each named as
 * typed (see `./render`). `-0` is whole and equals 0, so it is within a range that includes 0 and is stored as 0.
 */
import { describeType, render } from "./render";

/** A number input's range and unit, as its TSDoc documents them. */
export interface WholeNumberRule {
  readonly min: number;
  readonly max: number;
  /** `seconds`, `days`: what the number counts. */
  readonly unit: string;
}

/** Why `value` is not a whole number of the rule's unit within its range, or undefined when it is. */
export function wholeNumberProblem(property: string, value: unknown, rule: WholeNumberRule): string | undefined {
  const expected = `must be a whole number of ${rule.unit} between ${rule.min} and ${rule.max} (accepted: integers from ${rule.min} to ${rule.max})`;
  if (typeof value !== "number") {
    const hint = typeof value === "string" ? "; write the number without quotes" : "";
    return `${property} ${render(value)} (${describeType(value)}) ${expected}${hint}`;
  }
  if (Number.isNaN(value)) return `${property} NaN is not a number; it ${expected}`;
  if (!Number.isFinite(value)) return `${property} ${render(value)} is not finite; it ${expected}`;
  if (!Number.isInteger(value)) return `${property} ${render(value)} has a fraction; it ${expected}`;
  if (value < rule.min || value > rule.max) return `${property} ${render(value)} is out of range; it ${expected}`;
  return undefined;
}
