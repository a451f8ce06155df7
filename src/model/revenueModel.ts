import { defineModel } from "./defineModel.js";
import type { Model } from "./types.js";

/** The type of {@link revenueModel}'s model: its three formula nodes and six inputs, by name. */
export type RevenueModel = Model<
  "revenue" | "newRevenue" | "returningRevenue",
  "newCustomers" | "conversion" | "newAov" | "returningCustomers" | "repurchase" | "returningAov"
>;

/**
 * The revenue driver tree of the planning documents (W1):
 * `revenue = newRevenue + returningRevenue`, `newRevenue = newCustomers × conversion × newAov`,
 * `returningRevenue = returningCustomers × repurchase × returningAov`, with Chinese labels
 * (营业收入, 新客户数, 转化率, 客单价(新客) …) and bounds: customer counts are whole numbers ≥ 0,
 * rates lie in 0..1, order values are ≥ 0.
 *
 * @returns A fresh, frozen model, typed by its names ({@link RevenueModel}).
 * @throws Nothing: it takes no input.
 *
 * @example
 * const model = revenueModel();
 * model.inputs //=> ["newCustomers", "conversion", "newAov", "returningCustomers", "repurchase", "returningAov"]
 * model.nodes.revenue.label //=> "营业收入"
 * evaluate(model, { newCustomers: 600, conversion: "25%", newAov: 8000, returningCustomers: 1500, repurchase: "40%", returningAov: 6000 }).revenue //=> new Decimal(4800000)
 */
export function revenueModel(): RevenueModel {
  return defineModel(
    {
      revenue: "newRevenue + returningRevenue",
      newRevenue: "newCustomers * conversion * newAov",
      returningRevenue: "returningCustomers * repurchase * returningAov",
    },
    {
      inputs: {
        newCustomers: { label: "新客户数", unitLabel: "人", wholeNumber: true, min: 0 },
        conversion: { label: "转化率", unitLabel: "%", min: 0, max: 1 },
        newAov: { label: "客单价(新客)", unitLabel: "元", min: 0 },
        returningCustomers: { label: "老客户数", unitLabel: "人", wholeNumber: true, min: 0 },
        repurchase: { label: "复购率", unitLabel: "%", min: 0, max: 1 },
        returningAov: { label: "客单价(老客)", unitLabel: "元", min: 0 },
      },
      nodes: {
        revenue: { label: "营业收入", unitLabel: "元" },
        newRevenue: { label: "新客收入", unitLabel: "元" },
        returningRevenue: { label: "老客收入", unitLabel: "元" },
      },
    },
  );
}
