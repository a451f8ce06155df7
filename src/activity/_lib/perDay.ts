// Per-person and per-working-day figures shared by funnel and visitPlan.
import type { Decimal } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import { checkMagnitude } from "../../_lib/magnitude.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { countPeriodWorkingDays } from "./workingDays.js";

/** Figures derived from a count for a team and a period. */
export interface PerDay {
  /** count / people; `null` without `people`. */
  readonly perPerson: Decimal | null;
  /** count / working days; `null` without a period. */
  readonly perWorkingDay: Decimal | null;
  /** count / people / working days; `null` unless both are given. */
  readonly perPersonPerWorkingDay: Decimal | null;
}

export function readPeople(options: object): Decimal | null {
  const value = own(options, "people");
  if (value === undefined) return null;
  const people = toDecimal(value as Numeric, ["options", "people"]);
  if (!people.gt(0)) {
    throw new TargetreeError("INVALID_ARGUMENT", "people must be greater than zero.", {
      path: ["options", "people"],
    });
  }
  return people;
}

export interface ResolvedDays {
  readonly workingDays: number | null;
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
}

/** Working days from `options.workingDays`, or from `start`/`end`/`calendar`; none → `null`. */
export function resolveWorkingDays(options: object): ResolvedDays {
  const given = own(options, "workingDays");
  const start = own(options, "start");
  const end = own(options, "end");
  if (given !== undefined) {
    if (start !== undefined || end !== undefined) {
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        "Give either workingDays or start and end, not both.",
        { path: ["options", "workingDays"] },
      );
    }
    if (typeof given !== "number" || !Number.isSafeInteger(given) || given < 0) {
      throw new TargetreeError("INVALID_ARGUMENT", "workingDays must be a whole number ≥ 0.", {
        path: ["options", "workingDays"],
      });
    }
    if (given === 0) {
      throw new TargetreeError("NO_WORKING_DAYS", "The period has no working days.", {
        path: ["options", "workingDays"],
      });
    }
    return { workingDays: given, provisional: false, provisionalYears: [] };
  }
  if (start === undefined && end === undefined)
    return { workingDays: null, provisional: false, provisionalYears: [] };
  const counted = countPeriodWorkingDays(start, end, own(options, "calendar"));
  if (counted.days === 0) {
    throw new TargetreeError(
      "NO_WORKING_DAYS",
      "The period from start to end has no working days on this calendar.",
      { path: ["options"] },
    );
  }
  return {
    workingDays: counted.days,
    provisional: counted.provisional,
    provisionalYears: counted.provisionalYears,
  };
}

export function perDay(count: Decimal, people: Decimal | null, days: number | null): PerDay {
  const perPerson =
    people === null
      ? null
      : checkMagnitude(count.div(people), ["options", "people"], "A per-person figure");
  const path = ["options"];
  return {
    perPerson,
    perWorkingDay:
      days === null ? null : checkMagnitude(count.div(days), path, "A per-working-day figure"),
    perPersonPerWorkingDay:
      perPerson === null || days === null
        ? null
        : checkMagnitude(perPerson.div(days), path, "A per-person, per-working-day figure"),
  };
}
