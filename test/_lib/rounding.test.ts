import type { RoundingMode } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { roundingConstant } from "../../src/_lib/rounding.js";
import { expectCode } from "../_support/errors.js";

const VALUES = ["2.5", "3.5", "2.4", "2.6", "-2.5", "-3.5", "-2.4", "-2.6"];

/** Each value of VALUES rounded to a whole number in a mode. */
const round = (mode: RoundingMode | undefined): string[] =>
  VALUES.map((v) => new Decimal(v).toDecimalPlaces(0, roundingConstant(mode)).toString());

describe("roundingConstant", () => {
  it.each([
    ["half-up", ["3", "4", "2", "3", "-3", "-4", "-2", "-3"]],
    ["half-even", ["2", "4", "2", "3", "-2", "-4", "-2", "-3"]],
    ["half-down", ["2", "3", "2", "3", "-2", "-3", "-2", "-3"]],
    ["up", ["3", "4", "3", "3", "-3", "-4", "-3", "-3"]],
    ["down", ["2", "3", "2", "2", "-2", "-3", "-2", "-2"]],
    ["ceil", ["3", "4", "3", "3", "-2", "-3", "-2", "-2"]],
    ["floor", ["2", "3", "2", "2", "-3", "-4", "-3", "-3"]],
  ] as const)("rounds %s as documented", (mode, expected) => {
    expect(round(mode)).toEqual(expected);
  });

  it("rounds half-up (四舍五入) when no mode is given", () => {
    expect(round(undefined)).toEqual(round("half-up"));
  });

  it("rejects an unknown mode at rounding, listing the modes", () => {
    for (const bad of ["nearest", "HALF-UP", "", "toString", "__proto__"]) {
      const error = expectCode(() => roundingConstant(bad as RoundingMode), "INVALID_ARGUMENT", [
        "rounding",
      ]);
      expect(error.message).toContain(
        "Unknown rounding mode; use one of half-up, half-even, half-down, up, down, ceil, floor.",
      );
    }
  });

  it("rejects a non-string mode at the caller's path", () => {
    for (const bad of [1, null, true, {}]) {
      expectCode(
        () => roundingConstant(bad as never, ["options", "rounding"]),
        "INVALID_ARGUMENT",
        ["options", "rounding"],
      );
    }
  });
});
