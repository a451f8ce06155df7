// The BigInt helpers behind exact attribution: negative scales, negative denominators and signs.
import { describe, expect, it } from "vitest";
import {
  formatRational,
  fromScaled,
  reduce,
  roundHalfUpDiv,
} from "../../src/analysis/_lib/exact.js";

describe("fromScaled", () => {
  it("appends zeros for a negative scale (int × 10^-scale)", () => {
    expect(fromScaled(5n, -2).toString()).toBe("500");
    expect(fromScaled(-12n, -3).toString()).toBe("-12000");
  });

  it("places the point for a positive scale and leaves scale 0 alone", () => {
    expect(fromScaled(-5n, 3).toString()).toBe("-0.005");
    expect(fromScaled(1234n, 0).toString()).toBe("1234");
  });
});

describe("roundHalfUpDiv", () => {
  it("rounds halves away from zero whatever the signs of numerator and denominator", () => {
    expect(roundHalfUpDiv(5n, 2n)).toBe(3n);
    expect(roundHalfUpDiv(5n, -2n)).toBe(-3n);
    expect(roundHalfUpDiv(-5n, 2n)).toBe(-3n);
    expect(roundHalfUpDiv(-5n, -2n)).toBe(3n);
  });

  it("rounds a quotient below the half towards zero with a negative denominator", () => {
    expect(roundHalfUpDiv(7n, -5n)).toBe(-1n);
    expect(roundHalfUpDiv(-8n, -5n)).toBe(2n);
  });
});

describe("reduce", () => {
  it("divides by the greatest common divisor when the numerator is negative", () => {
    expect(reduce({ num: -6n, den: 4n })).toEqual({ num: -3n, den: 2n });
  });

  it("moves a negative denominator's sign to the numerator", () => {
    expect(reduce({ num: 4n, den: -6n })).toEqual({ num: -2n, den: 3n });
    expect(reduce({ num: -4n, den: -6n })).toEqual({ num: 2n, den: 3n });
  });

  it("keeps a positive fraction positive", () => {
    expect(reduce({ num: 6n, den: 4n })).toEqual({ num: 3n, den: 2n });
  });

  it("formats a fraction with a negative denominator in lowest terms", () => {
    expect(formatRational({ num: 2560n, den: -6n })).toBe("-1280/3");
    expect(formatRational({ num: -852n, den: -2n })).toBe("426");
  });
});
