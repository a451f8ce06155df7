// Reads a series of periods given either as { met } or as { actual, target }.
import { readItems } from "../../_lib/arrays.js";
import type { Decimal } from "../../_lib/decimal.js";
import type { Direction } from "../../_lib/direction.js";
import { shortfall } from "../../_lib/direction.js";
import { TargetreeError } from "../../_lib/errors.js";
import { own } from "../../_lib/records.js";
import type { Numeric } from "../../_lib/types.js";
import { requiredNumber, requireRecord } from "./input.js";

/** One period of a series: either its result (`{ met }`) or its figures (`{ actual, target }`). */
export type PeriodResult =
  | {
      /** True when the period reached its target. */
      readonly met: boolean;
    }
  | {
      /** The period's result. */
      readonly actual: Numeric;
      /** The period's target; on target or beyond it in the better direction counts as met. */
      readonly target: Numeric;
    };

export interface ReadPeriod {
  readonly met: boolean;
  readonly actual: Decimal | null;
  readonly target: Decimal | null;
}

export function readPeriods(series: unknown, direction: Direction, name = "series"): ReadPeriod[] {
  if (!Array.isArray(series)) {
    throw new TargetreeError("INVALID_ARGUMENT", `${name} must be an array of periods.`, {
      path: [name],
    });
  }
  return readItems(series as readonly unknown[], [name]).map((item: unknown, index) => {
    const path = [name, index];
    const record = requireRecord(item, path, `${name}[${index}]`);
    const met = own(record, "met");
    if (met !== undefined) {
      if (typeof met !== "boolean") {
        throw new TargetreeError("INVALID_ARGUMENT", "met must be true or false.", {
          path: [...path, "met"],
        });
      }
      return { met, actual: null, target: null };
    }
    const actual = requiredNumber(record, "actual", path);
    const target = requiredNumber(record, "target", path);
    return { met: shortfall(actual, target, direction).lte(0), actual, target };
  });
}
