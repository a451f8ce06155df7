import { allocate, breakback, flattenTree, splitEvenly } from "targetree";
import { describe, expect, it } from "vitest";

const plan = {
  name: "全国",
  children: [
    {
      name: "华东",
      children: [
        { name: "张三", value: 300_000 },
        { name: "李四", value: 200_000 },
        { name: "王五", value: 500_000 },
      ],
    },
    {
      name: "华南",
      children: [
        { name: "赵六", value: 400_000 },
        { name: "钱七", value: 0 },
      ],
    },
  ],
};
const values = (tree: Parameters<typeof flattenTree>[0]) =>
  Object.fromEntries(
    flattenTree(tree).map((row) => [row.path.join("/") || "全国", row.value.toString()]),
  );

describe("X2 — spreading semantics of planning tools", () => {
  it("spreads a new value pro rata and updates the ancestors (breakback)", () => {
    const next = values(breakback(plan, { path: ["华东"], value: 1_200_000, unit: 1 }));
    expect(next).toMatchObject({
      全国: "1600000",
      华东: "1200000",
      "华东/张三": "360000",
      "华东/王五": "600000",
    });
  });

  it("keeps held leaves and held parents", () => {
    const held = values(
      breakback(plan, { path: ["华东"], value: 1_200_000, holds: [["华东", "王五"]], unit: 1 }),
    );
    expect(held).toMatchObject({
      "华东/张三": "420000",
      "华东/李四": "280000",
      "华东/王五": "500000",
    });
    const parent = values(
      breakback(plan, { path: ["华东", "张三"], value: 400_000, holds: [["华东"]], unit: 1 }),
    );
    expect(parent).toMatchObject({
      全国: "1400000",
      华东: "1000000",
      "华东/李四": "171429",
      "华东/王五": "428571",
    });
  });

  it("spreads evenly over an all-zero base", () => {
    const zero = breakback(
      {
        children: [
          { name: "A", value: 0 },
          { name: "B", value: 0 },
          { name: "C", value: 0 },
        ],
      },
      { path: [], value: 100_000, unit: 1 },
    );
    expect(zero.children.map((child) => child.value.toString())).toEqual([
      "33334",
      "33333",
      "33333",
    ]);
  });

  it("spreads evenly, in the shape of a reference series, and within min/max", () => {
    const lastYear = { "1月": 80, "2月": 45, "3月": 95, "4月": 100, "5月": 110, "6月": 120 };
    expect(
      Object.values(splitEvenly("60万", Object.keys(lastYear), { unit: 1 })).map(String),
    ).toEqual(Array(6).fill("100000"));
    expect(allocate("60万", lastYear, { unit: 1 })["5月"]!.toString()).toBe("120000");
    const bounded = allocate("60万", lastYear, { unit: 1, min: "8万", max: "12万" });
    expect(bounded["2月"]!.toString()).toBe("80000");
    expect(bounded["6月"]!.toString()).toBe("120000");
    expect(
      Object.values(bounded)
        .reduce((a, b) => a.plus(b))
        .toString(),
    ).toBe("600000");
  });

  it("rounds 100 over three parts to 33.34 + 33.33 + 33.33 = 100", () => {
    expect(splitEvenly(100, 3).map(String)).toEqual(["33.34", "33.33", "33.33"]);
  });
});
