import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import { attribute, type BridgeBar, bridgeChart, defineModel } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { dataset, X1_ACTUAL, X1_BASE, x1, x1Attribution } from "./_fixtures.js";

// A private high-precision clone, only to check the bars' sums exactly.
const Exact = DecimalJs.clone({ precision: 1000 });

const bars = (spec: unknown): BridgeBar[] => dataset<BridgeBar>(spec, "bars");

describe("bridgeChart", () => {
  it("draws X1 as base, one floating bar per contribution and the actual", () => {
    const spec = bridgeChart(x1Attribution(), {
      labels: { output: "产量", usage: "单耗", price: "单价" },
      baseLabel: "计划",
      actualLabel: "实际",
    });
    expect(bars(spec).map((bar) => [bar.label, bar.kind, bar.start, bar.end, bar.text])).toEqual([
      ["计划", "base", 0, 5200, "5,200"],
      ["产量", "up", 5200, 5600, "+400"],
      ["单耗", "down", 5600, 5040, "-560"],
      ["单价", "up", 5040, 6300, "+1,260"],
      ["实际", "actual", 0, 6300, "6,300"],
    ]);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
    expect(spec.title).toEqual({
      text: "materialCost",
      subtitle: "计划 5,200 → 实际 6,300（+1,100）",
    });
  });

  it("ends the last bar exactly at the attribution's actual, and keeps exact strings for tooltips", () => {
    const result = attribute(x1, {
      output: "materialCost",
      base: X1_BASE,
      actual: X1_ACTUAL,
      method: "shapley",
    });
    const drawn = bars(bridgeChart(result));
    expect(drawn.at(-1)!.end).toBe(Number(result.actual.toString()));
    expect(drawn[1]!.amount).toBe(result.contributions[0]!.contribution.toFixed());
    expect(drawn.at(-2)!.endExact).toBe("6300");
  });

  it("reads an attribution back from JSON (decimals as strings) to the same picture", () => {
    const result = x1Attribution();
    expect(bridgeChart(JSON.parse(JSON.stringify(result)))).toEqual(bridgeChart(result));
  });

  it("writes the axis in 万 or 亿 with a Vega expression, as formatAmount's scale says", () => {
    const axis = (spec: unknown) =>
      JSON.stringify((spec as { layer: { encoding: { y: unknown } }[] }).layer[0]!.encoding.y);
    const big = attribute(x1, {
      output: "materialCost",
      base: { output: 130_000, usage: 10, price: 4 },
      actual: { output: 140_000, usage: 9, price: 5 },
    });
    expect(axis(bridgeChart(big))).toContain("format(datum.value / 10000, ',.2~f') + '万'");
    expect(axis(bridgeChart(big, { scale: "亿", digits: 3 }))).toContain(
      "format(datum.value / 100000000, ',.3~f') + '亿'",
    );
    expect(axis(bridgeChart(x1Attribution()))).toContain("format(datum.value, ',.2~f')");
    expect(bars(bridgeChart(big, { scale: "万" }))[0]!.text).toBe("520万");
  });

  it("is plain JSON data and leaves its input unchanged", () => {
    const result = deepFreeze(JSON.parse(JSON.stringify(x1Attribution())));
    const spec = bridgeChart(result, Object.freeze({ title: "材料费用" }));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("refuses what is not an attribution, naming the function to call", () => {
    expect(expectCode(() => bridgeChart(42), "INVALID_ARGUMENT", ["attribution"]).message).toMatch(
      /attribute\(model/,
    );
    const result = JSON.parse(JSON.stringify(x1Attribution()));
    expectCode(() => bridgeChart({ ...result, contributions: undefined }), "INVALID_ARGUMENT", [
      "attribution",
      "contributions",
    ]);
    expectCode(() => bridgeChart({ ...result, base: "abc" }), "INVALID_NUMBER", [
      "attribution",
      "base",
    ]);
  });

  it("refuses contributions that do not sum from base to actual", () => {
    const result = JSON.parse(JSON.stringify(x1Attribution()));
    result.contributions[0].contribution = "401";
    const error = expectCode(() => bridgeChart(result), "INVALID_ARGUMENT", [
      "attribution",
      "contributions",
    ]);
    expect(error.message).toMatch(/sum from base 5200 to 6301, not to actual 6300/);
  });

  it("refuses two bars with one label, and unknown options", () => {
    expectCode(
      () => bridgeChart(x1Attribution(), { labels: { usage: "price" } }),
      "INVALID_ARGUMENT",
      ["options", "labels"],
    );
    expectCode(() => bridgeChart(x1Attribution(), { lables: {} } as never), "UNKNOWN_OPTION", [
      "options",
      "lables",
    ]);
    expectCode(() => bridgeChart(x1Attribution(), { width: 0 }), "INVALID_ARGUMENT", [
      "options",
      "width",
    ]);
  });

  describe("properties", () => {
    const amount = fc
      .integer({ min: 1, max: 999999 })
      .chain((n) =>
        fc.constantFrom(0, 1, 2).map((places) => new DecimalJs(n).div(10 ** places).toString()),
      );
    const values = fc.record({ a: amount, b: amount, c: amount, d: amount });
    const model = defineModel({ y: "a * b * c + d" });

    it("steps exactly from base to actual: each bar starts where the last ended, the last ends at actual", () => {
      fc.assert(
        fc.property(
          values,
          values,
          fc.constantFrom("chain", "shapley", "lmdi"),
          (base, actual, method) => {
            const result = attribute(model, { output: "y", base, actual, method });
            const drawn = bars(bridgeChart(result));
            expect(drawn[0]!.endExact).toBe(result.base.toFixed());
            const floating = drawn.slice(1, -1);
            floating.forEach((bar, k) => {
              const before = k === 0 ? drawn[0]!.endExact : floating[k - 1]!.endExact;
              expect(bar.startExact).toBe(before);
              expect(new Exact(bar.endExact).minus(bar.startExact).eq(bar.amount)).toBe(true);
            });
            expect(new Exact(floating.at(-1)!.endExact).eq(result.actual.toString())).toBe(true);
            expect(drawn.at(-1)!.end).toBe(Number(result.actual.toString()));
            expect(
              drawn.every((bar) => Number.isFinite(bar.start) && Number.isFinite(bar.end)),
            ).toBe(true);
          },
        ),
        { numRuns: runs(60) },
      );
    });
  });
});
