import fc from "fast-check";
import { roi } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("roi", () => {
  it("gives (revenue − cost) / cost, with the profit", () => {
    const result = roi({ revenue: "25万", cost: "10万" });
    expect(result.roi?.toString()).toBe("1.5");
    expect(result.reason).toBeNull();
    expect(result.profit.toString()).toBe("150000");
    expect(roi({ revenue: 8_000, cost: 10_000 }).roi?.toString()).toBe("-0.2");
  });

  it("gives null and a reason for a zero cost, and still the profit", () => {
    const result = roi({ revenue: 1, cost: 0 });
    expect(result.roi).toBeNull();
    expect(result.reason).toBe(
      "The cost is zero, so ROI (profit / cost) is undefined; read the profit itself.",
    );
    expect(result.profit.toString()).toBe("1");
  });

  it("rejects a negative cost, bad numbers and missing values", () => {
    expectCode(() => roi({ revenue: 1, cost: -1 }), "INVALID_ARGUMENT", ["cost"]);
    expectCode(() => roi({ revenue: Number.NaN, cost: 1 }), "INVALID_NUMBER", ["revenue"]);
    expectCode(() => roi({ revenue: 1 } as never), "INVALID_ARGUMENT", ["cost"]);
  });

  it("refuses a misspelt field with UNKNOWN_OPTION and the closest name", () => {
    const error = expectCode(() => roi({ revenue: 1, cots: 2 } as never), "UNKNOWN_OPTION", [
      "cots",
    ]);
    expect(error.message).toMatch(/Did you mean "cost"\?/);
  });

  it("does not mutate frozen input", () => {
    const input = Object.freeze({ revenue: 3, cost: 2 });
    expect(roi(input).roi?.toString()).toBe("0.5");
    expect(input).toEqual({ revenue: 3, cost: 2 });
  });

  it("refuses a ROI or profit past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(() => roi({ revenue: "1e999", cost: "1e-999" }), "NUMBER_TOO_LARGE", ["cost"]);
    expectCode(() => roi({ revenue: "-9e999", cost: "9e999" }), "NUMBER_TOO_LARGE", ["revenue"]);
  });
});

describe("roi messages", () => {
  it("needs an object as input", () => {
    const error = expectCode(() => roi(null as never), "INVALID_ARGUMENT", []);
    expect(error.message).toMatch(/roi input must be an object/);
  });

  it("says why a cost is refused", () => {
    expect(expectCode(() => roi({ revenue: 1, cost: -1 }), "INVALID_ARGUMENT").message).toMatch(
      /cost must not be negative/,
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
          const ratio = roi({ revenue, cost }).roi!;
          expect(ratio.plus(1).times(cost).minus(revenue).abs().lt("1e-50")).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("is null exactly when the cost is zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 100 }), fc.nat(3), (revenue, cost) => {
        const result = roi({ revenue, cost });
        expect(result.roi === null).toBe(cost === 0);
        expect(result.profit.toString()).toBe(String(revenue - cost));
      }),
      { numRuns: runs(100) },
    );
  });
});
