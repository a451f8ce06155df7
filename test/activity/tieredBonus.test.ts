import fc from "fast-check";
import { tieredBonus } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal, ZERO } from "../../src/_lib/decimal.js";
import { deepFreeze, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

describe("tieredBonus", () => {
  it("gives W8: selling 10万 of A earns a 1万 bonus", () => {
    const result = tieredBonus("10万", [{ from: "10万", fixed: "1万" }]);
    expect(result.bonus.toString()).toBe("10000");
    expect(result.tier).toBe(0);
    expect(tieredBonus(99_999, [{ from: "10万", fixed: "1万" }]).bonus.toString()).toBe("0");
  });

  it("gives W8: 200元 for each referral", () => {
    expect(tieredBonus(7, [{ from: 0, rate: 200 }]).bonus.toString()).toBe("1400");
  });

  it("pays the highest tier reached on the whole amount in threshold mode (W5 tiers above 5万 and 10万)", () => {
    const tiers = [
      { from: "5万", rate: "3%" },
      { from: "10万", rate: "5%" },
    ];
    expect(tieredBonus("4万", tiers).tier).toBeNull();
    expect(tieredBonus("5万", tiers).bonus.toString()).toBe("1500");
    expect(tieredBonus("12万", tiers).bonus.toString()).toBe("6000");
    const line = tieredBonus("12万", tiers).lines[0]!;
    expect([line.tier, line.from.toString(), line.to, line.base.toString()]).toEqual([
      1,
      "100000",
      null,
      "120000",
    ]);
  });

  it("pays each slice at its tier's rate in progressive mode", () => {
    const tiers = [
      { from: "5万", rate: "3%" },
      { from: "10万", rate: "5%" },
    ];
    const result = tieredBonus("12万", tiers, { mode: "progressive" });
    expect(result.bonus.toString()).toBe("2500");
    expect(result.lines.map((line) => [line.base.toString(), line.bonus.toString()])).toEqual([
      ["50000", "1500"],
      ["20000", "1000"],
    ]);
  });

  it("adds fixed amounts: once per tier reached in progressive mode", () => {
    const tiers = [
      { from: "5万", fixed: 2_000 },
      { from: "10万", fixed: 5_000, rate: "1%" },
    ];
    expect(tieredBonus("12万", tiers).bonus.toString()).toBe("6200");
    expect(tieredBonus("12万", tiers, { mode: "progressive" }).bonus.toString()).toBe("7200");
  });

  it("rounds the total to a unit", () => {
    const result = tieredBonus(12_345, [{ from: 0, rate: "3.3%" }], { unit: 1 });
    expect(result.bonus.toString()).toBe("407");
    expect(result.lines[0]!.bonus.toString()).toBe("407.385");
  });

  it("does not mutate frozen input", () => {
    const tiers = deepFreeze([{ from: 0, rate: "10%" }]);
    expect(tieredBonus(100, tiers).bonus.toString()).toBe("10");
    expect(tiers).toEqual([{ from: 0, rate: "10%" }]);
  });

  it("rejects empty, unsorted, overlapping and unpaid tiers with INVALID_TIERS", () => {
    expectCode(() => tieredBonus(1, []), "INVALID_TIERS", ["tiers"]);
    expectCode(() => tieredBonus(1, null as never), "INVALID_TIERS", ["tiers"]);
    expectCode(
      () =>
        tieredBonus(1, [
          { from: 10, rate: 1 },
          { from: 5, rate: 1 },
        ]),
      "INVALID_TIERS",
      ["tiers", 1, "from"],
    );
    expectCode(
      () =>
        tieredBonus(1, [
          { from: 5, rate: 1 },
          { from: 5, rate: 2 },
        ]),
      "INVALID_TIERS",
      ["tiers", 1, "from"],
    );
    expectCode(() => tieredBonus(1, [{ from: 5 }]), "INVALID_TIERS", ["tiers", 0]);
    expectCode(() => tieredBonus(1, [{ rate: 1 } as never]), "INVALID_TIERS", ["tiers", 0, "from"]);
    expectCode(() => tieredBonus(1, [{ from: 0, rate: -1 }]), "INVALID_TIERS", [
      "tiers",
      0,
      "rate",
    ]);
  });

  it("rejects bad numbers and bad options", () => {
    expectCode(() => tieredBonus("", [{ from: 0, rate: 1 }]), "INVALID_NUMBER", ["amount"]);
    expectCode(() => tieredBonus(1, [{ from: Number.NaN, rate: 1 }]), "INVALID_NUMBER", [
      "tiers",
      0,
      "from",
    ]);
    expectCode(
      () => tieredBonus(1, [{ from: 0, rate: 1 }], { mode: "flat" as never }),
      "INVALID_ARGUMENT",
      ["options", "mode"],
    );
    expectCode(() => tieredBonus(1, [null as never]), "INVALID_ARGUMENT", ["tiers", 0]);
  });

  it("refuses a misspelt option or tier field with UNKNOWN_OPTION and the closest name", () => {
    const option = expectCode(
      () => tieredBonus(1, [{ from: 0, rate: 1 }], { mdoe: "progressive" } as never),
      "UNKNOWN_OPTION",
      ["options", "mdoe"],
    );
    expect(option.message).toMatch(/Did you mean "mode"\?/);
    const tier = expectCode(
      () => tieredBonus(1, [{ from: 0, rates: "5%" } as never]),
      "UNKNOWN_OPTION",
      ["tiers", 0, "rates"],
    );
    expect(tier.message).toMatch(/Did you mean "rate"\?/);
  });

  it("rounds to a bare 万 unit", () => {
    expect(tieredBonus("12万", [{ from: 0, rate: "5%" }], { unit: "万" }).bonus.toString()).toBe(
      "10000",
    );
  });

  it("refuses a bonus past the supported magnitude with NUMBER_TOO_LARGE", () => {
    expectCode(() => tieredBonus("1e999", [{ from: 0, rate: "1e999" }]), "NUMBER_TOO_LARGE", [
      "tiers",
      0,
    ]);
    expectCode(
      () => tieredBonus("9e999", [{ from: "-9e999", rate: "1%" }], { mode: "progressive" }),
      "NUMBER_TOO_LARGE",
      ["tiers", 0],
    );
  });
});

describe("tieredBonus messages", () => {
  it("explains an empty or malformed tier list", () => {
    expect(expectCode(() => tieredBonus(1, []), "INVALID_TIERS").message).toMatch(
      /tiers must be a non-empty array of \{ from, rate\?, fixed\? \}/,
    );
    expect(
      expectCode(() => tieredBonus(1, [{ from: 0, rate: 1 }, null as never]), "INVALID_ARGUMENT", [
        "tiers",
        1,
      ]).message,
    ).toMatch(/tiers\[1\] must be an object/);
    expect(
      expectCode(() => tieredBonus(1, [{ rate: 1 } as never]), "INVALID_TIERS").message,
    ).toMatch(/tiers\[0\] needs a from value/);
    expect(expectCode(() => tieredBonus(1, [{ from: 5 }]), "INVALID_TIERS").message).toMatch(
      /tiers\[0\] pays nothing: give a rate or a fixed amount/,
    );
  });

  it("names the negative figure and its tier", () => {
    const rate = expectCode(() => tieredBonus(1, [{ from: 0, rate: -1 }]), "INVALID_TIERS");
    expect(rate.message).toMatch(/tiers\[0\]\.rate must not be negative/);
    const fixed = expectCode(
      () =>
        tieredBonus(1, [
          { from: 0, rate: 1 },
          { from: 5, fixed: -1 },
        ]),
      "INVALID_TIERS",
      ["tiers", 1, "fixed"],
    );
    expect(fixed.message).toMatch(/tiers\[1\]\.fixed must not be negative/);
  });

  it("names both tiers of an overlap or a descent", () => {
    const overlap = expectCode(
      () =>
        tieredBonus(1, [
          { from: 0, rate: 1 },
          { from: 5, rate: 1 },
          { from: 5, rate: 2 },
        ]),
      "INVALID_TIERS",
      ["tiers", 2, "from"],
    );
    expect(overlap.message).toMatch(/tiers\[2\] starts where tiers\[1\] starts: tiers overlap/);
    const descent = expectCode(
      () =>
        tieredBonus(1, [
          { from: 0, rate: 1 },
          { from: 10, rate: 1 },
          { from: 5, rate: 1 },
        ]),
      "INVALID_TIERS",
      ["tiers", 2, "from"],
    );
    expect(descent.message).toMatch(
      /tiers must be sorted by from, ascending; tiers\[2\] starts below tiers\[1\]/,
    );
  });

  it("names the figure that leaves the supported magnitude", () => {
    const bonus = expectCode(
      () => tieredBonus("1e999", [{ from: 0, rate: "1e999" }]),
      "NUMBER_TOO_LARGE",
    );
    expect(bonus.message).toMatch(/A tier's bonus/);
    const base = expectCode(
      () => tieredBonus("9e999", [{ from: "-9e999", rate: "1%" }], { mode: "progressive" }),
      "NUMBER_TOO_LARGE",
    );
    expect(base.message).toMatch(/A tier's base/);
    // Rounding the total up to the unit crosses the bound although the tier's bonus does not.
    const total = expectCode(
      () => tieredBonus(1, [{ from: 0, fixed: "9.9e999" }], { unit: "1e999" }),
      "NUMBER_TOO_LARGE",
      ["amount"],
    );
    expect(total.message).toMatch(/The bonus/);
  });
});

const tierList = fc
  .uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 5 })
  .map((starts) => starts.sort((a, b) => a - b))
  .chain((starts) =>
    fc.tuple(
      ...starts.map((from) =>
        fc.integer({ min: 0, max: 20 }).map((percent) => ({ from, rate: `${percent}%` })),
      ),
    ),
  );

describe("properties", () => {
  it("progressive lines cover exactly the amount above the first tier", () => {
    fc.assert(
      fc.property(tierList, fc.integer({ min: 0, max: 200_000 }), (tiers, amount) => {
        const result = tieredBonus(amount, tiers, { mode: "progressive" });
        const covered = result.lines.reduce((sum, line) => sum.plus(line.base), ZERO);
        const first = new Decimal(tiers[0]!.from);
        expect(covered).toEqualDecimal(Decimal.max(0, new Decimal(amount).minus(first)));
      }),
      { numRuns: runs(200) },
    );
  });

  it("never pays less for a larger amount (non-negative rates)", () => {
    fc.assert(
      fc.property(
        tierList,
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 1000 }),
        (tiers, amount, more) => {
          const low = tieredBonus(amount, tiers, { mode: "progressive" }).bonus;
          const high = tieredBonus(amount + more, tiers, { mode: "progressive" }).bonus;
          expect(high.gte(low)).toBe(true);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
