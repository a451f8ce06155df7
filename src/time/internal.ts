// The time area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export { checkArrangement } from "./_lib/arrangement.js";
export { resolveCalendar } from "./_lib/calendar.js";
export { checkIsoDate } from "./_lib/isoDate.js";
