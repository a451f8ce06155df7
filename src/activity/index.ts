export type { PerDay } from "./_lib/perDay.js";
export type { BreakEvenRevenueInput, BreakEvenRevenueOptions } from "./breakEvenRevenue.js";
export { breakEvenRevenue } from "./breakEvenRevenue.js";
export type { FunnelOptions, FunnelResult, FunnelRow, FunnelStage } from "./funnel.js";
export { funnel } from "./funnel.js";
export type { RoiInput, RoiResult } from "./roi.js";
export { roi } from "./roi.js";
export type {
  BonusLine,
  BonusMode,
  BonusTier,
  TieredBonusOptions,
  TieredBonusResult,
} from "./tieredBonus.js";
export { tieredBonus } from "./tieredBonus.js";
export type {
  CadencePeriod,
  CustomCadence,
  VisitCadence,
  VisitPlanOptions,
  VisitPlanResult,
  VisitPlanRow,
} from "./visitPlan.js";
export { STANDARD_VISIT_CADENCES, visitPlan } from "./visitPlan.js";
