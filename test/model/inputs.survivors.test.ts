// Reading inputs: typo suggestions name only inputs that are close, and inputs whose names look like
// JavaScript words are read like any other.
import { defineModel, evaluate } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

const model = defineModel({ revenue: "price * quantity" });

const unknownKey = (key: string) =>
  expectCode(() => evaluate(model, { price: 1, quantity: 2, [key]: 3 }), "UNKNOWN_NODE", [
    "inputs",
    key,
  ]).message;

describe("reading inputs: suggestions for an unknown key", () => {
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
