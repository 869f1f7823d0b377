/**
 * Unknown input names: a misspelled input (`waitTimeoutSecond`) would otherwise be dropped without a word, and users
 * of plain JavaScript have no compiler to catch it. Every resource's `check` calls {@link rejectUnknownInputs} with
 * the names it accepts; the suggestion is the closest accepted name by edit distance (`fastest-levenshtein`: small,
 * no dependencies, and faster than a hand-written loop).
 */
import { distance } from "fastest-levenshtein";
import { type CheckReport } from "./check";

/** The names a resource's property bag may carry besides its inputs. */
export interface InputNames {
  /** The inputs `check` reads (what the `…Args` type declares). */
  readonly inputs: readonly string[];
  /**
   * Output names: the resource class pre-declares every output as an (undefined) input, so a stored or replayed
   * bag can carry them. They are not rejected; they are never read as inputs either.
   * @default none
   */
  readonly outputs?: readonly string[];
}

/** Farthest a suggestion may be from the unknown name: about a third of its length, at least 2 edits. */
function maxEdits(name: string): number {
  return Math.max(2, Math.floor(name.length / 3));
}

/** The accepted name closest to `name`, when one is close enough to be a likely misspelling. */
export function closestName(name: string, accepted: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of accepted) {
    const d = Math.min(distance(name, candidate), distance(name.toLowerCase(), candidate.toLowerCase()) + 0.5);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= maxEdits(name) ? best : undefined;
}

/**
 * Record a failure for every given key of `news` that is not an input of the resource. `__provider` and the engine's
 * other double-underscore keys are internal, and keys whose value is `undefined` or `null` carry nothing.
 */
export function rejectUnknownInputs(
  report: CheckReport,
  news: Readonly<Record<string, unknown>>,
  names: InputNames,
): void {
  const known = new Set([...names.inputs, ...(names.outputs ?? [])]);
  for (const [key, value] of Object.entries(news)) {
    if (key.startsWith("__") || known.has(key) || value === undefined || value === null) continue;
    const suggestion = closestName(key, names.inputs);
    const hint = suggestion === undefined ? "" : `; did you mean "${suggestion}"?`;
    // No `property` and no value: an unknown key may be a misspelled "privateKey", and the engine prints the value
    // of a property it is told about.
    report.fail(
      "",
      `${JSON.stringify(key)} is not an input of this resource${hint} (inputs: ${names.inputs.join(", ")})`,
    );
  }
}
