// Runs a battery of calls with a name planted on Object.prototype and again without it, and
// prints both as JSON. test/hardening/pollution.test.ts runs it in fresh processes, so a planted
// name never leaks into another test. The one argument is a JSON array of cases
// { name, when, visibility, value }: `when` "before" plants the name before targetree and
// targetree/schema are imported (one such case per process), "after" plants it after the clean
// run and removes it again (any number per process); `visibility` is "enumerable" or "hidden";
// `value` is JSON, or "function" to plant a function. Prints one { polluted, clean } per case.
interface Case {
  readonly name: string;
  readonly when: "before" | "after";
  readonly visibility: "enumerable" | "hidden";
  readonly value: string;
}
const cases = JSON.parse(process.argv[2] ?? "[]") as Case[];
const plantedValue = (c: Case): unknown =>
  c.value === "function" ? () => true : JSON.parse(c.value);

const plant = (c: Case, value: unknown): void => {
  Object.defineProperty(Object.prototype, c.name, {
    value,
    configurable: true,
    writable: true,
    enumerable: c.visibility === "enumerable",
  });
};
const uproot = (c: Case): void => {
  delete (Object.prototype as Record<string, unknown>)[c.name];
};

const outcome = (call: () => unknown): string => {
  try {
    return JSON.stringify(call()) ?? "undefined";
  } catch (error) {
    const {
      name: kind,
      code,
      message,
      path,
    } = error as {
      name?: string;
      code?: string;
      message?: string;
      path?: unknown;
    };
    return `${kind} ${code} ${JSON.stringify(path)} ${message}`;
  }
};

const values = cases.map(plantedValue);
const first = cases[0];
if (first !== undefined && first.when === "before") plant(first, values[0]);
const core = await import("targetree");
const schema = await import("targetree/schema");

const MODEL_DOCUMENT = {
  version: 1,
  formulas: { revenue: "customers * conversion * aov", bonus: "revenue ^ 2 / 1万" },
  inputs: { customers: { wholeNumber: true, min: 0 }, conversion: { min: 0, max: "100%" } },
  nodes: { revenue: { label: "营业收入" } },
};

const PLAN_DOCUMENT = {
  version: 1,
  target: "1200万",
  unit: 1,
  period: { start: "2026-01-01", end: "2026-03-31", grains: ["month"] },
  organization: {
    name: "公司",
    children: [
      { name: "华东", weight: 2, children: [{ name: "张伟" }, { name: "李娜" }] },
      { name: "华南", weight: 1 },
    ],
  },
};

const CALLS: Readonly<Record<string, () => unknown>> = {
  printFormula: () => core.printFormula(core.parseFormula("2 + 3*x")),
  manySquares: () =>
    core.printFormula(core.parseFormula(Array.from({ length: 40 }, () => "x^2").join(" + "))),
  builtNodes: () =>
    core.printFormula(
      core.sumNode(core.numberNode(2), [
        { op: "+", operand: core.powerNode(core.nameNode("x"), core.numberNode(2)) },
      ]),
    ),
  handBuiltNode: () =>
    core.printFormula({
      kind: "number",
      value: core.toDecimal(5),
    } as import("targetree").FormulaNode),
  formulasEqual: () => core.formulasEqual(core.parseFormula("2"), core.numberNode(2)),
  evaluateFormula: () => core.evaluateFormula("2 + 3*x", { x: 4 }).toString(),
  protoFact: () => core.evaluateFormula("__proto__ * 2", JSON.parse('{"__proto__": 5}')),
  model: () => {
    const model = core.defineModel(
      { revenue: "customers * conversion * aov" },
      { inputs: { customers: { wholeNumber: true, min: 0 }, conversion: { min: 0, max: 1 } } },
    );
    return core.evaluate(model, { customers: 600, conversion: "25%", aov: 8000 });
  },
  allocate: () => core.allocate(100, { a: 1, b: 3 }, { unit: 1 }),
  protoWeight: () => core.allocate(100, JSON.parse('{"__proto__": 1, "b": 3}')),
  splitEvenly: () => core.splitEvenly(100, 3),
  cascade: () =>
    core.cascade(100, {
      children: [
        { name: "a", weight: 1 },
        { name: "b", weight: 2 },
      ],
    }),
  buildPlan: () => core.buildPlan(PLAN_DOCUMENT),
  lintPlan: () => core.lintPlan(PLAN_DOCUMENT),
  trackPlan: () =>
    core.trackPlan(
      core.buildPlan(PLAN_DOCUMENT),
      [{ node: "公司/华东/张伟", date: "2026-01-05", actual: "25万" }],
      { asOf: "2026-02-10" },
    ),
  replan: () =>
    core.replan(core.buildPlan(PLAN_DOCUMENT), { node: "公司/华东", by: 300, from: "2026-02-01" }),
  breakback: () =>
    core.breakback(
      {
        name: "a",
        children: [
          { name: "b", value: 1 },
          { name: "c", value: 2 },
        ],
      },
      { path: [], value: 10, unit: 1 },
    ),
  visitPlan: () => core.visitPlan({ A: 20, B: 30 }, { start: "2026-06-01", end: "2026-06-30" }),
  validateModel: () => schema.validate("modelDefinition", MODEL_DOCUMENT),
  roundTrip: () => schema.modelToDefinition(schema.modelFromDefinition(MODEL_DOCUMENT as never)),
  parseModelDefinition: () => schema.parseModelDefinition(MODEL_DOCUMENT),
  badModel: () =>
    schema.validate("modelDefinition", { version: 1, formulas: { y: "a +" }, inputs: 3 }),
  cascadeTree: () =>
    schema.validate("cascadeTree", {
      children: [
        { name: "a", weight: 1 },
        { name: "b", weight: "2" },
      ],
    }),
  protoWeights: () => schema.validate("weights", JSON.parse('{"__proto__": 1, "a": 2}')),
  calendar: () => schema.validate("calendar", { weekend: [6, 7], holidays: ["2026-10-01"] }),
  planDocument: () => schema.validate("planDocument", { version: 1 }),
  jsonSchema: () => schema.toJsonSchema("modelDefinition"),
};

/** Every call's outcome, and whether the planted name is still in place afterwards. */
const run = (c: Case, value: unknown): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(CALLS).map(([key, call]) => [key, outcome(call)])),
  planted: JSON.stringify(
    Object.hasOwn(Object.prototype, c.name) &&
      Object.getOwnPropertyDescriptor(Object.prototype, c.name)?.value === value,
  ),
});

const results = cases.map((c, index) => {
  const value = values[index];
  if (c.when === "before") {
    if (index > 0) throw new Error("A case planted before the import must run alone.");
    const polluted = run(c, value);
    uproot(c);
    return { polluted, clean: run(c, value) };
  }
  const clean = run(c, value);
  plant(c, value);
  try {
    return { polluted: run(c, value), clean };
  } finally {
    uproot(c);
  }
});
process.stdout.write(JSON.stringify(results));
