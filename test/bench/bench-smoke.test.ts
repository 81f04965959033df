/**
 * Runs every benchmark module of `npm run bench` with tiny counts (`--smoke`), so that the benchmark
 * code cannot rot unnoticed: each module must finish and return well-formed figures. The figures
 * themselves mean nothing here and are not asserted on.
 */
import { describe, expect, it } from "vitest";
import type { Figure } from "../../bench/bench-module.js";
import { formatFigures } from "../../bench/report.js";
import { modules } from "../../bench/run.js";

function wellFormed(figure: Figure): boolean {
  return (
    figure.name.length > 0 &&
    figure.unit.length > 0 &&
    Number.isFinite(figure.value) &&
    figure.value >= 0 &&
    (figure.ratio === undefined || Number.isFinite(figure.ratio))
  );
}

describe("npm run bench --smoke", () => {
  const figures: Figure[] = [];

  it.each(modules.map((module) => [module.topic, module] as const))(
    "runs the %s module and returns figures",
    async (topic, module) => {
      const produced = await module.run({ smoke: true, figures, log: () => undefined });
      expect(produced.length).toBeGreaterThan(0);
      for (const figure of produced) {
        expect(figure.topic).toBe(topic);
        expect(wellFormed(figure), JSON.stringify(figure)).toBe(true);
      }
      figures.push(...produced);
    },
    30_000,
  );

  it("prints every figure of the run in the table", () => {
    const table = formatFigures(figures);
    for (const figure of figures) expect(table).toContain(figure.name);
  });
});
