import fc from "fast-check";
import { readPlanDocument, TargetreeError } from "targetree";
import { schemas, toJsonSchema, validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";
import { example, minimal } from "../plan/_plans.js";
import { jsonSchemaAccepts } from "./_helpers.js";

type Json = Parameters<typeof jsonSchemaAccepts>[1];

const EXAMPLES = ["rishiqing-2024.json", "rishiqing-2024-fixed.json", "retail-2027.json"];

describe("planDocumentSchema", () => {
  it("is registered as planDocument", () => {
    expect(schemas.planDocument).toBeDefined();
  });

  it("accepts the example documents, as readPlanDocument does", () => {
    for (const name of EXAMPLES) {
      const doc = example(name);
      expect(validate("planDocument", doc), name).toEqual(readPlanDocument(doc));
    }
  });

  it("lists the same problems as readPlanDocument, with the first one's code and path", () => {
    const doc = { ...minimal(), target: "abc", taget: 1, period: { start: "2024-01-01" } };
    const schemaError = errorOf(() => validate("planDocument", doc));
    const coreError = errorOf(() => readPlanDocument(doc));
    const issues = schemaError.details.issues as { path: unknown; code: unknown }[];
    const problems = coreError.details.problems as { path: unknown; code: unknown }[];
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual(
      problems.map((problem) => [problem.path, problem.code]),
    );
    expect([schemaError.code, schemaError.path]).toEqual(["UNKNOWN_FIELD", ["taget"]]);
  });

  describe("its JSON Schema", () => {
    const json = toJsonSchema("planDocument");

    it("describes the document: required fields, closed objects, the grains", () => {
      expect(json.type).toBe("object");
      expect(json.required).toEqual(["version", "target", "period", "organization"]);
      expect(json.additionalProperties).toBe(false);
      const period = (json.properties as Record<string, Record<string, unknown>>).period!;
      expect(period.required).toEqual(["start", "end", "grains"]);
      expect((period.properties as Record<string, Record<string, unknown>>).grains!.items).toEqual({
        type: "string",
        enum: ["year", "quarter", "month", "dekad", "week", "day"],
      });
    });

    it("accepts the example documents", () => {
      for (const name of EXAMPLES)
        expect(jsonSchemaAccepts(json, example(name) as Json), name).toBe(true);
    });

    it("refuses documents of the wrong shape", () => {
      const bad: unknown[] = [
        { ...minimal(), version: 2 },
        { ...minimal(), target: undefined },
        { ...minimal(), taget: 1 },
        { ...minimal(), period: { start: "2024-01-01", end: "2024-12-31", grains: ["fortnight"] } },
        { ...minimal(), organization: { name: "x", children: [{ name: "a", weigth: 1 }] } },
        { ...minimal(), path: [{ period: "FY24", target: 1 }] },
        { ...minimal(), metrics: [{ name: "x", actual: 1, target: 2 }] },
      ];
      for (const doc of bad) {
        expect(
          jsonSchemaAccepts(json, JSON.parse(JSON.stringify(doc)) as Json),
          JSON.stringify(doc),
        ).toBe(false);
      }
    });

    it("property: a document the core reads, the JSON Schema accepts", () => {
      const base = example("rishiqing-2024-fixed.json");
      const fields: (string | number)[][] = [];
      const walk = (value: unknown, path: (string | number)[]) => {
        if (path.length > 0) fields.push(path);
        if (typeof value === "object" && value !== null && path.length < 6) {
          for (const [key, inner] of Object.entries(value)) {
            walk(inner, [...path, Array.isArray(value) ? Number(key) : key]);
          }
        }
      };
      walk(base, []);
      const value = fc.oneof(
        fc.jsonValue(),
        fc.constantFrom(
          "40%",
          "-5%",
          0,
          -1,
          "1.2亿",
          "万",
          "2025-12-31",
          "even",
          "其他",
          "2 weeks",
        ),
      );
      fc.assert(
        fc.property(fc.constantFrom(...fields), value, (path, replacement) => {
          const doc = structuredClone(base);
          let parent = doc as Record<string | number, unknown>;
          for (const key of path.slice(0, -1))
            parent = parent[key] as Record<string | number, unknown>;
          parent[path.at(-1)!] = replacement;
          let read = true;
          try {
            readPlanDocument(doc);
          } catch (error) {
            if (!(error instanceof TargetreeError)) throw error;
            read = false;
          }
          if (read) expect(jsonSchemaAccepts(json, doc as Json)).toBe(true);
        }),
        { numRuns: runs(300) },
      );
    });
  });
});
