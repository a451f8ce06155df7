export type { ChinaArrangementOptions } from "./chinaArrangement.js";
export { chinaArrangement } from "./chinaArrangement.js";
export type { ChinaCalendarOptions } from "./chinaCalendar.js";
export { chinaCalendar } from "./chinaCalendar.js";
export { compileCalendar } from "./compileCalendar.js";
export type { GrowthPathOptions, GrowthPathResult } from "./growthPath.js";
export { growthPath } from "./growthPath.js";
export type { DayInfo, ListDaysResult } from "./listDays.js";
export { listDays } from "./listDays.js";
export { parseHolidayArrangement } from "./parseHolidayArrangement.js";
export { provisionalChinaArrangement } from "./provisionalChinaArrangement.js";
export { requiredGrowth } from "./requiredGrowth.js";
export type {
  Grain,
  MonthlySeasonality,
  Period,
  PeriodFrame,
  QuarterPattern,
  Seasonality,
  SplitByPeriodOptions,
  SplitByPeriodResult,
  SpreadBy,
} from "./splitByPeriod.js";
export { splitByPeriod } from "./splitByPeriod.js";
export type {
  PeriodNode,
  SplitByPeriodTreeOptions,
  SplitByPeriodTreeResult,
} from "./splitByPeriodTree.js";
export { splitByPeriodTree } from "./splitByPeriodTree.js";
export type {
  ManyTotals,
  ShapedLikeTotals,
  SplitManyByPeriodResult,
} from "./splitManyByPeriod.js";
export { splitManyByPeriod } from "./splitManyByPeriod.js";
export type { TimeProgressOptions, TimeProgressResult } from "./timeProgress.js";
export { timeProgress } from "./timeProgress.js";
export type {
  ArrangementHoliday,
  Calendar,
  CalendarDay,
  CalendarOptions,
  DayKind,
  HolidayArrangement,
  IsoDate,
  IsoWeekday,
  MissingYears,
  ProvisionalFlag,
} from "./types.js";
export type { WorkingDaysResult } from "./workingDays.js";
export { workingDays } from "./workingDays.js";
