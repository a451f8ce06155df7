// W6 — gap rate (third document): target 100万, actual 80万 → gap 20万, gap rate 20%.
import { achievement, formatAmount, formatPercent, gap } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W6 — 差距率 gap rate");

const result = gap({ actual: "80万", target: "100万" });
const rate = achievement({ actual: "80万", target: "100万" }).achievement!;

printTable(
  ["目标 target", "实际 actual", "差距 gap", "差距率 gap rate", "完成率 achievement", "达标 met"],
  [
    [
      formatAmount(result.target),
      formatAmount(result.actual),
      formatAmount(result.gap),
      result.gapRate === null ? "—" : formatPercent(result.gapRate),
      formatPercent(rate),
      result.met ? "yes" : "no",
    ],
  ],
);
console.log("Gap = target − actual (positive = shortfall); gap rate = gap / target.");
