import { allocate, cascade, crossCell, crossSplit, flattenTree, splitByShares } from "targetree";
import { describe, expect, it } from "vitest";

const asStrings = (record: Readonly<Record<string, { toString(): string }>>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.toString()]));

describe("W4 — dimension weights with an implicit remainder", () => {
  it("puts the remainder of each dimension into an explicit other part", () => {
    expect(asStrings(splitByShares("1.2亿", { 粮油: "40%", 日化: "30%" }))).toEqual({
      粮油: "48000000",
      日化: "36000000",
      other: "36000000",
    });
    expect(asStrings(splitByShares("1.2亿", { 华东: "35%", 华南: "25%" }))).toEqual({
      华东: "42000000",
      华南: "30000000",
      other: "48000000",
    });
    expect(asStrings(splitByShares("1.2亿", { 新客: "50%", 老客: "30%" }))).toEqual({
      新客: "60000000",
      老客: "36000000",
      other: "24000000",
    });
  });

  it("gives 粮油×华东 = 16,800,000 in the product × region cross split, marginals exact", () => {
    const split = crossSplit("1.2亿", {
      product: { 粮油: "40%", 日化: "30%" },
      region: { 华东: "35%", 华南: "25%" },
    });
    expect(crossCell(split, { product: "粮油", region: "华东" }).toString()).toBe("16800000");
    for (const product of split.parts.product!) {
      const row = split.parts
        .region!.map((region) => crossCell(split, { product, region }))
        .reduce((sum, cell) => sum.plus(cell));
      expect(row).toEqualDecimal(split.marginals.product![product]!);
    }
  });

  it("cascades 事业部 → 大区 → 个人 exactly at every node", () => {
    const tree = cascade(
      "1.2亿",
      {
        children: [
          {
            name: "粮油事业部",
            share: "40%",
            children: [
              {
                name: "华东大区",
                share: "35%",
                children: [
                  { name: "张伟", weight: 1.2 },
                  { name: "王芳", weight: 1 },
                  { name: "李娜", hold: "300万" },
                ],
              },
            ],
          },
        ],
      },
      { unit: 1 },
    );
    const rows = flattenTree(tree);
    const value = (path: string) =>
      rows.find((row) => row.path.join("/") === path)!.value.toString();
    expect(value("粮油事业部")).toBe("48000000");
    expect(value("粮油事业部/华东大区")).toBe("16800000");
    expect(value("粮油事业部/华东大区/李娜")).toBe("3000000");
    expect(value("粮油事业部/华东大区/张伟")).toBe("7527273");
    expect(value("粮油事业部/华东大区/王芳")).toBe("6272727");
    expect(value("other")).toBe("72000000");
  });

  it("splits 华东 over 20 stores with support weights for new stores, summing exactly", () => {
    const weights: Record<string, number> = {};
    for (let i = 1; i <= 16; i++) weights[`S${i}`] = 400 - i * 20;
    for (let i = 17; i <= 20; i++) weights[`N${i}`] = 100;
    const stores = allocate("42000000", weights, { unit: 1000, max: { S16: "63万" } });
    expect(Object.keys(stores)).toHaveLength(20);
    expect(
      Object.values(stores)
        .reduce((a, b) => a.plus(b))
        .toString(),
    ).toBe("42000000");
    expect(stores.S16!.toString()).toBe("630000");
    expect(stores.N17!).toEqualDecimal(stores.N20!);
  });
});
