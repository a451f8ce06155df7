// Reading inputs (evaluate and compileModel read them alike): bounds and whole numbers, the record
// of values and its keys, suggestions for a misspelt key, and inputs with unusual names.
import { defineModel, evaluate } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const bounded = defineModel(
  { y: "x + n" },
  { inputs: { x: { min: 0, max: 100 }, n: { wholeNumber: true } } },
);

describe("reading inputs: bounds and whole numbers", () => {
  it.each([
    ["a number below the minimum", -1, '"x" is -1, below its minimum 0.', "-1"],
    ["a string below the minimum", "-1", '"x" is -1, below its minimum 0.', "-1"],
    ["a number above the maximum", 12345.5, '"x" is 12,345.5, above its maximum 100.', "12345.5"],
    ["a string above the maximum", "12345.5", '"x" is 12,345.5, above its maximum 100.', "12345.5"],
  ])("refuses %s (OUT_OF_BOUNDS), naming value and bound", (_, x, message, value) => {
    const error = expectCode(() => evaluate(bounded, { x, n: 1 }), "OUT_OF_BOUNDS", [
      "inputs",
      "x",
    ]);
    expect(error.message).toContain(message);
    expect(error.details).toEqual({ value, min: "0", max: "100" });
  });

  it("gives null for a bound the input does not have", () => {
    const model = defineModel({ y: "x" }, { inputs: { x: { max: 1 } } });
    const error = expectCode(() => evaluate(model, { x: 2 }), "OUT_OF_BOUNDS");
    expect(error.details).toEqual({ value: "2", min: null, max: "1" });
    const low = defineModel({ y: "x" }, { inputs: { x: { min: 1 } } });
    expect(expectCode(() => evaluate(low, { x: "0.5" }), "OUT_OF_BOUNDS").details).toEqual({
      value: "0.5",
      min: "1",
      max: null,
    });
  });

  it("writes values in full up to 20 decimals and below 1e30, else to 12 significant digits", () => {
    const message = (x: string) =>
      expectCode(() => evaluate(bounded, { x, n: 1 }), "OUT_OF_BOUNDS").message;
    expect(message("100.00000000000000000001")).toContain('"x" is 100.00000000000000000001, above');
    expect(message("100.000000000000000000001")).toContain('"x" is 100, above');
    expect(message("999999999999999999999999999999")).toContain(
      '"x" is 999,999,999,999,999,999,999,999,999,999, above',
    );
    expect(message("1234567891234567891234567891234")).toContain(
      '"x" is 1234567891230000000000000000000, above',
    );
  });

  it("accepts values exactly on the bounds, as numbers and as strings", () => {
    for (const x of [0, 100, "0", "100"]) {
      expect(evaluate(bounded, { x, n: 1 }).y!.toString()).toBe(String(Number(x) + 1));
    }
  });

  it("refuses a fraction for a whole-number input (NOT_A_WHOLE_NUMBER), as number or string", () => {
    for (const n of [600.5, "600.5"]) {
      const error = expectCode(() => evaluate(bounded, { x: 1, n }), "NOT_A_WHOLE_NUMBER", [
        "inputs",
        "n",
      ]);
      expect(error.message).toContain('"n" counts whole units, but is 600.5.');
      expect(error.details).toEqual({ value: "600.5" });
    }
  });

  it("refuses NaN and infinities (INVALID_NUMBER), bounded or not", () => {
    for (const [inputs, name, shown] of [
      [{ x: Number.NaN, n: 1 }, "x", "NaN"],
      [{ x: Number.NEGATIVE_INFINITY, n: 1 }, "x", "-Infinity"],
      [{ x: 1, n: Number.NaN }, "n", "NaN"],
    ] as const) {
      const error = expectCode(() => evaluate(bounded, inputs), "INVALID_NUMBER", ["inputs", name]);
      expect(error.message).toContain(`Expected a finite number, got ${shown}.`);
    }
  });

  it("checks bounds that are not exact doubles on the careful path", () => {
    const model = defineModel({ y: "x" }, { inputs: { x: { min: "0.1000000000000000000001" } } });
    expect(expectCode(() => evaluate(model, { x: 0.1 }), "OUT_OF_BOUNDS").details).toEqual({
      value: "0.1",
      min: "0.1000000000000000000001",
      max: null,
    });
    expect(evaluate(model, { x: 0.2 }).y!.toString()).toBe("0.2");
  });
});

describe("reading inputs: the record", () => {
  it("refuses inputs that are not a record", () => {
    for (const [inputs, shown] of [
      [null, "null"],
      [[], "an array"],
      [5, "5"],
    ] as const) {
      const error = expectCode(() => evaluate(bounded, inputs as never), "INVALID_ARGUMENT", [
        "inputs",
      ]);
      expect(error.message).toContain(
        `Inputs must be an object of input values by name, got ${shown}.`,
      );
    }
  });

  it("names a missing input, a formula node given as an input and a duplicate key", () => {
    expect(
      expectCode(() => evaluate(bounded, { x: 1 } as never), "MISSING_INPUT", ["inputs", "n"])
        .message,
    ).toContain('The input "n" was not given.');
    expect(
      expectCode(() => evaluate(bounded, { x: 1, n: 1, y: 2 } as never), "INVALID_ARGUMENT", [
        "inputs",
        "y",
      ]).message,
    ).toContain('"y" is computed by its formula, so it cannot be given as an input.');
    expect(
      expectCode(
        () => evaluate(defineModel({ t: "café" }), { "caf\u00e9": 1, "cafe\u0301": 2 } as never),
        "DUPLICATE_NAME",
        ["inputs", "cafe\u0301"],
      ).message,
    ).toContain("are the same input after Unicode normalisation.");
  });

  describe("suggests the input a typo was meant to be", () => {
    const model = defineModel({ y: "newCustomers + conversion" });
    const messageFor = (key: string) =>
      expectCode(
        () => evaluate(model, { newCustomers: 1, conversion: 1, [key]: 2 } as never),
        "UNKNOWN_NODE",
        ["inputs", key],
      ).message;

    it.each([
      ["another case", "NEWCUSTOMERS"],
      ["one letter changed at the end", "newCustomerz"],
      ["one letter changed inside", "newCuxtomers"],
      ["one letter added at the end", "newCustomerss"],
      ["one letter added inside", "newCusstomers"],
      ["one letter dropped at the end", "newCustomer"],
      ["one letter dropped inside", "newCustmers"],
      ["two letters changed", "nexCuxtomers"],
      ["two letters dropped", "newCustmer"],
    ])("for %s", (_, key) => {
      expect(messageFor(key)).toContain(
        `"${key}" is not an input of the model. Did you mean "newCustomers"? (at`,
      );
    });

    it.each([
      ["nothing alike", "xyz"],
      ["a name that shares only a few letters", "customerCount"],
    ])("but not for %s", (_, key) => {
      expect(messageFor(key)).toContain(`"${key}" is not an input of the model. (at`);
    });
  });
});

describe("reading inputs: which input a suggestion names", () => {
  const model = defineModel({ revenue: "price * quantity" });

  const unknownKey = (key: string) =>
    expectCode(() => evaluate(model, { price: 1, quantity: 2, [key]: 3 }), "UNKNOWN_NODE", [
      "inputs",
      key,
    ]).message;

  it("suggests an input one letter longer or shorter than the key", () => {
    expect(unknownKey("pric")).toContain(
      '"pric" is not an input of the model. Did you mean "price"?',
    );
    expect(unknownKey("pricex")).toContain('Did you mean "price"?');
  });

  it("suggests nothing for a key one letter shorter but otherwise different", () => {
    expect(unknownKey("zzzz")).toContain('"zzzz" is not an input of the model.');
  });

  it("suggests nothing for a key one letter longer but otherwise different", () => {
    expect(unknownKey("zzzzzz")).toContain('"zzzzzz" is not an input of the model.');
  });

  it("never suggests a formula node, which cannot be given as an input", () => {
    expect(unknownKey("revenu")).toContain('"revenu" is not an input of the model.');
  });
});

describe("reading inputs: unusual names", () => {
  it("reads an input named undefined like any other", () => {
    const odd = defineModel({ y: "a + undefined" });
    expect(evaluate(odd, { a: 1, undefined: 2 }).y!.toString()).toBe("3");
  });
});
