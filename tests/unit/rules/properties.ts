/**
 * Every property of the input rules: by input kind, by resource, and against the emulator. The unit tier runs them
 * (`./property-suites.test.ts`); `bench/hardening-counts.ts` runs them again and counts properties and runs for the
 * README's hardening figures.
 */
import { DIFFERENTIAL_PROPERTIES } from "./properties-differential";
import { KIND_PROPERTIES } from "./properties-kinds";
import { resourceProperties } from "./properties-resources";
import { type RuleProperty } from "./property";

/** All properties, in the order they run. */
export const ALL_PROPERTIES: readonly RuleProperty[] = [
  ...KIND_PROPERTIES,
  ...resourceProperties(),
  ...DIFFERENTIAL_PROPERTIES,
];
