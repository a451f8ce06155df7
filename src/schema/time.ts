import * as z from "zod/mini";
import type { TargetreeErrorCode } from "../_lib/errors.js";
import { describeValue, TargetreeError } from "../_lib/errors.js";
import {
  ARRANGEMENT_FIRST_YEAR,
  ARRANGEMENT_LAST_YEAR,
  checkArrangement,
  checkCalendar,
  checkIsoDate,
  yearMessage,
} from "../time/internal.js";
import type {
  Calendar,
  CalendarDay,
  HolidayArrangement,
  IsoDate,
  IsoWeekday,
} from "../time/types.js";
import {
  addCheck,
  customSchema,
  either,
  isPlainRecord,
  parseNested,
  reportProblem,
  withChecks,
  withErrorDefaults,
} from "./_lib/custom.js";
import { bareMessage, problemIssue, runCore } from "./_lib/issues.js";
import { DATE_OR_RUN_PATTERN, ISO_DATE_PATTERN } from "./_lib/patterns.js";
import { shielded } from "./_lib/shield.js";

const DATE_OR_RUN = /* @__PURE__ */ new RegExp(DATE_OR_RUN_PATTERN);

const DATE_JSON = { type: "string", format: "date", pattern: ISO_DATE_PATTERN } as const;

/** The code and details of a problem inside a holiday arrangement. */
const calendarData = (reason: string) =>
  ({ code: "INVALID_CALENDAR_DATA", details: { reason } }) as const;

/**
 * An ISO date `"YYYY-MM-DD"` that exists (years 1000–9999), as every time function reads it.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_DATE`, with the core's message.
 *
 * @example
 * const { validate, isoDateSchema } = await import("targetree/schema");
 * validate(isoDateSchema, "2026-02-28") //=> "2026-02-28"
 * (() => { try { validate(isoDateSchema, "2026-02-29") } catch (e) { return e.message } })() //=> "INVALID_DATE: \"2026-02-29\" does not exist: 2026-02 has 28 days."
 */
export const isoDateSchema: z.ZodMiniType<IsoDate> = /* @__PURE__ */ shielded(() =>
  customSchema<IsoDate>(
    (value, report) => {
      runCore(() => checkIsoDate(value, []), value, report);
      return value as IsoDate;
    },
    () => DATE_JSON,
  ),
);

/** A date inside a holiday arrangement: the arrangement's error code and reason. */
const arrangementDateSchema = /* @__PURE__ */ shielded(() =>
  customSchema<IsoDate>(
    (value, report) => {
      try {
        checkIsoDate(value, []);
      } catch (error) {
        if (!(error instanceof TargetreeError)) throw error;
        reportProblem(
          report,
          {
            message: `Expected a real date "YYYY-MM-DD", got ${describeValue(value)}.`,
            ...calendarData("bad-date"),
          },
          value,
        );
      }
      return value as IsoDate;
    },
    () => DATE_JSON,
  ),
);

/** A whole number from `min` to `max`, refused with `code` (and `details`) otherwise. */
/* @__NO_SIDE_EFFECTS__ */
function wholeNumber(
  min: number,
  max: number,
  message: (value: unknown) => string,
  code: TargetreeErrorCode = "INVALID_ARGUMENT",
  details?: Readonly<Record<string, unknown>>,
): z.ZodMiniType<number> {
  return customSchema<number>(
    (value, report) => {
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        reportProblem(
          report,
          { message: message(value), code, ...(details === undefined ? {} : { details }) },
          value,
        );
      }
      return value as number;
    },
    () => ({ type: "integer", minimum: min, maximum: max }),
  );
}

const yearSchema = /* @__PURE__ */ shielded(() =>
  wholeNumber(
    1000,
    9999,
    (value) =>
      `Expected a year as a whole number from 1000 to 9999 (such as 2026), got ${describeValue(value)}.`,
  ),
);

const weekdaySchema = /* @__PURE__ */ shielded(() =>
  wholeNumber(
    1,
    7,
    (value) => `Expected an ISO weekday 1 (Monday) … 7 (Sunday), got ${describeValue(value)}.`,
  ),
);

const weekendSchema = /* @__PURE__ */ shielded(() =>
  customSchema<IsoWeekday[]>(
    (value, report) => {
      const parsed = parseNested(z.array(weekdaySchema), value, [], report);
      if (!parsed.ok) return value as IsoWeekday[];
      const seen = new Set<number>();
      parsed.value.forEach((day, index) => {
        if (seen.has(day)) {
          reportProblem(
            report,
            { message: `Weekday ${day} is listed twice.`, path: [index] },
            value,
          );
        }
        seen.add(day);
      });
      return parsed.value as IsoWeekday[];
    },
    () => ({
      type: "array",
      items: { type: "integer", minimum: 1, maximum: 7 },
      uniqueItems: true,
    }),
  ),
);

const calendarDaySchema: z.ZodMiniType<IsoDate | CalendarDay> = /* @__PURE__ */ shielded(() =>
  either(
    (value) => !isPlainRecord(value),
    isoDateSchema,
    z.strictObject({ date: isoDateSchema, name: z.exactOptional(z.string()) }),
  ),
);

/**
 * A working-day calendar (the `calendar` option of every time function):
 * `{ name?, weekend?, holidays?, workdays?, years?, missingYears?, provisionalYears?, sources? }`,
 * no other field. Days are dates or `{ date, name? }`; weekend days are distinct ISO weekdays;
 * no day is both a holiday and a make-up working day. `chinaCalendar()` returns a valid one.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_ARGUMENT`; `INVALID_DATE`;
 *   `CALENDAR_CONFLICT`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * const calendar = { weekend: [7], holidays: ["2026-10-01", { date: "2026-10-02", name: "国庆节" }] };
 * validate("calendar", calendar).weekend //=> [7]
 * (() => { try { validate("calendar", { holidays: ["2026-10-01"], workdays: ["2026-10-01"] }) } catch (e) { return [e.code, e.path] } })() //=> ["CALENDAR_CONFLICT", ["workdays", 0]]
 */
export const calendarSchema: z.ZodMiniType<Calendar> = /* @__PURE__ */ shielded(() => {
  const fields = z.strictObject({
    name: z.exactOptional(z.string()),
    weekend: z.exactOptional(weekendSchema),
    holidays: z.exactOptional(z.array(calendarDaySchema)),
    workdays: z.exactOptional(z.array(calendarDaySchema)),
    years: z.exactOptional(z.array(yearSchema)),
    missingYears: z.exactOptional(z.enum(["error", "weekends-only", "china-provisional"])),
    provisionalYears: z.exactOptional(z.array(yearSchema)),
    sources: z.exactOptional(z.array(z.string())),
  });
  // A Map has no own keys, so the object schema alone would read it as an empty calendar.
  const plain = customSchema<Calendar>(
    (value, report) => {
      if (!isPlainRecord(value)) {
        reportProblem(
          report,
          { message: `Expected a calendar object, got ${describeValue(value)}.` },
          value,
        );
        return value as Calendar;
      }
      const parsed = parseNested(fields, value, [], report);
      return parsed.ok ? (parsed.value as Calendar) : (value as Calendar);
    },
    (convert) => convert(fields),
  );
  return addCheck(plain, (calendar, report) => {
    try {
      checkCalendar(calendar, []);
    } catch (error) {
      if (!(error instanceof TargetreeError)) throw error;
      report(
        problemIssue(
          {
            message: bareMessage(error),
            path: error.path,
            code: error.code,
            details: error.details,
          },
          calendar,
        ),
      );
    }
  });
});

const holidayNameSchema = /* @__PURE__ */ shielded(() =>
  customSchema<string>(
    (value, report) => {
      if (typeof value !== "string" || value.trim() === "" || value.length > 60) {
        reportProblem(
          report,
          {
            message: "name must be a non-empty string of at most 60 characters.",
            ...calendarData("shape"),
          },
          value,
        );
      }
      return value as string;
    },
    () => ({ type: "string", minLength: 1, maxLength: 60, pattern: "\\S" }),
  ),
);

const dayOrRunSchema = /* @__PURE__ */ shielded(() =>
  customSchema<IsoDate>(
    (value, report) => {
      if (typeof value !== "string" || !DATE_OR_RUN.test(value)) {
        reportProblem(
          report,
          {
            message: `Expected a date "YYYY-MM-DD" or a run "YYYY-MM-DD/YYYY-MM-DD", got ${describeValue(value)}.`,
            ...calendarData("bad-date"),
          },
          value,
        );
      }
      return value as IsoDate;
    },
    () => ({ type: "string", pattern: DATE_OR_RUN_PATTERN }),
  ),
);

const ENTRIES = 60;
const tooMany = `At most ${ENTRIES} entries are allowed here.`;
/* @__NO_SIDE_EFFECTS__ */
function dateList(): z.ZodMiniArray<z.ZodMiniType<IsoDate>> {
  return withChecks(z.array(arrangementDateSchema), z.maxLength(ENTRIES, { error: tooMany }));
}

/**
 * One year's official holiday arrangement (放假调休安排), the shape `chinaCalendar({ arrangements })`
 * and `parseHolidayArrangement` take: `{ year, source?, published?, provisional?, holidays: [{ name,
 * days, workdays? }], workdays? }`. Beyond the shape, it is checked as the core checks it: every
 * date real and in `year` (a run may start in the last week of the year before), runs of at most
 * 31 days, no date twice, no day both off and a make-up working day.
 *
 * @throws {TargetreeError} (through `validate`) `INVALID_CALENDAR_DATA`, with `details.reason`
 *   `"shape"`, `"year"`, `"bad-date"`, `"outside-year"`, `"duplicate"` or `"conflict"`.
 *
 * @example
 * const { validate } = await import("targetree/schema");
 * const notice = { year: 2026, holidays: [{ name: "元旦", days: ["2026-01-01/2026-01-03"], workdays: ["2026-01-04"] }] };
 * validate("holidayArrangement", notice).holidays[0].days //=> ["2026-01-01/2026-01-03"]
 * (() => { try { validate("holidayArrangement", { year: 2026, holidays: [{ name: "元旦", days: ["2027-01-01"] }] }) } catch (e) { return [e.code, e.details.reason, e.path] } })() //=> ["INVALID_CALENDAR_DATA", "outside-year", ["holidays", 0, "days", 0]]
 */
export const holidayArrangementSchema: z.ZodMiniType<HolidayArrangement> = /* @__PURE__ */ shielded(
  () =>
    withErrorDefaults(
      addCheck(
        z.strictObject({
          year: wholeNumber(
            ARRANGEMENT_FIRST_YEAR,
            ARRANGEMENT_LAST_YEAR,
            yearMessage,
            "INVALID_CALENDAR_DATA",
            { reason: "year" },
          ),
          source: z.exactOptional(
            withChecks(
              z.string(),
              z.maxLength(500, { error: "source must be at most 500 characters." }),
            ),
          ),
          published: z.exactOptional(arrangementDateSchema),
          provisional: z.exactOptional(z.boolean()),
          holidays: withChecks(
            z.array(
              z.strictObject({
                name: holidayNameSchema,
                days: withChecks(
                  z.array(dayOrRunSchema),
                  z.minLength(1, { error: "A holiday needs at least one day." }),
                  z.maxLength(ENTRIES, { error: tooMany }),
                ),
                workdays: z.exactOptional(dateList()),
              }),
            ),
            z.maxLength(40, { error: "At most 40 holidays are allowed." }),
          ),
          workdays: z.exactOptional(dateList()),
        }),
        (arrangement, report) => {
          runCore(() => checkArrangement(arrangement), arrangement, report);
        },
      ),
      { code: "INVALID_CALENDAR_DATA", details: { reason: "shape" } },
    ),
);
