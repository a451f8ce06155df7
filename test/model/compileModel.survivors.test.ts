// compileModel's output(name): the error for a name not in the model, rows that are not objects,
// which inputs a row must give (and which keys it may hold), and errors reported as evaluate does.
import { compileModel, defineModel, evaluate } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";

describe("compileModel output: naming the node", () => {
  it("quotes an unknown name in its UNKNOWN_NODE message", () => {
    const compiled = compileModel(defineModel({ y: "x * a" }));
    const error = expectCode(() => compiled.output("nope" as never), "UNKNOWN_NODE", ["name"]);
    expect(error.message).toBe('UNKNOWN_NODE: "nope" is not a node of the model. (at name)');
  });
});

describe("compileModel output: rows", () => {
  const y = compileModel(defineModel({ y: "x * a" })).output("y");

  it.each([
    ["null", null],
    ["a number", 5],
  ])("refuses a row that is %s (INVALID_ARGUMENT at inputs)", (_, row) => {
    const error = expectCode(() => y(row as never), "INVALID_ARGUMENT", ["inputs"]);
    expect(error.message).toMatch(/Inputs must be an object of input values by name/);
  });

  it("locates a bad value in a row at inputs.<name>", () => {
    const error = expectCode(() => y({ x: "abc", a: 1 }), "INVALID_NUMBER", ["inputs", "x"]);
    expect(error.message).toMatch(/"abc" is not an amount/);
  });

  it("ignores a key holding the output's own (computed) value", () => {
    expect(y({ x: 2, a: 3, y: 999 }).toString()).toBe("6");
  });

  it("ignores a key holding an intermediate formula's value", () => {
    const out = compileModel(defineModel({ m: "x * a", y: "m + b" })).output("y");
    expect(out({ x: 2, a: 3, b: 1, m: 999 }).toString()).toBe("7");
  });

  it("does not ask for inputs the output does not read, when a key is in another normal form", () => {
    const out = compileModel(defineModel({ y: "\u00e9 * a", z: "b" })).output("y");
    expect(out({ "e\u0301": 2, a: 3 }).toString()).toBe("6");
  });

  it("reads an input named undefined like any other", () => {
    const model = defineModel({ y: "x + undefined" });
    expect(compileModel(model).output("y")({ x: 1, undefined: 2 }).toString()).toBe("3");
  });

  it("reports the first bad input in the model's input order, as evaluate does", () => {
    // Inputs in order of appearance: a (in y), then b (in m); y reads m's input b first.
    const model = defineModel({ y: "m + a", m: "b" });
    expect(model.inputs).toEqual(["a", "b"]);
    const row = { a: "bad", b: "bad" };
    expectCode(() => evaluate(model, row), "INVALID_NUMBER", ["inputs", "a"]);
    expectCode(() => compileModel(model).output("y")(row), "INVALID_NUMBER", ["inputs", "a"]);
  });
});
