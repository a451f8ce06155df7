// The bad-input matrix's table: for every function exported from "targetree", a valid call (from
// its JSDoc or tests) and the argument positions and fields that take numbers, dates or other
// values, so bad-input-matrix.test.ts can substitute bad values at each one.
import {
  type AlertRule,
  attribute,
  binaryNode,
  buildPlan,
  cascade,
  chinaCalendar,
  compileModel,
  compileRules,
  crossSplit,
  defineModel,
  type FormulaNode,
  nameNode,
  numberNode,
  parseFormula,
  revenueModel,
  sensitivity,
  trackPlan,
} from "targetree";

/** Where a value sits in an argument list: the argument's index, then property names / indexes. */
export type Path = readonly [number, ...(string | number)[]];

/**
 * What a position takes, which decides the values tried there:
 * - `number`: a Numeric; every bad value must be refused;
 * - `date`: an ISO date; bad values plus dates as numbers and impossible dates;
 * - `value`: anything else (an object, a name, an enum option); every bad value must be refused
 *   unless listed in `accepts`;
 * - `options`: an optional options object, where `undefined`, `null` and `{}` mean "all defaults".
 */
export type FieldKind = "number" | "date" | "value" | "options";

export interface Field {
  readonly at: Path;
  readonly kind: FieldKind;
  /** A negative number here is invalid (counts, weights, rates, margins, units, years…). */
  readonly nonNegative?: boolean;
  /** The field may be left out: `undefined` and `null` (JSON's "absent") are accepted. */
  readonly optional?: boolean;
  /** Bad values that are legitimately valid here (e.g. `'abc'` is a valid formula). */
  readonly accepts?: readonly BadName[];
  /**
   * Bad values this field wrongly accepts or mishandles today, with what goes wrong. Each one is
   * a known bug: its test is skipped (see the // BUG: comment) until the source is fixed.
   */
  readonly bugs?: Readonly<Partial<Record<BadName, string>>>;
  /** Why errors about this field carry no path (the default expects one; see `expectsPath`). */
  readonly pathless?: string;
}

export interface Row {
  /** The exported function's name, or `name(…).method` for a function returned by one. */
  readonly name: string;
  /** Distinguishes several rows of one function. */
  readonly variant?: string;
  /** A valid argument list, built fresh for every call. */
  readonly call: () => unknown[];
  /** Calls the function (defaults to the export of that name). */
  readonly run?: (...args: unknown[]) => unknown;
  readonly fields: readonly Field[];
  /** Why this function's errors carry no path (the default expects a non-empty path). */
  readonly pathless?: string;
}

/** The bad values tried at every position, by name. Fresh objects for every call. */
export const BAD_VALUES = {
  NaN: () => Number.NaN,
  Infinity: () => Number.POSITIVE_INFINITY,
  "-Infinity": () => Number.NEGATIVE_INFINITY,
  "''": () => "",
  "'abc'": () => "abc",
  null: () => null,
  undefined: () => undefined,
  "{}": () => ({}),
  "[]": () => [],
  true: () => true,
  "-1": () => -1,
  "'-5%'": () => "-5%",
  "20260101": () => 20_260_101,
  "'2026-02-30'": () => "2026-02-30",
  "'2026-13-01'": () => "2026-13-01",
  "'2026-6-1'": () => "2026-6-1",
} as const;

export type BadName = keyof typeof BAD_VALUES;

const COMMON: readonly BadName[] = [
  "NaN",
  "Infinity",
  "-Infinity",
  "''",
  "'abc'",
  "null",
  "undefined",
  "{}",
  "[]",
  "true",
];
const NEGATIVE: readonly BadName[] = ["-1", "'-5%'"];
const DATES: readonly BadName[] = ["-1", "20260101", "'2026-02-30'", "'2026-13-01'", "'2026-6-1'"];

/** The bad values tried at a field. */
export function badValuesFor(field: Field): readonly BadName[] {
  if (field.kind === "date") return [...COMMON, ...DATES];
  if (field.nonNegative) return [...COMMON, ...NEGATIVE];
  return COMMON;
}

/** Whether `bad` may legitimately succeed at `field` (it must then give a finite result). */
export function mayAccept(field: Field, bad: BadName): boolean {
  if ((field.optional || field.kind === "options") && (bad === "undefined" || bad === "null")) {
    return true;
  }
  if (field.kind === "options" && bad === "{}") return true;
  return field.accepts?.includes(bad) ?? false;
}

/**
 * Whether an error about `field` must carry a non-empty path: always inside an argument, and for
 * a whole argument that is a number or a date (`allocate(NaN, …)` names `total`). A whole
 * structural argument replaced by junk may be reported at the root (`gap(NaN)`: path `[]`).
 */
export function expectsPath(row: Row, field: Field): boolean {
  if (row.pathless !== undefined || field.pathless !== undefined) return false;
  return field.at.length > 1 || field.kind === "number" || field.kind === "date";
}

// ---------------------------------------------------------------------------------------------
// Shared valid inputs

const REVENUE_INPUTS = () => ({
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
});

/** The revenue inputs as fields under `prefix`: counts and rates non-negative (declared bounds). */
const revenueInputFields = (prefix: Path): Field[] =>
  Object.keys(REVENUE_INPUTS()).map((key) => ({
    at: [...prefix, key] as unknown as Path,
    kind: "number",
    nonNegative: true,
  }));

const SMALL_MODEL = () =>
  defineModel(
    { revenue: "customers * conversion * aov" },
    { inputs: { customers: { wholeNumber: true, min: 0 }, conversion: { min: 0, max: 1 } } },
  );
const SMALL_INPUTS = () => ({ customers: 600, conversion: "25%", aov: 8000 });

/** A plan document (PLAN.md, version 1) with one of each section the checks read. */
const PLAN = () => ({
  version: 1,
  target: "100万",
  unit: "0.01",
  period: { start: "2024-01-01", end: "2024-12-31", grains: ["quarter", "month"] },
  organization: {
    name: "公司",
    children: [
      { name: "华东", weight: 3 },
      { name: "华南", hold: "20万" },
      { name: "华北", weight: 2 },
    ],
  },
  drivers: {
    model: { version: 1, formulas: { revenue: "customers * aov" } },
    output: "revenue",
    inputs: { customers: 100, aov: 8000 },
  },
  dimensions: { 产品线: { shares: { 粮油: "40%", 日化: "30%" }, remainder: "其他" } },
  path: [{ period: "2023", actual: "90万" }],
  metrics: [{ name: "转化率", current: "8%", target: "12%", statedGapRate: "50%" }],
});

/** A plan document that builds: PLAN() with drivers that reach its target. */
const BUILDABLE_PLAN = () => ({
  ...PLAN(),
  drivers: {
    model: { version: 1, formulas: { revenue: "customers * aov" } },
    output: "revenue",
    inputs: { customers: 125, aov: 8000 },
  },
});

/** BUILDABLE_PLAN built once (trackPlan and replan never change a plan). */
let builtPlan: unknown;
const BUILT_PLAN = (): unknown => {
  builtPlan ??= buildPlan(BUILDABLE_PLAN());
  return builtPlan;
};

/** An attribution, a sensitivity and a tracking, fresh for every call (the matrix writes into them). */
const ATTRIBUTION = () =>
  attribute(defineModel({ materialCost: "output * usage * price" }), {
    output: "materialCost",
    base: { output: 130, usage: 10, price: 4 },
    actual: { output: 140, usage: 9, price: 5 },
  });
const SENSITIVITY = () =>
  sensitivity(revenueModel(), { output: "revenue", inputs: REVENUE_INPUTS() });
const TRACKING = () =>
  trackPlan(BUILT_PLAN() as never, [{ node: "公司/华东", date: "2024-03-01", actual: "1.2万" }], {
    asOf: "2024-06-30",
  });

const CALENDAR = () => ({
  name: "test",
  weekend: [6, 7],
  holidays: ["2026-06-19", { date: "2026-06-22", name: "端午" }],
  workdays: [{ date: "2026-06-28", name: "补班" }],
  years: [2026],
});

const CASCADE_TREE = () => ({
  name: "全国",
  children: [
    {
      name: "华东",
      share: "60%",
      children: [
        { name: "张三", weight: 3 },
        { name: "李四", weight: 2 },
      ],
    },
    { name: "华南", share: "40%", split: "even", children: [{ name: "王五" }, { name: "赵六" }] },
  ],
});

const VALUE_TREE = () => ({
  name: "华东",
  children: [
    { name: "张三", value: 300 },
    { name: "李四", value: 200 },
    { name: "王五", value: 500 },
  ],
});

const CROSS_DIMENSIONS = () => ({
  product: { 粮油: "40%", 日化: "30%" },
  region: { 华东: "35%", 华南: "25%" },
});

const RULES = (): AlertRule[] => [
  { id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理", severity: "warning" },
  { id: "stuck", when: "stuckDays > 7", recommend: "升级至总监" },
];

const FIGURES = () => [
  { actual: "40万", target: "100万" },
  { actual: "45万", target: "100万" },
  { actual: "60万", target: "100万" },
];

const MONTHS = () => [
  { actual: "9万", target: "80万" },
  { actual: "60万", target: "20万" },
  { met: false },
];

const span = () => ({ start: 0, end: 1 });

// A span is { start, end } with whole numbers 0 ≤ start ≤ end (INVALID_ARGUMENT otherwise).
const spanFields = (index: number): Field[] => [
  { at: [index], kind: "value", optional: true },
  { at: [index, "start"], kind: "number", nonNegative: true },
  { at: [index, "end"], kind: "number", nonNegative: true },
];

/** Node builders report problems in their message ("Operand 2 must be …") with path []. */
const BUILDER = "node builders report problems with path [] (their arguments are trees)";

const tree = (text: string) => (): FormulaNode => parseFormula(text);

// ---------------------------------------------------------------------------------------------
// The table

export const TABLE: readonly Row[] = [
  // numbers ---------------------------------------------------------------------------------------
  {
    name: "toDecimal",
    call: () => ["50万", ["amount"]],
    fields: [
      { at: [0], kind: "number" },
      // The path is only read when the value is bad; bad-input-matrix.test.ts tries both at once.
      {
        at: [1],
        kind: "value",
        optional: true,
        accepts: ["NaN", "Infinity", "-Infinity", "''", "'abc'", "{}", "[]", "true"],
      },
    ],
  },
  {
    name: "parseAmount",
    call: () => ["1.2亿", { path: ["amount"] }],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "options" },
      // The path is only read when the text is bad; bad-input-matrix.test.ts tries both at once.
      {
        at: [1, "path"],
        kind: "value",
        optional: true,
        accepts: ["NaN", "Infinity", "-Infinity", "''", "'abc'", "{}", "[]", "true"],
      },
    ],
  },
  {
    name: "formatAmount",
    call: () => [4_800_000, { scale: "万", digits: 2, rounding: "half-up" }],
    fields: [
      // null is a value given as null plus a reason, and shows as "—".
      { at: [0], kind: "number", accepts: ["null"] },
      { at: [1], kind: "options" },
      { at: [1, "scale"], kind: "value", optional: true },
      { at: [1, "digits"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "rounding"], kind: "value", optional: true },
    ],
  },
  {
    name: "formatPercent",
    call: () => [0.25, { digits: 1, signed: true }],
    fields: [
      // null is a rate given as null plus a reason, and shows as "—".
      { at: [0], kind: "number", accepts: ["null"] },
      { at: [1], kind: "options" },
      { at: [1, "digits"], kind: "number", nonNegative: true, optional: true },
      {
        at: [1, "signed"],
        kind: "value",
        optional: true,
        accepts: ["true"],
      },
    ],
  },

  {
    name: "toPlain",
    call: () => [{ share: numberNode("0.25").value, rows: [1, "a", null] }, { digits: 2 }],
    fields: [
      // Any JSON-like data is a result; only NaN and ±Infinity have no plain form.
      {
        at: [0],
        kind: "value",
        accepts: ["''", "'abc'", "null", "undefined", "{}", "[]", "true"],
      },
      {
        at: [0, "rows", 0],
        kind: "value",
        accepts: ["''", "'abc'", "null", "undefined", "{}", "[]", "true"],
      },
      { at: [1], kind: "options" },
      { at: [1, "digits"], kind: "number", nonNegative: true, optional: true },
    ],
  },

  // formula ---------------------------------------------------------------------------------------
  {
    name: "parseFormula",
    call: () => ["a * b + 50万", { name: "revenue" }],
    fields: [
      { at: [0], kind: "value", accepts: ["'abc'"] },
      // An array passes the options object check (harmless: it has no options).
      { at: [1], kind: "options", accepts: ["[]"] },
      { at: [1, "name"], kind: "value", optional: true, accepts: ["''", "'abc'"] },
    ],
  },
  {
    name: "printFormula",
    call: () => [parseFormula("a * b <= 1.2亿"), { symbols: "math" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "options" },
      { at: [1, "symbols"], kind: "value", optional: true },
    ],
  },
  {
    name: "evaluateFormula",
    call: () => ["a * b + 1", { a: 2, b: "25%" }, { name: "rule" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "a"], kind: "number" },
      { at: [1, "b"], kind: "number" },
      { at: [2], kind: "options", accepts: ["[]"] },
      { at: [2, "name"], kind: "value", optional: true, accepts: ["''", "'abc'"] },
    ],
  },
  {
    name: "formulaNames",
    call: () => ["max(新客户数, 0) * 客单价"],
    fields: [{ at: [0], kind: "value", accepts: ["'abc'"] }],
  },
  {
    name: "formulasEqual",
    call: () => [parseFormula("(a + b) * 2"), parseFormula("((a+b))×2")],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
    ],
    pathless: "formulasEqual compares two trees; its errors name no input",
  },
  {
    name: "numberNode",
    pathless: BUILDER,
    call: () => ["1.2亿", "亿", span()],
    fields: [
      { at: [0], kind: "number", nonNegative: true },
      { at: [1], kind: "value", optional: true },
      ...spanFields(2),
    ],
  },
  {
    name: "booleanNode",
    pathless: BUILDER,
    call: () => [true, span()],
    fields: [
      {
        at: [0],
        kind: "value",
        accepts: ["true"],
      },
      ...spanFields(1),
    ],
  },
  {
    name: "nameNode",
    pathless: BUILDER,
    call: () => ["新客户数", span()],
    fields: [{ at: [0], kind: "value", accepts: ["'abc'"] }, ...spanFields(1)],
  },
  {
    name: "unaryNode",
    pathless: BUILDER,
    call: () => ["-", tree("a ^ 2")(), span()],
    fields: [{ at: [0], kind: "value" }, { at: [1], kind: "value" }, ...spanFields(2)],
  },
  {
    name: "notNode",
    pathless: BUILDER,
    call: () => [nameNode("escalated"), span()],
    fields: [{ at: [0], kind: "value" }, ...spanFields(1)],
  },
  {
    name: "sumNode",
    pathless: BUILDER,
    call: () => [nameNode("a"), [{ op: "-", operand: nameNode("b") }], span()],
    fields: [
      { at: [0], kind: "value" },
      // An empty chain returns `first` (documented).
      { at: [1], kind: "value", accepts: ["[]"] },
      { at: [1, 0], kind: "value" },
      { at: [1, 0, "op"], kind: "value" },
      { at: [1, 0, "operand"], kind: "value" },
      ...spanFields(2),
    ],
  },
  {
    name: "productNode",
    pathless: BUILDER,
    call: () => [nameNode("a"), [{ op: "/", operand: nameNode("b") }], span()],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value", accepts: ["[]"] },
      { at: [1, 0, "op"], kind: "value" },
      { at: [1, 0, "operand"], kind: "value" },
      ...spanFields(2),
    ],
  },
  {
    name: "powerNode",
    pathless: BUILDER,
    call: () => [nameNode("a"), numberNode(2), span()],
    fields: [{ at: [0], kind: "value" }, { at: [1], kind: "value" }, ...spanFields(2)],
  },
  {
    name: "compareNode",
    pathless: BUILDER,
    call: () => ["<", nameNode("dailyVisits"), numberNode(3), span()],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [2], kind: "value" },
      ...spanFields(3),
    ],
  },
  {
    name: "logicalNode",
    pathless: BUILDER,
    call: () => ["and", [nameNode("a"), nameNode("b")], span()],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, 1], kind: "value" },
      ...spanFields(2),
    ],
  },
  {
    name: "callNode",
    pathless: BUILDER,
    call: () => ["max", [nameNode("a"), numberNode(0)], span()],
    fields: [
      { at: [0], kind: "value" },
      // The arity is checked when the tree is printed or evaluated (documented).
      { at: [1], kind: "value", accepts: ["[]"] },
      { at: [1, 0], kind: "value" },
      ...spanFields(2),
    ],
  },
  {
    name: "binaryNode",
    pathless: BUILDER,
    call: () => ["*", binaryNode("+", nameNode("a"), nameNode("b")), nameNode("c")],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [2], kind: "value" },
    ],
  },

  // model -----------------------------------------------------------------------------------------
  {
    name: "defineModel",
    call: () => [
      { revenue: "customers * conversion * aov" },
      {
        inputs: {
          customers: { wholeNumber: true, min: 0, label: "客户数" },
          conversion: { min: 0, max: 1 },
        },
        nodes: { revenue: { label: "营业收入", unitLabel: "元" } },
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "revenue"], kind: "value", accepts: ["'abc'"] },
      { at: [1], kind: "options" },
      { at: [1, "inputs", "customers", "min"], kind: "number", optional: true },
      { at: [1, "inputs", "conversion", "max"], kind: "number", optional: true },
      {
        at: [1, "inputs", "customers", "wholeNumber"],
        kind: "value",
        optional: true,
        accepts: ["true"],
      },
      {
        at: [1, "inputs", "customers", "label"],
        kind: "value",
        optional: true,
        accepts: ["''", "'abc'"],
      },
      {
        at: [1, "nodes", "revenue", "unitLabel"],
        kind: "value",
        optional: true,
        accepts: ["''", "'abc'"],
      },
    ],
  },
  {
    name: "evaluate",
    call: () => [SMALL_MODEL(), SMALL_INPUTS()],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "customers"], kind: "number", nonNegative: true },
      { at: [1, "conversion"], kind: "number", nonNegative: true },
      { at: [1, "aov"], kind: "number" },
    ],
  },
  {
    name: "compileModel",
    call: () => [SMALL_MODEL()],
    fields: [{ at: [0], kind: "value" }],
  },
  {
    name: "compileModel(…).evaluate",
    call: () => [SMALL_INPUTS()],
    run: (row) => compileModel(SMALL_MODEL()).evaluate(row as never),
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "customers"], kind: "number", nonNegative: true },
      { at: [0, "conversion"], kind: "number", nonNegative: true },
      { at: [0, "aov"], kind: "number" },
    ],
  },
  {
    name: "compileModel(…).output",
    call: () => ["revenue", SMALL_INPUTS()],
    run: (name, row) => compileModel(SMALL_MODEL()).output(name as never)(row as never),
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "customers"], kind: "number", nonNegative: true },
      { at: [1, "conversion"], kind: "number", nonNegative: true },
      { at: [1, "aov"], kind: "number" },
    ],
  },
  {
    name: "modelToSQL",
    call: () => [
      SMALL_MODEL(),
      {
        dialect: "postgres",
        outputs: ["revenue"],
        columns: { aov: { name: "aov", type: "DECIMAL(12,2)" } },
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "dialect"], kind: "value" },
      { at: [1, "outputs"], kind: "value", accepts: ["undefined"] },
      { at: [1, "columns"], kind: "value", accepts: ["undefined", "{}"] },
      { at: [1, "columns", "aov"], kind: "value", accepts: ["undefined", "{}"] },
      { at: [1, "columns", "aov", "name"], kind: "value", accepts: ["undefined", "'abc'"] },
      { at: [1, "columns", "aov", "type"], kind: "value", accepts: ["undefined"] },
    ],
  },
  {
    name: "dependsOn",
    call: () => [revenueModel(), "revenue", "conversion"],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [2], kind: "value" },
    ],
  },
  {
    name: "explain",
    call: () => [revenueModel(), REVENUE_INPUTS(), "revenue"],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      ...revenueInputFields([1]),
      { at: [2], kind: "value", optional: true },
    ],
  },
  {
    name: "renderTree",
    call: () => [
      revenueModel(),
      REVENUE_INPUTS(),
      { root: "revenue", digits: 1, symbols: "math", formulas: true, shareLabel: "占" },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      ...revenueInputFields([1]),
      { at: [2], kind: "options", accepts: ["[]"] },
      { at: [2, "root"], kind: "value", optional: true },
      { at: [2, "digits"], kind: "number", nonNegative: true, optional: true },
      { at: [2, "symbols"], kind: "value", optional: true },
      { at: [2, "formulas"], kind: "value", optional: true, accepts: ["true"] },
      { at: [2, "shareLabel"], kind: "value", optional: true, accepts: ["''", "'abc'"] },
    ],
  },
  {
    name: "revenueModel",
    call: () => [],
    fields: [],
  },
  {
    name: "solveFor",
    call: () => [
      revenueModel(),
      {
        output: "revenue",
        target: "1.2亿",
        vary: "newCustomers",
        inputs: REVENUE_INPUTS(),
        min: 0,
        max: "1亿",
        tolerance: "0.01",
        maxIterations: 200,
        wholeNumber: true,
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "output"], kind: "value" },
      { at: [1, "vary"], kind: "value" },
      { at: [1, "target"], kind: "number" },
      { at: [1, "inputs"], kind: "value" },
      ...revenueInputFields([1, "inputs"]),
      { at: [1, "min"], kind: "number", optional: true },
      { at: [1, "max"], kind: "number", optional: true },
      { at: [1, "tolerance"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "maxIterations"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "wholeNumber"], kind: "value", optional: true, accepts: ["true"] },
    ],
  },
  {
    name: "solveMultiplier",
    call: () => [
      revenueModel(),
      {
        output: "revenue",
        target: "1.2亿",
        vary: ["newCustomers", "returningCustomers"],
        inputs: REVENUE_INPUTS(),
        min: 0,
        max: 1000,
        tolerance: "0.01",
        maxIterations: 200,
        wholeNumber: true,
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "output"], kind: "value" },
      { at: [1, "vary"], kind: "value" },
      { at: [1, "vary", 0], kind: "value" },
      { at: [1, "target"], kind: "number" },
      ...revenueInputFields([1, "inputs"]),
      { at: [1, "min"], kind: "number", optional: true },
      { at: [1, "max"], kind: "number", optional: true },
      { at: [1, "tolerance"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "maxIterations"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "wholeNumber"], kind: "value", optional: true, accepts: ["true"] },
    ],
  },
  {
    name: "sensitivity",
    call: () => [
      revenueModel(),
      {
        output: "revenue",
        inputs: REVENUE_INPUTS(),
        step: "1%",
        stepKind: "relative",
        vary: ["newCustomers", "conversion"],
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "output"], kind: "value" },
      ...revenueInputFields([1, "inputs"]),
      { at: [1, "step"], kind: "number", optional: true },
      { at: [1, "stepKind"], kind: "value", optional: true },
      { at: [1, "vary"], kind: "value", optional: true },
      { at: [1, "vary", 1], kind: "value" },
    ],
  },
  {
    name: "attribute",
    call: () => [
      defineModel({ materialCost: "output * usage * price" }),
      {
        output: "materialCost",
        base: { output: 130, usage: 10, price: 4 },
        actual: { output: 140, usage: 9, price: 5 },
        method: "shapley",
        maxShapleyInputs: 12,
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "output"], kind: "value" },
      { at: [1, "base"], kind: "value" },
      { at: [1, "base", "output"], kind: "number" },
      { at: [1, "base", "usage"], kind: "number" },
      { at: [1, "actual", "price"], kind: "number" },
      { at: [1, "method"], kind: "value", optional: true },
      { at: [1, "maxShapleyInputs"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "attribute",
    variant: "chain with an order",
    call: () => [
      defineModel({ materialCost: "output * usage * price" }),
      {
        output: "materialCost",
        base: { output: 130, usage: 10, price: 4 },
        actual: { output: 140, usage: 9, price: 5 },
        method: "chain",
        order: ["output", "price", "usage"],
      },
    ],
    fields: [
      { at: [1, "order"], kind: "value", optional: true },
      { at: [1, "order", 1], kind: "value" },
      { at: [1, "actual", "usage"], kind: "number" },
    ],
  },
  {
    name: "reconcile",
    call: () => [
      revenueModel(),
      {
        output: "revenue",
        target: "1.2亿",
        inputs: REVENUE_INPUTS(),
        vary: ["newCustomers", "returningCustomers"],
        singles: ["newCustomers", "conversion"],
        tolerance: "0.01",
        maxIterations: 200,
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "output"], kind: "value" },
      { at: [1, "target"], kind: "number" },
      ...revenueInputFields([1, "inputs"]),
      { at: [1, "vary"], kind: "value", optional: true },
      { at: [1, "vary", 0], kind: "value" },
      { at: [1, "singles"], kind: "value", optional: true },
      { at: [1, "tolerance"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "maxIterations"], kind: "number", nonNegative: true, optional: true },
    ],
  },

  // split -----------------------------------------------------------------------------------------
  {
    name: "allocate",
    variant: "record",
    call: () => [
      100,
      { a: 1, b: 3, c: 6 },
      {
        unit: 1,
        rounding: "half-up",
        holds: { a: 10 },
        min: { b: 0 },
        max: 80,
        onZeroWeights: "even",
        roundTotal: false,
      },
    ],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, "a"], kind: "number", nonNegative: true },
      { at: [1, "b"], kind: "number", nonNegative: true },
      { at: [2], kind: "options" },
      { at: [2, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [2, "rounding"], kind: "value", optional: true },
      { at: [2, "holds"], kind: "options" },
      // A null or missing hold means "not held".
      { at: [2, "holds", "a"], kind: "number", optional: true },
      { at: [2, "min"], kind: "options" },
      { at: [2, "min", "b"], kind: "number", optional: true },
      // `max` is one bound for all parts or a record per part; {} bounds none.
      { at: [2, "max"], kind: "number", optional: true, accepts: ["{}"] },
      { at: [2, "onZeroWeights"], kind: "value", optional: true },
      { at: [2, "roundTotal"], kind: "value", optional: true, accepts: ["true"] },
    ],
  },
  {
    name: "allocate",
    variant: "array",
    call: () => [5, [3, 3, 4], { unit: 1, holds: [null, 1, null] }],
    fields: [
      { at: [1, 0], kind: "number", nonNegative: true },
      { at: [1, 2], kind: "number", nonNegative: true },
      { at: [2, "holds", 1], kind: "number", optional: true },
    ],
  },
  {
    name: "splitByShares",
    call: () => ["1.2亿", { 粮油: "40%", 日化: "30%" }, { remainder: "其他", unit: 1 }],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, "粮油"], kind: "number", nonNegative: true },
      { at: [2], kind: "options" },
      { at: [2, "remainder"], kind: "value", optional: true, accepts: ["'abc'"] },
      { at: [2, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "splitEvenly",
    variant: "count",
    call: () => [100, 3, { unit: 1 }],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "number", nonNegative: true },
      { at: [2], kind: "options" },
      { at: [2, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "splitEvenly",
    variant: "keys",
    call: () => ["80万", ["张伟", "王芳"], { unit: 1 }],
    fields: [{ at: [1, 0], kind: "value", accepts: ["''", "'abc'"] }],
  },
  {
    name: "cascade",
    call: () => ["1000万", CASCADE_TREE(), { unit: 1, remainder: "其他", onZeroWeights: "even" }],
    fields: [
      { at: [0], kind: "number" },
      // A root without children is a leaf that gets the whole total.
      { at: [1], kind: "value", accepts: ["{}"] },
      { at: [1, "children"], kind: "value", optional: true, accepts: ["[]"] },
      { at: [1, "children", 0, "share"], kind: "number", nonNegative: true },
      { at: [1, "children", 0, "children", 0, "weight"], kind: "number", nonNegative: true },
      { at: [1, "children", 1, "split"], kind: "value", optional: true },
      { at: [2], kind: "options" },
      { at: [2, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "breakback",
    call: () => [VALUE_TREE(), { path: [], value: 1200, holds: [["王五"]], unit: 1 }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "children", 0, "value"], kind: "number", nonNegative: true },
      { at: [1], kind: "value" },
      { at: [1, "path"], kind: "value", accepts: ["[]"] },
      { at: [1, "value"], kind: "number" },
      { at: [1, "holds"], kind: "value", optional: true, accepts: ["[]"] },
      { at: [1, "holds", 0], kind: "value" },
      { at: [1, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "crossSplit",
    call: () => ["1.2亿", CROSS_DIMENSIONS(), { unit: 1 }],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, "product"], kind: "value" },
      { at: [1, "product", "粮油"], kind: "number", nonNegative: true },
      { at: [2, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "crossCell",
    call: () => [crossSplit(100, CROSS_DIMENSIONS()), { product: "粮油", region: "华东" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "dimensions"], kind: "value" },
      { at: [0, "parts"], kind: "value" },
      { at: [0, "cells"], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "product"], kind: "value" },
    ],
  },
  {
    name: "flattenTree",
    call: () => [
      cascade(100, {
        children: [
          { name: "a", weight: 1 },
          { name: "b", weight: 3 },
        ],
      }),
      { leavesOnly: false },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "children"], kind: "value", accepts: ["[]"] },
      { at: [0, "value"], kind: "value" },
      { at: [1], kind: "options" },
      { at: [1, "leavesOnly"], kind: "value", optional: true, accepts: ["true"] },
    ],
  },

  // time ------------------------------------------------------------------------------------------
  {
    name: "workingDays",
    call: () => ["2026-06-01", "2026-06-30", CALENDAR()],
    fields: [
      { at: [0], kind: "date" },
      { at: [1], kind: "date" },
      // A calendar without fields is the default Monday–Friday calendar.
      { at: [2], kind: "options" },
      { at: [2, "weekend"], kind: "value", optional: true, accepts: ["[]"] },
      { at: [2, "weekend", 0], kind: "number", nonNegative: true },
      { at: [2, "holidays", 0], kind: "date" },
      { at: [2, "holidays", 1, "date"], kind: "date" },
      { at: [2, "workdays", 0, "date"], kind: "date" },
      { at: [2, "years", 0], kind: "number", nonNegative: true },
      { at: [2, "missingYears"], kind: "value", optional: true },
    ],
  },
  {
    name: "listDays",
    call: () => ["2026-06-15", "2026-06-30", CALENDAR()],
    fields: [
      { at: [0], kind: "date" },
      { at: [1], kind: "date" },
      { at: [2], kind: "options" },
      { at: [2, "holidays", 0], kind: "date" },
    ],
  },
  {
    name: "chinaCalendar",
    call: () => [{ missingYears: "error" }],
    fields: [
      { at: [0], kind: "options", accepts: ["[]"] },
      { at: [0, "missingYears"], kind: "value", optional: true },
      { at: [0, "arrangements"], kind: "value", optional: true, accepts: ["[]"] },
    ],
  },
  {
    name: "compileCalendar",
    call: () => [CALENDAR()],
    fields: [
      { at: [0], kind: "options" },
      { at: [0, "weekend", 0], kind: "number", nonNegative: true },
      { at: [0, "holidays", 0], kind: "date" },
      { at: [0, "holidays", 1, "date"], kind: "date" },
      { at: [0, "years", 0], kind: "number", nonNegative: true },
      { at: [0, "missingYears"], kind: "value", optional: true },
    ],
  },
  {
    name: "chinaArrangement",
    call: () => [2026, { missingYears: "error" }],
    fields: [
      { at: [0], kind: "number", nonNegative: true },
      { at: [1], kind: "options" },
      { at: [1, "missingYears"], kind: "value", optional: true },
    ],
  },
  {
    name: "provisionalChinaArrangement",
    call: () => [2027],
    fields: [{ at: [0], kind: "number", nonNegative: true }],
  },
  {
    name: "parseHolidayArrangement",
    call: () => [
      {
        year: 2027,
        source: "测试",
        holidays: [{ name: "元旦", days: ["2027-01-01/2027-01-03"], workdays: ["2027-01-09"] }],
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "year"], kind: "number", nonNegative: true },
      { at: [0, "holidays"], kind: "value", accepts: ["[]"] },
      { at: [0, "holidays", 0, "name"], kind: "value", accepts: ["'abc'"] },
      { at: [0, "holidays", 0, "days", 0], kind: "date" },
      { at: [0, "holidays", 0, "workdays", 0], kind: "date" },
    ],
  },
  {
    name: "splitByPeriod",
    call: () => [
      "1.2亿",
      {
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "quarter",
        spreadBy: "working-days",
        calendar: chinaCalendar(),
        unit: "0.01",
        rounding: "half-up",
      },
    ],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, "start"], kind: "date" },
      { at: [1, "end"], kind: "date" },
      { at: [1, "grain"], kind: "value" },
      { at: [1, "spreadBy"], kind: "value", optional: true },
      { at: [1, "calendar"], kind: "options" },
      { at: [1, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "rounding"], kind: "value", optional: true },
    ],
  },
  {
    name: "splitByPeriod",
    variant: "seasonality",
    call: () => [
      1200,
      {
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "month",
        spreadBy: "seasonality",
        seasonality: { monthly: [8, 6, 9, 10, 10, 11, 9, 9, 10, 12, 14, 16] },
        unit: 1,
      },
    ],
    fields: [
      { at: [1, "seasonality"], kind: "value", optional: true },
      { at: [1, "seasonality", "monthly", 0], kind: "number", nonNegative: true },
      { at: [1, "seasonality", "monthly", 11], kind: "number", nonNegative: true },
    ],
  },
  {
    name: "splitManyByPeriod",
    call: () => [
      { 张三: "50万", 李四: 300000 },
      {
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "month",
        calendar: chinaCalendar(),
        unit: "0.01",
        as: "units",
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "张三"], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, "start"], kind: "date" },
      { at: [1, "end"], kind: "date" },
      { at: [1, "grain"], kind: "value" },
      { at: [1, "calendar"], kind: "options" },
      { at: [1, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "as"], kind: "value", optional: true },
    ],
  },
  {
    name: "splitByPeriodTree",
    call: () => [
      "1.2亿",
      { start: "2026-01-01", end: "2026-06-30", grains: ["quarter", "month"], unit: 1 },
    ],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, "start"], kind: "date" },
      { at: [1, "end"], kind: "date" },
      { at: [1, "grains"], kind: "value" },
      { at: [1, "grains", 1], kind: "value" },
      { at: [1, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "growthPath",
    call: () => [8, 20, 4, { method: "cagr", unit: "0.01", rounding: "half-up" }],
    fields: [
      { at: [0], kind: "number", nonNegative: true },
      { at: [1], kind: "number", nonNegative: true },
      { at: [2], kind: "number", nonNegative: true },
      { at: [3], kind: "options" },
      { at: [3, "method"], kind: "value", optional: true },
      { at: [3, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "requiredGrowth",
    call: () => ["7亿", "8亿", 2],
    fields: [
      { at: [0], kind: "number", nonNegative: true },
      { at: [1], kind: "number", nonNegative: true },
      { at: [2], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "timeProgress",
    call: () => [
      "2026-06-30",
      {
        start: "2026-06-01",
        end: "2026-06-30",
        calendar: CALENDAR(),
        asOfCounts: "elapsed",
        countBy: "working-days",
      },
    ],
    fields: [
      { at: [0], kind: "date" },
      { at: [1], kind: "value" },
      { at: [1, "start"], kind: "date" },
      { at: [1, "end"], kind: "date" },
      { at: [1, "calendar"], kind: "options" },
      { at: [1, "calendar", "workdays", 0, "date"], kind: "date" },
      { at: [1, "asOfCounts"], kind: "value", optional: true },
      { at: [1, "countBy"], kind: "value", optional: true },
    ],
  },

  // measure ---------------------------------------------------------------------------------------
  {
    name: "achievement",
    call: () => [{ actual: "80万", target: "100万", direction: "higher" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "target"], kind: "number" },
      { at: [0, "direction"], kind: "value", optional: true },
    ],
  },
  {
    name: "gap",
    call: () => [{ actual: "8%", target: "12%", direction: "higher", basis: "actual" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "target"], kind: "number" },
      { at: [0, "direction"], kind: "value", optional: true },
      { at: [0, "basis"], kind: "value", optional: true },
      { at: [0, "kind"], kind: "value", optional: true },
    ],
  },
  {
    name: "growth",
    call: () => ["100万", "80万"],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "number" },
    ],
  },
  {
    name: "growthSeries",
    call: () => [{ Jan: 100, Feb: 120, Mar: 90 }, { lag: 1 }],
    fields: [
      // An empty series has no growth rows.
      { at: [0], kind: "value", accepts: ["{}", "[]"] },
      { at: [0, "Feb"], kind: "number" },
      { at: [1], kind: "options" },
      { at: [1, "lag"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "improvementProgress",
    call: () => [{ baseline: "8%", actual: "9%", target: "12%" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "baseline"], kind: "number" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "target"], kind: "number" },
    ],
  },
  {
    name: "paceGap",
    call: () => [
      {
        actual: "40万",
        target: "100万",
        asOf: "2026-06-12",
        start: "2026-06-01",
        end: "2026-06-30",
        calendar: CALENDAR(),
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "target"], kind: "number" },
      { at: [0, "asOf"], kind: "date" },
      { at: [0, "start"], kind: "date" },
      { at: [0, "end"], kind: "date" },
      { at: [0, "calendar"], kind: "options" },
      { at: [0, "direction"], kind: "value", optional: true },
    ],
  },
  {
    name: "projectRunRate",
    call: () => [{ actual: "40万", asOf: "2026-06-12", start: "2026-06-01", end: "2026-06-30" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "asOf"], kind: "date" },
      { at: [0, "start"], kind: "date" },
      { at: [0, "end"], kind: "date" },
    ],
  },
  {
    name: "projectRunRate",
    variant: "counts",
    call: () => [{ actual: "40万", workingDays: 21, workingDaysElapsed: 10 }],
    fields: [
      { at: [0, "actual"], kind: "number" },
      { at: [0, "workingDays"], kind: "number", nonNegative: true },
      { at: [0, "workingDaysElapsed"], kind: "number", nonNegative: true },
    ],
  },
  {
    name: "requiredRunRate",
    call: () => [
      {
        target: "100万",
        actual: "40万",
        asOf: "2026-06-12",
        start: "2026-06-01",
        end: "2026-06-30",
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "target"], kind: "number" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "asOf"], kind: "date" },
      { at: [0, "end"], kind: "date" },
    ],
  },
  {
    name: "consecutiveMisses",
    call: () => [MONTHS(), { direction: "higher" }],
    fields: [
      { at: [0], kind: "value", accepts: ["[]"] },
      { at: [0, 0], kind: "value" },
      { at: [0, 0, "actual"], kind: "number" },
      { at: [0, 0, "target"], kind: "number" },
      { at: [0, 2, "met"], kind: "value", accepts: ["true"] },
      { at: [1], kind: "options" },
      { at: [1, "direction"], kind: "value", optional: true },
    ],
  },
  {
    name: "consecutiveMisses",
    variant: "under a threshold",
    call: () => [FIGURES(), { below: "50%" }],
    fields: [
      { at: [0, 1, "actual"], kind: "number" },
      { at: [1, "below"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "teamHealth",
    call: () => [
      MONTHS(),
      { misses: 3, stageBelow: "80%", stageAchievement: "40%", streak: "trailing" },
    ],
    fields: [
      // No periods: nothing missed, nothing to flag.
      { at: [0], kind: "value", accepts: ["[]"] },
      { at: [0, 1, "actual"], kind: "number" },
      { at: [0, 1, "target"], kind: "number" },
      { at: [1], kind: "options" },
      { at: [1, "misses"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "stageBelow"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "stageAchievement"], kind: "number", optional: true },
      { at: [1, "streak"], kind: "value", optional: true },
    ],
  },
  {
    name: "teamHealth",
    variant: "under a threshold",
    call: () => [FIGURES(), { misses: 3, below: "50%" }],
    fields: [
      { at: [0, 0, "target"], kind: "number" },
      { at: [1, "below"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "flagBigMoves",
    call: () => [
      { 华东: { previous: "100万", actual: "70万" }, 华南: { previous: "80万", actual: "84万" } },
      "30%",
      { moves: "both" },
    ],
    fields: [
      { at: [0], kind: "value", accepts: ["{}"] },
      { at: [0, "华东"], kind: "value" },
      { at: [0, "华东", "previous"], kind: "number" },
      { at: [0, "华东", "actual"], kind: "number" },
      { at: [1], kind: "number", nonNegative: true },
      { at: [2], kind: "options" },
      { at: [2, "moves"], kind: "value", optional: true },
    ],
  },
  {
    name: "scorecard",
    call: () => [
      [
        { region: "华东", rep: "王", target: "50万", actual: "45万" },
        { region: "华东", rep: "李", target: "30万", actual: "33万" },
        { region: "华南", rep: "张", target: "20万", actual: "10万" },
      ],
      ["region", "rep"],
      { rankBy: "achievement", direction: "higher", totalKey: "合计" },
    ],
    fields: [
      { at: [0], kind: "value", accepts: ["[]"] },
      { at: [0, 0, "target"], kind: "number" },
      { at: [0, 1, "actual"], kind: "number" },
      { at: [0, 2, "region"], kind: "value", accepts: ["'abc'"] },
      { at: [1], kind: "value", accepts: ["[]"] },
      { at: [1, 1], kind: "value" },
      { at: [2], kind: "options" },
      { at: [2, "rankBy"], kind: "value", optional: true },
      { at: [2, "totalKey"], kind: "value", optional: true, accepts: ["''", "'abc'"] },
    ],
  },
  {
    name: "compileRules",
    call: () => [RULES()],
    fields: [
      { at: [0], kind: "value", accepts: ["[]"] },
      { at: [0, 0], kind: "value" },
      { at: [0, 0, "id"], kind: "value", accepts: ["'abc'"] },
      // A bare name is a condition (a boolean fact).
      { at: [0, 0, "when"], kind: "value", accepts: ["'abc'"] },
      { at: [0, 0, "recommend"], kind: "value", accepts: ["'abc'"] },
      { at: [0, 1, "severity"], kind: "value", optional: true },
    ],
  },
  {
    name: "evaluateRules",
    call: () => [RULES(), { dailyVisits: 2, stuckDays: 9 }],
    fields: [
      { at: [0], kind: "value", accepts: ["[]"] },
      { at: [1], kind: "value" },
      { at: [1, "dailyVisits"], kind: "number" },
      { at: [1, "stuckDays"], kind: "number" },
    ],
  },
  {
    name: "evaluateRules",
    variant: "compiled",
    call: () => [compileRules(RULES()), { dailyVisits: 2, stuckDays: 9 }],
    fields: [{ at: [1, "stuckDays"], kind: "number" }],
  },

  // plan ------------------------------------------------------------------------------------------
  {
    name: "breakEvenRevenue",
    call: () => [{ fixedCosts: "50万", grossMargin: "55%" }, { unit: "0.01" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "fixedCosts"], kind: "number", nonNegative: true },
      { at: [0, "grossMargin"], kind: "number", nonNegative: true },
      { at: [1], kind: "options" },
      { at: [1, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "funnel",
    call: () => [
      100,
      [
        { name: "visits", conversion: "20%" },
        { name: "opportunities", perNext: 3 },
      ],
      { outcomeName: "wins", people: 10, workingDays: 20, wholeNumber: true },
    ],
    fields: [
      { at: [0], kind: "number", nonNegative: true },
      { at: [1], kind: "value" },
      { at: [1, 0, "conversion"], kind: "number", nonNegative: true },
      { at: [1, 1, "perNext"], kind: "number", nonNegative: true },
      { at: [2], kind: "options" },
      { at: [2, "people"], kind: "number", nonNegative: true, optional: true },
      { at: [2, "workingDays"], kind: "number", nonNegative: true, optional: true },
      { at: [2, "wholeNumber"], kind: "value", optional: true, accepts: ["true"] },
    ],
  },
  {
    name: "funnel",
    variant: "with a calendar",
    call: () => [
      100,
      [{ name: "visits", perNext: 5 }],
      { start: "2026-06-01", end: "2026-06-30", calendar: CALENDAR() },
    ],
    fields: [
      { at: [2, "start"], kind: "date" },
      { at: [2, "end"], kind: "date" },
    ],
  },
  {
    name: "roi",
    call: () => [{ revenue: "25万", cost: "10万" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "revenue"], kind: "number" },
      { at: [0, "cost"], kind: "number" },
    ],
  },
  {
    name: "tieredBonus",
    call: () => [
      "12万",
      [
        { from: "5万", rate: "3%" },
        { from: "10万", rate: "5%", fixed: 100 },
      ],
      { mode: "progressive", unit: "0.01" },
    ],
    fields: [
      { at: [0], kind: "number" },
      { at: [1], kind: "value" },
      { at: [1, 0, "from"], kind: "number" },
      { at: [1, 0, "rate"], kind: "number", optional: true },
      { at: [1, 1, "fixed"], kind: "number", optional: true },
      { at: [2], kind: "options" },
      { at: [2, "mode"], kind: "value", optional: true },
      { at: [2, "unit"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "visitPlan",
    call: () => [
      { A: 20, B: 30, C: 50 },
      {
        start: "2026-06-01",
        end: "2026-06-30",
        people: 2,
        calendar: CALENDAR(),
        cadences: { A: "weekly", B: { visits: 2, per: "month" }, C: "monthly" },
      },
    ],
    fields: [
      { at: [0], kind: "value", accepts: ["{}"] },
      { at: [0, "A"], kind: "number", nonNegative: true },
      { at: [1], kind: "value" },
      { at: [1, "start"], kind: "date" },
      { at: [1, "end"], kind: "date" },
      { at: [1, "people"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "cadences", "A"], kind: "value" },
      { at: [1, "cadences", "B", "visits"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  ...(["readPlanDocument", "lintPlan"] as const).map(
    (name): Row => ({
      name,
      call: () => [PLAN()],
      fields: [
        { at: [0], kind: "value" },
        { at: [0, "target"], kind: "number" },
        { at: [0, "unit"], kind: "number", nonNegative: true, optional: true },
        { at: [0, "period"], kind: "value" },
        { at: [0, "period", "start"], kind: "date" },
        { at: [0, "period", "end"], kind: "date" },
        { at: [0, "period", "grains"], kind: "value" },
        { at: [0, "organization"], kind: "value" },
        { at: [0, "organization", "children", 0, "weight"], kind: "number", nonNegative: true },
        { at: [0, "organization", "children", 1, "hold"], kind: "number" },
        { at: [0, "dimensions", "产品线", "shares", "粮油"], kind: "number", nonNegative: true },
        { at: [0, "drivers", "inputs", "customers"], kind: "number" },
        { at: [0, "path", 0, "actual"], kind: "number", optional: true },
        { at: [0, "metrics", 0, "statedGapRate"], kind: "number", optional: true },
      ],
    }),
  ),
  {
    name: "buildPlan",
    call: () => [BUILDABLE_PLAN()],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "target"], kind: "number" },
      { at: [0, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [0, "period", "start"], kind: "date" },
      { at: [0, "period", "end"], kind: "date" },
      { at: [0, "period", "grains"], kind: "value" },
      { at: [0, "organization"], kind: "value" },
      { at: [0, "organization", "children", 0, "weight"], kind: "number", nonNegative: true },
      { at: [0, "organization", "children", 1, "hold"], kind: "number" },
      { at: [0, "drivers", "inputs", "customers"], kind: "number" },
    ],
  },
  {
    name: "trackPlan",
    call: () => [
      BUILT_PLAN(),
      [{ node: "公司/华东", date: "2024-03-01", actual: "1.2万", visits: 3 }],
      { asOf: "2024-06-30", strict: true },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value", accepts: ["[]"] },
      { at: [1, 0], kind: "value" },
      { at: [1, 0, "node"], kind: "value" },
      { at: [1, 0, "date"], kind: "date" },
      { at: [1, 0, "actual"], kind: "number" },
      { at: [1, 0, "visits"], kind: "number", optional: true, accepts: ["''"] },
      { at: [2], kind: "value" },
      { at: [2, "asOf"], kind: "date" },
      { at: [2, "strict"], kind: "value", optional: true, accepts: ["true"] },
    ],
  },
  {
    name: "replan",
    call: () => [
      BUILT_PLAN(),
      { node: "公司/华东", by: "5万", from: "2024-07-01" },
      { asOf: "2024-06-30" },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "value" },
      { at: [1, "node"], kind: "value" },
      { at: [1, "by"], kind: "number" },
      { at: [1, "from"], kind: "date", accepts: ["undefined"] },
      { at: [2], kind: "options" },
      { at: [2, "asOf"], kind: "date", optional: true },
    ],
  },
  {
    name: "renderPlan",
    // A copy: the matrix writes bad values into the plan's fields.
    call: () => [structuredClone(BUILT_PLAN()), { format: "csv", grain: "month" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "unit"], kind: "number", nonNegative: true },
      { at: [0, "nodes", 1, "targets", "2024-03"], kind: "number" },
      { at: [0, "periods", 1, "workingDays"], kind: "number", nonNegative: true },
      { at: [1], kind: "options" },
      { at: [1, "format"], kind: "value", optional: true },
      { at: [1, "grain"], kind: "value", optional: true },
    ],
  },
  {
    name: "bridgeChart",
    call: () => [
      ATTRIBUTION(),
      {
        title: "材料费用",
        labels: { output: "产量" },
        baseLabel: "计划",
        actualLabel: "实际",
        scale: "none",
        digits: 1,
        width: 400,
        height: 300,
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "base"], kind: "number" },
      { at: [0, "actual"], kind: "number" },
      { at: [0, "contributions"], kind: "value" },
      { at: [0, "contributions", 1], kind: "value" },
      { at: [0, "contributions", 1, "contribution"], kind: "number" },
      { at: [1], kind: "options" },
      { at: [1, "title"], kind: "value", optional: true, accepts: ["''", "'abc'"] },
      { at: [1, "labels"], kind: "value", optional: true, accepts: ["{}"] },
      { at: [1, "baseLabel"], kind: "value", optional: true, accepts: ["''", "'abc'"] },
      { at: [1, "scale"], kind: "value", optional: true },
      { at: [1, "digits"], kind: "number", nonNegative: true, optional: true },
      { at: [1, "width"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "tornadoChart",
    call: () => [SENSITIVITY(), { labels: { conversion: "转化率" }, scale: "万", height: 200 }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "base"], kind: "number" },
      { at: [0, "step"], kind: "number" },
      { at: [0, "entries"], kind: "value", accepts: ["[]"] },
      { at: [0, "entries", 0, "change"], kind: "number" },
      { at: [0, "entries", 0, "changeDown"], kind: "number" },
      { at: [1], kind: "options" },
      { at: [1, "labels"], kind: "value", optional: true, accepts: ["{}"] },
      { at: [1, "height"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "burnUpChart",
    call: () => [TRACKING(), { node: "公司/华东", grain: "month", labels: { actual: "累计实际" } }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "nodes"], kind: "value" },
      { at: [0, "periods"], kind: "value" },
      { at: [1], kind: "options" },
      { at: [1, "node"], kind: "value" },
      { at: [1, "grain"], kind: "value", optional: true },
      { at: [1, "labels"], kind: "value", optional: true, accepts: ["{}"] },
    ],
  },
  {
    name: "decompositionChart",
    call: () => [BUILT_PLAN(), { tracking: TRACKING(), depth: 1, scale: "万" }],
    fields: [
      { at: [0], kind: "value" },
      { at: [1], kind: "options" },
      { at: [1, "tracking"], kind: "value", optional: true },
      { at: [1, "depth"], kind: "number", nonNegative: true, optional: true },
    ],
  },
  {
    name: "achievementHeatmapChart",
    call: () => [TRACKING(), { grain: "quarter", depth: 1 }],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "nodes"], kind: "value" },
      { at: [1], kind: "options" },
      { at: [1, "grain"], kind: "value", optional: true },
      { at: [1, "depth"], kind: "number", nonNegative: true, optional: true },
    ],
  },

  // sql: the options are table and column names ("abc" is a fine name) ----------------------------
  {
    name: "allocateSQL",
    call: () => [
      {
        dialect: "duckdb",
        from: "stores",
        total: "target",
        weight: "sales",
        partitionBy: ["region"],
        ordinal: "store_id",
        holds: "fixed",
        unit: 1,
        weightDecimals: 4,
        onZeroWeights: "even",
        as: "part",
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "dialect"], kind: "value" },
      { at: [0, "from"], kind: "value", accepts: ["'abc'"] },
      { at: [0, "total"], kind: "value", accepts: ["'abc'"] },
      { at: [0, "weight"], kind: "value", optional: true, accepts: ["'abc'"] },
      { at: [0, "partitionBy"], kind: "value", optional: true, accepts: ["'abc'", "[]"] },
      { at: [0, "ordinal"], kind: "value", accepts: ["'abc'"] },
      { at: [0, "holds"], kind: "value", optional: true, accepts: ["'abc'"] },
      { at: [0, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [0, "weightDecimals"], kind: "number", nonNegative: true, optional: true },
      { at: [0, "onZeroWeights"], kind: "value", optional: true },
      { at: [0, "as"], kind: "value", optional: true, accepts: ["'abc'"] },
    ],
  },
  {
    name: "cascadeSQL",
    call: () => [
      {
        dialect: "postgres",
        from: "people",
        total: "target",
        levels: [
          { key: "region", weight: "sales", holds: "fixed", unit: "万" },
          { key: "person", weight: "sales", ordinal: ["person"], unit: 1, as: "person_target" },
        ],
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "levels"], kind: "value" },
      { at: [0, "levels", 0], kind: "value" },
      { at: [0, "levels", 0, "key"], kind: "value", accepts: ["'abc'"] },
      { at: [0, "levels", 0, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [0, "levels", 1, "weight"], kind: "value", optional: true, accepts: ["'abc'"] },
      { at: [0, "levels", 1, "ordinal"], kind: "value", optional: true, accepts: ["'abc'"] },
    ],
  },
  {
    name: "splitByPeriodSQL",
    call: () => [
      {
        dialect: "duckdb",
        from: "store_targets",
        total: "target",
        start: "2026-01-01",
        end: "2026-12-31",
        grain: "month",
        spreadBy: "working-days",
        calendar: chinaCalendar(),
        unit: "0.01",
      },
    ],
    fields: [
      { at: [0], kind: "value" },
      { at: [0, "start"], kind: "date" },
      { at: [0, "end"], kind: "date" },
      { at: [0, "grain"], kind: "value" },
      { at: [0, "spreadBy"], kind: "value", optional: true },
      { at: [0, "calendar"], kind: "options" },
      { at: [0, "unit"], kind: "number", nonNegative: true, optional: true },
      { at: [0, "total"], kind: "value", accepts: ["'abc'"] },
    ],
  },
  {
    name: "calendarTableSQL",
    call: () => ["2026-06-15", "2026-06-30", CALENDAR()],
    fields: [
      { at: [0], kind: "date" },
      { at: [1], kind: "date" },
      { at: [2], kind: "options" },
    ],
  },
];
