// Stated gap rates: each is checked against the rate on the target basis and on the current basis
// (a stated rate matches a basis when it equals that basis's rate rounded to the stated rate's
// decimals: 33% matches 33.33%). STATED_RATE_MISMATCH for a rate that matches neither (or not its
// declared basis); MIXED_GAP_BASES when the metrics' rates use different bases.
import type { Decimal } from "../../_lib/decimal.js";
import { Decimal as DecimalClass } from "../../_lib/decimal.js";
import { shortfall } from "../../_lib/direction.js";
import type { Numeric } from "../../_lib/types.js";
import { toDecimal } from "../../numbers/toDecimal.js";
import type { Figures, Finding, FixOption, PlanEdit, PlanMetric } from "../types.js";
import { finding, fixOption, percent, ratio } from "./finding.js";

type Basis = "target" | "current";

interface Rated {
  readonly index: number;
  readonly metric: PlanMetric;
  readonly stated: Decimal;
  readonly rates: Readonly<Record<Basis, Decimal | null>>;
  /** The bases the stated rate matches. */
  readonly matches: readonly Basis[];
}

/** How many decimals a stated rate carries, as a fraction: "33%" → 2, "33.3%" → 3, 0.5 → 1. */
export function statedDecimals(stated: Numeric): number {
  if (typeof stated === "string") {
    const text = stated.trim();
    const written = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
    if (/‰$/u.test(text)) return written + 3;
    if (/[%％]$/u.test(text)) return written + 2;
    if (/^[+\-−]?[\d,]*(?:\.\d+)?$/u.test(text)) return written;
  }
  return toDecimal(stated).decimalPlaces();
}

/** True when `stated` equals `rate` rounded (half-up) to the stated rate's decimals, by size. */
export function rateMatches(stated: Numeric, rate: Decimal): boolean {
  const decimals = statedDecimals(stated);
  return rate
    .abs()
    .toDecimalPlaces(decimals, DecimalClass.ROUND_HALF_UP)
    .eq(toDecimal(stated).abs());
}

function ratesOf(metric: PlanMetric): Record<Basis, Decimal | null> {
  const current = toDecimal(metric.current);
  const target = toDecimal(metric.target);
  const gap = shortfall(current, target, metric.direction ?? "higher");
  return {
    target: target.isZero() ? null : gap.div(target.abs()),
    current: current.isZero() ? null : gap.div(current.abs()),
  };
}

function rateFigure(rate: Decimal | null): string | null {
  return rate === null ? null : ratio(rate);
}

function showRate(rate: Decimal | null, basis: Basis): string {
  return rate === null
    ? `none on the ${basis} basis (the ${basis} is zero)`
    : `${percent(rate.abs())} on the ${basis} basis`;
}

export function lintMetrics(metrics: readonly PlanMetric[]): Finding[] {
  const findings: Finding[] = [];
  const rated: Rated[] = [];
  metrics.forEach((metric, index) => {
    if (metric.statedGapRate === undefined) return;
    const rates = ratesOf(metric);
    const candidates: Basis[] = metric.basis === undefined ? ["target", "current"] : [metric.basis];
    const matches = candidates.filter((basis) => {
      const rate = rates[basis];
      return rate !== null && rateMatches(metric.statedGapRate!, rate);
    });
    const stated = toDecimal(metric.statedGapRate);
    rated.push({ index, metric, stated, rates, matches });
    if (matches.length > 0) return;
    const options: FixOption[] = (["target", "current"] as const)
      .filter((basis) => rates[basis] !== null)
      .map((basis) =>
        fixOption(
          `state-${basis}-basis`,
          `State the gap rate of ${JSON.stringify(metric.name)} on the ${basis} basis: ${percent(rates[basis]!.abs())}.`,
          restate(index, metric, basis, rates[basis]!),
          { basis, rate: ratio(rates[basis]!.abs()) },
        ),
      );
    findings.push(
      finding(
        "STATED_RATE_MISMATCH",
        ["metrics", index, "statedGapRate"],
        `${JSON.stringify(metric.name)} states a gap rate of ${percent(stated)}${metric.basis === undefined ? "" : ` on the ${metric.basis} basis`}, but the gap is ${showRate(rates.target, "target")} and ${showRate(rates.current, "current")}.`,
        {
          name: metric.name,
          stated: ratio(stated),
          target: rateFigure(rates.target),
          current: rateFigure(rates.current),
        },
        options,
      ),
    );
  });

  // A metric's basis is known when it matches exactly one (or declares one).
  const known = rated.filter((item) => item.matches.length === 1);
  const bases = new Set(known.map((item) => item.matches[0]!));
  if (bases.size > 1) {
    const figures: Figures = {
      metrics: known.map((item) => ({
        name: item.metric.name,
        stated: ratio(item.stated),
        basis: item.matches[0]!,
        target: rateFigure(item.rates.target),
        current: rateFigure(item.rates.current),
      })),
    };
    const options = (["target", "current"] as const).map((basis) =>
      fixOption(
        `state-${basis}-basis`,
        `State every gap rate on the ${basis} basis.`,
        rated
          .filter((item) => item.rates[basis] !== null)
          .flatMap((item) => restate(item.index, item.metric, basis, item.rates[basis]!)),
        { basis },
      ),
    );
    const list = known
      .map((item) => `${item.metric.name} ${percent(item.stated)} (${item.matches[0]})`)
      .join(", ");
    findings.push(
      finding(
        "MIXED_GAP_BASES",
        ["metrics"],
        `The stated gap rates use different bases: ${list}. Rates on different bases do not compare.`,
        figures,
        options,
      ),
    );
  }
  return findings;
}

/** Edits that state a metric's gap rate on one basis (as a percentage to 0.01%), naming the basis. */
function restate(index: number, metric: PlanMetric, basis: Basis, rate: Decimal): PlanEdit[] {
  const value = `${rate.abs().times(100).toDecimalPlaces(2, DecimalClass.ROUND_HALF_UP).toFixed()}%`;
  return [
    { op: "replace", path: ["metrics", index, "statedGapRate"], value },
    {
      op: metric.basis === undefined ? "add" : "replace",
      path: ["metrics", index, "basis"],
      value: basis,
    },
  ];
}
