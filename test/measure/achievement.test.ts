import fc from "fast-check";
import { achievement } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const ratio = (input: Parameters<typeof achievement>[0]): string | undefined =>
  achievement(input).achievement?.toString();

describe("achievement", () => {
  it("gives actual / target when higher is better", () => {
    const result = achievement({ actual: "80万", target: "100万" });
    expect(result.achievement?.toString()).toBe("0.8");
    expect(result.reason).toBeNull();
    expect(result.met).toBe(false);
    expect([result.actual.toString(), result.target.toString(), result.direction]).toEqual([
      "800000",
      "1000000",
      "higher",
    ]);
  });

  it("gives W5: under 10万 of 80万 is under 12.5%, over 60万 of 20万 is over 300%", () => {
    expect(ratio({ actual: "10万", target: "80万" })).toBe("0.125");
    expect(achievement({ actual: 99_999, target: "80万" }).achievement!.lt("0.125")).toBe(true);
    expect(ratio({ actual: "60万", target: "20万" })).toBe("3");
    expect(achievement({ actual: 600_001, target: "20万" }).achievement!.gt(3)).toBe(true);
  });

  it("gives target / actual when lower is better", () => {
    expect(ratio({ actual: 500, target: 400, direction: "lower" })).toBe("0.8");
    expect(
      achievement({ actual: 300, target: 400, direction: "lower" }).achievement!.toFixed(4),
    ).toBe("1.3333");
  });

  it("measures a negative target by the surplus over its magnitude", () => {
    expect(ratio({ actual: -50, target: -100 })).toBe("1.5");
    expect(ratio({ actual: -150, target: -100 })).toBe("0.5");
    expect(ratio({ actual: -10, target: 20, direction: "lower" })).toBe("4");
  });

  it("gives null and a reason for a zero target, or a zero actual when lower is better", () => {
    const higher = achievement({ actual: 5, target: 0 });
    expect(higher.achievement).toBeNull();
    expect(higher.reason).toBe(
      "The target is zero, so achievement (actual / target) is undefined.",
    );
    expect(higher.met).toBe(true);
    const lower = achievement({ actual: 0, target: 5, direction: "lower" });
    expect(lower.achievement).toBeNull();
    expect(lower.reason).toMatch(
      /The actual is zero, so achievement for a lower-is-better metric \(target \/ actual\) is undefined/,
    );
    expect(lower.met).toBe(true);
    expect(ratio({ actual: 5, target: 0, direction: "lower" })).toBe("0");
    expect(achievement({ actual: -5, target: 0 }).met).toBe(false);
  });

  it("rejects non-numbers and bad choices", () => {
    expectCode(() => achievement({ actual: "", target: 1 }), "INVALID_NUMBER", ["actual"]);
    expectCode(() => achievement({ actual: 1, target: Number.NaN }), "INVALID_NUMBER", ["target"]);
    expectCode(() => achievement({ actual: 1 } as never), "INVALID_ARGUMENT", ["target"]);
    expectCode(
      () => achievement({ actual: 1, target: 1, direction: "down" as never }),
      "INVALID_ARGUMENT",
      ["direction"],
    );
  });

  it("refuses a misspelt field with UNKNOWN_OPTION and the closest name", () => {
    const error = expectCode(
      () => achievement({ actual: 1, target: 2, direciton: "lower" } as never),
      "UNKNOWN_OPTION",
      ["direciton"],
    );
    expect(error.message).toMatch(/Did you mean "direction"\?/);
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ actual: 3, target: 4 });
    expect(ratio(input)).toBe("0.75");
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
    expect(ratio({ actual: "1e999", target: "1e500" })).toBe("1e+499");
    expect(errorOf(() => achievement({ actual: "1e999", target: "1e-999" })).message).toMatch(
      /The achievement is outside the supported magnitude/,
    );
  });

  it("refuses input that is not a record, and names the missing field and the allowed directions", () => {
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
        expect(ratio({ actual: a, target: t })).toBe(new Decimal(a).div(t).toString());
      }),
      { numRuns: runs(200) },
    );
  });

  it("is null exactly when its denominator is zero, with a reason then and only then", () => {
    const value = fc.integer({ min: -3, max: 3 });
    const direction = fc.constantFrom("higher" as const, "lower" as const);
    fc.assert(
      fc.property(value, value, direction, (actual, target, dir) => {
        const result = achievement({ actual, target, direction: dir });
        const denominator = dir === "higher" ? target : actual;
        expect(result.achievement === null).toBe(denominator === 0);
        expect(result.reason === null).toBe(denominator !== 0);
      }),
      { numRuns: runs(200) },
    );
  });
});
