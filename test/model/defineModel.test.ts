import { inspect } from "node:util";
import { defineModel, evaluate } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";

const revenueFormulas = {
  revenue: "newRevenue + returningRevenue",
  newRevenue: "newCustomers * conversion * newAov",
  returningRevenue: "returningCustomers * repurchase * returningAov",
};

describe("defineModel", () => {
  it("finds the inputs and orders the formulas topologically", () => {
    const model = defineModel(revenueFormulas);
    expect(model.inputs).toEqual([
      "newCustomers",
      "conversion",
      "newAov",
      "returningCustomers",
      "repurchase",
      "returningAov",
    ]);
    expect(model.outputs).toEqual(["newRevenue", "returningRevenue", "revenue"]);
    expect(model.order).toEqual([...model.inputs, ...model.outputs]);
    expect(model.roots).toEqual(["revenue"]);
    expect(Object.keys(model.nodes)).toEqual(model.order);
  });

  it("exposes each node's formula, tree, dependencies and dependents", () => {
    const model = defineModel(revenueFormulas);
    const revenue = model.nodes.revenue!;
    expect(revenue.kind).toBe("formula");
    expect(revenue.formula).toBe("newRevenue + returningRevenue");
    expect(revenue.ast?.kind).toBe("sum");
    expect(revenue.dependencies).toEqual(["newRevenue", "returningRevenue"]);
    expect(revenue.dependents).toEqual([]);
    expect(model.nodes.newRevenue!.dependents).toEqual(["revenue"]);
    const input = model.nodes.conversion!;
    expect(input).toMatchObject({ kind: "input", formula: null, ast: null, dependencies: [] });
    expect(input.dependents).toEqual(["newRevenue"]);
  });

  it("declares inputs in options.inputs order first, then by first appearance", () => {
    const model = defineModel({ total: "a + b + c + d" }, { inputs: { c: { label: "C" }, a: {} } });
    expect(model.inputs).toEqual(["c", "a", "b", "d"]);
  });

  it("keeps input metadata: label, unit label, bounds and whole numbers", () => {
    const model = defineModel(
      { revenue: "customers * rate" },
      {
        inputs: {
          customers: { label: "客户数", unitLabel: "人", wholeNumber: true, min: 0 },
          rate: { label: "转化率", unitLabel: "%", min: "0%", max: "100%" },
        },
        nodes: { revenue: { label: "营业收入", unitLabel: "元" } },
      },
    );
    const customers = model.nodes.customers!;
    expect(customers).toMatchObject({
      label: "客户数",
      unitLabel: "人",
      wholeNumber: true,
      max: null,
    });
    expect(customers.min?.toString()).toBe("0");
    expect(model.nodes.rate!.max?.toString()).toBe("1");
    expect(model.nodes.revenue).toMatchObject({
      label: "营业收入",
      unitLabel: "元",
      min: null,
      wholeNumber: false,
    });
  });

  it("reads formulas in Chinese", () => {
    const model = defineModel({ 营业收入: "新客户数 × 转化率 × 客单价" });
    expect(model.inputs).toEqual(["新客户数", "转化率", "客单价"]);
    expect(
      evaluate(model, { 新客户数: 600, 转化率: "25%", 客单价: 8000 }).营业收入?.toString(),
    ).toBe("1200000");
  });

  it("lets a node be named like a function", () => {
    const model = defineModel({ min: "max(a, b)", total: "min * 2" });
    expect(evaluate(model, { a: 1, b: 3 }).total?.toString()).toBe("6");
  });

  it("is deeply frozen and does not mutate frozen arguments", () => {
    const formulas = Object.freeze({ ...revenueFormulas });
    const options = Object.freeze({
      inputs: Object.freeze({ conversion: Object.freeze({ min: 0, max: 1 }) }),
    });
    const model = defineModel(formulas, options);
    expect(Object.isFrozen(model)).toBe(true);
    expect(Object.isFrozen(model.nodes)).toBe(true);
    expect(Object.isFrozen(model.nodes.revenue)).toBe(true);
    expect(Object.isFrozen(model.inputs)).toBe(true);
    expect(Object.isFrozen(model.nodes.revenue!.dependencies)).toBe(true);
    expect(Object.isFrozen(model.nodes.revenue!.ast)).toBe(true);
    expect(Object.getPrototypeOf(model.nodes)).toBeNull();
    expect(formulas).toEqual(revenueFormulas);
  });

  it("reads options by own keys only", () => {
    const inherited = Object.create({
      inputs: { x: { min: 5 } },
      nodes: { y: { label: "polluted" } },
    }) as object;
    const model = defineModel({ y: "x * 2" }, inherited);
    expect(model.nodes.y!.label).toBeNull();
    expect(evaluate(model, { x: 1 }).y?.toString()).toBe("2");
  });

  describe("errors", () => {
    it("names a cycle with its path (CYCLE)", () => {
      const error = errorOf(() => defineModel({ a: "b + 1", b: "c * 2", c: "a - 1", d: "a" }));
      expect(error.code).toBe("CYCLE");
      expect(error.message).toContain("a → b → c → a");
      expect(error.details.cycle).toEqual(["a", "b", "c", "a"]);
      expect(error.path).toEqual(["formulas", "a"]);
    });

    it("names a two-node cycle", () => {
      expect(errorOf(() => defineModel({ x: "1", a: "b", b: "a" })).message).toContain("a → b → a");
    });

    it("finds a cycle among many nodes without recursion", () => {
      const formulas: Record<string, string> = {};
      for (let i = 0; i < 20_000; i++) formulas[`n${i}`] = `n${(i + 1) % 20_000} + 1`;
      const error = errorOf(() => defineModel(formulas));
      expect(error.code).toBe("CYCLE");
      expect((error.details.cycle as string[]).length).toBe(20_001);
      expect(error.message.length).toBeLessThan(600);
      expect(error.message).toContain("n0 → n1 → n2");
    });

    it("reports a formula that reads its own node (SELF_REFERENCE)", () => {
      const error = errorOf(() => defineModel({ total: "base + total * 0.1" }));
      expect(error.code).toBe("SELF_REFERENCE");
      expect(error.details).toMatchObject({ formula: "total", column: 8 });
    });

    it("reports parse errors with the formula's name and column", () => {
      const error = errorOf(() => defineModel({ revenue: "a + * b" }));
      expect(error.code).toBe("FORMULA_SYNTAX");
      expect(error.path).toEqual(["formulas", "revenue"]);
      expect(error.details).toMatchObject({ formula: "revenue", column: 5 });
      expect(error.message).toContain('"revenue"');
    });

    it("reports an unknown function (UNKNOWN_FUNCTION) and a wrong arity (WRONG_ARITY)", () => {
      expect(errorOf(() => defineModel({ y: "sum(a, b)" })).code).toBe("UNKNOWN_FUNCTION");
      expect(errorOf(() => defineModel({ y: "abs(a, b)" })).code).toBe("WRONG_ARITY");
    });

    it("refuses a formula that is a condition (TYPE_MISMATCH)", () => {
      const error = errorOf(() => defineModel({ alert: "visits < 3" }));
      expect(error.code).toBe("TYPE_MISMATCH");
      expect(errorOf(() => defineModel({ y: "if(a, 1, 2)" })).code).toBe("TYPE_MISMATCH");
      expect(errorOf(() => defineModel({ y: "a and b" })).code).toBe("TYPE_MISMATCH");
      expect(defineModel({ y: "if(a > 0, a, 0)" }).inputs).toEqual(["a"]);
    });

    it("refuses two names equal after NFC (DUPLICATE_NAME)", () => {
      const error = errorOf(() => defineModel({ "caf\u00e9": "1", "cafe\u0301": "2" }));
      expect(error.code).toBe("DUPLICATE_NAME");
      expect(
        errorOf(() =>
          defineModel({ total: "a" }, { inputs: { "caf\u00e9": {}, "cafe\u0301": {} } } as never),
        ).code,
      ).toBe("DUPLICATE_NAME");
    });

    it("refuses invisible characters in names (INVALID_CHARACTER)", () => {
      const error = errorOf(() => defineModel({ "ad\u202Emin": "1" }));
      expect(error.code).toBe("INVALID_CHARACTER");
      expect(error.details.column).toBe(3);
    });

    it("refuses metadata about names no formula uses (UNKNOWN_NODE)", () => {
      const error = errorOf(() => defineModel({ total: "a + b" }, { inputs: { c: {} } } as never));
      expect(error.code).toBe("UNKNOWN_NODE");
      expect(error.path).toEqual(["options", "inputs", "c"]);
      expect(
        errorOf(() => defineModel({ total: "a" }, { nodes: { other: {} } } as never)).code,
      ).toBe("UNKNOWN_NODE");
    });

    it("refuses bad bounds (INVALID_NUMBER)", () => {
      const error = errorOf(() => defineModel({ total: "a" }, { inputs: { a: { min: "abc" } } }));
      expect(error.code).toBe("INVALID_NUMBER");
      expect(error.path).toEqual(["options", "inputs", "a", "min"]);
    });

    it.each([
      ["formulas that are not an object", () => defineModel(null as never)],
      ["an array of formulas", () => defineModel(["a"] as never)],
      ["no formulas", () => defineModel({})],
      ["a formula that is not a string", () => defineModel({ a: 5 as never })],
      ["a name that is not an identifier", () => defineModel({ "客单价(新客)": "a" })],
      ["a name starting with a digit", () => defineModel({ "1st": "a" })],
      ["a reserved word as a name", () => defineModel({ and: "a" })],
      ["options that are not an object", () => defineModel({ a: "b" }, 5 as never)],
      [
        "options.inputs that is not an object",
        () => defineModel({ a: "b" }, { inputs: 5 as never }),
      ],
      [
        "an input spec that is not an object",
        () => defineModel({ a: "b" }, { inputs: { b: 5 as never } }),
      ],
      ["min above max", () => defineModel({ a: "b" }, { inputs: { b: { min: 2, max: 1 } } })],
      [
        "wholeNumber that is not a boolean",
        () => defineModel({ a: "b" }, { inputs: { b: { wholeNumber: 1 as never } } }),
      ],
      [
        "a label that is not a string",
        () => defineModel({ a: "b" }, { inputs: { b: { label: 5 as never } } }),
      ],
      [
        "a formula node described as an input",
        () => defineModel({ a: "b" }, { inputs: { a: {} } } as never),
      ],
      [
        "an input described in options.nodes",
        () => defineModel({ a: "b" }, { nodes: { b: {} } } as never),
      ],
      [
        "options.nodes that is not an object",
        () => defineModel({ a: "b" }, { nodes: [] as never }),
      ],
    ])("refuses %s (INVALID_ARGUMENT)", (_, run) => {
      expect(errorOf(run).code).toBe("INVALID_ARGUMENT");
    });
  });
});

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
    ["if(x > 1 and true, 1, 2)", 4],
    ["if(a > 0 or a > 1, 1, 2) + x", 28],
    ["max(a, 1) + x", 13],
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

  it("reports only the cycle, from its first-declared node, not the node leading into it", () => {
    const error = expectCode(() => defineModel({ p: "c + 1", a: "b", b: "c", c: "a" }), "CYCLE", [
      "formulas",
      "a",
    ]);
    expect(error.details).toEqual({ cycle: ["a", "b", "c", "a"] });
  });
});

describe("defineModel: names", () => {
  it("refuses an invisible character in the first position", () => {
    const error = expectCode(() => defineModel({ "\u200Bx": "a" }), "INVALID_CHARACTER", [
      "formulas",
      "\u200Bx",
    ]);
    expect(error.message).toMatch(/invisible character U\+200B at position 1\./);
    expect(error.details).toEqual({ column: 1 });
  });

  it("locates a bad name in options.inputs under options.inputs", () => {
    const error = expectCode(
      () => defineModel({ y: "a" }, { inputs: { "1a": {} } } as never),
      "INVALID_ARGUMENT",
      ["options", "inputs", "1a"],
    );
    expect(error.message).toMatch(/"1a" is not a valid name/);
  });

  it("locates a bad name in options.nodes under options.nodes", () => {
    const error = expectCode(
      () => defineModel({ y: "a" }, { nodes: { "1a": {} } } as never),
      "INVALID_ARGUMENT",
      ["options", "nodes", "1a"],
    );
    expect(error.message).toMatch(/"1a" is not a valid name/);
  });
});

describe("defineModel: the model object", () => {
  it("marks a formula node as not whole-number, described or not", () => {
    const model = defineModel({ y: "a * 2", z: "y + 1" }, { nodes: { z: { label: "Z" } } });
    expect(model.nodes.y!.wholeNumber).toBe(false);
    expect(model.nodes.z!.wholeNumber).toBe(false);
  });

  it("keeps its compiled internals out of what inspecting the model shows", () => {
    const model = defineModel({ y: "a * 2" });
    expect(inspect(model)).not.toContain("targetree.model");
    expect(Object.getOwnPropertySymbols({ ...model })).toEqual([]);
  });
});
