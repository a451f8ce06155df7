// The time area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export {
  ARRANGEMENT_FIRST_YEAR,
  ARRANGEMENT_LAST_YEAR,
  checkArrangement,
  yearMessage,
} from "./_lib/arrangement.js";
export type { ResolvedCalendar } from "./_lib/calendar.js";
export {
  checkCalendar,
  countWorkingDays,
  resolveCalendar,
  workingDates,
} from "./_lib/calendar.js";
export type { DayRow } from "./_lib/dayTable.js";
export { checkDayRange, checkIsoDate } from "./_lib/isoDate.js";
export type { DayGroup } from "./_lib/periods.js";
export { groupDays } from "./_lib/periods.js";
export type { Progress } from "./_lib/progress.js";
export { measureProgress, share } from "./_lib/progress.js";
export type { Prepared } from "./_lib/splitCore.js";
export { checkGrain, prepare, SPLIT_OPTIONS, weightsFor } from "./_lib/splitCore.js";
