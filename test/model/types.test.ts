// Names flow through the types: a model's node names come from its formulas, so a typo in a
// result key, an input, an output or a varied input does not compile. The `@ts-expect-error` lines
// are checked by `tsc --noEmit` (which includes test/): each must be an error, or tsc fails. The
// tests also run, so every line is valid at run time up to the error the types predict.
import {
  attribute,
  compileModel,
  type Decimal,
  defineModel,
  dependsOn,
  evaluate,
  explain,
  type FormulaInputNames,
  type InputName,
  type Model,
  type NamesInFormula,
  type NodeName,
  type RevenueModel,
  reconcile,
  renderTree,
  revenueModel,
  sensitivity,
  solveFor,
  solveMultiplier,
} from "targetree";
import { describe, expect, expectTypeOf, it } from "vitest";
import { errorOf } from "../_support/errors.js";

const W1 = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};

describe("model types", () => {
  it("reads the input names from the formula text", () => {
    expectTypeOf<NamesInFormula<"a * b + max(c, 2) - d ^ 2">>().toEqualTypeOf<
      "a" | "b" | "c" | "d"
    >();
    expectTypeOf<NamesInFormula<"if(x > 1 and not y, 25%, 1.5e-3 * 50万元)">>().toEqualTypeOf<
      "x" | "y"
    >();
    expectTypeOf<NamesInFormula<"新客户数 × 转化率 × 客单价 ÷ （1 − 折扣率）">>().toEqualTypeOf<
      "新客户数" | "转化率" | "客单价" | "折扣率"
    >();
    expectTypeOf<NamesInFormula<"MIN (a, b) OR True">>().toEqualTypeOf<"a" | "b">();
    expectTypeOf<NamesInFormula<string>>().toEqualTypeOf<string>();
    expectTypeOf<
      FormulaInputNames<{ profit: "revenue - cost"; margin: "profit / revenue" }>
    >().toEqualTypeOf<"revenue" | "cost">();
    expectTypeOf<FormulaInputNames<Record<string, string>>>().toEqualTypeOf<string>();
  });

  it("types a model by its formula nodes and inputs", () => {
    const model = defineModel({ profit: "revenue - cost", margin: "profit / revenue" });
    expectTypeOf(model).toEqualTypeOf<Model<"profit" | "margin", "revenue" | "cost">>();
    expectTypeOf<InputName<typeof model>>().toEqualTypeOf<"revenue" | "cost">();
    expectTypeOf<NodeName<RevenueModel>>().toEqualTypeOf<
      | "revenue"
      | "newRevenue"
      | "returningRevenue"
      | "newCustomers"
      | "conversion"
      | "newAov"
      | "returningCustomers"
      | "repurchase"
      | "returningAov"
    >();
    expectTypeOf(revenueModel()).toEqualTypeOf<RevenueModel>();
  });

  it("types evaluate's result by the node names, so a typo does not compile", () => {
    const model = defineModel({ profit: "revenue - cost", margin: "profit / revenue" });
    const values = evaluate(model, { revenue: 500, cost: 300 });
    expectTypeOf(values.margin).toEqualTypeOf<Decimal>();
    expectTypeOf(values.cost).toEqualTypeOf<Decimal>();
    // @ts-expect-error: "profti" is not a node of the model
    expect(values.profti).toBeUndefined();
    // @ts-expect-error: "revenu" is not a node of the revenue model
    expect(evaluate(revenueModel(), W1).revenu).toBeUndefined();
  });

  it("requires every input and refuses a key that is not an input", () => {
    const model = defineModel({ profit: "revenue - cost" });
    // @ts-expect-error: cost is missing
    expect(errorOf(() => evaluate(model, { revenue: 500 })).code).toBe("MISSING_INPUT");
    // @ts-expect-error: "costs" is not an input
    expect(errorOf(() => evaluate(model, { revenue: 500, costs: 300 })).code).toBe("UNKNOWN_NODE");
    // A row with an index signature (a parsed CSV line) is checked at run time instead.
    const row: Record<string, number> = { revenue: 500, cost: 300 };
    expect(evaluate(model, row).profit.toString()).toBe("200");
  });

  it("types compileModel, explain, renderTree and dependsOn by the names", () => {
    const model = revenueModel();
    const compiled = compileModel(model);
    expectTypeOf(compiled.evaluate(W1).returningRevenue).toEqualTypeOf<Decimal>();
    // @ts-expect-error: "revenu" is not a node
    expect(errorOf(() => compiled.output("revenu")).code).toBe("UNKNOWN_NODE");
    const tree = explain(model, W1, "newRevenue");
    expectTypeOf(tree.name).toEqualTypeOf<NodeName<RevenueModel>>();
    // @ts-expect-error: "newRevenu" is not a node
    expect(errorOf(() => explain(model, W1, "newRevenu")).code).toBe("UNKNOWN_NODE");
    // @ts-expect-error: "revenu" is not a node
    expect(errorOf(() => renderTree(model, W1, { root: "revenu" })).code).toBe("UNKNOWN_NODE");
    // @ts-expect-error: "conversio" is not a node
    expect(errorOf(() => dependsOn(model, "revenue", "conversio")).code).toBe("UNKNOWN_NODE");
  });

  it("types the analysis options by the names", () => {
    const model = revenueModel();
    const target = "1.2亿";
    expect(
      errorOf(() =>
        // @ts-expect-error: "newCustomer" is not an input
        solveFor(model, { output: "revenue", target, vary: "newCustomer", inputs: W1 }),
      ).code,
    ).toBe("UNKNOWN_NODE");
    expect(
      errorOf(() =>
        solveMultiplier(model, {
          output: "revenue",
          target,
          // @ts-expect-error: "returningCustomer" is not an input
          vary: ["newCustomers", "returningCustomer"],
          inputs: W1,
        }),
      ).code,
    ).toBe("UNKNOWN_NODE");
    // @ts-expect-error: "revenu" is not a node
    expect(errorOf(() => sensitivity(model, { output: "revenu", inputs: W1 })).code).toBe(
      "UNKNOWN_NODE",
    );
    expect(
      // @ts-expect-error: "revenu" is not a node
      errorOf(() => reconcile(model, { output: "revenu", target, inputs: W1 })).code,
    ).toBe("UNKNOWN_NODE");
    const { newAov: _, ...short } = W1;
    expect(
      // @ts-expect-error: base lacks newAov
      errorOf(() => attribute(model, { output: "revenue", base: short, actual: W1 })).code,
    ).toBe("MISSING_INPUT");
    // solveFor's inputs may leave out the varied input.
    const { newCustomers: __, ...rest } = W1;
    expect(
      solveFor(model, {
        output: "revenue",
        target,
        vary: "newCustomers",
        inputs: rest,
      }).value.toString(),
    ).toBe("58200");
  });

  it("keys defineModel's metadata by the model's names", () => {
    const formulas = { revenue: "customers * conversion" } as const;
    expect(
      errorOf(() =>
        // @ts-expect-error: "converson" is not an input (the formula says conversion)
        defineModel(formulas, { inputs: { converson: { max: 1 } } }),
      ).code,
    ).toBe("LIKELY_TYPO");
    // @ts-expect-error: "revenu" is not a formula node
    expect(errorOf(() => defineModel(formulas, { nodes: { revenu: {} } })).code).toBe(
      "UNKNOWN_NODE",
    );
    // Metadata built elsewhere, as a record of any names, is checked when the model is defined.
    const described: Record<string, { readonly max: number }> = { conversion: { max: 1 } };
    expect(defineModel(formulas, { inputs: described }).nodes.conversion.max?.toString()).toBe("1");
  });

  it("keeps models whose names are not literal types loosely typed", () => {
    const formulas: Record<string, string> = { y: "a * b" };
    const model = defineModel(formulas);
    expectTypeOf(model).toEqualTypeOf<Model<string, string>>();
    expect(evaluate(model, { a: 2, b: 3 }).y?.toString()).toBe("6");
  });
});
