import fc from "fast-check";
import { type ScorecardNode, scorecard } from "targetree";
import { describe, expect, it } from "vitest";
import { Decimal, ZERO } from "../../src/_lib/decimal.js";
import { deepFreeze, errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const rows = [
  { region: "华东", rep: "王", product: "A", target: "30万", actual: "27万" },
  { region: "华东", rep: "王", product: "B", target: "20万", actual: "18万" },
  { region: "华东", rep: "李", product: "A", target: "30万", actual: "33万" },
  { region: "华南", rep: "张", product: "A", target: "20万", actual: "10万" },
];

describe("scorecard", () => {
  it("rolls completion up from product to salesperson to region to total", () => {
    const card = scorecard(rows, ["region", "rep", "product"]);
    expect(card.total.target.toString()).toBe("1000000");
    expect(card.total.actual.toString()).toBe("880000");
    expect(card.total.gap.toString()).toBe("120000");
    expect(card.total.gapRate!.toString()).toBe("0.12");
    expect(card.total.achievement!.toString()).toBe("0.88");
    expect(card.total.count).toBe(4);
    expect(card.total.level).toBeNull();
    expect(card.total.depth).toBe(0);
    expect(card.rows.every((row) => row.reason === null)).toBe(true);
    const east = card.total.children[0]!;
    expect([
      east.key,
      east.level,
      east.depth,
      east.target.toString(),
      east.actual.toString(),
    ]).toEqual(["华东", "region", 1, "800000", "780000"]);
    expect(east.children.map((child) => child.path)).toEqual([
      ["华东", "王"],
      ["华东", "李"],
    ]);
    expect(card.rows.map((row) => row.key)).toEqual([
      "total",
      "华东",
      "王",
      "A",
      "B",
      "李",
      "A",
      "华南",
      "张",
      "A",
    ]);
  });

  it("ranks siblings by achievement, best first", () => {
    const card = scorecard(rows, ["region", "rep"]);
    expect(card.rows.map((row) => `${row.key}#${row.rank ?? "-"}`)).toEqual([
      "total#-",
      "华东#1",
      "王#2",
      "李#1",
      "华南#2",
      "张#1",
    ]);
  });

  it("gives tied siblings the same rank and skips the next (1, 2, 2, 4)", () => {
    const card = scorecard(
      [
        { rep: "a", target: 100, actual: 100 },
        { rep: "b", target: 100, actual: 90 },
        { rep: "c", target: 200, actual: 180 },
        { rep: "d", target: 100, actual: 50 },
      ],
      ["rep"],
    );
    expect(card.total.children.map((child) => child.rank)).toEqual([1, 2, 2, 4]);
  });

  it("ranks by gap rate or actual on request, and lower-is-better by the smaller actual", () => {
    const data = [
      { rep: "a", target: 100, actual: 120 },
      { rep: "b", target: 1000, actual: 1100 },
    ];
    expect(
      scorecard(data, ["rep"], { rankBy: "gapRate" }).total.children.map((c) => c.rank),
    ).toEqual([1, 2]);
    expect(
      scorecard(data, ["rep"], { rankBy: "actual" }).total.children.map((c) => c.rank),
    ).toEqual([2, 1]);
    const costs = scorecard(data, ["rep"], { rankBy: "actual", direction: "lower" });
    expect(costs.total.children.map((c) => c.rank)).toEqual([1, 2]);
    expect(costs.total.children[0]!.achievement!.toFixed(4)).toBe("0.8333");
    expect(costs.total.children[0]!.met).toBe(false);
  });

  it("gives a zero-target row a null achievement with a reason, ranked last", () => {
    const card = scorecard(
      [
        { rep: "new", target: 0, actual: 10 },
        { rep: "old", target: 100, actual: 50 },
      ],
      ["rep"],
    );
    const [fresh, old] = card.total.children;
    expect(fresh!.achievement).toBeNull();
    expect(fresh!.gapRate).toBeNull();
    expect(fresh!.reason).toMatch(/target is zero/);
    expect(fresh!.rank).toBe(2);
    expect(old!.rank).toBe(1);
  });

  it("explains each null figure: both for a zero target, one or the other when lower is better", () => {
    const zeroTarget = scorecard([{ rep: "a", target: 0, actual: 10 }], ["rep"]).total;
    expect(zeroTarget.reason).toBe(
      "The target is zero, so achievement (actual / target) is undefined. The target is zero, so the gap rate is undefined.",
    );
    const noSpend = scorecard([{ rep: "a", target: 100, actual: 0 }], ["rep"], {
      direction: "lower",
    }).total;
    expect(noSpend.achievement).toBeNull();
    expect(noSpend.gapRate!.toString()).toBe("-1");
    expect(noSpend.reason).toBe(
      "The actual is zero, so achievement for a lower-is-better metric (target / actual) is undefined.",
    );
    const noBudget = scorecard([{ rep: "a", target: 0, actual: 10 }], ["rep"], {
      direction: "lower",
    }).total;
    expect(noBudget.achievement!.toString()).toBe("0");
    expect(noBudget.gapRate).toBeNull();
    expect(noBudget.reason).toBe("The target is zero, so the gap rate is undefined.");
  });

  it("ranks a row without a gap rate last when ranking by gap rate", () => {
    const card = scorecard(
      [
        { rep: "new", target: 0, actual: 10 },
        { rep: "behind", target: 100, actual: 50 },
        { rep: "ahead", target: 100, actual: 150 },
      ],
      ["rep"],
      { rankBy: "gapRate" },
    );
    expect(card.total.children.map((child) => [child.key, child.rank])).toEqual([
      ["new", 3],
      ["behind", 2],
      ["ahead", 1],
    ]);
  });

  it("takes finite numbers as dimension values, as their decimal text", () => {
    const card = scorecard(
      [
        { year: 2024, target: 1, actual: 1 },
        { year: 2025, target: 1, actual: 2 },
      ],
      ["year"],
    );
    expect(card.total.children.map((child) => child.key)).toEqual(["2024", "2025"]);
    const error = expectCode(
      () => scorecard([{ year: Number.NaN, target: 1, actual: 1 }], ["year"]),
      "INVALID_ARGUMENT",
      ["rows", 0, "year"],
    );
    expect(error.message).toMatch(
      /Every row needs a non-empty string value for each level, got NaN/,
    );
  });

  it("sums input rows that share a path, and names the total", () => {
    const card = scorecard(
      [
        { rep: "a", target: 1, actual: 2 },
        { rep: "a", target: 3, actual: 4 },
      ],
      ["rep"],
      { totalKey: "全国" },
    );
    expect(card.total.key).toBe("全国");
    expect(card.total.children).toHaveLength(1);
    expect(card.total.children[0]!.count).toBe(2);
    expect(card.total.children[0]!.actual.toString()).toBe("6");
  });

  it("treats __proto__ and constructor as ordinary dimension values", () => {
    const card = scorecard(
      [
        { rep: "__proto__", target: 1, actual: 1 },
        { rep: "constructor", target: 1, actual: 1 },
      ],
      ["rep"],
    );
    expect(card.total.children.map((child) => child.key)).toEqual(["__proto__", "constructor"]);
  });

  it("does not mutate frozen input", () => {
    const frozen = deepFreeze(rows.map((row) => ({ ...row })));
    scorecard(frozen, ["region"]);
    expect(frozen).toEqual(rows);
  });

  it("rejects missing dimensions, bad figures, bad levels and bad options", () => {
    expectCode(() => scorecard([{ target: 1, actual: 1 }], ["region"]), "INVALID_ARGUMENT", [
      "rows",
      0,
      "region",
    ]);
    expectCode(
      () => scorecard([{ rep: "a", target: 0 / 0, actual: 1 }], ["rep"]),
      "INVALID_NUMBER",
      ["rows", 0, "target"],
    );
    expectCode(
      () => scorecard([{ rep: "a", target: null as never, actual: 1 }], ["rep"]),
      "INVALID_NUMBER",
      ["rows", 0, "target"],
    );
    expectCode(() => scorecard([], []), "INVALID_ARGUMENT", ["levels"]);
    expectCode(() => scorecard([], ["a", "a"]), "INVALID_ARGUMENT", ["levels", 1]);
    expectCode(() => scorecard([], ["target"]), "INVALID_ARGUMENT", ["levels", 0]);
    expectCode(() => scorecard([], ["a"], { rankBy: "luck" as never }), "INVALID_ARGUMENT", [
      "options",
      "rankBy",
    ]);
    expectCode(() => scorecard({} as never, ["a"]), "INVALID_ARGUMENT", ["rows"]);
  });

  it("says what is wrong with levels, rows and options, and where", () => {
    const message = (run: () => unknown) => errorOf(run).message;
    expect(message(() => scorecard([], []))).toMatch(
      /levels must be a non-empty array of field names/,
    );
    for (const level of ["", "target", "actual"]) {
      const error = expectCode(() => scorecard([], ["a", level]), "INVALID_ARGUMENT", [
        "levels",
        1,
      ]);
      expect(error.message).toMatch(
        /levels\[1\] must name a dimension field other than target and actual/,
      );
    }
    expect(message(() => scorecard([], ["a", "a"]))).toMatch(/The level "a" repeats/);
    expect(message(() => scorecard([{ target: 1, actual: 1 }], ["region"]))).toMatch(
      /Every row needs a non-empty string value for each level, got undefined/,
    );
    expect(message(() => scorecard({} as never, ["a"]))).toMatch(/rows must be an array/);
    const row = expectCode(() => scorecard([null as never], ["a"]), "INVALID_ARGUMENT", [
      "rows",
      0,
    ]);
    expect(row.message).toMatch(/rows\[0\] must be an object, got null/);
    const options = expectCode(() => scorecard([], ["a"], 5 as never), "INVALID_ARGUMENT", [
      "options",
    ]);
    expect(options.message).toMatch(/options must be an object, got 5/i);
    expectCode(() => scorecard([], ["a"], { direction: "up" as never }), "INVALID_ARGUMENT", [
      "options",
      "direction",
    ]);
    const totalKey = expectCode(
      () => scorecard([], ["a"], { totalKey: 5 as never }),
      "INVALID_ARGUMENT",
      ["options", "totalKey"],
    );
    expect(totalKey.message).toMatch(/totalKey must be a string/);
  });

  it("refuses a misspelt option with UNKNOWN_OPTION, but keeps rows open to any field", () => {
    const typo = expectCode(
      () => scorecard([], ["a"], { rankby: "actual" } as never),
      "UNKNOWN_OPTION",
      ["options", "rankby"],
    );
    expect(typo.message).toMatch(/Did you mean "rankBy"\?/);
    const card = scorecard([{ a: "x", target: 2, actual: 1, note: "any field" } as never], ["a"]);
    expect(card.total.achievement?.toString()).toBe("0.5");
  });

  it("refuses sums and ratios past the supported magnitude with NUMBER_TOO_LARGE", () => {
    const rows = [
      { region: "a", target: "9e999", actual: 1 },
      { region: "a", target: "9e999", actual: 1 },
    ];
    const target = expectCode(() => scorecard(rows, ["region"]), "NUMBER_TOO_LARGE", [
      "rows",
      1,
      "target",
    ]);
    expect(target.message).toMatch(/A summed target is outside the supported magnitude/);
    const actuals = [
      { region: "a", target: 1, actual: "9e999" },
      { region: "a", target: 1, actual: "9e999" },
    ];
    const actual = expectCode(() => scorecard(actuals, ["region"]), "NUMBER_TOO_LARGE", [
      "rows",
      1,
      "actual",
    ]);
    expect(actual.message).toMatch(/A summed actual is outside the supported magnitude/);
    const difference = expectCode(
      () => scorecard([{ region: "a", target: "9e999", actual: "-9e999" }], ["region"]),
      "NUMBER_TOO_LARGE",
      ["rows"],
    );
    expect(difference.message).toMatch(/A gap is outside the supported magnitude/);
    const rate = expectCode(
      () => scorecard([{ region: "a", target: "1e-999", actual: "1e999" }], ["region"]),
      "NUMBER_TOO_LARGE",
      ["rows"],
    );
    expect(rate.message).toMatch(/A gap rate is outside the supported magnitude/);
    const ratio = expectCode(
      () =>
        scorecard([{ region: "a", target: "1e999", actual: "1e-999" }], ["region"], {
          direction: "lower",
        }),
      "NUMBER_TOO_LARGE",
      ["rows"],
    );
    expect(ratio.message).toMatch(/The achievement is outside the supported magnitude/);
  });
});

const cents = fc.integer({ min: 0, max: 10_000_000 }).map((value) => new Decimal(value).div(100));
const inputRow = fc.record({
  region: fc.constantFrom("东", "南", "西", "北"),
  rep: fc.constantFrom("a", "b", "c", "__proto__"),
  product: fc.constantFrom("A", "B"),
  target: cents,
  actual: cents,
});

function check(node: ScorecardNode): void {
  if (node.children.length === 0) return;
  const target = node.children.reduce((sum, child) => sum.plus(child.target), ZERO);
  const actual = node.children.reduce((sum, child) => sum.plus(child.actual), ZERO);
  expect(target).toEqualDecimal(node.target);
  expect(actual).toEqualDecimal(node.actual);
  expect(node.children.reduce((sum, child) => sum + child.count, 0)).toBe(node.count);
  node.children.forEach(check);
}

describe("properties", () => {
  it("rolls up exactly: every row's target and actual are the sums of its children's", () => {
    fc.assert(
      fc.property(fc.array(inputRow, { maxLength: 30 }), (data) => {
        const card = scorecard(data, ["region", "rep", "product"]);
        check(card.total);
        const target = data.reduce((sum, row) => sum.plus(row.target), ZERO);
        expect(card.total.target).toEqualDecimal(target);
      }),
      { numRuns: runs(150) },
    );
  });

  it("ranks: a sibling's rank is 1 + the number of strictly better siblings", () => {
    fc.assert(
      fc.property(fc.array(inputRow, { minLength: 1, maxLength: 20 }), (data) => {
        const { total } = scorecard(data, ["rep"]);
        for (const child of total.children) {
          const better = total.children.filter(
            (other) =>
              other.achievement !== null &&
              (child.achievement === null || other.achievement.gt(child.achievement)),
          ).length;
          expect(child.rank).toBe(better + 1);
        }
      }),
      { numRuns: runs(150) },
    );
  });
});
