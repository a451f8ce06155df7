// The plan's other views of its target: the driver audit (what the driver tree gives) and each
// dimension's split (splitByShares, allocate, or the stated amounts).
import type { Decimal } from "../../_lib/decimal.js";
import { exactUnits, toScaled } from "../../_lib/exact/index.js";
import { evaluate } from "../../model/evaluate.js";
import type { Model } from "../../model/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { allocate } from "../../split/allocate.js";
import { splitByShares } from "../../split/splitByShares.js";
import type { PlanDimension, PlanDimensionSplit, PlanDriverAudit, PlanDrivers } from "../types.js";
import type { PlanUnit } from "./amounts.js";
import { toUnits, unitsText } from "./amounts.js";
import { setOwn } from "./reader.js";

/** The driver tree evaluated at the stated inputs, against the target. */
export function auditDrivers(
  drivers: PlanDrivers,
  model: Model,
  target: Decimal,
  unit: PlanUnit,
): PlanDriverAudit {
  const values = evaluate(model, drivers.inputs as never) as Readonly<Record<string, Decimal>>;
  const output = drivers.output.normalize("NFC");
  const implied = values[output] ?? values[drivers.output]!;
  const shown: Record<string, string> = {};
  for (const name of Object.keys(values)) setOwn(shown, name, values[name]!.toFixed());
  return {
    output: drivers.output,
    implied: implied.toFixed(),
    target: unitsText(toUnits(target, unit, ["target"]), unit),
    gap: target.minus(implied).toFixed(),
    values: shown,
  };
}

/** Each dimension's parts in the plan's unit, summing exactly to the target. */
export function splitDimensions(
  dimensions: Readonly<Record<string, PlanDimension>>,
  target: Decimal,
  unit: PlanUnit,
): Record<string, PlanDimensionSplit> {
  const out: Record<string, PlanDimensionSplit> = {};
  for (const name of Object.keys(dimensions)) {
    const dimension = dimensions[name]!;
    const path = ["dimensions", name];
    let kind: PlanDimensionSplit["kind"];
    let parts: Readonly<Record<string, Decimal>>;
    if ("shares" in dimension) {
      kind = "shares";
      parts = splitByShares(target, dimension.shares, {
        unit: unit.value,
        ...(dimension.remainder === undefined ? {} : { remainder: dimension.remainder }),
      }) as Readonly<Record<string, Decimal>>;
    } else if ("weights" in dimension) {
      kind = "weights";
      parts = allocate(target, dimension.weights, { unit: unit.value }) as Readonly<
        Record<string, Decimal>
      >;
    } else {
      kind = "amounts";
      const stated: Record<string, Decimal> = {};
      for (const part of Object.keys(dimension.amounts)) {
        setOwn(stated, part, toDecimal(dimension.amounts[part]!, [...path, "amounts", part]));
      }
      parts = stated;
    }
    const shown: Record<string, string> = {};
    for (const part of Object.keys(parts)) setOwn(shown, part, showAmount(parts[part]!, unit));
    setOwn(out, name, { kind, parts: shown });
  }
  return out;
}

/** An amount with the unit's decimals when it is a whole multiple of the unit, else exact. */
function showAmount(value: Decimal, unit: PlanUnit): string {
  const units = exactUnits(toScaled(value), unit.scaled);
  return units === null ? value.toFixed() : unitsText(units, unit);
}
