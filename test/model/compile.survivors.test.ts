// Compiled formulas (compileModel) comparing conditions: != between two conditions, and a condition
// written with `not` or with an if() whose branches are conditions.
import { compileModel, defineModel } from "targetree";
import { describe, expect, it } from "vitest";

const y = (formula: string, row: Record<string, number>) =>
  compileModel(defineModel({ y: formula }))
    .evaluate(row)
    .y!.toString();

describe("compileModel: comparing conditions", () => {
  it("is true for != between two conditions that differ, false when they agree", () => {
    expect(y("if((x > 1) != (a > 1), 10, 20)", { x: 2, a: 0 })).toBe("10");
    expect(y("if((x > 1) != (a > 1), 10, 20)", { x: 2, a: 2 })).toBe("20");
  });

  it("compares a negated condition with another condition", () => {
    expect(y("if((not (x > 1)) == (a > 1), 10, 20)", { x: 2, a: 0 })).toBe("10");
    expect(y("if((not (x > 1)) == (a > 1), 10, 20)", { x: 2, a: 3 })).toBe("20");
  });

  it("compares an if() that picks between conditions with another condition", () => {
    expect(y("if(if(x > 1, true, false) == (a > 0), 10, 20)", { x: 2, a: 1 })).toBe("10");
    expect(y("if(if(x > 1, true, false) == (a > 0), 10, 20)", { x: 0, a: 1 })).toBe("20");
  });
});
