// W2 — four battlefields (日事清 article): 1亿 split 50/20/20/10 into new-customer development,
// returning-customer collections, new industries and new products. The sum check passes exactly.
import { formatAmount, formatPercent, splitByShares, toDecimal } from "targetree";
import { heading, printTable } from "./_lib/table.js";

heading("W2 — 四大战场 four battlefields");

const shares = { 新客开发: "50%", 老客回款: "20%", 新行业: "20%", 新产品: "10%" };
const documentFigures: Record<string, string> = {
  新客开发: "5,000万",
  老客回款: "2,000万",
  新行业: "2,000万",
  新产品: "1,000万",
};
const battlefields = splitByShares("1亿", shares, { unit: "1万" });

const rows = Object.keys(shares).map((name) => [
  name,
  formatPercent(toDecimal(shares[name as keyof typeof shares])),
  formatAmount(battlefields[name as keyof typeof battlefields]!, { scale: "万", digits: 0 }),
  documentFigures[name]!,
]);
const sum = Object.values(battlefields).reduce((total, part) => total.plus(part), toDecimal(0));
rows.push(["合计 total", "100%", formatAmount(sum, { scale: "万", digits: 0 }), "1亿"]);
printTable(["战场 battlefield", "share", "目标 target", "document"], rows);
console.log(
  `Sum check: ${formatAmount(sum, { scale: "元" })} = 1亿 ${sum.eq(toDecimal("1亿")) ? "✓ passes exactly" : "✗"}; the shares add up to 100%, so no remainder part.`,
);
