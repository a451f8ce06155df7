import fc from "fast-check";
import { achievement, gap } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const str = (value: Decimal | null): string | null => (value === null ? null : value.toString());

describe("gap", () => {
  it("gives W6: target 100万, actual 80万 → gap 20万, gap rate 20%", () => {
    const result = gap({ actual: "80万", target: "100万" });
    expect(result.gap.toString()).toBe("200000");
    expect(str(result.gapRate)).toBe("0.2");
    expect(result.met).toBe(false);
    expect(result.gapUnit).toBe("amount");
    expect(result.points).toBeNull();
    expect(result.basis).toBe("target");
    expect(result.direction).toBe("higher");
    expect(result.basisValue.toString()).toBe("1000000");
    expect(result.actual.toString()).toBe("800000");
    expect(result.target.toString()).toBe("1000000");
  });

  it("reproduces every W7 printed rate with its basis", () => {
    const sales = gap({ actual: "80万", target: "100万", basis: "target" });
    const conversion = gap({ actual: "8%", target: "12%", basis: "actual" });
    const repurchase = gap({ actual: "15%", target: "20%", basis: "actual" });
    const cac = gap({ actual: 500, target: 400, direction: "lower", basis: "target" });
    expect(str(sales.gapRate)).toBe("0.2");
    expect(str(conversion.gapRate)).toBe("0.5");
    expect(repurchase.gapRate!.toDecimalPlaces(2).toString()).toBe("0.33");
    expect(str(cac.gapRate)).toBe("0.25");
    expect(cac.gap.toString()).toBe("100");
    expect(conversion.points!.toString()).toBe("4");
    expect(repurchase.points!.toString()).toBe("5");
  });

  it("shows W7 on both bases side by side, on request", () => {
    const both = (input: Parameters<typeof gap>[0]) => {
      const { gapRates } = gap({ ...input, bothBases: true });
      return [
        gapRates.target!.toDecimalPlaces(3).toString(),
        gapRates.actual!.toDecimalPlaces(3).toString(),
      ];
    };
    expect(both({ actual: "80万", target: "100万" })).toEqual(["0.2", "0.25"]);
    expect(both({ actual: "8%", target: "12%" })).toEqual(["0.333", "0.5"]);
    expect(both({ actual: "15%", target: "20%" })).toEqual(["0.25", "0.333"]);
    expect(both({ actual: 500, target: 400, direction: "lower" })).toEqual(["0.25", "0.2"]);
  });

  it("labels the gap of a rate metric in percentage points", () => {
    const result = gap({ actual: "8%", target: "12%" });
    expect(result.kind).toBe("rate");
    expect(result.gapUnit).toBe("pp");
    expect(result.gap.toString()).toBe("0.04");
    expect(result.points!.toString()).toBe("4");
  });

  it("detects a rate metric from either side written as a percentage or per-mille", () => {
    expect(gap({ actual: 80, target: 100 }).kind).toBe("amount");
    expect(gap({ actual: 0.08, target: 0.12 }).kind).toBe("amount");
    const fromActual = gap({ actual: "8%", target: 0.12 });
    expect([fromActual.kind, fromActual.gapUnit, fromActual.points!.toString()]).toEqual([
      "rate",
      "pp",
      "4",
    ]);
    expect(gap({ actual: 0.08, target: "12%" }).kind).toBe("rate");
    expect(gap({ actual: "8％", target: 0.12 }).kind).toBe("rate");
    expect(gap({ actual: 0.004, target: "5‰" }).kind).toBe("rate");
    expect(gap({ actual: " 8% ", target: 0.12 }).kind).toBe("rate");
  });

  it("takes kind explicitly for rates given as ratios", () => {
    const result = gap({ actual: 0.08, target: 0.12, kind: "rate" });
    expect(result.gapUnit).toBe("pp");
    expect(result.points!.toString()).toBe("4");
    expect(gap({ actual: "8%", target: "12%", kind: "amount" }).gapUnit).toBe("amount");
  });

  it("gives a negative gap and met once the target is beaten", () => {
    const result = gap({ actual: 120, target: 100 });
    expect(result.gap.toString()).toBe("-20");
    expect(str(result.gapRate)).toBe("-0.2");
    expect(result.met).toBe(true);
    expect(gap({ actual: 100, target: 100 }).met).toBe(true);
    expect(gap({ actual: 350, target: 400, direction: "lower" }).met).toBe(true);
    expect(gap({ actual: 350, target: 400, direction: "lower" }).gap.toString()).toBe("-50");
  });

  it("computes only the rate on its basis unless both bases are asked for", () => {
    const one = gap({ actual: 80, target: 100 });
    expect(one).not.toHaveProperty("gapRates");
    expect(one.gapRate!.toString()).toBe("0.2");
    const both = gap({ actual: 80, target: 100, basis: "actual", bothBases: true });
    expect([String(both.gapRates.target), String(both.gapRates.actual)]).toEqual(["0.2", "0.25"]);
    expect(both.gapRate).toBe(both.gapRates.actual);
    expectCode(() => gap({ actual: 1, target: 2, bothBases: "yes" as never }), "INVALID_ARGUMENT", [
      "bothBases",
    ]);
  });

  it("gives a null gap rate and a reason for a zero basis, never Infinity or an error", () => {
    const onTarget = gap({ actual: 5, target: 0, bothBases: true });
    expect(onTarget.gapRate).toBeNull();
    expect(onTarget.reason).toBe(
      "The target is zero, so a gap rate on the target basis is undefined; read the gap itself or use the other basis.",
    );
    expect(onTarget.gap.toString()).toBe("-5");
    expect(onTarget.gapRates.actual!.toString()).toBe("-1");
    const onActual = gap({ actual: 0, target: 10, basis: "actual", bothBases: true });
    expect(onActual.gapRate).toBeNull();
    expect(onActual.reason).toMatch(/^The actual is zero, so a gap rate on the actual basis/);
    expect(onActual.gapRates.target!.toString()).toBe("1");
    expect(gap({ actual: 1, target: 2 }).reason).toBeNull();
  });

  it("reports the value the gap rate divides by for each basis", () => {
    const onActual = gap({ actual: 80, target: 100, basis: "actual" });
    expect(onActual.basis).toBe("actual");
    expect(onActual.basisValue.toString()).toBe("80");
    expect(str(onActual.gapRate)).toBe("0.25");
    expect(gap({ actual: 80, target: 100 }).basisValue.toString()).toBe("100");
  });

  it("divides by the basis's magnitude, so the gap rate keeps the gap's sign", () => {
    const loss = gap({ actual: -150, target: -100 });
    expect(loss.gap.toString()).toBe("50");
    expect(str(loss.gapRate)).toBe("0.5");
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ actual: "80万", target: "100万", basis: "actual" as const });
    expect(str(gap(input).gapRate)).toBe("0.25");
    expect(input).toEqual({ actual: "80万", target: "100万", basis: "actual" });
  });

  it("rejects NaN, empty strings and null with INVALID_NUMBER", () => {
    expectCode(() => gap({ actual: Number.NaN, target: 1 }), "INVALID_NUMBER", ["actual"]);
    expectCode(() => gap({ actual: 1, target: "" }), "INVALID_NUMBER", ["target"]);
    expectCode(() => gap({ actual: null as never, target: 1 }), "INVALID_NUMBER", ["actual"]);
  });

  it("rejects missing values and unknown choices with INVALID_ARGUMENT", () => {
    expectCode(() => gap({ target: 1 } as never), "INVALID_ARGUMENT", ["actual"]);
    expectCode(() => gap({ actual: 1, target: 2, direction: "up" as never }), "INVALID_ARGUMENT", [
      "direction",
    ]);
    expectCode(() => gap({ actual: 1, target: 2, basis: "current" as never }), "INVALID_ARGUMENT", [
      "basis",
    ]);
    expectCode(() => gap({ actual: 1, target: 2, kind: "pp" as never }), "INVALID_ARGUMENT", [
      "kind",
    ]);
    expect(errorOf(() => gap({ target: 1 } as never)).message).toMatch(/actual is required/);
    const notAnObject = expectCode(() => gap(null as never), "INVALID_ARGUMENT", []);
    expect(notAnObject.message).toMatch(/gap input must be an object, got null/);
    const map = expectCode(() => gap(new Map() as never), "INVALID_ARGUMENT", []);
    expect(map.message).toMatch(/got a Map/);
  });

  it("refuses a misspelt field with UNKNOWN_OPTION and the closest name, instead of a default", () => {
    const typo = expectCode(
      () => gap({ actual: 1, target: 2, directon: "lower" } as never),
      "UNKNOWN_OPTION",
      ["directon"],
    );
    expect(typo.message).toMatch(/Did you mean "direction"\?/);
    // The field's old name is refused the same way, pointing at the new one.
    const renamed = expectCode(() => gap({ current: 1, target: 2 } as never), "UNKNOWN_OPTION", [
      "current",
    ]);
    expect(renamed.details).toMatchObject({ key: "current" });
    expectCode(() => gap({ actual: 1, target: 2, basiss: "actual" } as never), "UNKNOWN_OPTION", [
      "basiss",
    ]);
  });

  it("ignores values inherited from Object.prototype", () => {
    const input = Object.create({ actual: 5 }) as { target: number };
    input.target = 10;
    expectCode(() => gap(input as never), "INVALID_ARGUMENT", ["actual"]);
  });

  it("refuses a gap, gap rate or points past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(
      () => gap({ actual: "1e-999", target: "1e999", basis: "actual" }),
      "NUMBER_TOO_LARGE",
      ["actual"],
    );
    const difference = expectCode(
      () => gap({ actual: "-9e999", target: "9e999" }),
      "NUMBER_TOO_LARGE",
      [],
    );
    expect(difference.message).toMatch(/The gap is outside the supported magnitude/);
    const onTarget = expectCode(
      () => gap({ actual: "1e999", target: "1e-999" }),
      "NUMBER_TOO_LARGE",
      ["target"],
    );
    expect(onTarget.message).toMatch(/The gap rate is outside the supported magnitude/);
    const points = expectCode(
      () => gap({ actual: "1e998", target: "-1e998", kind: "rate" }),
      "NUMBER_TOO_LARGE",
      [],
    );
    expect(points.message).toMatch(/The gap in points is outside the supported magnitude/);
  });
});

const amount = fc
  .integer({ min: -1_000_000, max: 1_000_000 })
  .map((cents) => new Decimal(cents).div(100));
// Zero often, so the zero-basis branch is exercised.
const amountOrZero = fc.oneof(amount, fc.constant(new Decimal(0)));
const direction = fc.constantFrom("higher" as const, "lower" as const);
const basis = fc.constantFrom("target" as const, "actual" as const);

describe("properties", () => {
  it("gap = target − actual when higher is better, actual − target when lower is better", () => {
    fc.assert(
      fc.property(amountOrZero, amountOrZero, direction, (actual, target, dir) => {
        const result = gap({ actual, target, direction: dir });
        const expected = dir === "higher" ? target.minus(actual) : actual.minus(target);
        expect(result.gap).toEqualDecimal(expected);
        expect(result.met).toBe(expected.lte(0));
      }),
      { numRuns: runs(300) },
    );
  });

  it("gapRate is null exactly when the basis value is zero, with a reason then and only then", () => {
    fc.assert(
      fc.property(amountOrZero, amountOrZero, direction, basis, (actual, target, dir, on) => {
        const result = gap({ actual, target, direction: dir, basis: on, bothBases: true });
        const basisValue = on === "target" ? target : actual;
        expect(result.gapRate === null).toBe(basisValue.isZero());
        expect(result.reason === null).toBe(result.gapRate !== null);
        if (result.gapRate !== null) {
          expect(result.gapRate).toEqualDecimal(result.gap.div(basisValue.abs()));
          expect(str(result.gapRates[on])).toBe(result.gapRate.toString());
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it("met ⇔ achievement ≥ 100% for the same direction, wherever achievement is defined", () => {
    fc.assert(
      fc.property(amountOrZero, amountOrZero, direction, (actual, target, dir) => {
        const met = gap({ actual, target, direction: dir }).met;
        const measured = achievement({ actual, target, direction: dir });
        expect(measured.met).toBe(met);
        if (measured.achievement !== null) expect(met).toBe(measured.achievement.gte(1));
      }),
      { numRuns: runs(300) },
    );
  });

  it("on the target basis, gapRate = 1 − achievement when higher is better", () => {
    fc.assert(
      fc.property(amount, amount, (actual, target) => {
        fc.pre(target.gt(0));
        const result = gap({ actual, target });
        const ratio = achievement({ actual, target }).achievement!;
        expect(result.gapRate!.plus(ratio).minus(1).abs().lt("1e-60")).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it("on the actual basis, gapRate = 1 − achievement when lower is better", () => {
    fc.assert(
      fc.property(amount, amount, (actual, target) => {
        fc.pre(actual.gt(0));
        const result = gap({ actual, target, direction: "lower", basis: "actual" });
        const ratio = achievement({ actual, target, direction: "lower" }).achievement!;
        expect(result.gapRate!.plus(ratio).minus(1).abs().lt("1e-60")).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it("mirrors the gap's sign when the direction flips", () => {
    fc.assert(
      fc.property(amountOrZero, amountOrZero, (actual, target) => {
        const higher = gap({ actual, target });
        const lower = gap({ actual, target, direction: "lower" });
        expect(higher.gap).toEqualDecimal(lower.gap.neg());
      }),
      { numRuns: runs(200) },
    );
  });
});
