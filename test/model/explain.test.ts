import { defineModel, explain, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";
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

describe("explain: the root", () => {
  it("lists the top nodes, at most 10, when it must ask which one", () => {
    const two = expectCode(
      () => explain(defineModel({ a: "x + 1", b: "x + 2" }), { x: 1 }),
      "INVALID_ARGUMENT",
      ["root"],
    );
    expect(two.message).toContain(
      "The model has several top nodes (a, b); say which one to explain.",
    );
    const many = defineModel(
      Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`r${index}`, "x + 1"])),
    );
    expect(expectCode(() => explain(many, { x: 1 }), "INVALID_ARGUMENT").message).toContain(
      "(r0, r1, r2, r3, r4, r5, r6, r7, r8, r9); say which",
    );
  });

  it("says what is wrong with a given root", () => {
    expect(
      expectCode(() => explain(revenueModel(), w1, 5 as never), "INVALID_ARGUMENT", ["root"])
        .message,
    ).toContain("The root must be a node name (a string), got 5.");
    expect(
      expectCode(() => explain(revenueModel(), w1, "profit" as never), "UNKNOWN_NODE", ["root"])
        .message,
    ).toContain('"profit" is not a node of the model.');
    expect(explain(revenueModel(), w1, "newAov").kind).toBe("input");
  });
});

describe("explain: shares and repeats", () => {
  it("adds up the terms that read the same node", () => {
    const tree = explain(defineModel({ y: "a + 2 * a - b + 5" }), { a: 1, b: 1 });
    expect(tree.value.toString()).toBe("7");
    expect(tree.children.map((child) => [child.name, child.share?.toFixed(6) ?? null])).toEqual([
      ["a", "0.428571"],
      ["b", "-0.142857"],
    ]);
  });

  it("marks only formula nodes as repeated, and gives an input again in full", () => {
    const model = defineModel({ total: "left + right", left: "base * 2", right: "base + left" });
    const right = explain(model, { base: 3 }).children[1]!;
    expect(
      right.children.map((child) => [child.name, child.repeated, child.value.toString()]),
    ).toEqual([
      ["base", false, "3"],
      ["left", true, "6"],
    ]);
    expect(right.children[1]!.formula).toBe("base * 2");
  });
});
