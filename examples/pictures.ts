// The pictures a manager reads: every chart builder on the worked cases (X1's bridge, W1's
// tornado) and the example plans (the 日事清 plan's decomposition, burn-up and heat map as of
// 2024-06-30, the retailer's 2027 decomposition), rendered by Vega in headless Chromium into
// examples/out/ as PNG, with each Vega-Lite spec beside it as JSON. Run after plans.ts, which
// writes the actuals. Without Chromium the specs are still written, and the PNGs skipped loudly.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  achievementHeatmapChart,
  attribute,
  bridgeChart,
  buildPlan,
  burnUpChart,
  decompositionChart,
  defineModel,
  revenueModel,
  sensitivity,
  tornadoChart,
  trackPlan,
  type VegaLiteSpec,
} from "targetree";
import { openRenderer } from "./_lib/chromium.js";
import { heading } from "./_lib/table.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = `${here}out/`;
mkdirSync(out, { recursive: true });

heading("Pictures — every chart, rendered by Vega in headless Chromium, into examples/out/");

// X1: material cost = output × usage × price, plan 130 × 10 × 4, actual 140 × 9 × 5 (连环替代法).
const x1 = defineModel({ materialCost: "output * usage * price" });
const bridge = bridgeChart(
  attribute(x1, {
    output: "materialCost",
    base: { output: 130, usage: 10, price: 4 },
    actual: { output: 140, usage: 9, price: 5 },
  }),
  {
    title: "X1 材料费用：计划 → 实际（连环替代法）",
    labels: { output: "产量", usage: "单耗", price: "单价" },
    baseLabel: "计划",
    actualLabel: "实际",
  },
);

// W1: revenue = new customers × conversion × AOV + returning customers × repurchase × AOV, ±1%.
const tornado = tornadoChart(
  sensitivity(revenueModel(), {
    output: "revenue",
    inputs: {
      newCustomers: 600,
      conversion: "25%",
      newAov: 8000,
      returningCustomers: 1500,
      repurchase: "40%",
      returningAov: 6000,
    },
  }),
  {
    title: "W1 收入对各驱动因素的敏感度（±1%）",
    labels: {
      newCustomers: "新客数",
      conversion: "转化率",
      newAov: "新客客单价",
      returningCustomers: "老客数",
      repurchase: "复购率",
      returningAov: "老客客单价",
    },
  },
);

// The 日事清 plan, tracked to mid-year against the actuals plans.ts wrote.
const plans = `${here}plans/`;
const plan = buildPlan(readFileSync(`${plans}rishiqing-2024-fixed.json`, "utf8"));
const rows = readFileSync(`${plans}rishiqing-2024-actuals.csv`, "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const [node, date, actual] = line.split(",");
    return { node: node!, date: date!, actual: actual! };
  });
const tracking = trackPlan(plan, rows, { asOf: "2024-06-30" });
const top = plan.nodes[0]!;
const retail = buildPlan(readFileSync(`${plans}retail-2027.json`, "utf8"));

const pictures: readonly (readonly [string, VegaLiteSpec])[] = [
  ["x1-bridge", bridge],
  ["w1-tornado", tornado],
  [
    "rishiqing-burn-up",
    burnUpChart(tracking, {
      node: top.node,
      title: "日事清 2024：累计完成 vs 累计目标（截至 6 月 30 日）",
      labels: {
        target: "累计目标",
        actual: "累计实际",
        timeProgress: "时间进度",
        projection: "按当前速度预测",
        required: "完成目标所需进度",
      },
    }),
  ],
  ["rishiqing-decomposition", decompositionChart(plan, { title: "日事清 2024：目标分解" })],
  [
    "rishiqing-achievement",
    decompositionChart(plan, { tracking, title: "日事清 2024：各人完成率（截至 6 月 30 日）" }),
  ],
  ["rishiqing-heatmap", achievementHeatmapChart(tracking, { title: "日事清 2024：月度完成率" })],
  ["retail-2027-decomposition", decompositionChart(retail, { title: "连锁门店 2027：目标分解" })],
];

for (const [name, spec] of pictures) {
  writeFileSync(`${out}${name}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`);
}
const renderer = await openRenderer();
if (renderer === null) {
  console.warn(
    "\n*** PICTURES SKIPPED: no Chromium at /usr/bin/chromium (or CHROMIUM_PATH). The specs are in examples/out/*.vl.json; install Debian's chromium to render the PNGs. ***\n",
  );
} else {
  try {
    for (const [name, spec] of pictures) {
      writeFileSync(`${out}${name}.png`, await renderer.png(spec));
      console.log(`examples/out/${name}.png`);
    }
  } finally {
    await renderer.close();
  }
}
console.log(`${pictures.length} charts: each spec as examples/out/NAME.vl.json.`);
