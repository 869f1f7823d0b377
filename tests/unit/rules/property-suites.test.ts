/**
 * The property suites of the input rules (see `./properties.ts`), each over its generated runs. A failure prints
 * fast-check's counterexample with the seed and path that replay it.
 */
import "reflect-metadata"; // before @peculiar/x509
import { strict as assert } from "node:assert";
import { DIFFERENTIAL_PROPERTIES } from "./properties-differential";
import { KIND_PROPERTIES } from "./properties-kinds";
import { resourceProperties } from "./properties-resources";
import { type RuleProperty } from "./property";

function suite(properties: readonly RuleProperty[]): void {
  for (const property of properties) {
    it(property.name, async function () {
      this.timeout(180_000);
      const outcome = await property.run(property.runs);
      assert.ok(!outcome.failed, outcome.report);
      assert.equal(outcome.runs, property.runs);
    });
  }
}

describe("unit: input rules, property suites", () => {
  describe("by input kind", () => suite(KIND_PROPERTIES));
  describe("by resource", () => suite(resourceProperties()));
  describe("against the emulator's validators (differential)", () => suite(DIFFERENTIAL_PROPERTIES));
});
