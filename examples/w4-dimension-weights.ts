// W4 — dimension weights with an implicit remainder (日事清 article), on a 1.2亿 target:
// the three one-dimension splits with an explicit "其他" part, the product × region cross split
// (粮油×华东 = 16,800,000), a cascade 事业部 → 大区 → 个人, and 20 stores where new stores
// get an extra support weight.
import {
  allocate,
  cascade,
  crossCell,
  crossSplit,
  flattenTree,
  formatAmount,
  formatPercent,
  splitByShares,
  toDecimal,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

const TOTAL = "1.2亿";
const money = (value: Parameters<typeof formatAmount>[0]) => formatAmount(value, { scale: "万" });

heading("W4 — 维度权重 dimension weights on a 1.2亿 target");

// 1. The three one-dimension splits. The document lists shares that stop short of 100% ("…").
const dimensions = {
  产品线: { shares: { 粮油: "40%", 日化: "30%" }, documentSays: "粮油40% / 日化30% / …" },
  区域: { shares: { 华东: "35%", 华南: "25%" }, documentSays: "华东35% / 华南25% / …" },
  客户类型: { shares: { 新客: "50%", 老客: "30%" }, documentSays: "新客50% / 老客30% / …" },
} as const;
for (const [dimension, { shares, documentSays }] of Object.entries(dimensions)) {
  const parts = splitByShares(TOTAL, shares, { remainder: "其他" });
  const rows = Object.keys(parts).map((key) => [
    key,
    key === "其他"
      ? `${formatPercent(toDecimal(1).minus(Object.values(shares).reduce((a, s) => a.plus(toDecimal(s)), toDecimal(0))))} (the "…")`
      : formatPercent(toDecimal(shares[key as keyof typeof shares])),
    money(parts[key as keyof typeof parts]!),
    formatAmount(parts[key as keyof typeof parts]!, { scale: "元" }),
  ]);
  console.log(
    `\n${dimension} — the document writes "${documentSays}"; the rest is an explicit 其他 part:`,
  );
  printTable([dimension, "share", "target", "元"], rows);
}

// 2. Product × region, independent shares. Row and column totals equal the splits above exactly.
const cross = crossSplit(
  TOTAL,
  { 产品线: dimensions.产品线.shares, 区域: dimensions.区域.shares },
  { remainder: "其他" },
);
const regions = cross.parts.区域!;
console.log("\n产品线 × 区域 cross split (each cell = 1.2亿 × product share × region share):");
printTable(
  ["产品线 \\ 区域", ...regions, "合计 total"],
  [
    ...cross.parts.产品线!.map((product) => [
      product,
      ...regions.map((region) => money(crossCell(cross, { 产品线: product, 区域: region }))),
      money(cross.marginals.产品线![product]!),
    ]),
    [
      "合计 total",
      ...regions.map((region) => money(cross.marginals.区域![region]!)),
      money(cross.total),
    ],
  ],
);
console.log(
  `粮油×华东 = ${formatAmount(crossCell(cross, { 产品线: "粮油", 区域: "华东" }), { scale: "元" })} (1.2亿 × 40% × 35%); every row and column total equals its one-dimension split exactly.`,
);

// 3. Cascade 事业部 → 大区 → 个人. Level 1 by the product shares, level 2 by the region shares,
// level 3 by each person's weight (experience); a new hire's target is held at 300万.
const org = cascade(
  TOTAL,
  {
    name: "公司 company",
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
              { name: "李娜 (new hire)", hold: "300万" },
            ],
          },
          {
            name: "华南大区",
            share: "25%",
            children: [
              { name: "刘洋", weight: 1 },
              { name: "陈静", weight: 1 },
            ],
          },
          { name: "其他大区", children: [{ name: "杨磊" }, { name: "赵敏" }, { name: "黄强" }] },
        ],
      },
      { name: "日化事业部", share: "30%" },
    ],
  },
  { unit: 1, levels: [{ remainder: "其他事业部" }, { remainder: "其他大区" }] },
);
console.log("\n事业部 → 大区 → 个人 cascade (every node is the exact sum of its children):");
printTable(
  ["node", "target", "share of parent"],
  flattenTree(org).map((row, _, rows) => {
    const parent = rows.find(
      (other) =>
        other.depth === row.depth - 1 && row.path.slice(0, -1).join("/") === other.path.join("/"),
    );
    return [
      `${"  ".repeat(row.depth)}${row.name}`,
      money(row.value),
      parent === undefined ? "" : formatPercent(row.value.div(parent.value), { digits: 1 }),
    ];
  }),
);

// 4. 20 stores of 华东 share the region's 42,000,000. Weights are last year's sales. New and weak
// stores get support: the four new stores have no history, so each gets a support weight (扶持权重)
// of 60% of an average mature store; the two weakest stores are capped at last year + 5%, and what
// the cap frees goes to the others.
const lastYear: Record<string, number | null> = {
  S01: 340,
  S02: 310,
  S03: 290,
  S04: 270,
  S05: 255,
  S06: 245,
  S07: 230,
  S08: 220,
  S09: 210,
  S10: 195,
  S11: 180,
  S12: 170,
  S13: 155,
  S14: 120,
  S15: 75,
  S16: 60,
  N17: null,
  N18: null,
  N19: null,
  N20: null,
};
const weak = ["S15", "S16"];
const mature = Object.values(lastYear).filter((sales): sales is number => sales !== null);
const supportWeight = (mature.reduce((a, b) => a + b, 0) / mature.length) * 0.6;
const weights = Object.fromEntries(
  Object.entries(lastYear).map(([store, sales]) => [store, sales ?? supportWeight]),
);
const caps = Object.fromEntries(weak.map((store) => [store, `${lastYear[store]! * 1.05}万`]));
const region = cross.marginals.区域!.华东!;
const stores = allocate(region, weights, { unit: 1000, max: caps });
console.log(
  `\n华东 ${money(region)} over 20 stores (weights: last-year sales in 万; new stores: support weight ${supportWeight.toFixed(1)}; weak stores capped at +5%):`,
);
printTable(
  ["store", "type", "last year", "weight", "target", "share", "vs last year"],
  Object.keys(stores).map((store) => {
    const sales = lastYear[store] ?? null;
    const target = stores[store]!;
    return [
      store,
      sales === null ? "new 新店" : weak.includes(store) ? "weak (cap +5%)" : "mature",
      sales === null ? "—" : `${sales}万`,
      (weights[store] as number).toFixed(1),
      money(target),
      formatPercent(target.div(region), { digits: 1 }),
      sales === null
        ? "—"
        : formatPercent(target.div(sales * 10_000).minus(1), { signed: true, digits: 1 }),
    ];
  }),
);
const storeSum = Object.values(stores).reduce((a, b) => a.plus(b), toDecimal(0));
console.log(
  `Sum check: the 20 stores add up to ${formatAmount(storeSum, { scale: "元" })} = 华东 exactly (targets in whole 千元).`,
);
