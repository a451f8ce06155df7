import fc from "fast-check";
import { splitByShares } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/_lib/decimal.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { record } from "./_helpers.js";

describe("splitByShares", () => {
  it("puts the share behind the '…' into an explicit remainder part (W4 product lines)", () => {
    expect(record(splitByShares("1.2亿", { 粮油: "40%", 日化: "30%" }))).toEqual({
      粮油: "48000000",
      日化: "36000000",
      other: "36000000",
    });
  });

  it("reproduces the W4 region and customer-type splits", () => {
    expect(record(splitByShares("1.2亿", { 华东: "35%", 华南: "25%" }))).toEqual({
      华东: "42000000",
      华南: "30000000",
      other: "48000000",
    });
    expect(record(splitByShares("1.2亿", { 新客: "50%", 老客: "30%" }))).toEqual({
      新客: "60000000",
      老客: "36000000",
      other: "24000000",
    });
  });

  it("names the remainder part as the caller asks", () => {
    const parts = splitByShares(100, { a: 0.6 }, { remainder: "其他" });
    expect(Object.keys(parts)).toEqual(["a", "其他"]);
    expect(parts.其他!.toString()).toBe("40");
  });

  it("accepts shares as percentages, per-mille, fractions and Decimals", () => {
    expect(
      record(splitByShares(1000, { a: "25%", b: "250‰", c: 0.25, d: new Decimal("0.25") })),
    ).toEqual({ a: "250", b: "250", c: "250", d: "250" });
  });

  it("adds no remainder part when the shares make exactly 100%, unless asked to", () => {
    expect(Object.keys(splitByShares(100, { a: "60%", b: "40%" }))).toEqual(["a", "b"]);
    const always = splitByShares(100, { a: "60%", b: "40%" }, { alwaysIncludeRemainder: true });
    expect(record(always)).toEqual({ a: "60", b: "40", other: "0" });
  });

  it("rounds by largest remainder and sums exactly", () => {
    const parts = splitByShares(1, { a: "33.3%", b: "33.3%" }, { unit: "0.01" });
    expect(record(parts)).toEqual({ a: "0.33", b: "0.33", other: "0.34" });
  });

  it("splits a negative total into non-positive parts", () => {
    expect(record(splitByShares(-100, { a: "40%" }, { unit: 1 }))).toEqual({
      a: "-40",
      other: "-60",
    });
  });

  it("gives everything to the remainder when every share is zero", () => {
    expect(record(splitByShares(100, { a: 0 }))).toEqual({ a: "0", other: "100" });
  });

  it("throws SHARES_EXCEED_TOTAL above 100%, hinting at the notation", () => {
    const error = expectCode(
      () => splitByShares(100, { a: "60%", b: "50%" }),
      "SHARES_EXCEED_TOTAL",
      ["shares"],
    );
    expect(error.message).toContain("110%");
    expectCode(() => splitByShares(100, { a: 40, b: 30 }), "SHARES_EXCEED_TOTAL");
  });

  it("throws NEGATIVE_WEIGHT for a negative share", () => {
    expectCode(() => splitByShares(100, { a: "-10%" }), "NEGATIVE_WEIGHT", ["shares", "a"]);
  });

  it("throws INVALID_NUMBER for a share that is not a number", () => {
    expectCode(() => splitByShares(100, { a: "forty" }), "INVALID_NUMBER", ["shares", "a"]);
  });

  it("throws DUPLICATE_KEY when the remainder's name is taken", () => {
    expectCode(() => splitByShares(100, { other: "40%" }), "DUPLICATE_KEY", [
      "options",
      "remainder",
    ]);
    expectCode(() => splitByShares(100, { "caf\u00e9": 0.1, "cafe\u0301": 0.1 }), "DUPLICATE_KEY");
  });

  it("allows a share named like the remainder when no remainder is needed", () => {
    expect(record(splitByShares(100, { a: "70%", other: "30%" }))).toEqual({
      a: "70",
      other: "30",
    });
  });

  it("throws NOT_A_MULTIPLE_OF_UNIT for a total off the unit, unless asked to round", () => {
    expectCode(() => splitByShares("10.5", { a: 0.5 }, { unit: 1 }), "NOT_A_MULTIPLE_OF_UNIT");
    expect(record(splitByShares("10.5", { a: 0.5 }, { unit: 1, roundTotal: true }))).toEqual({
      a: "6",
      other: "5",
    });
  });

  it("throws INVALID_ARGUMENT for empty or malformed shares and bad options", () => {
    expectCode(() => splitByShares(100, {}), "INVALID_ARGUMENT", ["shares"]);
    expectCode(() => splitByShares(100, [0.5] as never), "INVALID_ARGUMENT", ["shares"]);
    expectCode(() => splitByShares(100, { a: 0.5 }, { remainder: "" }), "INVALID_ARGUMENT", [
      "options",
      "remainder",
    ]);
    expectCode(
      () => splitByShares(100, { a: 0.5 }, { alwaysIncludeRemainder: 1 as never }),
      "INVALID_ARGUMENT",
      ["options", "alwaysIncludeRemainder"],
    );
  });

  it("throws INVALID_CHARACTER for a remainder name with an invisible character", () => {
    expectCode(
      () => splitByShares(100, { a: 0.5 }, { remainder: "other\u200b" }),
      "INVALID_CHARACTER",
    );
  });

  it("never changes its (frozen) arguments", () => {
    const shares = deepFreeze({ a: "40%", b: "30%" });
    const options = deepFreeze({ remainder: "rest", unit: 1 });
    expect(record(splitByShares(10, shares, options))).toEqual({ a: "4", b: "3", rest: "3" });
  });

  describe("properties", () => {
    it("parts sum exactly to the total, the remainder takes exactly what the shares leave", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.array(fc.integer({ min: 0, max: 2500 }), { minLength: 1, maxLength: 4 }),
          (cents, basisPoints) => {
            const shares = Object.fromEntries(
              basisPoints.map((bp, i) => [`p${i}`, `${bp / 100}%`]),
            );
            const total = new Decimal(cents).div(100);
            const parts = splitByShares(total, shares);
            const sum = Object.values(parts).reduce((a, b) => a.plus(b), new Decimal(0));
            expect(sum).toEqualDecimal(total);
            const shareSum = basisPoints.reduce((a, b) => a + b, 0) / 10000;
            if (shareSum < 1) {
              const exactRest = total.times(new Decimal(1).minus(shareSum));
              expect(parts.other!.minus(exactRest).abs().lt("0.01")).toBe(true);
            }
          },
        ),
        { numRuns: runs(200) },
      );
    });
  });
});

describe("splitByShares, more cases", () => {
  it("adds no remainder part when asked not to, and shares of exactly 100% need none", () => {
    expect(
      record(splitByShares(100, { a: "60%", b: "40%" }, { alwaysIncludeRemainder: false })),
    ).toEqual({ a: "60", b: "40" });
  });

  it("explains shares over 100% with their sum, and a negative share", () => {
    const over = expectCode(
      () => splitByShares(100, { a: "60%", b: "50%" }),
      "SHARES_EXCEED_TOTAL",
      ["shares"],
    );
    expect(over.message).toMatch(/The shares add up to 110%, more than 100%\./);
    expect(over.details).toEqual({ sum: "1.1" });
    const negative = expectCode(
      () => splitByShares(100, { a: "10%", b: "-10%" }),
      "NEGATIVE_WEIGHT",
      ["shares", "b"],
    );
    expect(negative.message).toMatch(/Shares must be zero or positive, got -0\.1\./);
  });

  it("explains a remainder name that a share takes, also after NFC normalisation", () => {
    const taken = expectCode(() => splitByShares(100, { other: "40%" }), "DUPLICATE_KEY", [
      "options",
      "remainder",
    ]);
    expect(taken.message).toMatch(/The remainder part "other" \(60% of the total\)/);
    expectCode(
      () => splitByShares(100, { "cafe\u0301": "40%" }, { remainder: "caf\u00e9" }),
      "DUPLICATE_KEY",
      ["options", "remainder"],
    );
    expectCode(
      () => splitByShares(100, { a: "60%", other: "40%" }, { alwaysIncludeRemainder: true }),
      "DUPLICATE_KEY",
      ["options", "remainder"],
    );
  });

  it("refuses a blank or non-text remainder name and shares that are not a record", () => {
    for (const remainder of ["", "  ", 5]) {
      const error = expectCode(
        () => splitByShares(100, { a: 0.5 }, { remainder: remainder as never }),
        "INVALID_ARGUMENT",
        ["options", "remainder"],
      );
      expect(error.message).toMatch(/The remainder part needs a name \(a non-empty string\)/);
    }
    const empty = expectCode(() => splitByShares(100, {}), "INVALID_ARGUMENT", ["shares"]);
    expect(empty.message).toMatch(/shares is empty: give at least one part/);
    const shares = expectCode(() => splitByShares(100, null as never), "INVALID_ARGUMENT", [
      "shares",
    ]);
    expect(shares.message).toMatch(/shares must be a record such as \{ 粮油: "40%" \}, got null\./);
  });
});
