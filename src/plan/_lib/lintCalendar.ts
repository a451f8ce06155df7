// The calendar: a period that touches a year without official data is PROVISIONAL_CALENDAR when
// the document asks for provisional days (and they can be computed), CALENDAR_YEAR_MISSING
// otherwise.
import { TargetreeError } from "../../_lib/errors.js";
import { chinaCalendar } from "../../time/chinaCalendar.js";
import { provisionalChinaArrangement } from "../../time/provisionalChinaArrangement.js";
import type { Calendar, HolidayArrangement } from "../../time/types.js";
import type { Finding, FixOption, PlanDocumentPeriod } from "../types.js";
import { finding, fixOption } from "./finding.js";
import { yearsOf } from "./periodLabel.js";

interface Coverage {
  /** Years with data; null when the calendar applies to every year. */
  readonly years: readonly number[] | null;
  readonly provisionalYears: readonly number[];
  readonly missing: "error" | "provisional" | "weekends-only";
  readonly china: boolean;
}

function coverage(period: PlanDocumentPeriod): Coverage {
  const calendar = period.calendar ?? { china: {} };
  if ("china" in calendar) {
    const options = calendar.china;
    const arrangements = options.arrangements as readonly HolidayArrangement[] | undefined;
    const built = chinaCalendar(arrangements === undefined ? {} : { arrangements });
    return {
      years: built.years ?? null,
      provisionalYears: built.provisionalYears ?? [],
      missing: options.missingYears ?? "error",
      china: true,
    };
  }
  const explicit: Calendar = calendar;
  const mode = explicit.missingYears ?? "error";
  return {
    years: explicit.years ?? null,
    provisionalYears: explicit.provisionalYears ?? [],
    missing: mode === "china-provisional" ? "provisional" : mode,
    china: false,
  };
}

/** True when a provisional China arrangement can be computed for `year`. */
function computable(year: number): boolean {
  try {
    provisionalChinaArrangement(year);
    return true;
  } catch (error) {
    if (error instanceof TargetreeError) return false;
    throw error;
  }
}

export function lintCalendar(period: PlanDocumentPeriod): Finding[] {
  const { years, provisionalYears, missing, china } = coverage(period);
  const path = period.calendar === undefined ? ["period"] : ["period", "calendar"];
  const provisional: number[] = [];
  const absent: number[] = [];
  for (const year of yearsOf(period.start, period.end)) {
    if (years === null || years.includes(year)) {
      if (provisionalYears.includes(year)) provisional.push(year);
    } else if (missing === "provisional" && computable(year)) provisional.push(year);
    else if (missing !== "weekends-only") absent.push(year);
  }
  const findings: Finding[] = [];
  if (absent.length > 0) {
    const covered = years === null || years.length === 0 ? null : [years[0]!, years.at(-1)!];
    const options: FixOption[] = [];
    if (china && missing !== "provisional" && absent.every(computable)) {
      options.push(
        fixOption(
          "provisional-calendar",
          "Ask for a provisional calendar, computed from the published holiday principles, until the official notice is out.",
          [
            period.calendar === undefined
              ? {
                  op: "add",
                  path: ["period", "calendar"],
                  value: { china: { missingYears: "provisional" } },
                }
              : {
                  op:
                    "missingYears" in (period.calendar as { china: object }).china
                      ? "replace"
                      : "add",
                  path: ["period", "calendar", "china", "missingYears"],
                  value: "provisional",
                },
          ],
        ),
      );
    }
    findings.push(
      finding(
        "CALENDAR_YEAR_MISSING",
        path,
        `The period touches ${absent.join(", ")}, for which the calendar has no official data${covered === null ? "" : ` (it covers ${covered[0]}–${covered[1]})`}${missing === "provisional" ? ", and no provisional days can be computed for it" : ""}. Add the year's arrangement${china && missing !== "provisional" ? ', or ask for provisional days with "missingYears": "provisional"' : ""}.`,
        { years: absent, covered },
        options,
      ),
    );
  }
  if (provisional.length > 0) {
    findings.push(
      finding(
        "PROVISIONAL_CALENDAR",
        path,
        `The period's working days in ${provisional.join(", ")} are provisional (computed, not from an official notice); rebuild the plan when the notice is published.`,
        { years: provisional },
      ),
    );
  }
  return findings;
}
