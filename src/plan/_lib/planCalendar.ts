// The plan's calendar as a compiled Calendar value: `{ china: { … } }` through chinaCalendar, an
// explicit calendar through compileCalendar. Built once per call of buildPlan, trackPlan or replan.
import { chinaCalendar } from "../../time/chinaCalendar.js";
import { compileCalendar } from "../../time/compileCalendar.js";
import type { Calendar, HolidayArrangement } from "../../time/types.js";
import type { PlanCalendar } from "../types.js";

/** The document's default calendar: official China data only. */
export const DEFAULT_CALENDAR: PlanCalendar = /* @__PURE__ */ Object.freeze({
  china: /* @__PURE__ */ Object.freeze({}),
});

/** The compiled calendar a plan's calendar stands for. */
export function compilePlanCalendar(calendar: PlanCalendar): Calendar {
  if ("china" in calendar) {
    const { missingYears, arrangements } = calendar.china;
    return chinaCalendar({
      ...(missingYears === undefined ? {} : { missingYears }),
      ...(arrangements === undefined
        ? {}
        : { arrangements: arrangements as readonly HolidayArrangement[] }),
    });
  }
  return compileCalendar(calendar);
}
