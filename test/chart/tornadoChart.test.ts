import { type TornadoBar, tornadoChart } from "targetree";
import { describe, expect, it } from "vitest";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { dataset, revenueSensitivity } from "./_fixtures.js";

const bars = (spec: unknown): TornadoBar[] => dataset<TornadoBar>(spec, "bars");

describe("tornadoChart", () => {
  it("draws two bars per input, the largest impact first, with exact changes", () => {
    const result = revenueSensitivity();
    const drawn = bars(tornadoChart(result, { labels: { returningCustomers: "老客数" } }));
    expect(drawn).toHaveLength(2 * result.entries.length);
    expect(
      drawn.slice(0, 2).map((bar) => [bar.rank, bar.label, bar.step, bar.exact, bar.text]),
    ).toEqual([
      [0, "老客数", "+1%", "36000", "+3.6万"],
      [0, "老客数", "-1%", "-36000", "-3.6万"],
    ]);
    expect(drawn.map((bar) => bar.input)).toEqual(
      result.entries.flatMap((entry) => [entry.input, entry.input]),
    );
  });

  it("names the step by amount for an absolute step", () => {
    const result = { ...revenueSensitivity(), stepKind: "absolute", step: "100" };
    expect(bars(tornadoChart(result))[0]!.step).toBe("+100");
  });

  it("is plain JSON data, reads the JSON of a sensitivity, and leaves its input unchanged", () => {
    const json = deepFreeze(JSON.parse(JSON.stringify(revenueSensitivity())));
    const spec = tornadoChart(json);
    expect(spec).toEqual(tornadoChart(revenueSensitivity()));
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("refuses what is not a sensitivity, shared labels and unknown options", () => {
    expect(
      expectCode(() => tornadoChart([1, 2]), "INVALID_ARGUMENT", ["sensitivity"]).message,
    ).toMatch(/sensitivity\(model/);
    expectCode(() => tornadoChart({ output: "revenue", base: 1, step: "1%" }), "INVALID_ARGUMENT", [
      "sensitivity",
      "entries",
    ]);
    expectCode(
      () => tornadoChart(revenueSensitivity(), { labels: { newAov: "x", conversion: "x" } }),
      "INVALID_ARGUMENT",
      ["options", "labels"],
    );
    expectCode(
      () => tornadoChart(revenueSensitivity(), { scales: "万" } as never),
      "UNKNOWN_OPTION",
    );
  });
});
