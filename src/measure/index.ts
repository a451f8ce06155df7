export type { Direction } from "../_lib/direction.js";
export type { PaceCounts, PaceDates, PaceDays, PacePeriod } from "./_lib/pace.js";
export type { AchievementInput, AchievementResult } from "./achievement.js";
export { achievement } from "./achievement.js";
export type {
  AlertRule,
  CompiledRule,
  CompiledRules,
  RuleSeverity,
} from "./compileRules.js";
export { compileRules } from "./compileRules.js";
export type {
  ConsecutiveMissesOptions,
  ConsecutiveMissesResult,
  PeriodResult,
} from "./consecutiveMisses.js";
export { consecutiveMisses } from "./consecutiveMisses.js";
export type { EvaluateRulesOptions, FiredRule, RuleFacts } from "./evaluateRules.js";
export { evaluateRules } from "./evaluateRules.js";
export type { BigMoveRow, FlagBigMovesOptions, MoveInput } from "./flagBigMoves.js";
export { flagBigMoves } from "./flagBigMoves.js";
export type { GapBasis, GapInput, GapKind, GapResult } from "./gap.js";
export { gap } from "./gap.js";
export type { GrowthResult } from "./growth.js";
export { growth } from "./growth.js";
export type { GrowthSeriesOptions, GrowthSeriesRow } from "./growthSeries.js";
export { growthSeries } from "./growthSeries.js";
export type {
  ImprovementProgressInput,
  ImprovementProgressResult,
} from "./improvementProgress.js";
export { improvementProgress } from "./improvementProgress.js";
export type { PaceGapInput, PaceGapResult } from "./paceGap.js";
export { paceGap } from "./paceGap.js";
export type { ProjectRunRateInput, ProjectRunRateResult } from "./projectRunRate.js";
export { projectRunRate } from "./projectRunRate.js";
export type { RequiredRunRateInput, RequiredRunRateResult } from "./requiredRunRate.js";
export { requiredRunRate } from "./requiredRunRate.js";
export type {
  ScorecardInputRow,
  ScorecardNode,
  ScorecardOptions,
  ScorecardRankBy,
  ScorecardResult,
} from "./scorecard.js";
export { scorecard } from "./scorecard.js";
export type { TeamHealthCause, TeamHealthOptions, TeamHealthResult } from "./teamHealth.js";
export { teamHealth } from "./teamHealth.js";
