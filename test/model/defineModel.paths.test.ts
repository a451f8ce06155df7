// defineModel's errors in full (code, path and message), where a self-reference is located in
// every kind of formula, and how a cycle is written.
import { defineModel } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";

describe("defineModel: error messages", () => {
  it.each([
    [
      "formulas that are not an object",
      () => defineModel(null as never),
      ["formulas"],
      "formulas must be an object of formula text by node name, got null.",
    ],
    [
      "an array of formulas",
      () => defineModel(["a"] as never),
      ["formulas"],
      "formulas must be an object of formula text by node name, got an array.",
    ],
    ["no formulas", () => defineModel({}), ["formulas"], "A model needs at least one formula."],
    [
      "a formula that is not a string",
      () => defineModel({ a: 5 as never }),
      ["formulas", "a"],
      'The formula of "a" must be a string, got 5.',
    ],
    [
      "a name that is not an identifier",
      () => defineModel({ "1st": "a" }),
      ["formulas", "1st"],
      '"1st" is not a valid name: use letters (any script), digits and _, not starting with a digit. Put readable text with spaces or brackets in a label.',
    ],
    [
      "a reserved word as a name",
      () => defineModel({ and: "a" }),
      ["formulas", "and"],
      '"and" is a reserved word (and, or, not, true, false) and cannot name a node.',
    ],
    [
      "options that are not an object",
      () => defineModel({ a: "b" }, 5 as never),
      ["options"],
      "Options must be an object, got 5.",
    ],
    [
      "options.inputs that is not an object",
      () => defineModel({ a: "b" }, { inputs: 5 as never }),
      ["options", "inputs"],
      "options.inputs must be an object, got 5.",
    ],
    [
      "an input spec that is not an object",
      () => defineModel({ a: "b" }, { inputs: { b: 5 as never } }),
      ["options", "inputs", "b"],
      "Expected an object of label, unitLabel, min, max, wholeNumber, got 5.",
    ],
    [
      "min above max",
      () => defineModel({ a: "b" }, { inputs: { b: { min: 2, max: 1 } } }),
      ["options", "inputs", "b"],
      "min is greater than max.",
    ],
    [
      "wholeNumber that is not a boolean",
      () => defineModel({ a: "b" }, { inputs: { b: { wholeNumber: 1 as never } } }),
      ["options", "inputs", "b", "wholeNumber"],
      "wholeNumber must be true or false, got 1.",
    ],
    [
      "a label that is not a string",
      () => defineModel({ a: "b" }, { inputs: { b: { label: 5 as never } } }),
      ["options", "inputs", "b", "label"],
      "label must be a string, got 5.",
    ],
    [
      "a unit label that is not a string",
      () => defineModel({ a: "b" }, { nodes: { a: { unitLabel: 5 as never } } }),
      ["options", "nodes", "a", "unitLabel"],
      "unitLabel must be a string, got 5.",
    ],
    [
      "a formula node described as an input",
      () => defineModel({ a: "b" }, { inputs: { a: {} } } as never),
      ["options", "inputs", "a"],
      '"a" is computed by a formula, not an input; describe it in options.nodes.',
    ],
    [
      "an input described in options.nodes",
      () => defineModel({ a: "b" }, { nodes: { b: {} } } as never),
      ["options", "nodes", "b"],
      '"b" is an input; describe it in options.inputs.',
    ],
    [
      "options.nodes that is not an object",
      () => defineModel({ a: "b" }, { nodes: [] as never }),
      ["options", "nodes"],
      "options.nodes must be an object, got an array.",
    ],
    [
      "options.nodes that is null",
      () => defineModel({ a: "b" }, { nodes: null as never }),
      ["options", "nodes"],
      "options.nodes must be an object, got null.",
    ],
  ])("refuses %s (INVALID_ARGUMENT), saying so", (_, run, path, message) => {
    const error = expectCode(run, "INVALID_ARGUMENT", path);
    expect(error.message).toContain(`INVALID_ARGUMENT: ${message} (at `);
  });

  it.each([
    [
      "an unknown option",
      () => defineModel({ a: "b" }, { input: { b: {} } } as never),
      ["options", "input"],
      'Unknown option "input". Did you mean "inputs"? Known options: "inputs", "nodes".',
    ],
    [
      "an unknown input field, with the nearest known one",
      () => defineModel({ a: "b" }, { inputs: { b: { interger: true } as never } }),
      ["options", "inputs", "b", "interger"],
      'Unknown option "interger". Known options: "label", "unitLabel", "min", "max", "wholeNumber".',
    ],
    [
      "the old name of the whole-number flag",
      () => defineModel({ a: "b" }, { inputs: { b: { integer: true } as never } }),
      ["options", "inputs", "b", "integer"],
      'Unknown option "integer". Known options: "label", "unitLabel", "min", "max", "wholeNumber".',
    ],
    [
      "the old name of the unit label",
      () => defineModel({ a: "b" }, { nodes: { a: { unit: "元" } as never } }),
      ["options", "nodes", "a", "unit"],
      'Unknown option "unit". Known options: "label", "unitLabel".',
    ],
    [
      "a misspelt node field",
      () => defineModel({ a: "b" }, { nodes: { a: { lable: "A" } as never } }),
      ["options", "nodes", "a", "lable"],
      'Unknown option "lable". Did you mean "label"? Known options: "label", "unitLabel".',
    ],
    [
      "a bound on a formula node",
      () => defineModel({ a: "b" }, { nodes: { a: { min: 0 } as never } }),
      ["options", "nodes", "a", "min"],
      'Unknown option "min". Known options: "label", "unitLabel".',
    ],
  ])("refuses %s (UNKNOWN_OPTION), saying so", (_, run, path, message) => {
    const error = expectCode(run, "UNKNOWN_OPTION", path);
    expect(error.message).toBe(`UNKNOWN_OPTION: ${message} (at ${path.join(".")})`);
  });

  it("reports a name one edit away from a described input as a likely typo (LIKELY_TYPO)", () => {
    const error = expectCode(
      () =>
        defineModel(
          { revenue: "customers * conversion", lost: "customers * (1 - converson)" },
          { inputs: { conversion: { min: 0, max: 1 } } },
        ),
      "LIKELY_TYPO",
      ["formulas", "lost"],
    );
    expect(error.message).toBe(
      'LIKELY_TYPO: In formula "lost" at column 18, near "converson)": "converson" is not described in options.inputs, but the described input "conversion" is one edit away: a typo? If it is a separate input, describe it in options.inputs too. (at formulas.lost)',
    );
    expect(error.details).toMatchObject({ name: "converson", closest: "conversion", column: 18 });
  });

  it("reports the typo, not an unused input, when the only use of an input is misspelt", () => {
    const error = expectCode(
      () =>
        defineModel({ revenue: "customers * Conversion" }, { inputs: { conversion: {} } } as never),
      "LIKELY_TYPO",
      ["formulas", "revenue"],
    );
    expect(error.details.closest).toBe("conversion");
  });

  it("keeps a name near a described input when it is described too, or when it is short or numbered", () => {
    const both = defineModel(
      { y: "conversion * converson" },
      { inputs: { conversion: {}, converson: {} } },
    );
    expect(both.inputs).toEqual(["conversion", "converson"]);
    expect(defineModel({ y: "a * b" }, { inputs: { a: {} } }).inputs).toEqual(["a", "b"]);
    expect(defineModel({ y: "price1 + price2" }, { inputs: { price1: {} } }).inputs).toEqual([
      "price1",
      "price2",
    ]);
    expect(defineModel({ y: "conversion * converson" }).inputs).toEqual([
      "conversion",
      "converson",
    ]);
    // One character apart in Chinese is usually another thing: 新客户数 and 老客户数.
    expect(
      defineModel({ 收入: "新客户数 * 转化率 + 老客户数 * 复购率" }, { inputs: { 新客户数: {} } })
        .inputs,
    ).toEqual(["新客户数", "转化率", "老客户数", "复购率"]);
  });

  it("says which metadata no formula uses (UNKNOWN_NODE)", () => {
    expect(
      expectCode(
        () => defineModel({ total: "a + b" }, { inputs: { c: {} } } as never),
        "UNKNOWN_NODE",
        ["options", "inputs", "c"],
      ).message,
    ).toContain('"c" is described in options.inputs but no formula uses it.');
    expect(
      expectCode(
        () => defineModel({ total: "a" }, { nodes: { other: {} } } as never),
        "UNKNOWN_NODE",
        ["options", "nodes", "other"],
      ).message,
    ).toContain('"other" is described in options.nodes but is not a node of the model.');
  });

  it("names both keys that are equal after NFC (DUPLICATE_NAME)", () => {
    const error = expectCode(
      () => defineModel({ "caf\u00e9": "1", "cafe\u0301": "2" }),
      "DUPLICATE_NAME",
      ["formulas", "cafe\u0301"],
    );
    expect(error.details).toEqual({ names: ["caf\u00e9", "cafe\u0301"] });
    expect(error.message).toContain("are the same name after Unicode (NFC) normalisation.");
  });

  it("names the invisible character and its position (INVALID_CHARACTER)", () => {
    const error = expectCode(() => defineModel({ "ad\u202Emin": "1" }), "INVALID_CHARACTER", [
      "formulas",
      "ad\u202Emin",
    ]);
    expect(error.message).toContain("contains the invisible character U+202E at position 3.");
  });

  it("explains a formula that is a condition (TYPE_MISMATCH)", () => {
    const error = expectCode(() => defineModel({ alert: "visits < 3" }), "TYPE_MISMATCH", [
      "formulas",
      "alert",
    ]);
    expect(error.message).toContain(
      'a model node must be a number, but the formula of "alert" is a condition (true/false); use if(condition, a, b).',
    );
  });

  it("accepts equal bounds, and bounds, labels and flags given as undefined", () => {
    const model = defineModel(
      { a: "b + c" },
      {
        inputs: {
          b: { min: 1, max: 1 },
          c: { min: undefined, max: 1, wholeNumber: undefined, label: undefined } as never,
        },
      },
    );
    expect(model.nodes.b!.min?.toString()).toBe("1");
    expect(model.nodes.b!.max?.toString()).toBe("1");
    expect(model.nodes.c!.min).toBeNull();
    expect(model.nodes.c!.wholeNumber).toBe(false);
    expect(model.nodes.c!.label).toBeNull();
    expect(defineModel({ a: "b" }, { inputs: undefined } as never).inputs).toEqual(["b"]);
  });
});

describe("defineModel: SELF_REFERENCE points at the first self-reference", () => {
  it.each([
    ["-x", 2],
    ["a + x + x", 5],
    ["a * x / x", 5],
    ["1 + 2 * x", 9],
    ["2 ^ x", 5],
    ["x ^ 2", 1],
    ["abs(x)", 5],
    ["min(a, x, x)", 8],
    ["round(a, x)", 10],
    ["if(x > 1, 1, 2)", 4],
    ["if(1 > x, x, 2)", 8],
    ["if(a > 1, 2, x)", 14],
    ["if(x == 1, 1, 2)", 4],
    ["if(not (x > 1), 1, 2)", 9],
    ["if(true and x > 1, 1, 2)", 13],
    ["if(a > 1 or x > 1 or x > 2, 1, 2)", 13],
  ])("in %s, at column %i", (formula, column) => {
    const error = expectCode(() => defineModel({ x: formula }), "SELF_REFERENCE", [
      "formulas",
      "x",
    ]);
    expect(error.details).toMatchObject({ formula: "x", line: 1, column });
    expect(error.message).toContain('the formula of "x" refers to "x" itself.');
  });
});

describe("defineModel: cycles", () => {
  it("starts the cycle at its first-declared node, stepping over inputs", () => {
    const error = expectCode(() => defineModel({ a: "x + b", b: "a" }), "CYCLE", ["formulas", "a"]);
    expect(error.details.cycle).toEqual(["a", "b", "a"]);
    expect(error.message).toContain("The formulas refer to each other in a cycle: a → b → a.");
    const later = expectCode(() => defineModel({ z: "1", b: "y + c", c: "b * 2" }), "CYCLE", [
      "formulas",
      "b",
    ]);
    expect(later.details.cycle).toEqual(["b", "c", "b"]);
  });

  it("shortens names over 40 characters in the message, keeping them whole in details", () => {
    const forty = "a".repeat(40);
    const longer = "b".repeat(41);
    const error = errorOf(() =>
      defineModel({ [forty]: `${longer} + 1`, [longer]: `${forty} * 2` }),
    );
    expect(error.message).toContain(`cycle: ${forty} → ${"b".repeat(40)}… → ${forty}.`);
    expect(error.details.cycle).toEqual([forty, longer, forty]);
  });

  it("shows at most 12 names, saying how many are left out", () => {
    const ring = (size: number) =>
      Object.fromEntries(
        Array.from({ length: size }, (_, index) => [`n${index}`, `n${(index + 1) % size} + 1`]),
      );
    expect(errorOf(() => defineModel(ring(11))).message).toContain(
      "cycle: n0 → n1 → n2 → n3 → n4 → n5 → n6 → n7 → n8 → n9 → n10 → n0.",
    );
    expect(errorOf(() => defineModel(ring(12))).message).toContain(
      "cycle: n0 → n1 → n2 → n3 → n4 → n5 → … (1 more) → n7 → n8 → n9 → n10 → n11 → n0.",
    );
    expect(errorOf(() => defineModel(ring(13))).message).toContain(
      "cycle: n0 → n1 → n2 → n3 → n4 → n5 → … (2 more) → n8 → n9 → n10 → n11 → n12 → n0.",
    );
  });
});
