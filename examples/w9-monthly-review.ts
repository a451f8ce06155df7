// W9 — monthly review (third document, table 4, July 2023).
import {
  achievement,
  flagBigMoves,
  formatAmount,
  formatPercent,
  growth,
  improvementProgress,
  scorecard,
  splitByShares,
} from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W9 — 月度复盘 monthly review, July 2023");

const progress = [
  { metric: "转化率 conversion", baseline: "8%", actual: "9%", target: "12%", document: "25%" },
  {
    metric: "新客户 new customers (added)",
    baseline: 0,
    actual: 20,
    target: 150,
    document: "13.3%",
  },
  {
    metric: "广告关键词点击率 ad click rate",
    baseline: 0,
    actual: "1.5%",
    target: "3%",
    document: "50%",
  },
];
printTable(
  ["metric", "baseline", "now", "target", "progress", "document"],
  progress.map(({ metric, document, ...figures }) => [
    metric,
    String(figures.baseline),
    String(figures.actual),
    String(figures.target),
    formatPercent(improvementProgress(figures).improvementProgress!, { digits: 1 }),
    document,
  ]),
);
console.log(
  "Progress = (now − baseline) / (target − baseline); with a zero baseline it is the achievement rate,",
);
console.log(
  `e.g. 1.5% of 3% = ${formatPercent(achievement({ actual: "1.5%", target: "3%" }).achievement!)}.`,
);

const referral = growth(300, 500).growth!;
console.log(
  `\n转介绍获客成本 referral acquisition cost: 300元 vs 500元 baseline → ${formatPercent(referral, { signed: true })} (lower is better).`,
);

console.log("\nMoves of 30% or more in the month are flagged (异动):");
const moves = flagBigMoves(
  {
    "华东 sales": { previous: "120万", actual: "84万" },
    "华南 sales": { previous: "80万", actual: "76万" },
    "华北 sales": { previous: "60万", actual: "66万" },
    "转介绍获客成本 referral CAC": { previous: 500, actual: 300 },
  },
  "30%",
);
printTable(
  ["metric", "last month", "this month", "change", "flag"],
  moves.map((row) => [
    row.key,
    formatAmount(row.previous),
    formatAmount(row.actual),
    row.growth === null ? "—" : formatPercent(row.growth, { digits: 1, signed: true }),
    row.flagged ? `⚑ ${row.move}` : "",
  ]),
);

console.log(
  "\nTraining budget: 60% on conversion skills (budget of 10万 assumed for illustration):",
);
const budget = splitByShares(
  "10万",
  { "转化技巧 conversion skills": "60%" },
  { remainder: "其他 other" },
);
printTable(
  ["use", "share", "amount"],
  Object.keys(budget).map((key) => [
    key,
    formatPercent(budget[key as keyof typeof budget]!.div(100_000)),
    formatAmount(budget[key as keyof typeof budget]!, { scale: "元" }),
  ]),
);

console.log("\nCompletion by region → salesperson → product, rolled up (example figures):");
const card = scorecard(
  [
    { region: "华东", rep: "王", product: "A", target: "30万", actual: "27万" },
    { region: "华东", rep: "王", product: "B", target: "20万", actual: "18万" },
    { region: "华东", rep: "李", product: "A", target: "30万", actual: "33万" },
    { region: "华南", rep: "张", product: "A", target: "12万", actual: "6万" },
    { region: "华南", rep: "张", product: "B", target: "8万", actual: "4万" },
  ],
  ["region", "rep", "product"],
  { totalKey: "全部 total" },
);
printTable(
  ["row", "target", "actual", "gap", "achievement", "rank"],
  card.rows.map((row) => [
    `${"  ".repeat(row.depth)}${row.key}`,
    formatAmount(row.target),
    formatAmount(row.actual),
    formatAmount(row.gap),
    row.achievement === null ? "—" : formatPercent(row.achievement, { digits: 1 }),
    row.rank === null ? "" : String(row.rank),
  ]),
);
