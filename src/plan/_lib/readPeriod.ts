// The plan's period: dates, grains, how the target spreads, seasonality and the calendar.
import type { ErrorPath } from "../../_lib/errors.js";
import { describeValue } from "../../_lib/errors.js";
import { isRecord, own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { chinaCalendar } from "../../time/chinaCalendar.js";
import { checkIsoDate } from "../../time/internal.js";
import type { Calendar, CalendarDay, IsoDate } from "../../time/types.js";
import type {
  PlanCalendar,
  PlanChinaCalendarOptions,
  PlanDocumentPeriod,
  PlanGrain,
  PlanPeriodBasis,
  PlanSeasonality,
} from "../types.js";
import type { Reader } from "./reader.js";
import {
  attempt,
  checkAmount,
  compact,
  copyData,
  readChoice,
  readList,
  readRecord,
  readText,
  report,
} from "./reader.js";

/** The grains, coarse to fine. */
export const GRAINS: readonly PlanGrain[] = ["year", "quarter", "month", "dekad", "week", "day"];

const BASES: readonly PlanPeriodBasis[] = ["working-days", "calendar-days", "seasonality"];

const PERIOD_FIELDS = ["start", "end", "grains", "basis", "seasonality", "calendar"];
const CALENDAR_FIELDS = [
  "name",
  "weekend",
  "holidays",
  "workdays",
  "years",
  "missingYears",
  "provisionalYears",
  "sources",
];

export function readPeriod(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanDocumentPeriod | undefined {
  const record = readRecord(reader, value, path, PERIOD_FIELDS, "period");
  if (record === null) return undefined;
  const start = readDate(reader, record, "start", path);
  const end = readDate(reader, record, "end", path);
  if (start !== undefined && end !== undefined && end < start) {
    report(
      reader,
      [...path, "end"],
      `The period ends (${end}) before it starts (${start}).`,
      "INVALID_RANGE",
    );
  }
  const grains = readGrains(reader, record, path);
  const basis = readChoice(reader, record, "basis", BASES, path);
  const seasonality = readSeasonality(reader, record, basis, path);
  const calendarValue = own(record, "calendar");
  const calendar =
    calendarValue === undefined
      ? undefined
      : readCalendar(reader, calendarValue, [...path, "calendar"]);
  return compact<PlanDocumentPeriod>({ start, end, grains, basis, seasonality, calendar });
}

function readDate(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: "start" | "end",
  path: ErrorPath,
): IsoDate | undefined {
  const value = own(record, key);
  if (value === undefined) {
    report(
      reader,
      [...path, key],
      `Missing: ${key} (the period's ${key === "start" ? "first" : "last"} day, "YYYY-MM-DD").`,
    );
    return undefined;
  }
  return attempt(
    reader,
    () => checkIsoDate(value, [...path, key]),
    (at) => at,
  );
}

function readGrains(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): PlanGrain[] | undefined {
  const list = readList(reader, record, "grains", path, {
    required: 'the grains of the table, coarse to fine, e.g. ["quarter", "month"]',
    min: 1,
  });
  if (list === undefined) return undefined;
  const grains: PlanGrain[] = [];
  let ok = true;
  list.forEach((grain, i) => {
    const at = [...path, "grains", i];
    const rank = GRAINS.indexOf(grain as PlanGrain);
    if (rank < 0) {
      report(
        reader,
        at,
        `A grain must be ${GRAINS.map((g) => JSON.stringify(g)).join(", ")}, got ${describeValue(grain)}.`,
      );
      ok = false;
      return;
    }
    const previous = grains.at(-1);
    if (previous !== undefined && GRAINS.indexOf(previous) >= rank) {
      report(
        reader,
        at,
        `Grains go from coarse to fine, each once: ${JSON.stringify(grain)} cannot follow ${JSON.stringify(previous)}.`,
      );
      ok = false;
    }
    grains.push(grain as PlanGrain);
  });
  return ok ? grains : undefined;
}

function readSeasonality(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  basis: PlanPeriodBasis | undefined,
  path: ErrorPath,
): PlanSeasonality | undefined {
  const value = own(record, "seasonality");
  const at = [...path, "seasonality"];
  if (value === undefined) {
    if (basis === "seasonality") {
      report(
        reader,
        at,
        'Missing: seasonality (basis "seasonality" needs { "monthly": [12 weights] }).',
      );
    }
    return undefined;
  }
  if (basis !== "seasonality") {
    report(
      reader,
      at,
      'seasonality is used only with basis "seasonality"; set basis or remove it.',
    );
    return undefined;
  }
  const seasonality = readRecord(reader, value, at, ["monthly"], "seasonality");
  if (seasonality === null) return undefined;
  const monthly = readList(reader, seasonality, "monthly", at, {
    required: "twelve weights, January to December",
  });
  if (monthly === undefined) return undefined;
  if (monthly.length !== 12) {
    report(
      reader,
      [...at, "monthly"],
      `monthly needs 12 weights (January to December), got ${monthly.length}.`,
      "SEASONALITY_MISMATCH",
    );
    return undefined;
  }
  let ok = true;
  let allZero = true;
  monthly.forEach((weight, i) => {
    const decimal = checkAmount(reader, weight, [...at, "monthly", i], {
      sign: "non-negative",
      signCode: "NEGATIVE_WEIGHT",
    });
    if (decimal === undefined) ok = false;
    else if (!decimal.isZero()) allZero = false;
  });
  if (ok && allZero) {
    report(reader, [...at, "monthly"], "Every monthly weight is zero; give at least one above 0.");
    ok = false;
  }
  return ok ? { monthly: [...(monthly as Numeric[])] } : undefined;
}

function readCalendar(reader: Reader, value: unknown, path: ErrorPath): PlanCalendar | undefined {
  if (isRecord(value) && Object.hasOwn(value, "china")) {
    const record = readRecord(reader, value, path, ["china"], "calendar");
    if (record === null) return undefined;
    const china = readChina(reader, own(record, "china"), [...path, "china"]);
    return china === undefined ? undefined : { china };
  }
  return readExplicitCalendar(reader, value, path);
}

function readChina(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): PlanChinaCalendarOptions | undefined {
  const record = readRecord(
    reader,
    value,
    path,
    ["missingYears", "arrangements"],
    "calendar.china",
  );
  if (record === null) return undefined;
  const missingYears = readChoice(
    reader,
    record,
    "missingYears",
    ["error", "provisional", "weekends-only"] as const,
    path,
  );
  const arrangements = own(record, "arrangements");
  if (arrangements !== undefined) {
    const checked = attempt(
      reader,
      () => chinaCalendar({ arrangements: arrangements as never }),
      // chinaCalendar reports at ["options", "arrangements", …]; here they sit under the china key.
      (at) => [...path, ...(at[0] === "options" ? at.slice(1) : at)],
    );
    if (checked === undefined) return undefined;
  }
  return compact<PlanChinaCalendarOptions>({
    missingYears,
    arrangements: arrangements === undefined ? undefined : copyData(arrangements),
  });
}

function readExplicitCalendar(
  reader: Reader,
  value: unknown,
  path: ErrorPath,
): Calendar | undefined {
  const record = readRecord(reader, value, path, CALENDAR_FIELDS, "calendar");
  if (record === null) return undefined;
  const before = reader.problems.length;
  const name = readText(reader, record, "name", path, { required: false });
  const weekend = readWeekdays(reader, record, path);
  const holidays = readDays(reader, record, "holidays", path);
  const workdays = readDays(reader, record, "workdays", path);
  const years = readYears(reader, record, "years", path);
  const missingYears = readChoice(
    reader,
    record,
    "missingYears",
    ["error", "weekends-only", "china-provisional"] as const,
    path,
  );
  const provisionalYears = readYears(reader, record, "provisionalYears", path);
  const sourcesList = readList(reader, record, "sources", path, { required: false });
  sourcesList?.forEach((source, i) => {
    if (typeof source !== "string") {
      report(
        reader,
        [...path, "sources", i],
        `A source must be a string, got ${describeValue(source)}.`,
      );
    }
  });
  if (holidays !== undefined && workdays !== undefined) {
    const off = new Set(holidays.map(dateOf));
    workdays.forEach((day, i) => {
      if (off.has(dateOf(day))) {
        report(
          reader,
          [...path, "workdays", i],
          `${dateOf(day)} is listed both as a holiday and as a make-up working day.`,
          "CALENDAR_CONFLICT",
        );
      }
    });
  }
  if (reader.problems.length > before) return undefined;
  return compact<Calendar>({
    name,
    weekend,
    holidays,
    workdays,
    years,
    missingYears,
    provisionalYears,
    sources: sourcesList === undefined ? undefined : [...(sourcesList as string[])],
  });
}

function dateOf(day: IsoDate | CalendarDay): IsoDate {
  return typeof day === "string" ? day : day.date;
}

function readWeekdays(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  path: ErrorPath,
): (1 | 2 | 3 | 4 | 5 | 6 | 7)[] | undefined {
  const list = readList(reader, record, "weekend", path, { required: false });
  if (list === undefined) return undefined;
  const seen = new Set<unknown>();
  list.forEach((day, i) => {
    if (typeof day !== "number" || !Number.isInteger(day) || day < 1 || day > 7) {
      report(
        reader,
        [...path, "weekend", i],
        `Expected an ISO weekday 1 (Monday) … 7 (Sunday), got ${describeValue(day)}.`,
      );
    } else if (seen.has(day)) {
      report(reader, [...path, "weekend", i], `Weekday ${day} is listed twice.`);
    }
    seen.add(day);
  });
  return [...(list as (1 | 2 | 3 | 4 | 5 | 6 | 7)[])];
}

function readDays(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: "holidays" | "workdays",
  path: ErrorPath,
): (IsoDate | CalendarDay)[] | undefined {
  const list = readList(reader, record, key, path, { required: false });
  if (list === undefined) return undefined;
  return list.map((day, i) => {
    const at = [...path, key, i];
    if (!isRecord(day)) {
      attempt(
        reader,
        () => checkIsoDate(day, at),
        (p) => p,
      );
      return day as IsoDate;
    }
    const entry = readRecord(reader, day, at, ["date", "name"], "a calendar day");
    if (entry === null) return day as unknown as CalendarDay;
    attempt(
      reader,
      () => checkIsoDate(own(entry, "date"), [...at, "date"]),
      (p) => p,
    );
    const name = readText(reader, entry, "name", at, { required: false });
    return compact<CalendarDay>({ date: own(entry, "date"), name });
  });
}

function readYears(
  reader: Reader,
  record: Readonly<Record<string, unknown>>,
  key: string,
  path: ErrorPath,
): number[] | undefined {
  const list = readList(reader, record, key, path, { required: false });
  if (list === undefined) return undefined;
  list.forEach((year, i) => {
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1000 || year > 9999) {
      report(
        reader,
        [...path, key, i],
        `Expected a year such as 2026, got ${describeValue(year)}.`,
      );
    }
  });
  return [...(list as number[])];
}
