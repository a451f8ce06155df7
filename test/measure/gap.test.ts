import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { achievement } from "../../src/measure/achievement.js";
import { gap } from "../../src/measure/gap.js";
import { runs } from "../_support/runs.js";
import { errorOf, expectCode } from "./_helpers.js";

const str = (value: Decimal | null): string | null => (value === null ? null : value.toString());

describe("gap", () => {
  it("gives W6: target 100万, actual 80万 → gap 20万, rate 20%", () => {
    const result = gap({ current: "80万", target: "100万" });
    expect(result.gap.toString()).toBe("200000");
    expect(str(result.rate)).toBe("0.2");
    expect(result.met).toBe(false);
    expect(result.gapUnit).toBe("amount");
    expect(result.points).toBeNull();
    expect(result.basis).toBe("target");
    expect(result.direction).toBe("higher");
    expect(result.basisValue.toString()).toBe("1000000");
  });

  it("reproduces every W7 printed rate with its basis", () => {
    const sales = gap({ current: "80万", target: "100万", basis: "target" });
    const conversion = gap({ current: "8%", target: "12%", basis: "current" });
    const repurchase = gap({ current: "15%", target: "20%", basis: "current" });
    const cac = gap({ current: 500, target: 400, direction: "lower", basis: "target" });
    expect(str(sales.rate)).toBe("0.2");
    expect(str(conversion.rate)).toBe("0.5");
    expect(conversion.rate!.toDecimalPlaces(2).toString()).toBe("0.5");
    expect(repurchase.rate!.toDecimalPlaces(2).toString()).toBe("0.33");
    expect(str(cac.rate)).toBe("0.25");
    expect(cac.gap.toString()).toBe("100");
    expect(conversion.points!.toString()).toBe("4");
    expect(repurchase.points!.toString()).toBe("5");
  });

  it("shows W7 on both bases side by side", () => {
    const both = (input: Parameters<typeof gap>[0]) => {
      const { rates } = gap(input);
      return [
        rates.target!.toDecimalPlaces(3).toString(),
        rates.current!.toDecimalPlaces(3).toString(),
      ];
    };
    expect(both({ current: "80万", target: "100万" })).toEqual(["0.2", "0.25"]);
    expect(both({ current: "8%", target: "12%" })).toEqual(["0.333", "0.5"]);
    expect(both({ current: "15%", target: "20%" })).toEqual(["0.25", "0.333"]);
    expect(both({ current: 500, target: 400, direction: "lower" })).toEqual(["0.25", "0.2"]);
  });

  it("labels the gap of a rate metric in percentage points", () => {
    const result = gap({ current: "8%", target: "12%" });
    expect(result.kind).toBe("rate");
    expect(result.gapUnit).toBe("pp");
    expect(result.gap.toString()).toBe("0.04");
    expect(result.points!.toString()).toBe("4");
  });

  it("detects a rate metric from either side written as a percentage or per-mille", () => {
    expect(gap({ current: 80, target: 100 }).kind).toBe("amount");
    expect(gap({ current: 0.08, target: 0.12 }).kind).toBe("amount");
    const fromCurrent = gap({ current: "8%", target: 0.12 });
    expect([fromCurrent.kind, fromCurrent.gapUnit, fromCurrent.points!.toString()]).toEqual([
      "rate",
      "pp",
      "4",
    ]);
    expect(gap({ current: 0.08, target: "12%" }).kind).toBe("rate");
    expect(gap({ current: "8％", target: 0.12 }).kind).toBe("rate");
    expect(gap({ current: 0.004, target: "5‰" }).kind).toBe("rate");
    expect(gap({ current: " 8% ", target: 0.12 }).kind).toBe("rate");
  });

  it("takes kind explicitly for rates given as ratios", () => {
    const result = gap({ current: 0.08, target: 0.12, kind: "rate" });
    expect(result.gapUnit).toBe("pp");
    expect(result.points!.toString()).toBe("4");
    expect(gap({ current: "8%", target: "12%", kind: "amount" }).gapUnit).toBe("amount");
  });

  it("gives a negative gap and met once the target is beaten", () => {
    const result = gap({ current: 120, target: 100 });
    expect(result.gap.toString()).toBe("-20");
    expect(str(result.rate)).toBe("-0.2");
    expect(result.met).toBe(true);
    expect(gap({ current: 100, target: 100 }).met).toBe(true);
    expect(gap({ current: 350, target: 400, direction: "lower" }).met).toBe(true);
    expect(gap({ current: 350, target: 400, direction: "lower" }).gap.toString()).toBe("-50");
  });

  it("gives a null rate and a reason for a zero basis, never Infinity", () => {
    const onTarget = gap({ current: 5, target: 0 });
    expect(onTarget.rate).toBeNull();
    expect(onTarget.reason).toMatch(/target is zero/);
    expect(onTarget.gap.toString()).toBe("-5");
    expect(onTarget.rates.current!.toString()).toBe("-1");
    const onCurrent = gap({ current: 0, target: 10, basis: "current" });
    expect(onCurrent.rate).toBeNull();
    expect(onCurrent.reason).toMatch(/current value is zero/);
    expect(gap({ current: 1, target: 2 }).reason).toBeNull();
  });

  it("reports the value the rate divides by for each basis", () => {
    const onCurrent = gap({ current: 80, target: 100, basis: "current" });
    expect(onCurrent.basis).toBe("current");
    expect(onCurrent.basisValue.toString()).toBe("80");
    expect(str(onCurrent.rate)).toBe("0.25");
    expect(gap({ current: 80, target: 100 }).basisValue.toString()).toBe("100");
  });

  it("divides by the basis's magnitude, so the rate keeps the gap's sign", () => {
    const loss = gap({ current: -150, target: -100 });
    expect(loss.gap.toString()).toBe("50");
    expect(str(loss.rate)).toBe("0.5");
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ current: "80万", target: "100万", basis: "current" as const });
    expect(str(gap(input).rate)).toBe("0.25");
    expect(input).toEqual({ current: "80万", target: "100万", basis: "current" });
  });

  it("rejects NaN, empty strings and null with INVALID_NUMBER", () => {
    expectCode(() => gap({ current: Number.NaN, target: 1 }), "INVALID_NUMBER", ["current"]);
    expectCode(() => gap({ current: 1, target: "" }), "INVALID_NUMBER", ["target"]);
    expectCode(() => gap({ current: null as never, target: 1 }), "INVALID_NUMBER", ["current"]);
  });

  it("rejects missing values and unknown options with INVALID_ARGUMENT", () => {
    expectCode(() => gap({ target: 1 } as never), "INVALID_ARGUMENT", ["current"]);
    expectCode(() => gap({ current: 1, target: 2, direction: "up" as never }), "INVALID_ARGUMENT", [
      "direction",
    ]);
    expectCode(() => gap({ current: 1, target: 2, basis: "base" as never }), "INVALID_ARGUMENT", [
      "basis",
    ]);
    expectCode(() => gap({ current: 1, target: 2, kind: "pp" as never }), "INVALID_ARGUMENT", [
      "kind",
    ]);
    expect(errorOf(() => gap({ target: 1 } as never)).message).toMatch(/current is required/);
    const notAnObject = expectCode(() => gap(null as never), "INVALID_ARGUMENT", []);
    expect(notAnObject.message).toMatch(/gap input must be an object, got null/);
  });

  it("ignores values inherited from Object.prototype", () => {
    const input = Object.create({ current: 5 }) as { target: number };
    input.target = 10;
    expectCode(() => gap(input as never), "INVALID_ARGUMENT", ["current"]);
  });

  it("refuses a gap, rate or points past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(
      () => gap({ current: "1e-999", target: "1e999", basis: "current" }),
      "NUMBER_TOO_LARGE",
      ["current"],
    );
    const difference = expectCode(
      () => gap({ current: "-9e999", target: "9e999" }),
      "NUMBER_TOO_LARGE",
      [],
    );
    expect(difference.message).toMatch(/The gap is outside the supported magnitude/);
    const onTarget = expectCode(
      () => gap({ current: "1e999", target: "1e-999" }),
      "NUMBER_TOO_LARGE",
      ["target"],
    );
    expect(onTarget.message).toMatch(/The gap rate is outside the supported magnitude/);
    const points = expectCode(
      () => gap({ current: "1e998", target: "-1e998", kind: "rate" }),
      "NUMBER_TOO_LARGE",
      [],
    );
    expect(points.message).toMatch(/The gap in points is outside the supported magnitude/);
  });
});

const amount = fc
  .integer({ min: -1_000_000, max: 1_000_000 })
  .map((cents) => new Decimal(cents).div(100));
const direction = fc.constantFrom("higher" as const, "lower" as const);

describe("properties", () => {
  it("met ⇔ achievement ≥ 100% for the same direction", () => {
    fc.assert(
      fc.property(amount, amount, direction, (current, target, dir) => {
        const denominator = dir === "higher" ? target : current;
        fc.pre(!denominator.isZero());
        const met = gap({ current, target, direction: dir }).met;
        const ratio = achievement({ actual: current, target, direction: dir });
        expect(met).toBe(ratio.gte(1));
      }),
      { numRuns: runs(300) },
    );
  });

  it("on the target basis, rate = 1 − achievement when higher is better", () => {
    fc.assert(
      fc.property(amount, amount, (current, target) => {
        fc.pre(target.gt(0));
        const result = gap({ current, target });
        expect(result.gap.eq(target.minus(current))).toBe(true);
        const ratio = achievement({ actual: current, target });
        expect(result.rate!.plus(ratio).minus(1).abs().lt("1e-60")).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it("on the current basis, rate = 1 − achievement when lower is better", () => {
    fc.assert(
      fc.property(amount, amount, (current, target) => {
        fc.pre(current.gt(0));
        const result = gap({ current, target, direction: "lower", basis: "current" });
        const ratio = achievement({ actual: current, target, direction: "lower" });
        expect(result.rate!.plus(ratio).minus(1).abs().lt("1e-60")).toBe(true);
      }),
      { numRuns: runs(300) },
    );
  });

  it("reverses the gap's sign when the direction flips", () => {
    fc.assert(
      fc.property(amount, amount, (current, target) => {
        const higher = gap({ current, target });
        const lower = gap({ current, target, direction: "lower" });
        expect(higher.gap.plus(lower.gap).isZero()).toBe(true);
      }),
      { numRuns: runs(200) },
    );
  });

  it("never returns a non-finite rate", () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        direction,
        fc.constantFrom("target" as const, "current" as const),
        (current, target, dir, basis) => {
          const result = gap({ current, target, direction: dir, basis });
          if (result.rate === null) expect(result.reason).toBeTypeOf("string");
          else expect(result.rate.isFinite()).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
