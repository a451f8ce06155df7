import fc from "fast-check";
import { chinaCalendar, parseAmount, revenueModel, TargetreeError } from "targetree";
import {
  type JsonSchema,
  modelToDefinition,
  type SchemaName,
  schemas,
  toJsonSchema,
  validate,
} from "targetree/schema";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { jsonSchemaAccepts, unknownKeywords } from "./_helpers.js";

const names = Object.keys(schemas) as SchemaName[];

/** Reads a nested field of a JSON Schema. */
function dig(json: unknown, ...keys: string[]): unknown {
  let value = json;
  for (const key of keys) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

/** Valid documents of each schema, from the worked cases. */
const VALID: Partial<Record<SchemaName, unknown[]>> = {
  modelDefinition: [
    JSON.parse(JSON.stringify(modelToDefinition(revenueModel()))),
    {
      version: 1,
      formulas: { 营业收入: "新客户数 * 转化率 * 客单价" },
      inputs: { 转化率: { max: "100%" } },
    },
  ],
  formulas: [{ revenue: "a * b" }],
  defineModelOptions: [
    { inputs: { a: { min: 0, wholeNumber: true } }, nodes: { revenue: { unitLabel: "元" } } },
  ],
  weights: [{ 华东: 35, 华南: "25%" }, [1, "2.5", "3万"]],
  shares: [{ 粮油: "40%", 日化: 0.3 }],
  cascadeTree: [
    {
      name: "全国",
      children: [{ name: "华东", share: "60%", children: [{ name: "张三", weight: 3 }] }],
    },
    {
      split: "even",
      unit: "0.01",
      remainder: "其他",
      children: [
        { name: "a", split: "weights", unit: 1, hold: "-5" },
        { name: "b", min: 0, max: "1万", adjust: -1 },
      ],
    },
  ],
  valueTree: [
    {
      name: "华东",
      children: [
        { name: "张三", value: 300 },
        { name: "李四", value: "200" },
      ],
    },
  ],
  calendar: [
    JSON.parse(JSON.stringify(chinaCalendar())),
    { weekend: [7], holidays: ["2026-10-01"] },
  ],
  holidayArrangement: [
    {
      year: 2026,
      holidays: [{ name: "元旦", days: ["2026-01-01/2026-01-03"], workdays: ["2026-01-04"] }],
    },
  ],
  alertRules: [
    [{ id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" }],
    [{ id: "a", when: "x < 1", recommend: "r", severity: "warning" }],
  ],
  bonusTiers: [
    [
      { from: "5万", rate: "3%" },
      { from: "10万", rate: "5%", fixed: 100 },
    ],
  ],
  visitCadences: [
    { A: "weekly", B: "BIWEEKLY", key: { visits: 2, per: "week" } },
    { A: " Fortnightly ", B: "每两周", C: { every: 1, per: "workingDay" } },
  ],
  numeric: [0, -3.5, "1.2亿", "¥8,000元", " 25% ", "-1"],
  isoDate: ["2026-06-01"],
};

/** Documents whose shape is wrong: the JSON Schema refuses them as zod does. */
const INVALID_SHAPE: Partial<Record<SchemaName, unknown[]>> = {
  modelDefinition: [
    { version: 2, formulas: { a: "1" } },
    { formulas: { a: "1" } },
    { version: 1, formulas: {} },
    { version: 1, formulas: { "a b": "1" } },
    { version: 1, formulas: { and: "1" } },
    { version: 1, formulas: { "1a": "1" } },
    { version: 1, formulas: { a: "b" }, inputs: { b: { min: "abc" } } },
    { version: 1, formulas: { a: "b" }, inputs: { b: { lable: "x" } } },
    { version: 1, formulas: { a: 1 } },
  ],
  weights: [{}, [], { a: -1 }, ["-1"], { a: "1.2.3" }, { a: true }, { "a\u200Bb": 1 }],
  cascadeTree: [
    { weight: 1 },
    { unit: 0 },
    { unit: "-1" },
    { remainder: "" },
    { remainder: 3 },
    { children: [{ weight: 1 }] },
    { children: [{ name: "a", split: "random" }] },
    { children: [{ name: "a", children: [{ name: "b", weight: "-1" }] }] },
  ],
  valueTree: [{ children: [{ value: 1 }] }, { name: "a", value: [] }],
  calendar: [
    { weekend: [8] },
    { weekend: [6, 6] },
    { holidays: ["2026/01/01"] },
    { extra: 1 },
    { years: [26] },
  ],
  holidayArrangement: [
    { year: 999, holidays: [] },
    { year: 2026 },
    { year: 2026, holidays: [{ name: "x", days: [] }] },
    { year: 2026, holidays: [{ name: "", days: ["2026-01-01"] }] },
    { year: 2026, holidays: [{ name: "x".repeat(61), days: ["2026-01-01"] }] },
    { year: 2026, holidays: [{ name: "x", days: ["2026-1-1"] }] },
  ],
  alertRules: [
    [{ id: "a", when: "x < 1" }],
    [{ id: "", when: "x < 1", recommend: "r" }],
    [{ id: " ", when: "x < 1", recommend: "r" }],
    [{ id: "a", when: "x < 1", recommend: "r", severity: "high" }],
  ],
  bonusTiers: [[], [{ rate: 1 }], [{ from: 0, rate: "-3%" }]],
  visitCadences: [
    { A: "hourly" },
    { A: { visits: 0, per: "week" } },
    { A: { per: "year" } },
    { A: { visits: 1.5, per: "week" } },
  ],
  numeric: ["", "abc", "1.2.3", "0x10", "1_000", "NaN", "1,2345", true, null],
  isoDate: ["2026-6-1", "2026-13-01", "0999-01-01"],
};

describe("toJsonSchema", () => {
  it("gives every schema as plain JSON, draft 2020-12, with its name as title", () => {
    for (const name of names) {
      const json = toJsonSchema(name);
      expect(JSON.parse(JSON.stringify(json)), name).toEqual(json);
      expect(json.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(json.title).toBe(name);
      expect([...unknownKeywords(json)], name).toEqual([]);
    }
  });

  it("returns a fresh object each time", () => {
    const first = toJsonSchema("weights") as Record<string, unknown>;
    first.title = "changed";
    expect(toJsonSchema("weights").title).toBe("weights");
  });

  it("describes the model-definition document: required fields, types, closed objects", () => {
    const json = toJsonSchema("modelDefinition");
    expect(json.type).toBe("object");
    expect(json.required).toEqual(["version", "formulas"]);
    expect(json.additionalProperties).toBe(false);
    expect(dig(json, "properties", "version")).toEqual({ type: "number", const: 1 });
    expect(dig(json, "properties", "formulas", "minProperties")).toBe(1);
    expect(dig(json, "properties", "formulas", "additionalProperties")).toEqual({
      type: "string",
      maxLength: 1_000_000,
    });
    expect(
      dig(json, "properties", "inputs", "additionalProperties", "properties", "wholeNumber"),
    ).toEqual({ type: "boolean" });
  });

  it("describes trees with a shared node definition and calendars with distinct weekdays", () => {
    const tree = toJsonSchema("cascadeTree");
    expect(dig(tree, "properties", "children", "items")).toEqual({ $ref: "#/$defs/node" });
    expect(dig(tree, "$defs", "node", "required")).toEqual(["name"]);
    expect(dig(tree, "properties", "weight")).toEqual({ not: {} });
    const calendar = toJsonSchema("calendar");
    expect(dig(calendar, "properties", "weekend", "uniqueItems")).toBe(true);
    expect(toJsonSchema("holidayArrangement").required).toEqual(["year", "holidays"]);
  });

  it("describes a zod schema built with the library's schemas", () => {
    const body = z.object({ plan: z.string(), weights: schemas.weights });
    const json = toJsonSchema(body);
    expect(json.required).toEqual(["plan", "weights"]);
    expect(dig(json, "properties", "weights", "anyOf")).toHaveLength(2);
    expect(json.title).toBeUndefined();
  });

  it("names two shared tree definitions node1 and node2, and keeps names a caller gave", () => {
    const both = toJsonSchema(z.object({ plan: schemas.cascadeTree, actual: schemas.valueTree }));
    expect(Object.keys(both.$defs as object)).toEqual(["node1", "node2"]);
    expect(dig(both, "properties", "plan", "properties", "children", "items")).toEqual({
      $ref: "#/$defs/node1",
    });
    expect(dig(both, "properties", "actual", "properties", "children", "items")).toEqual({
      $ref: "#/$defs/node2",
    });
    expect(dig(both, "$defs", "node2", "properties", "children", "items")).toEqual({
      $ref: "#/$defs/node2",
    });
    expect(JSON.stringify(both)).not.toContain("__schema");
    const named = z.string().register(z.globalRegistry, { id: "RegionName" });
    try {
      const mixed = toJsonSchema(z.object({ tree: schemas.cascadeTree, region: named }));
      expect(Object.keys(mixed.$defs as object)).toEqual(["node", "RegionName"]);
      expect(dig(mixed, "properties", "region")).toEqual({ $ref: "#/$defs/RegionName" });
      const onlyNamed = toJsonSchema(z.object({ region: named }));
      expect(onlyNamed.$defs).toEqual({ RegionName: { type: "string" } });
    } finally {
      z.globalRegistry.remove(named);
    }
  });

  it("puts $schema at the top only, for names and for zod schemas", () => {
    const count = (json: JsonSchema) => JSON.stringify(json).split('"$schema"').length - 1;
    expect(count(toJsonSchema("weights"))).toBe(1);
    const body = toJsonSchema(z.object({ weights: schemas.weights, tree: schemas.cascadeTree }));
    expect(body.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(count(body)).toBe(1);
  });

  it("refuses a zod schema JSON Schema cannot describe instead of describing it as anything", () => {
    const error = errorOf(() => toJsonSchema(z.object({ when: z.date() })));
    expect(error).toBeInstanceOf(TargetreeError);
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.message).toMatch(/cannot be written as JSON Schema: .*cannot be represented/);
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("refuses what is neither a schema name nor a zod schema", () => {
    for (const schema of [42, null, { _zod: { run: 1 } }]) {
      const error = errorOf(() => toJsonSchema(schema as never));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["schema"]]);
    }
  });

  it("describes numbers as the numeric schemas take them: any, ≥ 0, or > 0", () => {
    const numberForm = (json: unknown) => (json as { anyOf: JsonSchema[] }).anyOf[0];
    expect(numberForm(toJsonSchema("numeric"))).toEqual({ type: "number" });
    expect(numberForm(dig(toJsonSchema("weights"), "anyOf", "1", "additionalProperties"))).toEqual({
      type: "number",
      minimum: 0,
    });
    expect(numberForm(dig(toJsonSchema("cascadeTree"), "properties", "unit"))).toEqual({
      type: "number",
      exclusiveMinimum: 0,
    });
  });

  it("refuses an unknown schema name", () => {
    expect(errorOf(() => toJsonSchema("model" as SchemaName)).path).toEqual(["schema"]);
  });

  it("accepts the worked cases' documents, as zod does", () => {
    for (const [name, documents] of Object.entries(VALID) as [SchemaName, unknown[]][]) {
      const json = toJsonSchema(name);
      for (const document of documents) {
        expect(() => validate(name, document), name).not.toThrow();
        expect(
          jsonSchemaAccepts(json, document as never),
          `${name} ${JSON.stringify(document)}`,
        ).toBe(true);
      }
    }
  });

  it("refuses documents with a wrong shape, as zod does", () => {
    for (const [name, documents] of Object.entries(INVALID_SHAPE) as [SchemaName, unknown[]][]) {
      const json = toJsonSchema(name);
      for (const document of documents) {
        expect(() => validate(name, document), `${name} ${JSON.stringify(document)}`).toThrow();
        expect(
          jsonSchemaAccepts(json, document as never),
          `${name} ${JSON.stringify(document)}`,
        ).toBe(false);
      }
    }
  });

  describe("properties", () => {
    const amountPattern = (toJsonSchema("numeric").anyOf as JsonSchema[])[1]!.pattern as string;

    it("the amount pattern matches exactly the strings parseAmount reads (up to magnitude)", () => {
      const text = fc.string({
        unit: fc.constantFrom(..."0123456789.,-+eE%万亿千元¥ ".split("")),
        maxLength: 12,
      });
      fc.assert(
        fc.property(text, (candidate) => {
          let reads = true;
          try {
            parseAmount(candidate);
          } catch (error) {
            reads = (error as { code: string }).code === "NUMBER_TOO_LARGE";
          }
          expect(new RegExp(amountPattern, "u").test(candidate), JSON.stringify(candidate)).toBe(
            reads,
          );
        }),
        { numRuns: runs(300) },
      );
    });

    it("the amount pattern is linear on long garbage (no catastrophic backtracking)", () => {
      const garbage = `${"1".repeat(50_000)}x`;
      expect(new RegExp(amountPattern, "u").test(garbage)).toBe(false);
      expect(new RegExp(amountPattern, "u").test(`1,${"000,".repeat(12_000)}00`)).toBe(false);
    });

    it("the name pattern agrees with defineModel's names on ASCII text", () => {
      const pattern = new RegExp(
        dig(toJsonSchema("formulas"), "propertyNames", "pattern") as string,
        "u",
      );
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 6 }), (name) => {
          let valid = true;
          try {
            validate("formulas", { [name]: "1" });
          } catch {
            valid = false;
          }
          expect(pattern.test(name), JSON.stringify(name)).toBe(valid);
        }),
        { numRuns: runs(300) },
      );
    });

    it("a document zod accepts, the JSON Schema accepts (mutated weights and trees)", () => {
      const value = fc.oneof(
        fc.nat(100),
        fc.constantFrom("40%", "-1", "x", "5万", "", true, null, -2, [], {}),
      );
      const tree = fc.letrec((tie) => ({
        node: fc.record(
          {
            name: fc.constantFrom("a", "b", "", 3),
            weight: value,
            share: value,
            split: fc.constantFrom("weights", "even", "other"),
            extra: fc.constant(1),
            children: fc.array(tie("node"), { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      })).node;
      const treeSchema = toJsonSchema("cascadeTree");
      const weightsSchema = toJsonSchema("weights");
      fc.assert(
        fc.property(
          tree,
          fc.dictionary(fc.constantFrom("a", "b", "c"), value),
          (candidate, weights) => {
            for (const [name, json, document] of [
              ["cascadeTree", treeSchema, candidate],
              ["weights", weightsSchema, weights],
            ] as const) {
              let accepted = true;
              try {
                validate(name, document);
              } catch {
                accepted = false;
              }
              if (accepted) expect(jsonSchemaAccepts(json, document as never)).toBe(true);
            }
          },
        ),
        { numRuns: runs(300) },
      );
    });
  });
});
