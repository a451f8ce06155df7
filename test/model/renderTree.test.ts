// renderTree: the tree explain builds, printed as text: labels, values, shares and formulas; the
// layout (no share column when no node has one, a label alone when it equals the name, no share on
// an only child, repeated nodes marked); the digits option and the option errors.
import { defineModel, explain, renderTree, revenueModel } from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";
import { w1 } from "../_support/w1.js";

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

// A percentage node over two small inputs, for the digits option and the option errors.
const model = defineModel({ y: "x + a" }, { nodes: { y: { unitLabel: "%" } } });

const inputs = { x: "0.0123456", a: "0.01" };

describe("renderTree: digits", () => {
  it("shows percentages, amounts and shares with the requested digits", () => {
    expect(renderTree(model, inputs, { digits: 4 }).split("\n")).toEqual([
      "y     2.2346%              = x + a",
      "├─ x   0.0123  占55.2485%",
      "└─ a     0.01  占44.7515%",
    ]);
  });

  it("uses two digits by default", () => {
    expect(renderTree(model, inputs).split("\n")).toEqual([
      "y     2.23%            = x + a",
      "├─ x   0.01  占55.25%",
      "└─ a   0.01  占44.75%",
    ]);
  });
});

describe("renderTree: option errors", () => {
  it("refuses options that are not an object, at options", () => {
    const error = expectCode(() => renderTree(model, inputs, 5 as never), "INVALID_ARGUMENT", [
      "options",
    ]);
    expect(error.message).toMatch(/Options must be an object, got 5/);
  });

  it("lists the allowed symbol sets, at options.symbols", () => {
    const error = expectCode(
      () => renderTree(model, inputs, { symbols: "latex" as never }),
      "INVALID_ARGUMENT",
      ["options", "symbols"],
    );
    expect(error.message).toContain('symbols must be "math" or "ascii", got the string "latex".');
  });
});
