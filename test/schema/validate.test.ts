import fc from "fast-check";
import { TargetreeError } from "targetree";
import { schemas, validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

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
    const error = errorOf(() =>
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
    expect(errorOf(() => validate("weights", { a: -1 })).code).toBe("NEGATIVE_WEIGHT");
    expect(errorOf(() => validate("numeric", "1.2.3")).code).toBe("INVALID_NUMBER");
    expect(errorOf(() => validate("numeric", "1e5000")).code).toBe("NUMBER_TOO_LARGE");
    expect(errorOf(() => validate("isoDate", "2026-13-01")).code).toBe("INVALID_DATE");
  });

  it("refuses numbers JSON cannot hold, and says when a number is missing", () => {
    for (const [value, shown] of [
      [Number.NaN, "NaN"],
      [Number.POSITIVE_INFINITY, "Infinity"],
      [Number.NEGATIVE_INFINITY, "-Infinity"],
    ] as const) {
      const error = errorOf(() => validate("numeric", value));
      expect([error.code, error.message]).toEqual([
        "INVALID_NUMBER",
        `INVALID_NUMBER: Expected a finite number, got ${shown}.`,
      ]);
    }
    expect(errorOf(() => validate("weights", [1, Number.NaN])).path).toEqual([1]);
    const missing = errorOf(() => validate("numeric", undefined));
    expect([missing.code, missing.message]).toEqual([
      "INVALID_ARGUMENT",
      'INVALID_ARGUMENT: Missing: expected a number or a numeric string such as "50万" or "25%".',
    ]);
    const tier = errorOf(() => validate("bonusTiers", [{ rate: "3%" }]));
    expect([tier.code, tier.path, tier.details.issues]).toEqual([
      "INVALID_TIERS",
      [0, "from"],
      [
        {
          path: [0, "from"],
          message: 'Missing: expected a number or a numeric string such as "50万" or "25%".',
          code: null,
        },
      ],
    ]);
  });

  it("describes wrong types without calling the value's methods", () => {
    const hostile = {
      toString() {
        throw new Error("called");
      },
    };
    expect(errorOf(() => validate("numeric", hostile)).message).toBe(
      'INVALID_NUMBER: Expected a number or a numeric string such as "50万" or "25%", got an object.',
    );
    expect(errorOf(() => validate("formulas", { a: hostile })).message).toContain("got an object");
    expect(errorOf(() => validate("alertRules", [{ id: 1 }])).details.issues).toHaveLength(3);
  });

  it("refuses explicit undefined, which JSON cannot hold: leave the field out instead", () => {
    const error = errorOf(() => validate("calendar", { name: undefined }));
    expect(error.path).toEqual(["name"]);
    expect(error.message).toContain("Missing: expected a string.");
  });

  it("accepts any zod schema, classic ones included, with the same error model", () => {
    const body = z.object({ plan: z.string(), weights: schemas.weights });
    expect(validate(body, { plan: "2026", weights: [1, 2] })).toEqual({
      plan: "2026",
      weights: [1, 2],
    });
    const error = errorOf(() => validate(body, { plan: "2026", weights: [1, "x"] }));
    expect([error.code, error.path]).toEqual(["INVALID_NUMBER", ["weights", 1]]);
  });

  it("refuses an unknown schema name, even an inherited one", () => {
    for (const name of ["model", "toString", "__proto__"]) {
      const error = errorOf(() => validate(name as "weights", {}));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["schema"]]);
    }
    expect(errorOf(() => validate({} as never, 1)).code).toBe("INVALID_ARGUMENT");
  });

  it("keeps __proto__ keys of parsed JSON as ordinary keys and pollutes nothing", () => {
    const weights = validate("weights", JSON.parse('{"__proto__": 3, "constructor": 1}'));
    expect(Object.getPrototypeOf(weights)).toBeNull();
    expect(Object.keys(weights)).toEqual(["__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(weights, "__proto__")?.value).toBe(3);
    const polluting = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const error = errorOf(() => validate("weights", polluting));
    expect(error.path).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const tree = errorOf(() => validate("valueTree", JSON.parse('{"__proto__": {"value": 1}}')));
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

  it("refuses what is neither a schema name nor a zod schema, naming the schemas it knows", () => {
    for (const schema of [null, 42, {}, { _zod: {} }, { _zod: { run: 1 } }]) {
      const error = errorOf(() => validate(schema as never, 1));
      expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["schema"]]);
      expect(error.message).toBe(
        "INVALID_ARGUMENT: schema must be a schema name (see schemas) or a zod schema. (at schema)",
      );
    }
    expect(errorOf(() => validate("model" as "weights", 1)).message).toBe(
      `INVALID_ARGUMENT: Unknown schema "model"; the schemas are ${Object.keys(schemas).join(", ")}. (at schema)`,
    );
  });

  it("counts the other problems in the message: one more problem is, two more are", () => {
    const error = errorOf(() => validate(z.strictObject({ a: z.string() }), { a: 1, b: 2 }));
    expect(error.message).toBe(
      "INVALID_ARGUMENT: Expected a string, got 1. 1 more problem is listed in details.issues. (at a)",
    );
    expect(error.details.issues).toEqual([
      { path: ["a"], message: "Expected a string, got 1.", code: null },
      { path: ["b"], message: 'Unknown field "b" (check the spelling).', code: null },
    ]);
  });

  it("reports several unknown fields in one issue, at the first of them", () => {
    const error = errorOf(() => validate(z.strictObject({}), { b: 1, a: 2 }));
    expect(error.path).toEqual(["b"]);
    expect(error.details.issues).toEqual([
      { path: ["b"], message: 'Unknown fields "b", "a" (check the spelling).', code: null },
    ]);
  });

  it("words zod's own issues the library's way, whatever zod's locale", () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.string(), 1.5, "Expected a string, got 1.5."],
      [z.number(), "x", 'Expected a number, got the string "x".'],
      [z.boolean(), 1, "Expected true or false, got 1."],
      [z.object({}), "x", 'Expected an object, got the string "x".'],
      [z.array(z.string()), 1, "Expected an array, got 1."],
      [z.record(z.string(), z.number()), 1, "Expected an object, got 1."],
      [z.int(), 1.5, "Expected a whole number, got 1.5."],
      [z.null(), 1, "Expected null, got 1."],
      [z.date(), "x", 'Expected a date, got the string "x".'],
      [z.literal(5), 6, "Expected 5, got 6."],
      [z.enum(["a", "b"]), "c", 'Expected "a" or "b", got the string "c".'],
      [z.array(z.number()).min(2), [1], "Expected at least 2 items."],
      [z.array(z.number()).min(1), [], "Expected at least 1 item."],
      [z.array(z.number()).max(1), [1, 2], "Expected at most 1 item."],
      [z.set(z.number()).min(2), new Set([1]), "Expected at least 2 items."],
      [z.string().max(3), "abcd", "Expected at most 3 characters."],
      [z.string().min(1), "", "Expected at least 1 character."],
      [z.number().min(3), 1, "Expected a number ≥ 3, got 1."],
      [z.number().gt(3), 1, "Expected a number > 3, got 1."],
      [z.number().max(3), 5, "Expected a number ≤ 3, got 5."],
      [z.number().lt(3), 5, "Expected a number < 3, got 5."],
      [z.bigint().min(5n), 1n, "Expected a number ≥ 5, got a bigint."],
      [z.union([z.string(), z.number()]), true, "A boolean matches none of the allowed forms."],
      [z.union([z.string(), z.number()]), null, "Null matches none of the allowed forms."],
      [z.string().email(), "x", '"x" does not have the expected form.'],
      [z.number().multipleOf(5), 3, "Invalid value: 3."],
    ];
    for (const [schema, value, message] of cases) {
      const error = errorOf(() => validate(schema, value));
      expect(error.details.issues, message).toEqual([{ path: [], message, code: null }]);
      expect(error.message).toBe(`INVALID_ARGUMENT: ${message}`);
    }
  });

  it("gives a caller's own refinement INVALID_ARGUMENT and its message", () => {
    const error = errorOf(() =>
      validate(
        z.string().refine(() => false, "nope"),
        "x",
      ),
    );
    expect([error.code, error.message, error.details.issues]).toEqual([
      "INVALID_ARGUMENT",
      "INVALID_ARGUMENT: nope",
      [{ path: [], message: "nope", code: null }],
    ]);
  });

  it("shows a symbol key in the path as text, so the path stays JSON", () => {
    const key = Symbol("k");
    const error = errorOf(() => validate(z.object({ [key]: z.string() }), { [key]: 1 }));
    expect(error.path).toEqual(["Symbol(k)"]);
  });

  it("gives the core's message without its code prefix or path suffix", () => {
    const date = errorOf(() => validate("isoDate", "2026-02-29"));
    expect(date.message).toBe('INVALID_DATE: "2026-02-29" does not exist: 2026-02 has 28 days.');
    const rule = errorOf(() => validate("alertRules", [{ id: "a", when: "x <", recommend: "r" }]));
    expect(rule.details.issues).toEqual([
      {
        path: [0, "when"],
        message:
          'In formula "a" at column 4, at the end: the formula ends where a value is expected.',
        code: "FORMULA_SYNTAX",
      },
    ]);
    expect(rule.details).toMatchObject({ formula: "a", column: 4 });
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
