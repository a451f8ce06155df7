// The multi-year path: a period listed twice (DUPLICATE_PERIOD), a period skipped
// (MISSING_PERIOD), the plan's own period with another target (PATH_MISMATCH), and the growth the
// target needs over the last actual (GROWTH_REQUIRED).
import { Decimal } from "../../_lib/decimal.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Finding, FixOption, PlanDocumentPeriod, PlanPathEntry } from "../types.js";
import { amount, finding, fixOption, percent, plain, ratio } from "./finding.js";
import type { LabelKind } from "./periodLabel.js";
import { formatPeriodLabel, parsePeriodLabel, planLabel } from "./periodLabel.js";

export function lintPath(
  entries: readonly PlanPathEntry[],
  period: PlanDocumentPeriod,
  target: Decimal,
): Finding[] {
  if (entries.length === 0) return [];
  const labels = entries.map((entry) => parsePeriodLabel(entry.period)!);
  const kind: LabelKind = labels[0]!.kind;
  const ordinals = labels.map((label) => label.ordinal);
  const findings: Finding[] = [];

  const distinct = [...new Set(ordinals)].sort((a, b) => a - b);
  const missing: number[] = [];
  for (let i = 1; i < distinct.length; i++) {
    for (let o = distinct[i - 1]! + 1; o < distinct[i]!; o++) missing.push(o);
  }

  const firstAt = new Map<number, number>();
  ordinals.forEach((ordinal, i) => {
    const first = firstAt.get(ordinal);
    if (first === undefined) {
      firstAt.set(ordinal, i);
      return;
    }
    const options: FixOption[] = [];
    // A missing period between this entry's neighbours is the likely intended label.
    const before = i > 0 ? ordinals[i - 1]! : Number.NEGATIVE_INFINITY;
    const after = i + 1 < ordinals.length ? ordinals[i + 1]! : Number.POSITIVE_INFINITY;
    const candidate = missing.find((o) => o > before && o < after);
    if (candidate !== undefined) {
      const label = formatPeriodLabel(kind, candidate);
      options.push(
        fixOption(
          "relabel-period",
          `Label path[${i}] ${label}, the period missing between its neighbours.`,
          [{ op: "replace", path: ["path", i, "period"], value: label }],
          { period: label },
        ),
      );
    }
    options.push(
      fixOption("remove-entry", `Remove path[${i}].`, [{ op: "remove", path: ["path", i] }]),
    );
    findings.push(
      finding(
        "DUPLICATE_PERIOD",
        ["path", i, "period"],
        `${entries[i]!.period} is listed twice in path (path[${first}] and path[${i}]).`,
        { period: entries[i]!.period, entries: [first, i] },
        options,
      ),
    );
  });

  if (missing.length > 0) {
    const names = missing.map((o) => formatPeriodLabel(kind, o));
    findings.push(
      finding("MISSING_PERIOD", ["path"], `path skips ${names.join(", ")}.`, { missing: names }),
    );
  }

  const own = planLabel(kind, period.start, period.end);
  if (own !== null) {
    ordinals.forEach((ordinal, i) => {
      const stated = entries[i]!.target;
      if (ordinal !== own.ordinal || stated === undefined) return;
      const value = toDecimal(stated);
      if (value.eq(target)) return;
      findings.push(
        finding(
          "PATH_MISMATCH",
          ["path", i, "target"],
          `path gives ${entries[i]!.period} a target of ${amount(value)}, but the plan's target is ${amount(target)}.`,
          { period: entries[i]!.period, path: plain(value), target: plain(target) },
          [
            fixOption(
              "set-path-target",
              `Set path[${i}].target to the plan's target, ${amount(target)}.`,
              [{ op: "replace", path: ["path", i, "target"], value: plain(target) }],
            ),
            fixOption("set-target", `Set the plan's target to the path's, ${amount(value)}.`, [
              { op: "replace", path: ["target"], value: plain(value) },
            ]),
          ],
        ),
      );
    });
    const growth = growthFinding(entries, ordinals, own.ordinal, kind, target);
    if (growth !== null) findings.push(growth);
  }
  return findings;
}

/** The growth the target needs over the last actual before the plan's own period. */
function growthFinding(
  entries: readonly PlanPathEntry[],
  ordinals: readonly number[],
  own: number,
  kind: LabelKind,
  target: Decimal,
): Finding | null {
  let last = -1;
  ordinals.forEach((ordinal, i) => {
    if (entries[i]!.actual === undefined || ordinal >= own) return;
    if (last < 0 || ordinal >= ordinals[last]!) last = i;
  });
  if (last < 0) return null;
  const entry = entries[last]!;
  const actual = toDecimal(entry.actual!);
  const periods = own - ordinals[last]!;
  const to = formatPeriodLabel(kind, own);
  const figures = {
    from: entry.period,
    to,
    actual: plain(actual),
    target: plain(target),
    periods,
  };
  if (actual.isZero() || (actual.isNegative() !== target.isNegative() && !target.isZero())) {
    return finding(
      "GROWTH_REQUIRED",
      ["target"],
      `The target ${amount(target)} for ${to} against the actual ${amount(actual)} of ${entry.period}: no growth rate compares them.`,
      {
        ...figures,
        rate: null,
        perPeriod: null,
        reason: actual.isZero()
          ? "The last actual is zero."
          : "The target and the last actual have opposite signs.",
      },
    );
  }
  const rate = target.div(actual).minus(1);
  const perPeriod =
    periods === 1 || target.isZero()
      ? rate
      : target.div(actual).pow(new Decimal(1).div(periods)).minus(1);
  const change = rate.isNegative()
    ? `is ${percent(rate.abs())} below`
    : `needs ${percent(rate)} growth over`;
  const each = periods === 1 ? "" : ` (${percent(perPeriod)} a ${kind} over ${periods} ${kind}s)`;
  return finding(
    "GROWTH_REQUIRED",
    ["target"],
    `The target ${amount(target)} for ${to} ${change} the actual ${amount(actual)} of ${entry.period}${each}.`,
    { ...figures, rate: ratio(rate), perPeriod: ratio(perPeriod), reason: null },
  );
}
