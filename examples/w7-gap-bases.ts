// W7 — the current-vs-target table (third document, table 1), with explicit basis and direction.
// The document's "current" (现状) is gap's `actual`.
import type { GapBasis, GapInput, GapResult } from "targetree";
import { formatAmount, formatPercent, gap } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W7 — 现状与目标差距 current vs target, basis made explicit");

interface Row {
  readonly metric: string;
  readonly input: GapInput;
  /** The basis the document's printed rate used. */
  readonly printedBasis: GapBasis;
  readonly printed: string;
  readonly unit?: string;
}

const rows: readonly Row[] = [
  {
    metric: "销售额 sales",
    input: { actual: "80万", target: "100万" },
    printedBasis: "target",
    printed: "20%",
  },
  {
    metric: "转化率 conversion",
    input: { actual: "8%", target: "12%" },
    printedBasis: "actual",
    printed: "50%",
  },
  {
    metric: "复购率 repurchase",
    input: { actual: "15%", target: "20%" },
    printedBasis: "actual",
    printed: "33%",
  },
  {
    metric: "获客成本 CAC (lower is better)",
    input: { actual: 500, target: 400, direction: "lower" },
    printedBasis: "target",
    printed: "25%",
    unit: "元",
  },
];

const showValue = (value: GapResult["actual"], result: GapResult, unit?: string): string =>
  result.kind === "rate" ? formatPercent(value) : `${formatAmount(value)}${unit ?? ""}`;
const showGap = (result: GapResult, unit?: string): string =>
  result.gapUnit === "pp"
    ? `${result.points!.toString()}pp`
    : `${formatAmount(result.gap)}${unit ?? ""}`;
const pct = (value: GapResult["gapRate"]): string =>
  value === null ? "—" : formatPercent(value, { digits: 1 });

const table = rows.map((row) => {
  const result = gap({ ...row.input, basis: row.printedBasis, bothBases: true });
  return [
    row.metric,
    showValue(result.actual, result, row.unit),
    showValue(result.target, result, row.unit),
    showGap(result, row.unit),
    row.printed,
    `${formatPercent(result.gapRate!, { digits: 0 })} (${row.printedBasis} basis)`,
    pct(result.gapRates.target),
    pct(result.gapRates.actual),
  ];
});

printTable(
  [
    "指标 metric",
    "现状 current",
    "目标 target",
    "差距 gap",
    "as printed",
    "reproduced",
    "on target",
    "on actual",
  ],
  table,
);
console.log(
  "The document mixes bases: sales and CAC divide by the target, conversion and repurchase by the current value (actual).",
);
console.log("Rate metrics have their gap in percentage points (pp); the gap rate is relative.");
