export type { AmountScale, FormatAmountOptions } from "./formatAmount.js";
export { formatAmount } from "./formatAmount.js";
export type { FormatPercentOptions } from "./formatPercent.js";
export { formatPercent } from "./formatPercent.js";
export type { ParseAmountOptions } from "./parseAmount.js";
export { parseAmount } from "./parseAmount.js";
export { toDecimal } from "./toDecimal.js";
