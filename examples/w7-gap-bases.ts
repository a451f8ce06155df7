// W7 — the current-vs-target table (third document, table 1), with explicit basis and direction.
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
    input: { current: "80万", target: "100万" },
    printedBasis: "target",
    printed: "20%",
  },
  {
    metric: "转化率 conversion",
    input: { current: "8%", target: "12%" },
    printedBasis: "current",
    printed: "50%",
  },
  {
    metric: "复购率 repurchase",
    input: { current: "15%", target: "20%" },
    printedBasis: "current",
    printed: "33%",
  },
  {
    metric: "获客成本 CAC (lower is better)",
    input: { current: 500, target: 400, direction: "lower" },
    printedBasis: "target",
    printed: "25%",
    unit: "元",
  },
];

const showValue = (value: GapResult["current"], result: GapResult, unit?: string): string =>
  result.kind === "rate" ? formatPercent(value) : `${formatAmount(value)}${unit ?? ""}`;
const showGap = (result: GapResult, unit?: string): string =>
  result.gapUnit === "pp"
    ? `${result.points!.toString()}pp`
    : `${formatAmount(result.gap)}${unit ?? ""}`;
const pct = (value: GapResult["rate"]): string =>
  value === null ? "—" : formatPercent(value, { digits: 1 });

const table = rows.map((row) => {
  const result = gap({ ...row.input, basis: row.printedBasis });
  return [
    row.metric,
    showValue(result.current, result, row.unit),
    showValue(result.target, result, row.unit),
    showGap(result, row.unit),
    row.printed,
    `${formatPercent(result.rate!, { digits: 0 })} (${row.printedBasis} basis)`,
    pct(result.rates.target),
    pct(result.rates.current),
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
    "on current",
  ],
  table,
);
console.log(
  "The document mixes bases: sales and CAC divide by the target, conversion and repurchase by the current value.",
);
console.log("Rate metrics have their gap in percentage points (pp); the gap rate is relative.");
