import { defineModel, evaluate } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";

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
