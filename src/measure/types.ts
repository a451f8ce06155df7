/** Which way is better for a metric: `"higher"` (sales, conversion) or `"lower"` (cost, churn, CAC). */
export type Direction = "higher" | "lower";
