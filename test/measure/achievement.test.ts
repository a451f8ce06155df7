import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { achievement } from "../../src/measure/achievement.js";
import { runs } from "../_support/runs.js";
import { errorOf, expectCode } from "./_helpers.js";

describe("achievement", () => {
  it("gives actual / target when higher is better", () => {
    expect(achievement({ actual: "80万", target: "100万" }).toString()).toBe("0.8");
  });

  it("gives W5: under 10万 of 80万 is under 12.5%, over 60万 of 20万 is over 300%", () => {
    expect(achievement({ actual: "10万", target: "80万" }).toString()).toBe("0.125");
    expect(achievement({ actual: 99_999, target: "80万" }).lt("0.125")).toBe(true);
    expect(achievement({ actual: "60万", target: "20万" }).toString()).toBe("3");
    expect(achievement({ actual: 600_001, target: "20万" }).gt(3)).toBe(true);
  });

  it("gives target / actual when lower is better", () => {
    expect(achievement({ actual: 500, target: 400, direction: "lower" }).toString()).toBe("0.8");
    expect(achievement({ actual: 300, target: 400, direction: "lower" }).toFixed(4)).toBe("1.3333");
  });

  it("measures a negative target by the surplus over its magnitude", () => {
    expect(achievement({ actual: -50, target: -100 }).toString()).toBe("1.5");
    expect(achievement({ actual: -150, target: -100 }).toString()).toBe("0.5");
    expect(achievement({ actual: -10, target: 20, direction: "lower" }).toString()).toBe("4");
  });

  it("throws DIVISION_BY_ZERO for a zero target, or a zero actual when lower is better", () => {
    expectCode(() => achievement({ actual: 5, target: 0 }), "DIVISION_BY_ZERO", ["target"]);
    expectCode(
      () => achievement({ actual: 0, target: 5, direction: "lower" }),
      "DIVISION_BY_ZERO",
      ["actual"],
    );
    expect(achievement({ actual: 5, target: 0, direction: "lower" }).toString()).toBe("0");
  });

  it("rejects non-numbers and bad options", () => {
    expectCode(() => achievement({ actual: "", target: 1 }), "INVALID_NUMBER", ["actual"]);
    expectCode(() => achievement({ actual: 1, target: Number.NaN }), "INVALID_NUMBER", ["target"]);
    expectCode(() => achievement({ actual: 1 } as never), "INVALID_ARGUMENT", ["target"]);
    expectCode(
      () => achievement({ actual: 1, target: 1, direction: "down" as never }),
      "INVALID_ARGUMENT",
      ["direction"],
    );
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ actual: 3, target: 4 });
    expect(achievement(input).toString()).toBe("0.75");
    expect(input).toEqual({ actual: 3, target: 4 });
  });

  it("refuses a ratio past the supported magnitude (|x| < 1e1000) with NUMBER_TOO_LARGE", () => {
    expectCode(() => achievement({ actual: "1e999", target: "1e-999" }), "NUMBER_TOO_LARGE", [
      "target",
    ]);
    expectCode(() => achievement({ actual: "1e-999", target: "1e999" }), "NUMBER_TOO_LARGE");
    expectCode(
      () => achievement({ actual: "1e-999", target: "1e999", direction: "lower" }),
      "NUMBER_TOO_LARGE",
      ["actual"],
    );
    expect(achievement({ actual: "1e999", target: "1e500" }).toString()).toBe("1e+499");
    expect(errorOf(() => achievement({ actual: "1e999", target: "1e-999" })).message).toMatch(
      /The achievement is outside the supported magnitude/,
    );
  });

  it("says which figure is zero and points to gap() instead", () => {
    const higher = expectCode(() => achievement({ actual: 5, target: 0 }), "DIVISION_BY_ZERO");
    expect(higher.message).toMatch(
      /The target is zero, so achievement \(actual \/ target\) is undefined\. Use gap\(\) for the absolute difference\./,
    );
    const lower = expectCode(
      () => achievement({ actual: 0, target: 5, direction: "lower" }),
      "DIVISION_BY_ZERO",
    );
    expect(lower.message).toMatch(
      /The actual is zero, so achievement for a lower-is-better metric \(target \/ actual\) is undefined\. Use gap\(\)/,
    );
  });

  it("refuses input that is not an object, and names the missing field and the allowed directions", () => {
    const error = expectCode(() => achievement(null as never), "INVALID_ARGUMENT", []);
    expect(error.message).toMatch(/achievement input must be an object, got null/);
    expect(errorOf(() => achievement({ actual: 1 } as never)).message).toMatch(
      /target is required/,
    );
    expect(
      errorOf(() => achievement({ actual: 1, target: 1, direction: "down" as never })).message,
    ).toMatch(/direction must be "higher" or "lower", got the string "down"/);
  });
});

describe("properties", () => {
  it("is exactly actual / target for positive targets", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, t) => {
        expect(achievement({ actual: a, target: t }).eq(new Decimal(a).div(t))).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });
});
