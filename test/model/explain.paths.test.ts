// explain and renderTree in detail: the root's messages, shares summed over terms, repeated
// nodes, labels equal to names, and the layout without a share column.
import { defineModel, explain, renderTree, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { expectCode } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

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

describe("renderTree: layout", () => {
  it("leaves out the share column when no node has a share", () => {
    expect(renderTree(defineModel({ y: "a * b" }), { a: 2, b: 3 })).toBe(
      ["y     6  = a × b", "├─ a  2", "└─ b  3"].join("\n"),
    );
  });

  it("shows a label alone when it equals the name", () => {
    const model = defineModel(
      { y: "a * b" },
      { inputs: { a: { label: "a" } }, nodes: { y: { label: "Y" } } },
    );
    expect(renderTree(model, { a: 2, b: 3 }).split("\n")).toEqual([
      "Y (y)  6  = a × b",
      "├─ a   2",
      "└─ b   3",
    ]);
  });

  it("shows no share on an only child, whose parent may add a constant", () => {
    const model = defineModel({ margin: "revenue - 100", revenue: "price * 2" });
    expect(renderTree(model, { price: 15 })).toBe(
      [
        "margin       -70  = revenue - 100",
        "└─ revenue    30  = price × 2",
        "   └─ price   15",
      ].join("\n"),
    );
    // explain still reports the share; only the printed tree leaves it out.
    expect(explain(model, { price: 15 }).children[0]!.share?.toString()).toBe(
      "-0.4285714285714285714285714285714285714285714285714285714285714286",
    );
  });

  it("refuses an unknown option, naming the nearest known one, and a bad digits value", () => {
    const model = defineModel({ y: "x + 1" });
    const typo = expectCode(
      () => renderTree(model, { x: 1 }, { shareLable: "of" } as never),
      "UNKNOWN_OPTION",
      ["options", "shareLable"],
    );
    expect(typo.message).toContain('Did you mean "shareLabel"?');
    const digits = expectCode(
      () => renderTree(model, { x: 1 }, { digits: 2.5 }),
      "INVALID_ARGUMENT",
      ["options", "digits"],
    );
    expect(digits.message).toContain("digits must be a whole number from 0 to 20, got 2.5.");
  });

  it("marks a repeated node with an arrow and leaves out its formula", () => {
    const model = defineModel({ total: "left + right", left: "base * 2", right: "base + left" });
    expect(renderTree(model, { base: 3 })).toBe(
      [
        "total         15            = left + right",
        "├─ left        6  占40%     = base × 2",
        "│  └─ base     3",
        "└─ right       9  占60%     = base + left",
        "   ├─ base     3  占33.33%",
        "   └─ left ↑   6  占66.67%",
      ].join("\n"),
    );
  });
});
