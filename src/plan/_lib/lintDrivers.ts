// DRIVERS_DISAGREE: the driver tree's implied output against the target, with the ways to close
// the gap (each driver solved alone, one common multiplier, or the target the drivers give).
import type { Decimal } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import { reconcile } from "../../analysis/reconcile.js";
import { dependsOn } from "../../model/dependsOn.js";
import type { Model } from "../../model/types.js";
import type { Figures, Finding, FixOption, PlanDrivers } from "../types.js";
import { amount, finding, fixOption, percent, plain, ratio } from "./finding.js";
import { roundToUnit } from "./units.js";

export function lintDrivers(
  drivers: PlanDrivers,
  model: Model,
  target: Decimal,
  unit: Decimal,
): Finding[] {
  const output = drivers.output.normalize("NFC");
  const vary = drivers.vary ?? model.inputs.filter((input) => dependsOn(model, output, input));
  let audit: ReturnType<typeof reconcile>;
  try {
    audit = reconcile(model, { output, target, inputs: drivers.inputs, vary });
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    return [
      finding(
        "DRIVERS_INVALID",
        // reconcile reports a driver at ["options", "inputs", name]: the document's drivers.inputs.
        [
          "drivers",
          ...(error.path[0] === "options" && error.path[1] === "inputs" ? error.path.slice(1) : []),
        ],
        `The drivers cannot be evaluated: ${error.message}`,
        { error: error.code },
      ),
    ];
  }
  const implied = audit.implied;
  if (roundToUnit(implied, unit).eq(target)) return [];

  const stated = new Map(
    Object.keys(drivers.inputs).map((key) => [
      key.normalize("NFC"),
      { key, value: drivers.inputs[key]! },
    ]),
  );
  const keyOf = (name: string): string => stated.get(name)?.key ?? name;
  const options: FixOption[] = [];
  const singles: Figures[] = [];
  for (const single of audit.singles) {
    singles.push({
      driver: single.input,
      required: single.required === null ? null : plain(single.required),
      feasible: single.feasible,
      reason: single.reason,
    });
    if (!single.feasible || single.required === null) continue;
    options.push(
      fixOption(
        "solve-driver",
        `Set ${single.input} to ${plain(single.required)}: this driver alone, every other as stated, reaches the target.`,
        [
          {
            op: "replace",
            path: ["drivers", "inputs", keyOf(single.input)],
            value: plain(single.required),
          },
        ],
        { driver: single.input, value: plain(single.required), method: single.method },
      ),
    );
  }
  const multiplier = audit.multiplier;
  if (multiplier?.feasible && multiplier.factor !== null && multiplier.values !== null) {
    const values = multiplier.values;
    options.push(
      fixOption(
        "scale-drivers",
        `Multiply ${multiplier.inputs.join(" and ")} by ${plain(multiplier.factor)}: one common factor reaches the target.`,
        multiplier.inputs.map((name) => ({
          op: "replace" as const,
          path: ["drivers", "inputs", keyOf(name)],
          value: plain(values[name]!),
        })),
        {
          factor: plain(multiplier.factor),
          values: Object.fromEntries(multiplier.inputs.map((name) => [name, plain(values[name]!)])),
          method: multiplier.method,
        },
      ),
    );
  }
  const reachable = roundToUnit(implied, unit);
  options.push(
    fixOption(
      "set-target",
      `Set the target to ${amount(reachable)}, what the stated drivers give.`,
      [{ op: "replace", path: ["target"], value: plain(reachable) }],
      { target: plain(reachable) },
    ),
  );
  const above = implied.gt(target);
  return [
    finding(
      "DRIVERS_DISAGREE",
      ["drivers"],
      `The drivers give ${drivers.output} = ${amount(implied)}, ${above ? "above" : "short of"} the target ${amount(target)} by ${amount(audit.gap.abs())} (${audit.gapRate === null ? "a zero target" : percent(audit.gapRate.abs())} of the target).`,
      {
        output: drivers.output,
        target: plain(target),
        implied: plain(implied),
        gap: plain(audit.gap),
        gapRate: audit.gapRate === null ? null : ratio(audit.gapRate),
        singles,
        multiplier:
          multiplier === null
            ? null
            : {
                drivers: [...multiplier.inputs],
                factor: multiplier.factor === null ? null : plain(multiplier.factor),
                feasible: multiplier.feasible,
                reason: multiplier.reason,
              },
      },
      options,
    ),
  ];
}
