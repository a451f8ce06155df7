import fc from "fast-check";
import { TargetreeError } from "targetree";
import { schemas, validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { runs } from "../_support/runs.js";
import { failure } from "./_helpers.js";

describe("validate", () => {
  it("returns the checked value as a fresh copy", () => {
    const input = {
      children: [
        { name: "华东", weight: 3 },
        { name: "华南", weight: "2" },
      ],
    };
    const output = validate("cascadeTree", input);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
    expect(output.children).not.toBe(input.children);
  });

  it("gives the first problem's code, message and path, and lists every problem", () => {
    const error = failure(() =>
      validate("cascadeTree", {
        children: [
          { name: "华东", weigth: 3 },
          { name: "", weight: -1 },
        ],
      }),
    );
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["children", 0, "weigth"]);
    expect(error.message).toBe(
      'INVALID_ARGUMENT: Unknown field "weigth" (check the spelling). 2 more problems are listed in details.issues. (at children[0].weigth)',
    );
    expect(error.details.issues).toEqual([
      {
        path: ["children", 0, "weigth"],
        message: 'Unknown field "weigth" (check the spelling).',
        code: null,
      },
      {
        path: ["children", 1, "name"],
        message: "Every node below the root needs a name (a non-empty string).",
        code: null,
      },
      {
        path: ["children", 1, "weight"],
        message:
          "Weights must be zero or positive. To split a negative total, keep the weights positive and make the total negative.",
        code: "NEGATIVE_WEIGHT",
      },
    ]);
  });

  it("uses the core's code when the check knows it", () => {
    expect(failure(() => validate("weights", { a: -1 })).code).toBe("NEGATIVE_WEIGHT");
    expect(failure(() => validate("numeric", "1.2.3")).code).toBe("INVALID_NUMBER");
    expect(failure(() => validate("numeric", "1e5000")).code).toBe("NUMBER_TOO_LARGE");
    expect(failure(() => validate("isoDate", "2026-13-01")).code).toBe("INVALID_DATE");
  });

  it("describes wrong types without calling the value's methods", () => {
    const hostile = {
      toString() {
        throw new Error("called");
      },
    };
    expect(failure(() => validate("numeric", hostile)).message).toBe(
      'INVALID_NUMBER: Expected a number or a numeric string such as "50万" or "25%", got an object.',
    );
    expect(failure(() => validate("formulas", { a: hostile })).message).toContain("got an object");
    expect(failure(() => validate("alertRules", [{ id: 1 }])).details.issues).toHaveLength(3);
  });

  it("refuses explicit undefined, which JSON cannot hold: leave the field out instead", () => {
    const error = failure(() => validate("calendar", { name: undefined }));
    expect(error.path).toEqual(["name"]);
    expect(error.message).toContain("Missing: expected a string.");
  });

  it("accepts any zod schema, classic ones included, with the same error model", () => {
    const body = z.object({ plan: z.string(), weights: schemas.weights });
    expect(validate(body, { plan: "2026", weights: [1, 2] })).toEqual({
      plan: "2026",
      weights: [1, 2],
    });
    const error = failure(() => validate(body, { plan: "2026", weights: [1, "x"] }));
    expect([error.code, error.path]).toEqual(["INVALID_NUMBER", ["weights", 1]]);
  });

  it("refuses an unknown schema name, even an inherited one", () => {
    for (const name of ["model", "toString", "__proto__"]) {
      const error = failure(() => validate(name as "weights", {}));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["schema"]]);
    }
    expect(failure(() => validate({} as never, 1)).code).toBe("INVALID_ARGUMENT");
  });

  it("keeps __proto__ keys of parsed JSON as ordinary keys and pollutes nothing", () => {
    const weights = validate("weights", JSON.parse('{"__proto__": 3, "constructor": 1}'));
    expect(Object.getPrototypeOf(weights)).toBeNull();
    expect(Object.keys(weights)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(weights, "__proto__")?.value).toBe(3);
    const polluting = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const error = failure(() => validate("weights", polluting));
    expect(error.path).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tree = failure(() => validate("valueTree", JSON.parse('{"__proto__": {"value": 1}}')));
    expect(tree.path).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).value).toBeUndefined();
  });

  it("reads own keys only: a polluted Object.prototype adds no entry", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.injected = 5;
    try {
      expect(Object.keys(validate("weights", { a: 1 }))).toEqual(["a"]);
    } finally {
      delete proto.injected;
    }
  });

  it("does not change frozen input", () => {
    const rules = Object.freeze([
      Object.freeze({ id: "low-visits", when: "dailyVisits < 3", recommend: "通知区域经理" }),
    ]);
    expect(validate("alertRules", rules)).toEqual(rules);
    const shares = Object.freeze({ 粮油: "40%", 日化: "30%" });
    expect(validate("shares", shares)).toEqual(shares);
  });

  describe("properties", () => {
    it("throws only TargetreeError, whatever JSON it is given", () => {
      const names = Object.keys(schemas) as (keyof typeof schemas)[];
      fc.assert(
        fc.property(fc.constantFrom(...names), fc.jsonValue(), (name, value) => {
          try {
            validate(name, value);
          } catch (error) {
            expect(error).toBeInstanceOf(TargetreeError);
            expect((error as TargetreeError).details.issues).not.toHaveLength(0);
          }
        }),
        { numRuns: runs(300) },
      );
    });

    it("a value that passes passes again, unchanged (validation is idempotent)", () => {
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.string({ maxLength: 4 }),
            fc.oneof(fc.nat(), fc.constantFrom("40%", "5万")),
          ),
          (weights) => {
            let once: unknown;
            try {
              once = validate("weights", weights);
            } catch {
              return;
            }
            expect(validate("weights", once)).toEqual(once);
          },
        ),
        { numRuns: runs(200) },
      );
    });
  });
});
