// sensitivity in detail: absolute steps in both directions, notes, bounds, negative steps, and the
// messages of its errors.
import { revenueModel, sensitivity } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

const one = (options: object, inputs: object = w1) =>
  sensitivity(revenueModel(), { output: "revenue", inputs, ...options } as never).entries[0]!;

describe("sensitivity: steps", () => {
  it("steps an absolute amount up and down, with the elasticity of that step", () => {
    const entry = one({ step: 100, stepKind: "absolute", vary: ["newCustomers"] });
    expect(entry.stepped.toString()).toBe("700");
    expect(entry.output.toString()).toBe("5000000");
    expect(entry.change.toString()).toBe("200000");
    expect(entry.changeDown.toString()).toBe("-200000");
    expect(entry.changeRate?.toFixed(6)).toBe("0.041667");
    expect(entry.elasticity?.toString()).toBe("0.25");
    expect(entry.withinBounds).toBe(true);
    expect(entry.reason).toBeNull();
  });

  it("takes a negative relative step", () => {
    const entry = one({ step: "-0.01", vary: ["newCustomers"] });
    expect(entry.stepped.toString()).toBe("594");
    expect(entry.change.toString()).toBe("-12000");
    expect(entry.changeDown.toString()).toBe("12000");
    expect(entry.elasticity?.toString()).toBe("0.25");
  });

  it("explains a zero input under an absolute step, and flags the step below its minimum", () => {
    const entry = one(
      { step: 1, stepKind: "absolute", vary: ["newCustomers"] },
      { ...w1, newCustomers: 0 },
    );
    expect(entry.change.toString()).toBe("2000");
    expect(entry.changeDown.toString()).toBe("-2000");
    expect(entry.elasticity).toBeNull();
    expect(entry.withinBounds).toBe(false);
    expect(entry.reason).toBe(
      "the input is 0, so its relative change (and elasticity) is undefined",
    );
    const relative = one({ vary: ["newCustomers"] }, { ...w1, newCustomers: 0 });
    expect(relative.reason).toBe(
      'the input is 0, so a relative step does not move it; use stepKind "absolute"',
    );
  });

  it("flags a step that makes a whole-number input a fraction", () => {
    const entry = one({ vary: ["newCustomers"] }, { ...w1, newCustomers: 601 });
    expect(entry.stepped.toString()).toBe("607.01");
    expect(entry.withinBounds).toBe(false);
  });
});

describe("sensitivity: option messages", () => {
  it("says what is wrong, and where", () => {
    expect(
      expectCode(() => one({ step: 0 }), "INVALID_ARGUMENT", ["options", "step"]).message,
    ).toContain("step must not be 0.");
    expect(
      expectCode(() => one({ stepKind: "percent" }), "INVALID_ARGUMENT", ["options", "stepKind"])
        .message,
    ).toContain('stepKind must be "relative" or "absolute", got the string "percent".');
    expect(
      expectCode(() => sensitivity(revenueModel(), null as never), "INVALID_ARGUMENT", ["options"])
        .message,
    ).toContain("sensitivity needs an options object, got null.");
    expectCode(() => one({ step: "abc" }), "INVALID_NUMBER", ["options", "step"]);
    expectCode(() => one({ vary: ["revenue"] }), "INVALID_ARGUMENT", ["options", "vary", 0]);
  });
});
