// The hostile inputs of `npm run stress` (scripts/stress.ts): each case names the exports it
// covers, builds its input (under 10 kB of data, the size a request body or a stored document may
// have), and makes one call. The stress script runs each case in a fresh process with a timeout.
import { Decimal as HostDecimal } from "decimal.js";
import * as core from "targetree";
import * as schema from "targetree/schema";

export interface StressCase {
  /** A short unique name: `export: what is hostile about the input`. */
  readonly name: string;
  /** The exports of targetree and targetree/schema this case calls. */
  readonly covers: readonly string[];
  /** Builds the input (not timed). */
  readonly input: () => unknown;
  /** The timed call. */
  readonly call: (input: never) => unknown;
  /** Plant this name on Object.prototype before targetree is imported (fresh process). */
  readonly pollute?: string;
}

const repeat = (count: number, make: (i: number) => string, separator = " + "): string =>
  Array.from({ length: count }, (_, i) => make(i)).join(separator);

/** A model document near 10 kB: `nodes` formulas of `terms` costly powers each. */
function costlyFormulas(nodes: number, terms: number): Record<string, string> {
  const formulas: Record<string, string> = {};
  for (let n = 0; n < nodes; n++) {
    formulas[`n${n}`] = repeat(terms, (t) => `x${t % 4}^y${n % 3}`, "+");
  }
  formulas.total = repeat(nodes, (n) => `n${n}`, "+");
  return formulas;
}

/** A formula tree of 2·depth objects that stands for 2^depth nodes: `n = n * n`, `depth` times. */
function sharedTree(depth: number): core.FormulaNode {
  let node: core.FormulaNode = core.nameNode("x");
  for (let i = 0; i < depth; i++) node = core.binaryNode("*", node, node);
  return node;
}

/** A cascade tree whose children arrays are shared between siblings: about 3·depth objects. */
function sharedCascade(depth: number): { name: string; children: unknown[] } {
  let children: unknown[] = [{ name: "leaf" }, { name: "leaf2" }];
  for (let i = 0; i < depth; i++) {
    children = [
      { name: `a${i}`, children },
      { name: `b${i}`, children },
    ];
  }
  return { name: "root", children };
}

const REVENUE_INPUTS = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};

const CHAIN = (length: number): Record<string, string> => {
  const formulas: Record<string, string> = { n0: "x + 1" };
  for (let i = 1; i < length; i++) formulas[`n${i}`] = `n${i - 1} * 1.0001 + x`;
  return formulas;
};

const SQRT_TERMS = (count: number): string => repeat(count, (i) => `a${i}^0.5`);
const INPUTS = (count: number, value: number): Record<string, number> =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, value + i]));

const YEAR = { start: "2026-01-01", end: "2026-12-31" };
/** The longest range a call takes (MAX_RANGE_DAYS, 100 years). */
const LONG = { start: "1900-01-01", end: "1999-12-31" };
/** The China calendar's official and provisional years, 2004–2099. */
const CENTURY = { start: "2004-01-01", end: "2099-12-31" };

const nanNode = (): core.FormulaNode =>
  ({ kind: "number", value: new HostDecimal(Number.NaN) }) as unknown as core.FormulaNode;
const infinityNode = (): core.FormulaNode =>
  ({
    kind: "number",
    value: new HostDecimal(Number.POSITIVE_INFINITY),
  }) as unknown as core.FormulaNode;

const wideOrganization = (children: number, grandchildren: number) => ({
  name: "公司",
  children: Array.from({ length: children }, (_, i) => ({
    name: `r${i}`,
    weight: i + 1,
    children: Array.from({ length: grandchildren }, (_, j) => ({ name: `p${j}`, weight: j + 1 })),
  })),
});

const planDocument = (grains: string[], children = 20, grandchildren = 10) => ({
  version: 1,
  target: "1.2亿",
  unit: "0.01",
  period: { ...YEAR, grains },
  organization: wideOrganization(children, grandchildren),
});

const build = (document: unknown) => core.buildPlan(document);

export const CASES: readonly StressCase[] = [
  // --- formulas --------------------------------------------------------------------------------
  {
    name: "parseFormula: 10 kB of nested parentheses",
    covers: ["parseFormula"],
    input: () => `${"(".repeat(4999)}x${")".repeat(4999)}`,
    call: (text: string) => core.parseFormula(text),
  },
  {
    name: "parseFormula: a 10 kB chain of sums",
    covers: ["parseFormula"],
    input: () => repeat(4999, () => "x", "+"),
    call: (text: string) => core.parseFormula(text),
  },
  {
    name: "parseFormula: 10 kB of costly powers",
    covers: ["parseFormula"],
    input: () => repeat(1400, (i) => `a^0.${i + 1}`, "+"),
    call: (text: string) => core.parseFormula(text),
  },
  {
    name: "printFormula: a shared subtree of 2^24 nodes",
    covers: ["printFormula", "binaryNode", "nameNode"],
    input: () => sharedTree(24),
    call: (tree: core.FormulaNode) => core.printFormula(tree),
  },
  {
    name: "printFormula: 9,000 unary minuses",
    covers: ["printFormula", "unaryNode"],
    input: () => {
      let node: core.FormulaNode = core.nameNode("x");
      for (let i = 0; i < 9000; i++) node = core.unaryNode("-", node);
      return node;
    },
    call: (tree: core.FormulaNode) => core.printFormula(tree),
  },
  {
    name: "evaluateFormula: a shared subtree of 2^24 nodes",
    covers: ["evaluateFormula"],
    input: () => sharedTree(24),
    call: (tree: core.FormulaNode) => core.evaluateFormula(tree, { x: "1.0000001" }),
  },
  {
    name: "evaluateFormula: 32 costly powers of long fractions",
    covers: ["evaluateFormula"],
    input: () => repeat(32, (i) => `1.${"7".repeat(60)}${i}^0.${"3".repeat(60)}`),
    call: (text: string) => core.evaluateFormula(text, {}),
  },
  {
    name: "evaluateFormula: huge exponents",
    covers: ["evaluateFormula"],
    input: () => "9^9^9^9 + 10^999999999 + 0.5^999999999",
    call: (text: string) => core.evaluateFormula(text, {}),
  },
  {
    name: "evaluateFormula: a NaN literal node",
    covers: ["evaluateFormula"],
    input: () => core.sumNode(nanNode(), [{ op: "+", operand: core.numberNode(1) }]),
    call: (tree: core.FormulaNode) => core.evaluateFormula(tree, {}),
  },
  {
    name: "evaluateFormula: an Infinity literal times zero",
    covers: ["evaluateFormula", "productNode", "numberNode"],
    input: () => core.productNode(core.numberNode(0), [{ op: "*", operand: infinityNode() }]),
    call: (tree: core.FormulaNode) => core.evaluateFormula(tree, {}),
  },
  {
    name: "formulaNames: 2,000 distinct names",
    covers: ["formulaNames"],
    input: () => repeat(2000, (i) => `v${i}`, "+"),
    call: (text: string) => core.formulaNames(text),
  },
  {
    name: "formulasEqual: two shared subtrees of 2^24 nodes",
    covers: ["formulasEqual"],
    input: () => [sharedTree(24), sharedTree(24)],
    call: ([a, b]: [core.FormulaNode, core.FormulaNode]) => core.formulasEqual(a, b),
  },
  {
    name: "sumNode: 5,000 links",
    covers: ["sumNode", "numberNode"],
    input: () =>
      Array.from({ length: 5000 }, (_, i) => ({ op: "+" as const, operand: core.numberNode(i) })),
    call: (links: core.ChainLink<"+">[]) =>
      core.printFormula(core.sumNode(core.numberNode(1), links)),
  },
  {
    name: "powerNode / compareNode / notNode / booleanNode / logicalNode: shared towers",
    covers: ["powerNode", "compareNode", "notNode", "booleanNode", "logicalNode"],
    input: () => {
      let power: core.FormulaNode = core.numberNode("1.5");
      for (let i = 0; i < 20; i++) power = core.powerNode(power, power);
      let condition: core.FormulaNode = core.compareNode("<", power, core.numberNode(2));
      for (let i = 0; i < 20; i++) {
        condition = core.logicalNode("and", [
          core.notNode(condition),
          core.booleanNode(true),
          condition,
        ]);
      }
      return condition;
    },
    call: (tree: core.FormulaNode) => core.evaluateFormula(tree, {}),
  },
  {
    name: "callNode: 40 nested rounds of 2^0.5",
    covers: ["callNode"],
    input: () => {
      let node: core.FormulaNode = core.parseFormula("2^0.5");
      for (let i = 0; i < 40; i++) node = core.callNode("round", [node, core.numberNode(60)]);
      return node;
    },
    call: (tree: core.FormulaNode) => core.evaluateFormula(tree, {}),
  },
  // --- models ----------------------------------------------------------------------------------
  {
    name: "defineModel + evaluate: 75 nodes of 32 costly powers (10 kB)",
    covers: ["defineModel", "evaluate"],
    input: () => costlyFormulas(75, 32),
    call: (formulas: Record<string, string>) =>
      core.evaluate(core.defineModel(formulas), {
        x0: "1.1",
        x1: "1.2",
        x2: "1.3",
        x3: "1.4",
        y0: "0.5",
        y1: "0.7",
        y2: "0.9",
      }),
  },
  {
    name: "compileModel: 75 nodes of 32 costly powers, one row",
    covers: ["compileModel"],
    input: () => core.defineModel(costlyFormulas(75, 32)),
    call: (model: core.Model) =>
      core.compileModel(model).evaluate({
        x0: "1.1",
        x1: "1.2",
        x2: "1.3",
        x3: "1.4",
        y0: "0.5",
        y1: "0.7",
        y2: "0.9",
      }),
  },
  {
    name: "explain: a chain of 400 nodes",
    covers: ["explain"],
    input: () => core.defineModel(CHAIN(400)),
    call: (model: core.Model) => core.explain(model, { x: "1.5" }),
  },
  {
    name: "renderTree: a chain of 400 nodes",
    covers: ["renderTree"],
    input: () => core.defineModel(CHAIN(400)),
    call: (model: core.Model) => core.renderTree(model, { x: "1.5" }),
  },
  {
    name: "dependsOn: a chain of 400 nodes",
    covers: ["dependsOn"],
    input: () => core.defineModel(CHAIN(400)),
    call: (model: core.Model) => core.dependsOn(model, "n399", "x"),
  },
  {
    name: "revenueModel: with Object.prototype.unit planted before the import",
    covers: ["revenueModel"],
    pollute: "unit",
    input: () => null,
    call: () => core.evaluate(core.revenueModel(), REVENUE_INPUTS),
  },
  // --- analysis --------------------------------------------------------------------------------
  {
    name: "attribute: Shapley over 12 inputs of a^0.5 terms",
    covers: ["attribute"],
    input: () => core.defineModel({ out: SQRT_TERMS(12) }),
    call: (model: core.Model) =>
      core.attribute(model, {
        output: "out",
        base: INPUTS(12, 2),
        actual: INPUTS(12, 3),
        method: "shapley",
      }),
  },
  {
    name: "attribute: Shapley over 32 terms, 12 inputs",
    covers: ["attribute"],
    input: () => core.defineModel({ out: repeat(32, (i) => `a${i % 12}^0.${(i % 9) + 1}`) }),
    call: (model: core.Model) =>
      core.attribute(model, {
        output: "out",
        base: INPUTS(12, 2),
        actual: INPUTS(12, 3),
        method: "shapley",
      }),
  },
  {
    name: "attribute: Shapley with maxShapleyInputs raised to 20",
    covers: ["attribute"],
    input: () => core.defineModel({ out: SQRT_TERMS(20) }),
    call: (model: core.Model) =>
      core.attribute(model, {
        output: "out",
        base: INPUTS(20, 2),
        actual: INPUTS(20, 3),
        method: "shapley",
        maxShapleyInputs: 20,
      } as never),
  },
  {
    name: "solveFor: x^0.1 + x^0.1 = 2,000,000 up to 1e100",
    covers: ["solveFor"],
    input: () => core.defineModel({ y: "x^0.1 + x^0.1" }, { inputs: { x: { max: "1e100" } } }),
    call: (model: core.Model) =>
      core.solveFor(model, { output: "y", target: 2_000_000, vary: "x", inputs: { x: 1 } }),
  },
  {
    name: "solveFor: 75 nodes of 32 costly powers",
    covers: ["solveFor"],
    input: () => core.defineModel(costlyFormulas(75, 32)),
    call: (model: core.Model) =>
      core.solveFor(model, {
        output: "total",
        target: "1e6",
        vary: "x0",
        inputs: { x0: "1.1", x1: "1.2", x2: "1.3", x3: "1.4", y0: "0.5", y1: "0.7", y2: "0.9" },
      }),
  },
  {
    name: "solveMultiplier: 75 nodes of 32 costly powers",
    covers: ["solveMultiplier"],
    input: () => core.defineModel(costlyFormulas(75, 32)),
    call: (model: core.Model) =>
      core.solveMultiplier(model, {
        output: "total",
        target: "1e6",
        vary: ["x0", "x1"],
        inputs: { x0: "1.1", x1: "1.2", x2: "1.3", x3: "1.4", y0: "0.5", y1: "0.7", y2: "0.9" },
      }),
  },
  {
    name: "sensitivity: 40 nodes of 32 costly powers (5.6 kB)",
    covers: ["sensitivity"],
    input: () => core.defineModel(costlyFormulas(40, 32)),
    call: (model: core.Model) =>
      core.sensitivity(model, {
        output: "total",
        inputs: { x0: "1.1", x1: "1.2", x2: "1.3", x3: "1.4", y0: "0.5", y1: "0.7", y2: "0.9" },
      }),
  },
  {
    name: "reconcile: 75 nodes of 32 costly powers",
    covers: ["reconcile"],
    input: () => core.defineModel(costlyFormulas(75, 32)),
    call: (model: core.Model) =>
      core.reconcile(model, {
        output: "total",
        target: "1e6",
        vary: ["x0", "x1", "x2", "x3"],
        inputs: { x0: "1.1", x1: "1.2", x2: "1.3", x3: "1.4", y0: "0.5", y1: "0.7", y2: "0.9" },
      }),
  },
  // --- splits ----------------------------------------------------------------------------------
  {
    name: "splitEvenly: 10 million parts of 0.01",
    covers: ["splitEvenly"],
    input: () => null,
    call: () => core.splitEvenly("1", 1e7, { unit: "0.01" }),
  },
  {
    name: "splitEvenly: a million parts of 1e-500",
    covers: ["splitEvenly"],
    input: () => null,
    call: () => core.splitEvenly("1", 1e6, { unit: "1e-500" }),
  },
  {
    name: "allocate: 800 weights spanning 1e±999",
    covers: ["allocate"],
    input: () => Array.from({ length: 800 }, (_, i) => (i % 2 === 0 ? "1e999" : "1e-999")),
    call: (weights: string[]) => core.allocate("1e20", weights, { unit: "1e-20" }),
  },
  {
    name: "splitByShares: 900 shares of 1e-900",
    covers: ["splitByShares"],
    input: () => Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`s${i}`, "1e-900"])),
    call: (shares: Record<string, string>) =>
      core.splitByShares(100, shares, { unit: "1e-900", remainder: "rest" }),
  },
  {
    name: "cascade: children arrays shared between siblings, depth 18",
    covers: ["cascade"],
    input: () => sharedCascade(18),
    call: (tree: never) => core.cascade(100, tree),
  },
  {
    name: "breakback: children arrays shared between siblings, depth 18",
    covers: ["breakback"],
    input: () => {
      let children: unknown[] = [
        { name: "leaf", value: 1 },
        { name: "leaf2", value: 2 },
      ];
      for (let i = 0; i < 18; i++) {
        children = [
          { name: `a${i}`, children },
          { name: `b${i}`, children },
        ];
      }
      return { name: "root", children };
    },
    call: (tree: never) => core.breakback(tree, { path: [], value: 1000 }),
  },
  {
    name: "crossSplit: 19 dimensions of 2 parts (524,288 cells)",
    covers: ["crossSplit"],
    input: () =>
      Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`d${i}`, { a: 1, b: 2 }])),
    call: (dimensions: never) => core.crossSplit(100, dimensions, { split: "weights" } as never),
  },
  {
    name: "crossSplit: 450 × 450 weights",
    covers: ["crossSplit"],
    input: () => {
      const side = Object.fromEntries(Array.from({ length: 450 }, (_, i) => [`k${i}`, i + 1]));
      return { a: side, b: side };
    },
    call: (dimensions: never) =>
      core.crossSplit("1e7", dimensions, { split: "weights", unit: 1 } as never),
  },
  {
    name: "crossCell: a cell of a 300 × 300 split",
    covers: ["crossCell"],
    input: () => {
      const side = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, i + 1]));
      return core.crossSplit("1e7", { a: side, b: side }, { split: "weights", unit: 1 } as never);
    },
    call: (split: never) => core.crossCell(split, { a: "k299", b: "k299" }),
  },
  {
    name: "flattenTree: a cascade of 1,000 leaves",
    covers: ["flattenTree"],
    input: () =>
      core.cascade("1e6", {
        children: Array.from({ length: 40 }, (_, i) => ({
          name: `r${i}`,
          children: Array.from({ length: 25 }, (_, j) => ({ name: `p${j}`, weight: j + 1 })),
        })),
      }),
    call: (tree: never) => core.flattenTree(tree),
  },
  // --- time ------------------------------------------------------------------------------------
  {
    name: "workingDays: a hundred years",
    covers: ["workingDays"],
    input: () => null,
    call: () => core.workingDays(LONG.start, LONG.end),
  },
  {
    name: "listDays: a century of China days",
    covers: ["listDays", "chinaCalendar"],
    input: () => core.chinaCalendar({ missingYears: "provisional", provisionalThrough: 2099 }),
    call: (calendar: never) => core.listDays(CENTURY.start, CENTURY.end, calendar),
  },
  {
    name: "timeProgress: a hundred years",
    covers: ["timeProgress"],
    input: () => null,
    call: () => core.timeProgress("1950-06-30", LONG),
  },
  {
    name: "splitByPeriod: days over a century, provisional China",
    covers: ["splitByPeriod"],
    input: () => core.chinaCalendar({ missingYears: "provisional", provisionalThrough: 2099 }),
    call: (calendar: never) =>
      core.splitByPeriod("1.2亿", { ...CENTURY, grain: "day", calendar, unit: "1e-30" } as never),
  },
  {
    name: "splitByPeriodTree: year → quarter → month → week → day over a century",
    covers: ["splitByPeriodTree"],
    input: () => null,
    call: () =>
      core.splitByPeriodTree("1e30", {
        ...CENTURY,
        grains: ["year", "quarter", "month", "week", "day"],
      } as never),
  },
  {
    name: "compileCalendar: 1,500 years and 300 holidays",
    covers: ["compileCalendar"],
    input: () => ({
      weekend: [6, 7],
      years: Array.from({ length: 1500 }, (_, i) => 2000 + i),
      holidays: Array.from({ length: 300 }, (_, i) => `${2000 + i}-05-01`),
    }),
    call: (calendar: never) => core.compileCalendar(calendar),
  },
  {
    name: "chinaArrangement: provisional 2099",
    covers: ["chinaArrangement"],
    input: () => null,
    call: () => core.chinaArrangement(2099, { missingYears: "provisional" } as never),
  },
  {
    name: "provisionalChinaArrangement: every year 2025–2099",
    covers: ["provisionalChinaArrangement"],
    input: () => null,
    call: () =>
      Array.from({ length: 75 }, (_, i) => core.provisionalChinaArrangement(2025 + i)).length,
  },
  {
    name: "parseHolidayArrangement: 60 holidays of long runs",
    covers: ["parseHolidayArrangement"],
    input: () => ({
      year: 2027,
      holidays: Array.from({ length: 60 }, (_, i) => ({
        name: `h${i}`,
        days: [
          `2027-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.floor(i / 12) * 5 + 1).padStart(2, "0")}/2027-${String((i % 12) + 1).padStart(2, "0")}-${String(Math.floor(i / 12) * 5 + 4).padStart(2, "0")}`,
        ],
      })),
    }),
    call: (input: unknown) => core.parseHolidayArrangement(input),
  },
  {
    name: "growthPath: a million periods, cagr",
    covers: ["growthPath"],
    input: () => null,
    call: () => core.growthPath("1e-999", "1e999", 1_000_000, { method: "cagr" }),
  },
  {
    name: "requiredGrowth: 1e-999 to 1e999 over a million periods",
    covers: ["requiredGrowth"],
    input: () => null,
    call: () => core.requiredGrowth("1e-999", "1e999", 1_000_000),
  },
  // --- measure ---------------------------------------------------------------------------------
  {
    name: "gap / achievement / growth / improvementProgress: 1e±999",
    covers: ["gap", "achievement", "growth", "improvementProgress"],
    input: () => null,
    call: () => [
      core.gap({ actual: "1e-999", target: "9.99e999" }),
      core.achievement({ actual: "9.99e999", target: "1e-999" }),
      core.growth("9.99e999", "1e-999"),
      core.improvementProgress({ baseline: "1e-999", actual: "9.99e999", target: "-9.99e999" }),
    ],
  },
  {
    name: "growthSeries: 1,000 values alternating 1e±999",
    covers: ["growthSeries"],
    input: () => Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? "1e999" : "1e-999")),
    call: (series: string[]) => core.growthSeries(series, { lag: 1 }),
  },
  {
    name: "paceGap / projectRunRate / requiredRunRate: a hundred years",
    covers: ["paceGap", "projectRunRate", "requiredRunRate"],
    input: () => null,
    call: () => [
      core.paceGap({ actual: "1e-999", target: "9e999", asOf: "1950-01-01", ...LONG }),
      core.projectRunRate({ actual: "9e999", asOf: "1900-01-02", ...LONG }),
      core.requiredRunRate({ target: "9e999", actual: "1e-999", asOf: "1999-12-30", ...LONG }),
    ],
  },
  {
    name: "scorecard: 300 rows over 3 levels",
    covers: ["scorecard"],
    input: () =>
      Array.from({ length: 300 }, (_, i) => ({
        a: `a${i % 7}`,
        b: `b${i % 13}`,
        c: `c${i}`,
        target: "1e-999",
        actual: "9e999",
      })),
    call: (rows: never) => core.scorecard(rows, ["a", "b", "c"]),
  },
  {
    name: "teamHealth / consecutiveMisses: 2,000 periods",
    covers: ["teamHealth", "consecutiveMisses"],
    input: () => Array.from({ length: 2000 }, (_, i) => ({ actual: `${i}e-990`, target: "9e990" })),
    call: (months: never) => [core.teamHealth(months), core.consecutiveMisses(months)],
  },
  {
    name: "flagBigMoves: 500 metrics at 1e±999",
    covers: ["flagBigMoves"],
    input: () =>
      Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [`m${i}`, { previous: "1e-999", actual: "9e999" }]),
      ),
    call: (metrics: never) => core.flagBigMoves(metrics, "1e-999"),
  },
  {
    name: "compileRules + evaluateRules: 9 rules of 32 costly powers",
    covers: ["compileRules", "evaluateRules"],
    input: () =>
      Array.from({ length: 9 }, (_, i) => ({
        id: `r${i}`,
        when: `${repeat(32, (t) => `x^0.${t + 1}`, "+")} > ${i}`,
        recommend: "-",
      })),
    call: (rules: never) => core.evaluateRules(core.compileRules(rules), { x: "1.7" }),
  },
  // --- activity --------------------------------------------------------------------------------
  {
    name: "funnel: 400 stages of 1% conversion",
    covers: ["funnel"],
    input: () => Array.from({ length: 400 }, (_, i) => ({ name: `s${i}`, conversion: "1%" })),
    call: (stages: never) => core.funnel("9e999", stages),
  },
  {
    name: "visitPlan: a century, 500 customer classes",
    covers: ["visitPlan", "STANDARD_VISIT_CADENCES"],
    input: () =>
      Object.fromEntries(
        Array.from({ length: 500 }, (_, i) => [
          Object.keys(core.STANDARD_VISIT_CADENCES)[i % 3]!,
          i,
        ]),
      ),
    call: (counts: never) => core.visitPlan(counts, { ...CENTURY }),
  },
  {
    name: "breakEvenRevenue / roi: 1e±999",
    covers: ["breakEvenRevenue", "roi"],
    input: () => null,
    call: () => [
      core.breakEvenRevenue({ fixedCosts: "9e999", grossMargin: "1e-999" }),
      core.roi({ revenue: "9e999", cost: "1e-999" }),
    ],
  },
  {
    name: "tieredBonus: 400 tiers",
    covers: ["tieredBonus"],
    input: () => Array.from({ length: 400 }, (_, i) => ({ from: `${i}e990`, rate: "0.0000001" })),
    call: (tiers: never) => core.tieredBonus("9e999", tiers),
  },
  // --- numbers and results ---------------------------------------------------------------------
  {
    name: "parseAmount / toDecimal: 9,000-digit amounts",
    covers: ["parseAmount", "toDecimal"],
    input: () => `1.${"3".repeat(9000)}亿`,
    call: (text: string) => [core.parseAmount(text), core.toDecimal(text)],
  },
  {
    name: "formatAmount / formatPercent: extreme magnitudes",
    covers: ["formatAmount", "formatPercent"],
    input: () => null,
    call: () => [
      core.formatAmount("9.999999999e999", { digits: 20 } as never),
      core.formatPercent("1e-999", { digits: 20 } as never),
    ],
  },
  {
    name: "toPlain: a 5,000-deep nested result",
    covers: ["toPlain"],
    input: () => {
      let value: unknown = core.toDecimal(1);
      for (let i = 0; i < 5000; i++) value = { child: value };
      return value;
    },
    call: (value: unknown) => core.toPlain(value),
  },
  {
    name: "TargetreeError: a 9 kB message and a 2,000-step path",
    covers: ["TargetreeError", "ERROR_CODES"],
    input: () => null,
    call: () =>
      new core.TargetreeError(
        Object.keys(core.ERROR_CODES)[0] as core.TargetreeErrorCode,
        "x".repeat(9000),
        { path: Array.from({ length: 2000 }, (_, i) => i) },
      ).toJSON(),
  },
  // --- plans -----------------------------------------------------------------------------------
  {
    name: "readPlanDocument / lintPlan: 220 nodes, days",
    covers: ["readPlanDocument", "lintPlan"],
    input: () => planDocument(["month", "week", "day"]),
    call: (doc: unknown) => [core.readPlanDocument(doc), core.lintPlan(doc)],
  },
  {
    name: "buildPlan: 220 nodes × every day of a year",
    covers: ["buildPlan"],
    input: () => planDocument(["month", "week", "day"]),
    call: (doc: unknown) => core.buildPlan(doc),
  },
  {
    name: "trackPlan: 220 nodes × days, 300 actuals rows",
    covers: ["trackPlan"],
    input: () => ({
      plan: build(planDocument(["month", "week", "day"])),
      rows: Array.from({ length: 300 }, (_, i) => ({
        node: `公司/r${i % 20}/p${i % 10}`,
        date: `2026-0${(i % 9) + 1}-1${i % 10}`,
        actual: "9e20",
      })),
    }),
    call: ({ plan, rows }: { plan: core.Plan; rows: never }) =>
      core.trackPlan(plan, rows, { asOf: "2026-10-01" } as never),
  },
  {
    name: "replan: 220 nodes × days",
    covers: ["replan"],
    input: () => build(planDocument(["month", "week", "day"])),
    call: (plan: core.Plan) =>
      core.replan(plan, { node: "公司/r3", by: "1e10", from: "2026-02-01" } as never),
  },
  {
    name: "renderPlan: 220 nodes × days as CSV",
    covers: ["renderPlan"],
    input: () => build(planDocument(["month", "week", "day"])),
    call: (plan: core.Plan) => core.renderPlan(plan, { format: "csv" } as never).length,
  },
  // --- polluted prototypes ---------------------------------------------------------------------
  {
    name: "printFormula: Object.prototype.unit planted before the import",
    covers: ["printFormula"],
    pollute: "unit",
    input: () => null,
    call: () => core.printFormula(core.parseFormula(repeat(40, () => "x^2"))),
  },
  {
    name: "validate: Object.prototype.when planted before the import",
    covers: ["validate"],
    pollute: "when",
    input: () => ({ version: 1, formulas: { y: "a * b" }, inputs: { a: { max: 1 } } }),
    call: (doc: unknown) => schema.validate("modelDefinition", doc),
  },
  {
    name: "modelFromDefinition: Object.prototype.x planted before the import",
    covers: ["modelFromDefinition"],
    pollute: "x",
    input: () => ({ version: 1, formulas: { y: "a * b" } }),
    call: (doc: never) => schema.modelToDefinition(schema.modelFromDefinition(doc)),
  },
  // --- targetree/schema ------------------------------------------------------------------------
  {
    name: "modelFromDefinition: 75 nodes of 32 costly powers (10 kB)",
    covers: ["modelFromDefinition", "parseModelDefinition"],
    input: () => ({ version: 1, formulas: costlyFormulas(75, 32) }),
    call: (doc: never) => schema.modelFromDefinition(schema.parseModelDefinition(doc)),
  },
  {
    name: "modelToDefinition: a chain of 400 nodes",
    covers: ["modelToDefinition"],
    input: () => core.defineModel(CHAIN(400)),
    call: (model: core.Model) => schema.modelToDefinition(model),
  },
  {
    name: "validate: every named schema with a 10 kB hostile value",
    covers: ["validate", "schemas"],
    input: () => {
      const deep: Record<string, unknown> = { name: "x" };
      let node = deep;
      for (let i = 0; i < 800; i++) {
        const child = { name: `n${i}` };
        node.children = [child];
        node = child;
      }
      return deep;
    },
    call: (value: unknown) =>
      Object.keys(schema.schemas).map((name) => {
        try {
          return schema.validate(name as schema.SchemaName, value);
        } catch (error) {
          if (error instanceof core.TargetreeError) return error.code;
          throw error;
        }
      }),
  },
  {
    name: "validate: each exported schema object with a wide hostile value",
    covers: [
      "alertRuleSchema",
      "alertRulesSchema",
      "bonusTiersSchema",
      "calendarSchema",
      "cascadeTreeSchema",
      "defineModelOptionsSchema",
      "formulasSchema",
      "holidayArrangementSchema",
      "inputSpecSchema",
      "isoDateSchema",
      "modelDefinitionSchema",
      "nodeSpecSchema",
      "nonNegativeNumericSchema",
      "numericSchema",
      "planDocumentSchema",
      "sharesSchema",
      "valueTreeSchema",
      "visitCadencesSchema",
      "weightsSchema",
    ],
    input: () => ({
      wide: Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`k${i}`, `${i}e999`])),
      list: Array.from({ length: 700 }, (_, i) => ({ from: i, rate: "1e-999" })),
    }),
    call: ({ wide, list }: { wide: unknown; list: unknown }) =>
      [
        schema.alertRuleSchema,
        schema.alertRulesSchema,
        schema.bonusTiersSchema,
        schema.calendarSchema,
        schema.cascadeTreeSchema,
        schema.defineModelOptionsSchema,
        schema.formulasSchema,
        schema.holidayArrangementSchema,
        schema.inputSpecSchema,
        schema.isoDateSchema,
        schema.modelDefinitionSchema,
        schema.nodeSpecSchema,
        schema.nonNegativeNumericSchema,
        schema.numericSchema,
        schema.planDocumentSchema,
        schema.sharesSchema,
        schema.valueTreeSchema,
        schema.visitCadencesSchema,
        schema.weightsSchema,
      ].flatMap((zodSchema) =>
        [wide, list].map((value) => {
          try {
            schema.validate(zodSchema as never, value);
            return "ok";
          } catch (error) {
            if (error instanceof core.TargetreeError) return error.code;
            throw error;
          }
        }),
      ),
  },
  // --- pictures (issue 19) ------------------------------------------------------------------------
  {
    name: "bridgeChart / tornadoChart: 12 drivers at 1e±999",
    covers: ["bridgeChart", "tornadoChart"],
    input: () => {
      const model = core.defineModel({ out: repeat(12, (i) => `a${i}`) });
      return {
        attribution: core.attribute(model, {
          output: "out",
          base: INPUTS(12, 1),
          actual: Object.fromEntries(
            Array.from({ length: 12 }, (_, i) => [`a${i}`, `9e${900 + i}`]),
          ),
          method: "chain",
        } as never),
        sensitivity: core.sensitivity(model, { output: "out", inputs: INPUTS(12, 1) } as never),
      };
    },
    call: ({ attribution, sensitivity }: { attribution: never; sensitivity: never }) => [
      JSON.stringify(core.bridgeChart(attribution)).length,
      JSON.stringify(core.tornadoChart(sensitivity)).length,
    ],
  },
  {
    name: "burnUpChart / achievementHeatmapChart / decompositionChart: 220 nodes × days",
    covers: ["burnUpChart", "achievementHeatmapChart", "decompositionChart"],
    input: () => {
      const plan = build(planDocument(["month", "week", "day"]));
      const tracking = core.trackPlan(
        plan,
        Array.from({ length: 300 }, (_, i) => ({
          node: `公司/r${i % 20}/p${i % 10}`,
          date: `2026-0${(i % 9) + 1}-1${i % 10}`,
          actual: "9e20",
        })) as never,
        { asOf: "2026-10-01" } as never,
      );
      return { plan, tracking };
    },
    call: ({ plan, tracking }: { plan: core.Plan; tracking: never }) => [
      JSON.stringify(core.burnUpChart(tracking, { node: "公司/r3" } as never)).length,
      JSON.stringify(core.achievementHeatmapChart(tracking)).length,
      JSON.stringify(core.decompositionChart(plan, { tracking } as never)).length,
    ],
  },
  // --- warehouses (issue 20) ----------------------------------------------------------------------
  {
    name: "modelToSQL: a chain of 400 nodes, every node read twice",
    covers: ["modelToSQL"],
    input: () => {
      const formulas: Record<string, string> = { n0: "x + 1" };
      for (let i = 1; i < 400; i++) formulas[`n${i}`] = `n${i - 1} + n${i - 1}`;
      return core.defineModel(formulas, {
        inputs: { x: { min: 0, max: 1000, wholeNumber: true } },
      } as never);
    },
    call: (model: never) => {
      try {
        return core.modelToSQL(model, { dialect: "postgres" } as never).select.length;
      } catch (error) {
        if (error instanceof core.TargetreeError) return error.code;
        throw error;
      }
    },
  },
  {
    name: "allocateSQL / cascadeSQL / splitByPeriodSQL / calendarTableSQL: 9 kB of names, a century",
    covers: ["allocateSQL", "cascadeSQL", "splitByPeriodSQL", "calendarTableSQL"],
    input: () => '名"; DROP TABLE x; --'.repeat(400),
    call: (name: string) => [
      core.allocateSQL({ dialect: "duckdb", from: name, total: name, ordinal: name } as never)
        .length,
      core.cascadeSQL({
        dialect: "postgres",
        from: name,
        total: name,
        levels: [{ key: name }, { key: `${name}2` }],
      } as never).length,
      core.splitByPeriodSQL({
        dialect: "duckdb",
        from: name,
        total: name,
        start: "2004-01-01",
        end: "2026-12-31",
        grain: "day",
        calendar: core.chinaCalendar({ missingYears: "provisional", provisionalThrough: 2099 }),
      } as never).length,
      core.calendarTableSQL(CENTURY.start, CENTURY.end, core.chinaCalendar()).length,
    ],
  },
  // --- many totals (issue 18) ---------------------------------------------------------------------
  {
    name: "splitManyByPeriod: 1,000 totals at 1e90 over a century of days",
    covers: ["splitManyByPeriod"],
    input: () => Array.from({ length: 1000 }, (_, i) => `${i + 1}e90`),
    call: (totals: never) =>
      core.splitManyByPeriod(totals, { ...LONG, grain: "day", unit: "1e-9" } as never),
  },
  {
    name: "toJsonSchema: every named schema",
    covers: ["toJsonSchema"],
    input: () => Object.keys(schema.schemas),
    call: (names: string[]) =>
      names.map((name) => JSON.stringify(schema.toJsonSchema(name as schema.SchemaName)).length),
  },
];

/** Exports that hold a value rather than a function: each is read by some case, and listed here. */
export const CONSTANTS: readonly string[] = [
  "DEFAULT_WORK_BUDGET",
  "MAX_FORMULA_NODES",
  "MAX_SPLIT_DIGITS",
  "MAX_SPLIT_PARTS",
  "MAX_TREE_NODES",
  "MAX_AMOUNT_LENGTH",
  "MAX_COSTLY_POWERS",
  "MAX_CROSS_CELLS",
  "MAX_DIGITS",
  "MAX_EXPONENT",
  "MAX_FORMULA_LENGTH",
  "MAX_NESTING_DEPTH",
  "MAX_SHAPLEY_INPUTS",
  "MIN_EXPONENT",
  "PRECISION",
];
