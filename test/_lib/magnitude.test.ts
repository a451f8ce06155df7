import { describe, expect, it } from "vitest";
import { Decimal, ZERO } from "../../src/_lib/decimal.js";
import { checkMagnitude } from "../../src/_lib/magnitude.js";
import { errorOf } from "../_support/errors.js";

describe("checkMagnitude", () => {
  it("returns zero and values within 1e-1000 ≤ |x| < 1e1000 unchanged", () => {
    for (const text of ["0", "1", "-9.99e999", "9.99e999", "1e-1000", "-1e-1000"]) {
      const value = new Decimal(text);
      expect(checkMagnitude(value, ["x"])).toBe(value);
    }
    expect(checkMagnitude(ZERO, [])).toBe(ZERO);
  });

  it("throws NUMBER_TOO_LARGE, with the path, past the bound on either side", () => {
    for (const text of ["1e1000", "-1e1000", "1e1998", "9.9e-1001", "-1e-1998"]) {
      const error = errorOf(() => checkMagnitude(new Decimal(text), ["target"], "The ratio"));
      expect([error.code, error.path]).toEqual(["NUMBER_TOO_LARGE", ["target"]]);
      expect(error.message).toContain("The ratio");
    }
  });

  it("throws NUMBER_TOO_LARGE, with the path, for NaN and infinities", () => {
    for (const text of ["NaN", "Infinity", "-Infinity"]) {
      const error = errorOf(() => checkMagnitude(new Decimal(text), ["rows", 1], "The growth"));
      expect([error.code, error.path]).toEqual(["NUMBER_TOO_LARGE", ["rows", 1]]);
      expect(error.message).toMatch(/The growth is not a finite number/);
    }
  });

  it("checks the bound exactly at 1e999 / 1e1000 and 1e-1000 / 1e-1001", () => {
    expect(checkMagnitude(new Decimal("9.999e999"), []).toString()).toBe("9.999e+999");
    expect(checkMagnitude(new Decimal("-1e-1000"), []).toString()).toBe("-1e-1000");
    expect(errorOf(() => checkMagnitude(new Decimal("1e1000"), [])).code).toBe("NUMBER_TOO_LARGE");
    expect(errorOf(() => checkMagnitude(new Decimal("9.99e-1001"), [])).code).toBe(
      "NUMBER_TOO_LARGE",
    );
  });

  it('names the value as "The result" by default and gives its exponent', () => {
    const error = errorOf(() => checkMagnitude(new Decimal("2e1500"), ["x"]));
    expect(error.message).toMatch(
      /The result is outside the supported magnitude 1e-1000 ≤ \|x\| < 1e1000 \(its exponent is 1500\)/,
    );
    expect(errorOf(() => checkMagnitude(new Decimal("NaN"), [])).message).toMatch(
      /The result is not a finite number/,
    );
  });
});
