import { formatPercent, gap } from "targetree";
import { describe, expect, it } from "vitest";

const pct = (value: { toString(): string } | null, digits = 1): string =>
  value === null ? "null" : formatPercent(value.toString(), { digits });

describe("W7 — current vs target, basis made explicit", () => {
  const both = { bothBases: true } as const;
  const sales = gap({ actual: "80万", target: "100万", basis: "target", ...both });
  const conversion = gap({ actual: "8%", target: "12%", basis: "actual", ...both });
  const repurchase = gap({ actual: "15%", target: "20%", basis: "actual", ...both });
  const cac = gap({ actual: "500", target: "400", direction: "lower", basis: "target", ...both });

  it("reproduces every printed gap and gap rate with its basis", () => {
    expect([sales.gap.toString(), pct(sales.gapRate, 0)]).toEqual(["200000", "20%"]);
    expect([conversion.points?.toString(), conversion.gapUnit, pct(conversion.gapRate, 0)]).toEqual(
      ["4", "pp", "50%"],
    );
    expect([repurchase.points?.toString(), repurchase.gapUnit, pct(repurchase.gapRate, 0)]).toEqual(
      ["5", "pp", "33%"],
    );
    expect([cac.gap.toString(), pct(cac.gapRate, 0), cac.direction]).toEqual([
      "100",
      "25%",
      "lower",
    ]);
  });

  it("shows both bases side by side", () => {
    const both = (result: typeof sales) => [
      pct(result.gapRates.target),
      pct(result.gapRates.actual),
    ];
    expect(both(sales)).toEqual(["20%", "25%"]);
    expect(both(conversion)).toEqual(["33.3%", "50%"]);
    expect(both(repurchase)).toEqual(["25%", "33.3%"]);
    expect(both(cac)).toEqual(["25%", "20%"]);
  });
});
