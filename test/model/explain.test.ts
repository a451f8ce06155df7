import { defineModel, explain, renderTree, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

describe("explain", () => {
  it("explains the W1 revenue tree with values and shares", () => {
    const tree = explain(revenueModel(), w1);
    expect(tree).toMatchObject({
      name: "revenue",
      label: "营业收入",
      kind: "formula",
      share: null,
    });
    expect(tree.formula).toBe("newRevenue + returningRevenue");
    expect(tree.value.toString()).toBe("4800000");
    const [fresh, returning] = tree.children;
    expect(fresh).toMatchObject({ name: "newRevenue", label: "新客收入" });
    expect(fresh!.share?.toString()).toBe("0.25");
    expect(returning!.share?.toString()).toBe("0.75");
    expect(
      fresh!.children.map((child) => [child.name, child.value.toString(), child.share]),
    ).toEqual([
      ["newCustomers", "600", null],
      ["conversion", "0.25", null],
      ["newAov", "8000", null],
    ]);
    expect(fresh!.children[0]).toMatchObject({
      kind: "input",
      formula: null,
      label: "新客户数",
      unitLabel: "人",
    });
  });

  it("gives signed shares for the terms of a sum, each term reading one node", () => {
    const model = defineModel({ profit: "12 * monthly + bonus - cost" });
    const tree = explain(model, { monthly: 100, bonus: 400, cost: 400 });
    expect(tree.value.toString()).toBe("1200");
    expect(tree.children.map((child) => [child.name, child.share?.toString() ?? null])).toEqual([
      ["monthly", "1"],
      ["bonus", "0.3333333333333333333333333333333333333333333333333333333333333333"],
      ["cost", "-0.3333333333333333333333333333333333333333333333333333333333333333"],
    ]);
  });

  it("gives null where a share is not meaningful", () => {
    // a also appears next to b, b only in a product; max(c, 1) is a term reading c alone.
    const model = defineModel({ y: "a * b + a + max(c, 1)" });
    const tree = explain(model, { a: 1, b: 2, c: 3 });
    expect(tree.children.map((child) => child.share?.toString() ?? null)).toEqual([
      null,
      null,
      "0.5",
    ]);
    const zero = explain(defineModel({ y: "a + b" }), { a: 1, b: -1 });
    expect(zero.children.map((child) => child.share)).toEqual([null, null]);
  });

  it("gives share 1 to a node that is the whole formula", () => {
    const tree = explain(defineModel({ y: "x" }), { x: 5 });
    expect(tree.children[0]!.share?.toString()).toBe("1");
  });

  it("expands a shared node once and marks later appearances as repeated", () => {
    const model = defineModel({ total: "left + right", left: "base * 2", right: "base + left" });
    const tree = explain(model, { base: 3 });
    const [left, right] = tree.children;
    expect(left!.repeated).toBe(false);
    expect(left!.children.map((child) => child.name)).toEqual(["base"]);
    const again = right!.children.find((child) => child.name === "left")!;
    expect(again.repeated).toBe(true);
    expect(again.children).toEqual([]);
  });

  it("explains a chosen root, and handles deep models without recursion", () => {
    const formulas: Record<string, string> = {};
    for (let i = 1; i <= 5000; i++) formulas[`n${i}`] = `n${i - 1} + 1`;
    const model = defineModel(formulas);
    let node = explain(model, { n0: 0 });
    let depth = 0;
    while (node.children.length > 0) {
      node = node.children[0]!;
      depth++;
    }
    expect(depth).toBe(5000);
    expect(explain(model, { n0: 0 }, "n10").value.toString()).toBe("10");
  });

  it("returns frozen nodes and does not mutate frozen inputs", () => {
    const inputs = Object.freeze({ ...w1 });
    const tree = explain(revenueModel(), inputs);
    expect(Object.isFrozen(tree)).toBe(true);
    expect(Object.isFrozen(tree.children)).toBe(true);
    expect(inputs).toEqual(w1);
  });

  describe("errors", () => {
    it("asks which root when there are several (INVALID_ARGUMENT)", () => {
      const model = defineModel({ a: "x + 1", b: "x + 2" });
      expect(errorOf(() => explain(model, { x: 1 })).code).toBe("INVALID_ARGUMENT");
      expect(explain(model, { x: 1 }, "b").value.toString()).toBe("3");
    });

    it("refuses an unknown root (UNKNOWN_NODE)", () => {
      const error = errorOf(() => explain(revenueModel(), w1, "profit" as never));
      expect(error.code).toBe("UNKNOWN_NODE");
      expect(error.path).toEqual(["root"]);
    });

    it("refuses a root that is not a string, without calling its methods (INVALID_ARGUMENT)", () => {
      const hostile = {
        toString() {
          throw new Error("called");
        },
      };
      for (const bad of [hostile, null, 5, ["revenue"]]) {
        const error = errorOf(() => explain(revenueModel(), w1, bad as never));
        expect(error.code).toBe("INVALID_ARGUMENT");
        expect(error.path).toEqual(["root"]);
      }
    });

    it("gives the errors of evaluate", () => {
      expect(errorOf(() => explain(revenueModel(), { ...w1, conversion: 2 })).code).toBe(
        "OUT_OF_BOUNDS",
      );
    });
  });
});

describe("renderTree", () => {
  it("renders the W1 revenue tree with Chinese labels, values, shares and formulas", () => {
    expect(renderTree(revenueModel(), w1)).toBe(
      [
        "营业收入 (revenue)                   480万元         = newRevenue + returningRevenue",
        "├─ 新客收入 (newRevenue)             120万元  占25%  = newCustomers × conversion × newAov",
        "│  ├─ 新客户数 (newCustomers)          600人",
        "│  ├─ 转化率 (conversion)                25%",
        "│  └─ 客单价(新客) (newAov)          8,000元",
        "└─ 老客收入 (returningRevenue)       360万元  占75%  = returningCustomers × repurchase × returningAov",
        "   ├─ 老客户数 (returningCustomers)  1,500人",
        "   ├─ 复购率 (repurchase)                40%",
        "   └─ 客单价(老客) (returningAov)    6,000元",
      ].join("\n"),
    );
  });

  it("follows the options: ascii symbols, no formulas, digits, share label, root", () => {
    const text = renderTree(revenueModel(), w1, {
      symbols: "ascii",
      root: "newRevenue",
      shareLabel: "share ",
      digits: 0,
    });
    expect(text.split("\n")[0]).toBe(
      "新客收入 (newRevenue)       120万元  = newCustomers * conversion * newAov",
    );
    const bare = renderTree(revenueModel(), w1, { formulas: false });
    expect(bare).not.toContain("=");
    expect(bare.split("\n")[1]).toBe("├─ 新客收入 (newRevenue)             120万元  占25%");
  });

  it("names nodes without labels by their name and marks repeated nodes", () => {
    const model = defineModel({ total: "left + right", left: "base * 2", right: "base + left" });
    const lines = renderTree(model, { base: 3 }).split("\n");
    expect(lines[0]).toMatch(/^total\s+15\s+= left \+ right$/);
    expect(lines.some((line) => line.includes("left ↑"))).toBe(true);
  });

  it("does not mutate frozen inputs or options", () => {
    const inputs = Object.freeze({ ...w1 });
    const options = Object.freeze({ digits: 1, root: "revenue" });
    expect(renderTree(revenueModel(), inputs, options).split("\n")).toHaveLength(9);
    expect(inputs).toEqual(w1);
  });

  it("refuses bad options (INVALID_ARGUMENT)", () => {
    expect(errorOf(() => renderTree(revenueModel(), w1, { symbols: "fancy" as never })).code).toBe(
      "INVALID_ARGUMENT",
    );
    expect(errorOf(() => renderTree(revenueModel(), w1, { digits: -1 })).code).toBe(
      "INVALID_ARGUMENT",
    );
    expect(errorOf(() => renderTree(revenueModel(), w1, { formulas: "yes" as never })).code).toBe(
      "INVALID_ARGUMENT",
    );
    expect(errorOf(() => renderTree(revenueModel(), w1, null as never)).code).toBe(
      "INVALID_ARGUMENT",
    );
  });

  it("refuses a share label or formulas option of the wrong type, at its path (INVALID_ARGUMENT)", () => {
    expect(errorOf(() => renderTree(revenueModel(), w1, { shareLabel: 5 as never })).path).toEqual([
      "options",
      "shareLabel",
    ]);
    expect(errorOf(() => renderTree(revenueModel(), w1, { formulas: 1 as never })).path).toEqual([
      "options",
      "formulas",
    ]);
    expect(errorOf(() => renderTree(revenueModel(), w1, [] as never)).code).toBe(
      "INVALID_ARGUMENT",
    );
  });

  it("reads options by own keys only", () => {
    const inherited = Object.create({
      root: "newRevenue",
      symbols: "ascii",
      formulas: false,
      shareLabel: "share ",
      digits: 0,
    }) as object;
    expect(renderTree(revenueModel(), w1, inherited)).toBe(renderTree(revenueModel(), w1));
  });

  it("gives the errors of explain (UNKNOWN_NODE, MISSING_INPUT)", () => {
    expect(errorOf(() => renderTree(revenueModel(), w1, { root: "nope" as never })).code).toBe(
      "UNKNOWN_NODE",
    );
    expect(errorOf(() => renderTree(revenueModel(), {} as never)).code).toBe("MISSING_INPUT");
  });
});
