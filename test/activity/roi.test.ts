import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roi } from "../../src/activity/roi.js";
import { runs } from "../_support/runs.js";
import { expectCode } from "../measure/_helpers.js";

describe("roi", () => {
  it("gives (revenue − cost) / cost", () => {
    expect(roi({ revenue: "25万", cost: "10万" }).toString()).toBe("1.5");
    expect(roi({ revenue: 8_000, cost: 10_000 }).toString()).toBe("-0.2");
  });

  it("throws DIVISION_BY_ZERO for a zero cost", () => {
    expectCode(() => roi({ revenue: 1, cost: 0 }), "DIVISION_BY_ZERO", ["cost"]);
  });

  it("rejects a negative cost, bad numbers and missing values", () => {
    expectCode(() => roi({ revenue: 1, cost: -1 }), "INVALID_ARGUMENT", ["cost"]);
    expectCode(() => roi({ revenue: Number.NaN, cost: 1 }), "INVALID_NUMBER", ["revenue"]);
    expectCode(() => roi({ revenue: 1 } as never), "INVALID_ARGUMENT", ["cost"]);
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ revenue: 3, cost: 2 });
    expect(roi(input).toString()).toBe("0.5");
  });

  it("refuses a ROI past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(() => roi({ revenue: "1e999", cost: "1e-999" }), "NUMBER_TOO_LARGE", ["cost"]);
  });
});

describe("roi messages", () => {
  it("needs an object as input", () => {
    const error = expectCode(() => roi(null as never), "INVALID_ARGUMENT", []);
    expect(error.message).toMatch(/roi input must be an object/);
  });

  it("says why a cost is refused", () => {
    expect(expectCode(() => roi({ revenue: 1, cost: 0 }), "DIVISION_BY_ZERO").message).toMatch(
      /cost is zero, so ROI is undefined/,
    );
    expect(expectCode(() => roi({ revenue: 1, cost: -1 }), "INVALID_ARGUMENT").message).toMatch(
      /cost must be greater than zero/,
    );
  });

  it("names the ROI when it leaves the supported magnitude", () => {
    const error = expectCode(() => roi({ revenue: "1e999", cost: "1e-999" }), "NUMBER_TOO_LARGE");
    expect(error.message).toMatch(/The ROI/);
  });
});

describe("properties", () => {
  it("cost × (1 + roi) gives back the revenue", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 1, max: 1e9 }),
        (revenue, cost) => {
          const ratio = roi({ revenue, cost });
          expect(ratio.plus(1).times(cost).minus(revenue).abs().lt("1e-50")).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
