import { Decimal as DecimalJs } from "decimal.js";
import { compileModel, defineModel, evaluate, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectBareRecord, expectCode } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

const text = (values: Record<string, { toString(): string }>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.toString()]));

describe("evaluate", () => {
  it("gives every node of the W1 revenue tree, inputs included, in order", () => {
    const values = evaluate(revenueModel(), w1);
    expect(text(values)).toEqual({
      newCustomers: "600",
      conversion: "0.25",
      newAov: "8000",
      returningCustomers: "1500",
      repurchase: "0.4",
      returningAov: "6000",
      newRevenue: "1200000",
      returningRevenue: "3600000",
      revenue: "4800000",
    });
    expectBareRecord(values);
  });

  it("is exact: 0.1 + 0.2 is 0.3", () => {
    const model = defineModel({ sum: "a + b" });
    expect(evaluate(model, { a: 0.1, b: 0.2 }).sum?.toString()).toBe("0.3");
  });

  it("accepts numbers, numeric strings and Decimals from any decimal.js copy", () => {
    const model = defineModel({ total: "a + b + c" });
    expect(evaluate(model, { a: 1, b: "1.2万", c: new DecimalJs("0.5") }).total?.toString()).toBe(
      "12001.5",
    );
  });

  it("reads inputs keyed in another Unicode normal form", () => {
    const model = defineModel({ total: "café * 2" });
    expect(evaluate(model, { "cafe\u0301": 2 } as never).total?.toString()).toBe("4");
  });

  it("does not mutate frozen inputs", () => {
    const inputs = Object.freeze({ ...w1 });
    evaluate(revenueModel(), inputs);
    expect(inputs).toEqual(w1);
  });

  it("accepts values on the bounds", () => {
    const values = evaluate(revenueModel(), {
      ...w1,
      conversion: 1,
      repurchase: 0,
      newCustomers: 0,
    });
    expect(values.revenue?.toString()).toBe("0");
  });

  describe("errors", () => {
    it("reports a missing input (MISSING_INPUT)", () => {
      const { newAov: _, ...rest } = w1;
      const error = errorOf(() => evaluate(revenueModel(), rest as never));
      expect(error.code).toBe("MISSING_INPUT");
      expect(error.path).toEqual(["inputs", "newAov"]);
    });

    it("reports a typo instead of ignoring it (UNKNOWN_NODE)", () => {
      const error = errorOf(() => evaluate(revenueModel(), { ...w1, newCustomer: 5 } as never));
      expect(error.code).toBe("UNKNOWN_NODE");
      expect(error.path).toEqual(["inputs", "newCustomer"]);
      expect(error.message).toContain('Did you mean "newCustomers"?');
    });

    it("refuses a value for a formula node (INVALID_ARGUMENT)", () => {
      const error = errorOf(() => evaluate(revenueModel(), { ...w1, newRevenue: 5 } as never));
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["inputs", "newRevenue"]);
    });

    it("refuses two keys equal after NFC (DUPLICATE_NAME)", () => {
      const model = defineModel({ total: "café * 2" });
      expect(
        errorOf(() => evaluate(model, { "caf\u00e9": 1, "cafe\u0301": 2 } as never)).code,
      ).toBe("DUPLICATE_NAME");
    });

    it("checks bounds (OUT_OF_BOUNDS) and whole numbers (NOT_A_WHOLE_NUMBER)", () => {
      const above = errorOf(() => evaluate(revenueModel(), { ...w1, conversion: 1.5 }));
      expect(above.code).toBe("OUT_OF_BOUNDS");
      expect(above.path).toEqual(["inputs", "conversion"]);
      expect(above.details).toMatchObject({ value: "1.5", min: "0", max: "1" });
      expect(errorOf(() => evaluate(revenueModel(), { ...w1, newAov: -1 })).code).toBe(
        "OUT_OF_BOUNDS",
      );
      expect(errorOf(() => evaluate(revenueModel(), { ...w1, repurchase: "101%" })).code).toBe(
        "OUT_OF_BOUNDS",
      );
      const fraction = errorOf(() => evaluate(revenueModel(), { ...w1, newCustomers: 600.5 }));
      expect(fraction.code).toBe("NOT_A_WHOLE_NUMBER");
      expect(fraction.path).toEqual(["inputs", "newCustomers"]);
      expect(errorOf(() => evaluate(revenueModel(), { ...w1, newCustomers: "600.5" })).code).toBe(
        "NOT_A_WHOLE_NUMBER",
      );
    });

    it("keeps bound messages short for a long name or a huge or tiny value", () => {
      const name = `x${"a".repeat(999)}`;
      const model = defineModel(
        { y: `${name} * 2` },
        { inputs: { [name]: { max: 10, wholeNumber: true } } },
      );
      for (const [value, shown] of [
        ["1e999", "1e+999"],
        ["-1e-999", "-1e-999"],
      ] as const) {
        const error = errorOf(() => evaluate(model, { [name]: value }));
        expect(error.message.length).toBeLessThan(300);
        expect(error.message).toContain(shown);
        expect(error.path).toEqual(["inputs", name]);
      }
    });

    it("checks bounds that are not exact doubles", () => {
      const model = defineModel({ y: "x" }, { inputs: { x: { max: "0.1000000000000000000001" } } });
      expect(evaluate(model, { x: 0.1 }).y?.toString()).toBe("0.1");
      expect(errorOf(() => evaluate(model, { x: 0.10000000000000002 })).code).toBe("OUT_OF_BOUNDS");
    });

    it("refuses bad values (INVALID_NUMBER)", () => {
      for (const bad of [
        Number.NaN,
        Number.POSITIVE_INFINITY,
        "abc",
        null,
        undefined,
        true,
        {},
        5n,
      ]) {
        const error = errorOf(() => evaluate(revenueModel(), { ...w1, newAov: bad as never }));
        expect(error.code).toBe("INVALID_NUMBER");
        expect(error.path).toEqual(["inputs", "newAov"]);
      }
    });

    it("reports formula errors with the node's name and column", () => {
      const model = defineModel({ margin: "profit / revenue" });
      const error = errorOf(() => evaluate(model, { profit: 1, revenue: 0 }));
      expect(error.code).toBe("DIVISION_BY_ZERO");
      expect(error.path).toEqual(["formulas", "margin"]);
      expect(error.details).toMatchObject({ formula: "margin", column: 10 });
      expect(errorOf(() => evaluate(defineModel({ y: "x ^ 0.5" }), { x: -4 })).code).toBe(
        "INVALID_OPERATION",
      );
      expect(errorOf(() => evaluate(defineModel({ y: "x ^ 999" }), { x: 1e10 })).code).toBe(
        "NUMBER_TOO_LARGE",
      );
    });

    it("refuses inputs that are not an object and models not made by defineModel (INVALID_ARGUMENT)", () => {
      expect(errorOf(() => evaluate(revenueModel(), null as never)).code).toBe("INVALID_ARGUMENT");
      expect(errorOf(() => evaluate(revenueModel(), [1] as never)).code).toBe("INVALID_ARGUMENT");
      const fake = JSON.parse(JSON.stringify(revenueModel()));
      expect(errorOf(() => evaluate(fake, w1)).code).toBe("INVALID_ARGUMENT");
    });
  });
});

describe("functions given something that is not a model", () => {
  it("say what they got", () => {
    for (const [model, shown] of [
      [null, "null"],
      ["model", 'the string "model"'],
      [{}, "an object"],
    ] as const) {
      const error = expectCode(() => evaluate(model as never, {}), "INVALID_ARGUMENT", ["model"]);
      expect(error.message).toContain(`Expected a model made by defineModel, got ${shown}.`);
      expectCode(() => compileModel(model as never), "INVALID_ARGUMENT", ["model"]);
    }
  });

  it("refuse null at model, not with a crash (evaluate)", () => {
    const error = expectCode(() => evaluate(null as never, {}), "INVALID_ARGUMENT", ["model"]);
    expect(error.message).toMatch(/Expected a model made by defineModel, got null/);
  });
});
