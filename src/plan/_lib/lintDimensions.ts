// The dimensions: shares that leave a rest nobody named (SHARES_INCOMPLETE) or pass 100%
// (SHARES_EXCEED), and stated amounts that do not add up to the target (AMOUNTS_MISMATCH).
import type { Decimal } from "../../_lib/decimal.js";
import { ONE, ZERO } from "../../_lib/decimal.js";
import { TargetreeError } from "../../_lib/errors.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import { allocate } from "../../split/allocate.js";
import { splitByShares } from "../../split/splitByShares.js";
import type { Finding, FixOption, PlanDimension, PlanEdit } from "../types.js";
import { amount, finding, fixOption, percent, plain } from "./finding.js";

/** The name lint proposes for a remainder part: 其他, or 其他2… when a part has that name. */
export function freeName(taken: readonly string[], base = "其他"): string {
  const normal = new Set(taken.map((name) => name.normalize("NFC")));
  if (!normal.has(base)) return base;
  let i = 2;
  while (normal.has(`${base}${i}`)) i++;
  return `${base}${i}`;
}

export function lintDimensions(
  dimensions: Readonly<Record<string, PlanDimension>>,
  target: Decimal,
  unit: Decimal,
): Finding[] {
  const findings: Finding[] = [];
  for (const name of Object.keys(dimensions)) {
    const dimension = dimensions[name]!;
    const path = ["dimensions", name];
    if ("shares" in dimension) {
      findings.push(...lintShares(name, dimension.shares, dimension.remainder, target, unit));
    } else if ("amounts" in dimension) {
      findings.push(...lintAmounts(name, dimension.amounts, target, unit, path));
    }
  }
  return findings;
}

function sumOf(values: Readonly<Record<string, Numeric>>): Decimal {
  return Object.keys(values).reduce((sum, key) => sum.plus(toDecimal(values[key]!)), ZERO);
}

function lintShares(
  name: string,
  shares: Readonly<Record<string, Numeric>>,
  remainder: string | undefined,
  target: Decimal,
  unit: Decimal,
): Finding[] {
  const path = ["dimensions", name, "shares"];
  const total = sumOf(shares);
  if (total.gt(ONE)) {
    const edits: PlanEdit[] = [
      { op: "remove", path },
      ...(remainder === undefined
        ? []
        : [{ op: "remove" as const, path: ["dimensions", name, "remainder"] }]),
      { op: "add", path: ["dimensions", name, "weights"], value: plainRecord(shares) },
    ];
    return [
      finding(
        "SHARES_EXCEED",
        path,
        `The shares of ${JSON.stringify(name)} add up to ${percent(total)}, more than 100%.`,
        { total: plain(total), excess: plain(total.minus(ONE)) },
        [
          fixOption(
            "use-as-weights",
            `Read the figures of ${JSON.stringify(name)} as weights, so each part gets its figure's share of their sum.`,
            edits,
          ),
        ],
      ),
    ];
  }
  if (remainder !== undefined || total.eq(ONE)) return [];
  const part = freeName(Object.keys(shares));
  const rest = ONE.minus(total);
  let amounts: Record<string, Decimal> | null = null;
  try {
    amounts = splitByShares(target, shares, { remainder: part, unit }) as Record<string, Decimal>;
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
  }
  const restAmount = amounts === null ? null : amounts[part]!;
  const listed =
    amounts === null
      ? null
      : Object.fromEntries(Object.keys(shares).map((key) => [key, plain(amounts![key]!)]));
  return [
    finding(
      "SHARES_INCOMPLETE",
      path,
      `The shares of ${JSON.stringify(name)} add up to ${percent(total)}; the other ${percent(rest)}${restAmount === null ? "" : ` (${amount(restAmount)})`} has no part to go to. Name a remainder part.`,
      {
        total: plain(total),
        rest: plain(rest),
        amounts: listed,
        remainder:
          restAmount === null ? null : { part, share: plain(rest), amount: plain(restAmount) },
      },
      [
        fixOption(
          "name-remainder",
          `Name the remainder ${JSON.stringify(part)}: it takes ${percent(rest)}${restAmount === null ? "" : `, ${amount(restAmount)}`}.`,
          [{ op: "add", path: ["dimensions", name, "remainder"], value: part }],
          { part, share: plain(rest), amount: restAmount === null ? null : plain(restAmount) },
        ),
      ],
    ),
  ];
}

function lintAmounts(
  name: string,
  amounts: Readonly<Record<string, Numeric>>,
  target: Decimal,
  unit: Decimal,
  path: readonly (string | number)[],
): Finding[] {
  const total = sumOf(amounts);
  if (total.eq(target)) return [];
  const difference = target.minus(total);
  const keys = Object.keys(amounts);
  const values = keys.map((key) => toDecimal(amounts[key]!));
  const options: FixOption[] = [];
  if (values.every((value) => !value.isNegative()) && total.gt(0)) {
    try {
      const scaled = allocate(target, values, { unit });
      options.push(
        fixOption(
          "scale-amounts",
          `Scale the amounts of ${JSON.stringify(name)} by ${plain(target.div(total).toDecimalPlaces(6))} so they add up to ${amount(target)}, each part keeping its proportion.`,
          keys.map((key, i) => ({
            op: "replace" as const,
            path: [...path, "amounts", key],
            value: plain(scaled[i]!),
          })),
          { amounts: Object.fromEntries(keys.map((key, i) => [key, plain(scaled[i]!)])) },
        ),
      );
    } catch (error) {
      if (!(error instanceof TargetreeError)) throw error;
    }
  }
  if (difference.gt(0)) {
    const part = freeName(keys);
    options.push(
      fixOption(
        "add-remainder",
        `Add a part ${JSON.stringify(part)} of ${amount(difference)} for what the stated amounts leave.`,
        [{ op: "add", path: [...path, "amounts", part], value: plain(difference) }],
        { part, amount: plain(difference) },
      ),
    );
  }
  return [
    finding(
      "AMOUNTS_MISMATCH",
      [...path, "amounts"],
      `The amounts of ${JSON.stringify(name)} add up to ${amount(total)}, not the target ${amount(target)} (${difference.isNegative() ? "over" : "short"} by ${amount(difference.abs())}).`,
      { total: plain(total), target: plain(target), difference: plain(difference) },
      options,
    ),
  ];
}

function plainRecord(values: Readonly<Record<string, Numeric>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(values).map((key) => [key, plain(toDecimal(values[key]!))]),
  );
}
