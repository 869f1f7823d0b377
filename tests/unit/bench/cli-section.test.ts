/** Unit tier: the CLI bench's P1 tables, which the README quotes, render their ratios and spreads as they say. */
import { strict as assert } from "node:assert";
import { cliSection, P1_OPERATIONS, type P1Operation, type P1Row, type P1Variant } from "../../../bench/cli";

/** A P1 row whose every operation has the same timings and cycle ratios. */
function row(ms: Record<P1Variant, number>, cycleRatios: number[], copyRatios: number[]): P1Row {
  const each = <T>(value: T): Record<P1Operation, T> =>
    Object.fromEntries(P1_OPERATIONS.map((op) => [op, value])) as Record<P1Operation, T>;
  return {
    n: 300,
    reps: cycleRatios.length,
    ms: each(ms),
    cycleRatios: each(cycleRatios),
    copyRatios: each(copyRatios),
    esaCalls: each(600),
  };
}

/** The table rows (`| …`) of `markdown` under the heading that starts with `heading`. */
function tableUnder(markdown: string, heading: string): string[] {
  const sections = markdown.split(/^### /m);
  const section = sections.find((s) => s.startsWith(heading));
  assert.ok(section, `no section "${heading}"`);
  return section.split("\n").filter((line) => line.startsWith("| 300 "));
}

describe("unit: bench/cli P1 tables", () => {
  const p1 = row({ esa: 7700, noop: 7000, wide: 7100, copy: 7300 }, [1.21, 1.03, 1.1, 1.12], [0.9, 1.15, 1.05, 1.0]);
  const markdown = cliSection([p1], [], undefined);

  it("gives ours ÷ floor, its per-cycle range and how many cycles met 1.10×", () => {
    const destroy = tableUnder(markdown, "P1 through the CLI").find((line) => line.includes("| destroy |"));
    assert.equal(
      destroy,
      "| 300 | destroy | 7.7 s | 7.0 s | 7.1 s | 1.10× | 1.03–1.21×, 2 of 4 ≤ 1.10× | 1.08× | 600 |",
    );
  });

  it("gives the A/A control, copy ÷ floor, for every operation the floors run", () => {
    const rows = tableUnder(markdown, "P1's A/A control");
    assert.deepEqual(
      rows.map((line) => line.split(" | ")[1]),
      ["up", "preview", "refresh", "destroy"],
      "refresh-get is the floors' refresh again, so it has no row",
    );
    assert.equal(rows.at(-1), "| 300 | destroy | 7.0 s | 7.3 s | 1.04× | 0.90–1.15×, 3 of 4 ≤ 1.10× |");
  });
});
