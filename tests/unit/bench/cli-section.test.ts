/** Unit tier: the CLI bench's P1 tables, which the README quotes, render their ratios and spreads as they say. */
import { strict as assert } from "node:assert";
import { cliSection, P1_OPERATIONS, perOperation, type P1Row, type P1Variant } from "../../../bench/cli";

/** A P1 row whose every operation has the same timings and cycle ratios (ours: the dynamic class, `esa`). */
function row(
  ms: Partial<Record<P1Variant, number>>,
  cycleRatios: number[],
  copyRatios: number[],
  nativeRatios?: number[],
  env: Record<string, string> = {},
): P1Row {
  const variants = (Object.keys(ms) as P1Variant[]).filter((v) => ms[v] !== undefined);
  return {
    n: 300,
    reps: cycleRatios.length,
    variants,
    env,
    operations: P1_OPERATIONS,
    ms: perOperation(() => ms),
    perCycle: perOperation(() => ({
      esa: cycleRatios,
      copy: copyRatios,
      ...(nativeRatios === undefined ? {} : { native: nativeRatios }),
    })),
    calls: perOperation(() => ({ esa: 600, ...(nativeRatios === undefined ? {} : { native: 600 }) })),
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

  it("has no native table when no size ran the native variant", () => {
    assert.doesNotMatch(markdown, /P1 for the native provider/);
  });

  it("gives the native provider beside the dynamic class, the floor and the A/A control, per engine setting", () => {
    const sizes = [
      row({ esa: 7700, native: 7350, noop: 7000, copy: 7300 }, [1.1], [1.04], [0.98, 1.12]),
      row({ native: 6300, noop: 7000, copy: 6650 }, [1], [0.95], [0.9], { PULUMI_SKIP_CHECKPOINTS: "true" }),
    ];
    const rows = tableUnder(cliSection(sizes, [], undefined), "P1 for the native provider").filter((line) =>
      line.includes("| destroy |"),
    );
    assert.deepEqual(rows, [
      "| 300 | default | destroy | 7.3 s | 7.7 s | 7.0 s | 1.05× | 0.98–1.12×, 1 of 2 ≤ 1.10× | 1.10× | 0.95× | " +
        "1.04× | 1.04–1.04×, 1 of 1 ≤ 1.10× | 600 |",
      "| 300 | PULUMI_SKIP_CHECKPOINTS=true | destroy | 6.3 s | none | 7.0 s | 0.90× | 0.90–0.90×, 1 of 1 ≤ 1.10× | " +
        "n/a | n/a | 0.95× | 0.95–0.95×, 1 of 1 ≤ 1.10× | 600 |",
    ]);
  });

  it("leaves a size without the width-matched floor, or with an engine setting, out of the dynamic tables", () => {
    const native = row({ esa: 7700, native: 7350, noop: 7000, copy: 7300 }, [1.1], [1.04], [1]);
    assert.doesNotMatch(cliSection([native], [], undefined), /P1 through the CLI|P1's A\/A control/);
  });

  it("gives a native size that timed only some operations a row for each of those alone", () => {
    const upAndDestroy = {
      ...row({ native: 6300, noop: 7000 }, [1], [1], [0.9]),
      operations: ["up", "destroy"] as const,
    };
    const rows = tableUnder(cliSection([upAndDestroy], [], undefined), "P1 for the native provider");
    assert.deepEqual(
      rows.map((line) => line.split(" | ")[2]),
      ["up", "destroy"],
    );
  });
});
