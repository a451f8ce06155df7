// No NaN, no ±Infinity and no −0 in any result: every export of "targetree" that returns numbers
// is called with generated valid inputs (zeros, negatives, tiny and large values, sign edges), and
// every numeric field of its result is walked — Decimals, numbers, bigints, nested arrays and
// records, and numbers written as text ("-0" is as wrong as −0). A typed TargetreeError is a fine
// answer to an input; any other exception fails. The last test keeps the list whole: a new export
// must be called here or skipped with a reason.
import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import * as targetree from "targetree";
import {
  achievement,
  achievementHeatmapChart,
  allocate,
  attribute,
  binaryNode,
  booleanNode,
  breakback,
  breakEvenRevenue,
  bridgeChart,
  buildPlan,
  burnUpChart,
  callNode,
  cascade,
  chinaArrangement,
  chinaCalendar,
  compareNode,
  compileCalendar,
  compileModel,
  compileRules,
  consecutiveMisses,
  crossCell,
  crossSplit,
  decompositionChart,
  defineModel,
  dependsOn,
  evaluate,
  evaluateFormula,
  evaluateRules,
  explain,
  flagBigMoves,
  flattenTree,
  formatAmount,
  formatPercent,
  formulaNames,
  formulasEqual,
  funnel,
  gap,
  growth,
  growthPath,
  growthSeries,
  improvementProgress,
  lintPlan,
  listDays,
  logicalNode,
  type Numeric,
  nameNode,
  notNode,
  numberNode,
  paceGap,
  parseAmount,
  parseFormula,
  parseHolidayArrangement,
  powerNode,
  printFormula,
  productNode,
  projectRunRate,
  provisionalChinaArrangement,
  readPlanDocument,
  reconcile,
  renderPlan,
  renderTree,
  replan,
  requiredGrowth,
  requiredRunRate,
  revenueModel,
  roi,
  scorecard,
  sensitivity,
  solveFor,
  solveMultiplier,
  splitByPeriod,
  splitByPeriodTree,
  splitByShares,
  splitEvenly,
  splitManyByPeriod,
  sumNode,
  TargetreeError,
  teamHealth,
  tieredBonus,
  timeProgress,
  toDecimal,
  toPlain,
  tornadoChart,
  trackPlan,
  unaryNode,
  visitPlan,
  workingDays,
} from "targetree";
import { describe, expect, it } from "vitest";
import { runs } from "../_support/runs.js";

/** Where a bad number sits in a result, and what it is. */
function badNumbers(value: unknown, path = "result", seen = new Set<object>()): string[] {
  if (value instanceof DecimalJs) {
    if (value.isNaN()) return [`${path} is NaN`];
    if (!value.isFinite()) return [`${path} is ${value.toString()}`];
    return value.isZero() && value.isNegative() ? [`${path} is −0`] : [];
  }
  if (typeof value === "number") {
    if (Number.isNaN(value) || !Number.isFinite(value)) return [`${path} is ${value}`];
    return Object.is(value, -0) ? [`${path} is −0`] : [];
  }
  if (typeof value === "bigint") return [];
  if (typeof value === "string") {
    // A number written out: "-0", "-0.00", "NaN", "Infinity".
    return /^-0(\.0*)?$|^[-+]?(NaN|Infinity)$/.test(value.trim()) ? [`${path} is "${value}"`] : [];
  }
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  if (value instanceof Map) {
    return [...value].flatMap(([key, item]) =>
      badNumbers(item, `${path}.get(${String(key)})`, seen),
    );
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => badNumbers(item, `${path}[${index}]`, seen));
  }
  return Object.keys(value).flatMap((key) =>
    badNumbers((value as Record<string, unknown>)[key], `${path}.${key}`, seen),
  );
}

/** Generated inputs every call draws from. */
interface Given {
  readonly a: Numeric;
  readonly b: Numeric;
  readonly c: Numeric;
  readonly d: Numeric;
  readonly count: number;
  readonly day: string;
  readonly later: boolean;
}

const EDGES: readonly Numeric[] = [
  0,
  -0,
  "0",
  "-0",
  "0.00",
  1,
  -1,
  2,
  -2,
  "0.5",
  "-0.5",
  "0.01",
  "-0.01",
  "1e-9",
  "-1e-9",
  "1万",
  "-1万",
  "25%",
  "-25%",
  "1e12",
  "-1e12",
];

const amount: fc.Arbitrary<Numeric> = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGES), weight: 3 },
  { arbitrary: fc.integer({ min: -1000, max: 1000 }), weight: 2 },
  {
    arbitrary: fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -6, max: 6 }))
      .map(([digits, exponent]) => `${digits}e${exponent}`),
    weight: 2,
  },
  { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 1 },
);

const given: fc.Arbitrary<Given> = fc.record({
  a: amount,
  b: amount,
  c: amount,
  d: amount,
  count: fc.integer({ min: 1, max: 6 }),
  day: fc
    .integer({ min: 0, max: 89 })
    .map((offset) => new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10)),
  later: fc.boolean(),
});

const calendar = chinaCalendar();
const quarter = { start: "2026-01-01", end: "2026-03-31", calendar } as const;
const dec = (value: Numeric) => toDecimal(value);
/** A non-negative whole amount as text, from any generated amount. */
const whole = (value: Numeric) => dec(value).abs().round().toFixed();
/** Any generated amount, as a non-negative value. */
const size = (value: Numeric) => dec(value).abs().toFixed();
const model = () => defineModel({ y: "a * b - c", z: "y / (a * a + 1) + c * c" });
const inputsOf = (g: Given) => ({ a: g.a, b: g.b, c: g.c });
const formulaText = (g: Given) =>
  `${dec(g.a).toFixed()} * x - ${dec(g.b).toFixed()} / (y * y + 1) + ${dec(g.c).toFixed()}`;
const planDocument = (g: Given) => ({
  version: 1,
  target: whole(g.a),
  unit: 1,
  period: { start: "2026-01-01", end: "2026-03-31", grains: ["month"] },
  organization: {
    name: "公司",
    children: [
      { name: "华东", weight: size(g.b) },
      { name: "华南", weight: size(g.c) },
    ],
  },
});
const plan = (g: Given) => buildPlan(planDocument(g));
const tree = (g: Given) =>
  cascade(whole(g.a), {
    children: [
      { name: "华东", weight: size(g.b), children: [{ name: "张三" }, { name: "李四" }] },
      { name: "华南", weight: size(g.c) },
    ],
  });
const cross = (g: Given) =>
  crossSplit(
    g.a,
    { product: { 粮油: size(g.b), 日化: size(g.c) }, region: { 华东: 1, 华南: size(g.d) } },
    {
      split: "weights",
      roundTotal: true,
    },
  );
const rows = (g: Given) => [
  { region: "华东", actual: g.a, target: g.b },
  { region: "华南", actual: g.c, target: g.d },
  { region: "华东", actual: g.d, target: g.a },
];

/** Every export that returns numbers, called on generated inputs. */
const tracked = (g: Given) =>
  trackPlan(plan(g), [{ node: "公司/华东", date: "2026-01-05", actual: g.c }], { asOf: g.day });

const CALLS: Readonly<Record<string, (g: Given) => unknown>> = {
  // numbers
  toDecimal: (g) => toDecimal(g.a),
  parseAmount: (g) => parseAmount(String(g.a)),
  formatAmount: (g) => formatAmount(g.a, { digits: 2 }),
  formatPercent: (g) => formatPercent(g.a),
  toPlain: (g) => toPlain({ a: dec(g.a), b: [dec(g.b).times(dec(g.c))] }, { digits: 2 }),
  // the formula language
  numberNode: (g) => numberNode(size(g.a)),
  booleanNode: (g) => booleanNode(g.later),
  nameNode: () => nameNode("x"),
  unaryNode: (g) => unaryNode("-", numberNode(size(g.a))),
  notNode: (g) => notNode(booleanNode(g.later)),
  sumNode: (g) => sumNode(numberNode(size(g.a)), [{ op: "-", operand: numberNode(size(g.b)) }]),
  productNode: (g) =>
    productNode(numberNode(size(g.a)), [{ op: "*", operand: numberNode(size(g.b)) }]),
  powerNode: (g) => powerNode(numberNode(size(g.a)), numberNode(g.count)),
  compareNode: (g) => compareNode("<", numberNode(size(g.a)), numberNode(size(g.b))),
  logicalNode: (g) => logicalNode("and", [booleanNode(g.later), booleanNode(true)]),
  callNode: (g) => callNode("max", [numberNode(size(g.a)), unaryNode("-", numberNode(size(g.b)))]),
  binaryNode: (g) => binaryNode("*", unaryNode("-", numberNode(size(g.a))), numberNode(size(g.b))),
  parseFormula: (g) => parseFormula(formulaText(g)),
  evaluateFormula: (g) => evaluateFormula(formulaText(g), { x: g.b, y: g.d }),
  printFormula: (g) => printFormula(parseFormula(formulaText(g))),
  formulaNames: (g) => formulaNames(formulaText(g)),
  formulasEqual: (g) => formulasEqual(parseFormula(formulaText(g)), parseFormula("x")),
  // models and analysis
  defineModel: (g) => defineModel({ y: "a * b" }, { inputs: { a: { min: g.a } } }),
  revenueModel: () => revenueModel(),
  evaluate: (g) => evaluate(model(), inputsOf(g)),
  compileModel: (g) => {
    const compiled = compileModel(model());
    return [compiled.evaluate(inputsOf(g)), compiled.output("z")(inputsOf(g))];
  },
  explain: (g) => explain(model(), inputsOf(g)),
  renderTree: (g) => renderTree(model(), inputsOf(g)),
  dependsOn: () => dependsOn(model(), "z", "b"),
  solveFor: (g) => solveFor(model(), { output: "y", target: g.d, vary: "a", inputs: inputsOf(g) }),
  solveMultiplier: (g) =>
    solveMultiplier(model(), {
      output: "y",
      target: g.d,
      vary: ["a", "b"],
      inputs: inputsOf(g),
      wholeNumber: g.later,
    }),
  sensitivity: (g) =>
    sensitivity(model(), {
      output: g.later ? "y" : "z",
      inputs: inputsOf(g),
      ...(g.later ? { step: g.d, stepKind: "absolute" as const } : {}),
    }),
  attribute: (g) =>
    attribute(model(), {
      output: g.later ? "y" : "z",
      base: inputsOf(g),
      actual: { a: g.b, b: g.c, c: g.d },
      method: g.count % 2 === 0 ? "chain" : "shapley",
    }),
  reconcile: (g) =>
    reconcile(model(), { output: "y", target: g.d, vary: ["a", "c"], inputs: inputsOf(g) }),
  // splits
  allocate: (g) =>
    allocate(g.a, { x: size(g.b), y: size(g.c), z: size(g.d) }, { unit: 1, roundTotal: true }),
  splitByShares: (g) => splitByShares(g.a, { x: "40%", y: "35%" }, { unit: 1, roundTotal: true }),
  splitEvenly: (g) => splitEvenly(g.a, g.count, { roundTotal: true }),
  cascade: (g) => tree(g),
  flattenTree: (g) => flattenTree(tree(g)),
  breakback: (g) => breakback(tree(g), { path: ["华东", "张三"], value: whole(g.d) }),
  crossSplit: (g) => cross(g),
  crossCell: (g) => crossCell(cross(g), { product: "粮油", region: "华南" }),
  // time
  chinaCalendar: () => chinaCalendar(),
  compileCalendar: () =>
    compileCalendar({ weekend: [6, 7], holidays: ["2026-05-01"], years: [2026] }),
  chinaArrangement: () => chinaArrangement(2026),
  provisionalChinaArrangement: (g) => provisionalChinaArrangement(2026 + g.count),
  parseHolidayArrangement: () =>
    parseHolidayArrangement({
      year: 2027,
      holidays: [{ name: "元旦", days: ["2027-01-01/2027-01-03"] }],
    }),
  workingDays: (g) => workingDays("2026-01-01", g.day, calendar),
  listDays: (g) => listDays("2026-01-01", g.day, calendar),
  timeProgress: (g) => timeProgress(g.day, quarter),
  splitByPeriod: (g) =>
    splitByPeriod(g.a, { ...quarter, grain: g.later ? "week" : "month", roundTotal: true }),
  splitManyByPeriod: (g) =>
    splitManyByPeriod([g.a, g.b], {
      ...quarter,
      grain: "month",
      roundTotal: true,
      as: g.later ? "units" : "decimal",
    }),
  splitByPeriodTree: (g) =>
    splitByPeriodTree(g.a, { ...quarter, grains: ["month", "week"], roundTotal: true }),
  growthPath: (g) => growthPath(g.a, g.b, g.count, { method: g.later ? "cagr" : "linear" }),
  requiredGrowth: (g) => requiredGrowth(g.a, g.b, g.count),
  // measuring
  gap: (g) =>
    gap({
      actual: g.a,
      target: g.b,
      direction: g.later ? "lower" : "higher",
      basis: g.count % 2 === 0 ? "actual" : "target",
    }),
  achievement: (g) =>
    achievement({ actual: g.a, target: g.b, direction: g.later ? "lower" : "higher" }),
  growth: (g) => growth(g.a, g.b),
  growthSeries: (g) => growthSeries([g.a, g.b, g.c, g.d]),
  improvementProgress: (g) => improvementProgress({ baseline: g.a, actual: g.b, target: g.c }),
  flagBigMoves: (g) =>
    flagBigMoves(
      { 华东: { previous: g.a, actual: g.b }, 华南: { previous: g.c, actual: g.d } },
      "30%",
    ),
  paceGap: (g) => paceGap({ actual: g.a, target: g.b, asOf: g.day, ...quarter }),
  projectRunRate: (g) => projectRunRate({ actual: g.a, asOf: g.day, ...quarter }),
  requiredRunRate: (g) => requiredRunRate({ target: g.b, actual: g.a, asOf: g.day, ...quarter }),
  compileRules: () => compileRules([{ id: "low", when: "x < 3", recommend: "call" }]),
  evaluateRules: (g) =>
    evaluateRules([{ id: "low", when: "x * y < 3", recommend: "call" }], { x: g.a, y: g.b }),
  consecutiveMisses: (g) => consecutiveMisses(rows(g)),
  scorecard: (g) => scorecard(rows(g), ["region"]),
  teamHealth: (g) => teamHealth(rows(g)),
  // activity
  funnel: (g) => funnel(size(g.a), [{ name: "visits", perNext: size(g.b) }]),
  visitPlan: (g) => visitPlan({ A: g.count, B: 2 * g.count }, { start: "2026-01-01", end: g.day }),
  breakEvenRevenue: (g) => breakEvenRevenue({ fixedCosts: g.a, grossMargin: g.b }),
  roi: (g) => roi({ revenue: g.a, cost: g.b }),
  tieredBonus: (g) =>
    tieredBonus(g.a, [
      { from: 0, rate: "1%" },
      { from: size(g.b), rate: "3%" },
    ]),
  // the plan
  readPlanDocument: (g) => readPlanDocument(planDocument(g)),
  lintPlan: (g) => lintPlan(planDocument(g)),
  buildPlan: (g) => plan(g),
  trackPlan: (g) =>
    trackPlan(plan(g), [{ node: "公司/华东", date: "2026-01-05", actual: g.c }], { asOf: g.day }),
  replan: (g) => replan(plan(g), { node: "公司/华东", by: whole(g.d), from: "2026-02-01" }),
  renderPlan: (g) => renderPlan(plan(g), { format: g.later ? "csv" : "md" }),
  // the pictures
  bridgeChart: (g) =>
    bridgeChart(
      attribute(model(), {
        output: "y",
        base: inputsOf(g),
        actual: { a: g.b, b: g.c, c: g.d },
        method: g.count % 2 === 0 ? "chain" : "shapley",
      }),
    ),
  tornadoChart: (g) => tornadoChart(sensitivity(model(), { output: "y", inputs: inputsOf(g) })),
  burnUpChart: (g) => burnUpChart(tracked(g), { node: "公司/华东" }),
  decompositionChart: (g) => decompositionChart(plan(g), g.later ? { tracking: tracked(g) } : {}),
  achievementHeatmapChart: (g) => achievementHeatmapChart(tracked(g)),
};

/** Constants: their values are walked as they are. */
const CONSTANTS = [
  "DEFAULT_WORK_BUDGET",
  "ERROR_CODES",
  "MAX_AMOUNT_LENGTH",
  "MAX_COSTLY_POWERS",
  "MAX_CROSS_CELLS",
  "MAX_DIGITS",
  "MAX_EXPONENT",
  "MAX_FORMULA_LENGTH",
  "MAX_FORMULA_NODES",
  "MAX_NESTING_DEPTH",
  "MAX_SHAPLEY_INPUTS",
  "MAX_SPLIT_DIGITS",
  "MAX_SPLIT_PARTS",
  "MAX_TREE_NODES",
  "MIN_EXPONENT",
  "PRECISION",
  "STANDARD_VISIT_CADENCES",
] as const;

/** Exports not called here, each with the reason. */
const SKIPPED: Readonly<Record<string, string>> = {
  TargetreeError: "the error class; its instances carry a code, a message and a path, no results",
  allocateSQL:
    "returns SQL text; the numbers it computes are checked equal to allocate's in test/sql",
  cascadeSQL:
    "returns SQL text; the numbers it computes are checked equal to cascade's in test/sql",
  splitByPeriodSQL:
    "returns SQL text; the numbers it computes are checked equal to splitByPeriod's in test/sql",
  calendarTableSQL: "returns SQL text: listDays's days as a table",
  modelToSQL:
    "returns SQL text; the numbers it computes are checked equal to evaluate's in test/sql",
};

describe("no NaN, no infinity and no −0 in any result", () => {
  it.each(Object.keys(CALLS))("%s", (name) => {
    const call = CALLS[name]!;
    fc.assert(
      fc.property(given, (g) => {
        let result: unknown;
        try {
          result = call(g);
        } catch (error) {
          if (error instanceof TargetreeError) return;
          throw error;
        }
        expect(badNumbers(result)).toEqual([]);
      }),
      { numRuns: runs(80) },
    );
  });

  it("holds for the exported constants", () => {
    const exports = targetree as unknown as Record<string, unknown>;
    for (const name of CONSTANTS) expect(badNumbers(exports[name], name)).toEqual([]);
  });

  it("calls every export of targetree or names why not", () => {
    const exported = Object.keys(targetree).sort();
    const listed = [...Object.keys(CALLS), ...CONSTANTS, ...Object.keys(SKIPPED)].sort();
    expect(listed).toEqual(exported);
  });

  it("finds what it looks for", () => {
    const minusZero = new DecimalJs(-0);
    expect(badNumbers({ a: [1, { b: minusZero }] })).toEqual(["result.a[1].b is −0"]);
    expect(badNumbers([Number.NaN, Number.NEGATIVE_INFINITY, -0, 0n, "-0.00", "0"])).toEqual([
      "result[0] is NaN",
      "result[1] is -Infinity",
      "result[2] is −0",
      'result[4] is "-0.00"',
    ]);
    expect(badNumbers(new DecimalJs(Number.NaN))).toEqual(["result is NaN"]);
    expect(badNumbers(new Map([["k", new DecimalJs(Number.POSITIVE_INFINITY)]]))).toEqual([
      "result.get(k) is Infinity",
    ]);
  });
});
