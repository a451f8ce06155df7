import fc from "fast-check";
import {
  defineModel,
  evaluate,
  type Model,
  revenueModel,
  TargetreeError,
  toDecimal,
} from "targetree";
import {
  type ModelDefinition,
  modelDefinitionSchema,
  modelFromDefinition,
  modelToDefinition,
  parseModelDefinition,
  validate,
} from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const W1_INPUTS = {
  newCustomers: 600,
  conversion: "25%",
  newAov: 8000,
  returningCustomers: 1500,
  repurchase: "40%",
  returningAov: 6000,
};

/** The W1 revenue model as a stored document, written by hand. */
const W1_DOCUMENT = {
  $schema: "https://example.com/targetree/model-definition.json",
  version: 1,
  formulas: {
    revenue: "newRevenue + returningRevenue",
    newRevenue: "newCustomers * conversion * newAov",
    returningRevenue: "returningCustomers * repurchase * returningAov",
  },
  inputs: {
    newCustomers: { label: "新客户数", unitLabel: "人", wholeNumber: true, min: 0 },
    conversion: { label: "转化率", unitLabel: "%", min: 0, max: "100%" },
    newAov: { label: "客单价(新客)", unitLabel: "元", min: 0 },
  },
  nodes: { revenue: { label: "营业收入", unitLabel: "元" } },
};

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Each listed problem's code and path, in order. */
const issuesOf = (error: TargetreeError): [string | null, unknown[]][] =>
  (error.details.issues as { code: string | null; path: unknown[] }[]).map((issue) => [
    issue.code,
    issue.path,
  ]);

describe("modelToDefinition", () => {
  it("writes the W1 revenue model as a version-1 document with every input in order", () => {
    const document = modelToDefinition(revenueModel());
    expect(document.version).toBe(1);
    expect(Object.keys(document.formulas)).toEqual(["newRevenue", "returningRevenue", "revenue"]);
    expect(Object.keys(document.inputs!)).toEqual(revenueModel().inputs);
    expect(document.inputs!.newCustomers).toEqual({
      label: "新客户数",
      unitLabel: "人",
      min: 0,
      wholeNumber: true,
    });
    expect(document.inputs!.conversion).toEqual({
      label: "转化率",
      unitLabel: "%",
      min: 0,
      max: 1,
    });
    expect(document.nodes!.revenue).toEqual({ label: "营业收入", unitLabel: "元" });
  });

  it("leaves nodes out when no formula node has a label or unit label, and writes bare inputs as {}", () => {
    const document = modelToDefinition(defineModel({ total: "a + b" }));
    expect(throughJson(document)).toEqual({
      version: 1,
      formulas: { total: "a + b" },
      inputs: { a: {}, b: {} },
    });
  });

  it("writes a bound as a number when that is exact, else as its exact decimal string", () => {
    const model = defineModel(
      { y: "a + b + c" },
      {
        inputs: {
          a: { min: "0.1", max: "1.2亿" },
          b: { min: "0.12345678901234567890123" },
          c: { max: "1e30" },
        },
      },
    );
    const { inputs } = modelToDefinition(model);
    expect(inputs!.a).toEqual({ min: 0.1, max: 120000000 });
    expect(inputs!.b).toEqual({ min: "0.12345678901234567890123" });
    expect(inputs!.c).toEqual({ max: "1000000000000000000000000000000" });
  });

  it("keeps __proto__ and constructor as ordinary names in null-prototype records", () => {
    const model = defineModel(JSON.parse('{"__proto__": "constructor * 2"}'));
    const document = modelToDefinition(model);
    expect(Object.getPrototypeOf(document.formulas)).toBeNull();
    expect(Object.keys(document.formulas)).toEqual(["__proto__"]);
    expect(JSON.stringify(document)).toBe(
      '{"version":1,"formulas":{"__proto__":"constructor * 2"},"inputs":{"constructor":{}}}',
    );
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });

  it("refuses something that is not a model", () => {
    const error = errorOf(() => modelToDefinition({ nodes: {} } as unknown as Model));
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.path).toEqual(["model"]);
  });

  it("refuses each way of not being a model", () => {
    const a = { formula: null };
    const notModels: [unknown, string][] = [
      [null, "null"],
      [42, "42"],
      [{ inputs: [], outputs: [] }, "an object"],
      [{ nodes: null, inputs: [], outputs: [] }, "an object"],
      [{ nodes: {}, outputs: [] }, "an object"],
      [{ nodes: {}, inputs: [] }, "an object"],
      [{ nodes: { "1": a }, inputs: [1], outputs: [] }, "an object"],
      [{ nodes: {}, inputs: ["toString"], outputs: [] }, "an object"],
      [{ nodes: { a }, inputs: ["a"], outputs: ["b"] }, "an object"],
    ];
    for (const [value, described] of notModels) {
      const error = errorOf(() => modelToDefinition(value as Model));
      expect([error.code, error.path, error.message]).toEqual([
        "INVALID_ARGUMENT",
        ["model"],
        `INVALID_ARGUMENT: Expected a model from defineModel, got ${described}. (at model)`,
      ]);
    }
  });

  it("writes the metadata of a formula node that has only a unit label or only a label", () => {
    const model = defineModel(
      { total: "a + b", share: "a / total" },
      { nodes: { total: { unitLabel: "元" }, share: { label: "占比" } } },
    );
    expect(throughJson(modelToDefinition(model).nodes)).toEqual({
      total: { unitLabel: "元" },
      share: { label: "占比" },
    });
  });
});

describe("parseModelDefinition", () => {
  it("accepts the W1 document and returns a fresh copy", () => {
    const parsed = parseModelDefinition(W1_DOCUMENT);
    expect(parsed).toEqual(W1_DOCUMENT);
    expect(parsed).not.toBe(W1_DOCUMENT);
    expect(parsed.formulas).not.toBe(W1_DOCUMENT.formulas);
  });

  it("refuses a missing or unknown version first, at path version", () => {
    for (const version of [undefined, 2, "1", 0]) {
      const error = errorOf(() =>
        parseModelDefinition({ version, formulas: "not even an object" }),
      );
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.path).toEqual(["version"]);
      expect(error.details).toMatchObject({ supported: [1] });
    }
    expect(errorOf(() => parseModelDefinition({ formulas: {} })).message).toBe(
      'INVALID_ARGUMENT: A model definition needs "version": 1. (at version)',
    );
  });

  it("tells a missing version from an unknown one in details", () => {
    expect(errorOf(() => parseModelDefinition({ formulas: {} })).details).toEqual({
      version: null,
      supported: [1],
    });
    const two = errorOf(() => parseModelDefinition({ version: 2, formulas: {} }));
    expect(two.details).toEqual({ version: 2, supported: [1] });
    expect(two.message).toBe(
      "INVALID_ARGUMENT: Unknown model definition version: got 2; this version of targetree reads version 1. (at version)",
    );
  });

  it("reads the document's own version only, not one it inherits", () => {
    const inherited = Object.assign(Object.create({ version: 1 }), { formulas: { a: "1" } });
    const error = errorOf(() => parseModelDefinition(inherited));
    expect([error.path, error.details]).toEqual([["version"], { version: null, supported: [1] }]);
  });

  it("refuses a document that is not an object with the schema's message", () => {
    const error = errorOf(() => parseModelDefinition([{ version: 1 }]));
    expect([error.code, error.path, error.message]).toEqual([
      "INVALID_ARGUMENT",
      [],
      "INVALID_ARGUMENT: Expected an object, got an array.",
    ]);
    expect(errorOf(() => parseModelDefinition(null)).message).toBe(
      "INVALID_ARGUMENT: Expected an object, got null.",
    );
  });

  it("words the version problems the same way through validate", () => {
    expect(errorOf(() => validate("modelDefinition", { formulas: { a: "1" } })).message).toBe(
      'INVALID_ARGUMENT: A model definition needs "version": 1. (at version)',
    );
    expect(
      errorOf(() => validate("modelDefinition", { version: 2, formulas: { a: "1" } })).message,
    ).toBe(
      "INVALID_ARGUMENT: Unknown model definition version: got 2; this version of targetree reads version 1. (at version)",
    );
  });

  it("gives the path into the document for each kind of bad document", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      ["not an object", "INVALID_ARGUMENT", []],
      [{ version: 1 }, "INVALID_ARGUMENT", ["formulas"]],
      [{ version: 1, formulas: {} }, "INVALID_ARGUMENT", ["formulas"]],
      [{ version: 1, formulas: { a: 3 } }, "INVALID_ARGUMENT", ["formulas", "a"]],
      [{ version: 1, formulas: { "a b": "1" } }, "INVALID_ARGUMENT", ["formulas", "a b"]],
      [{ version: 1, formulas: { and: "1" } }, "INVALID_ARGUMENT", ["formulas", "and"]],
      [
        { version: 1, formulas: { "a\u200Bb": "1" } },
        "INVALID_CHARACTER",
        ["formulas", "a\u200Bb"],
      ],
      [{ version: 1, formulas: { "e\u0301": "1", é: "2" } }, "DUPLICATE_NAME", ["formulas", "é"]],
      [{ version: 1, formulas: { a: "b +" } }, "FORMULA_SYNTAX", ["formulas", "a"]],
      [{ version: 1, formulas: { a: "a + 1" } }, "SELF_REFERENCE", ["formulas", "a"]],
      [{ version: 1, formulas: { a: "b", b: "a" } }, "CYCLE", ["formulas", "a"]],
      [{ version: 1, formulas: { a: "median(b)" } }, "UNKNOWN_FUNCTION", ["formulas", "a"]],
      [{ version: 1, formulas: { a: "b < 1" } }, "TYPE_MISMATCH", ["formulas", "a"]],
      [{ version: 1, formulas: { a: "b" }, inputs: { c: {} } }, "UNKNOWN_NODE", ["inputs", "c"]],
      [
        { version: 1, formulas: { a: "b" }, inputs: { a: {} } },
        "INVALID_ARGUMENT",
        ["inputs", "a"],
      ],
      [{ version: 1, formulas: { a: "b" }, nodes: { b: {} } }, "INVALID_ARGUMENT", ["nodes", "b"]],
      [
        { version: 1, formulas: { a: "b" }, inputs: { b: { min: 2, max: 1 } } },
        "INVALID_ARGUMENT",
        ["inputs", "b"],
      ],
      [
        { version: 1, formulas: { a: "b" }, inputs: { b: { max: "abc" } } },
        "INVALID_NUMBER",
        ["inputs", "b", "max"],
      ],
      [
        { version: 1, formulas: { a: "b" }, inputs: { b: { wholeNumber: "yes" } } },
        "INVALID_ARGUMENT",
        ["inputs", "b", "wholeNumber"],
      ],
      [
        { version: 1, formulas: { a: "b" }, inputs: { b: { lable: "x" } } },
        "INVALID_ARGUMENT",
        ["inputs", "b", "lable"],
      ],
      [{ version: 1, formulas: { a: "1" }, formula: {} }, "INVALID_ARGUMENT", ["formula"]],
      [
        { version: 1, formulas: { a: "x".repeat(1_000_001) } },
        "FORMULA_TOO_LONG",
        ["formulas", "a"],
      ],
    ];
    for (const [document, code, path] of cases) {
      const error = errorOf(() => parseModelDefinition(document));
      expect([error.code, error.path], JSON.stringify(document).slice(0, 80)).toEqual([code, path]);
    }
  });

  it("speaks of the document's inputs and nodes, not of defineModel's options", () => {
    const error = errorOf(() =>
      parseModelDefinition({ version: 1, formulas: { a: "b" }, inputs: { c: {} } }),
    );
    expect(error.message).toBe(
      'UNKNOWN_NODE: "c" is described in inputs but no formula uses it. (at inputs.c)',
    );
    expect(
      errorOf(() => parseModelDefinition({ version: 1, formulas: { a: "b" }, nodes: { b: {} } }))
        .message,
    ).toBe('INVALID_ARGUMENT: "b" is an input; describe it in inputs. (at nodes.b)');
    expect(
      errorOf(() => parseModelDefinition({ version: 1, formulas: { a: "b" }, inputs: { a: {} } }))
        .message,
    ).toBe(
      'INVALID_ARGUMENT: "a" is computed by a formula, not an input; describe it in nodes. (at inputs.a)',
    );
  });

  it("lists every problem of the model, not only the first", () => {
    const error = errorOf(() =>
      parseModelDefinition({
        version: 1,
        formulas: { a: "b +", c: "c + 1", d: "e * 2" },
        nodes: { q: {} },
      }),
    );
    expect(error.code).toBe("FORMULA_SYNTAX");
    expect(issuesOf(error)).toEqual([
      ["FORMULA_SYNTAX", ["formulas", "a"]],
      ["SELF_REFERENCE", ["formulas", "c"]],
      ["UNKNOWN_NODE", ["nodes", "q"]],
    ]);
    expect(error.message).toContain("2 more problems are listed in details.issues");
  });

  it("reports a cycle as CYCLE with its path, even when inputs are described", () => {
    const error = errorOf(() =>
      parseModelDefinition({
        version: 1,
        formulas: { a: "b + x", b: "a * 2" },
        inputs: { x: { min: 0 }, a: {} },
      }),
    );
    expect([error.code, error.path]).toEqual(["CYCLE", ["formulas", "a"]]);
    expect(error.details.cycle).toEqual(["a", "b", "a"]);
    expect(issuesOf(error)).toEqual([
      ["CYCLE", ["formulas", "a"]],
      ["INVALID_ARGUMENT", ["inputs", "a"]],
    ]);
  });

  it("lists the model's problems beside the shape's", () => {
    const error = errorOf(() =>
      parseModelDefinition({
        version: 1,
        formulas: { a: "b + x", b: "a" },
        inputs: { x: { lable: "x" } },
      }),
    );
    expect(issuesOf(error)).toEqual([
      [null, ["inputs", "x", "lable"]],
      ["CYCLE", ["formulas", "a"]],
    ]);
  });

  it("reports a formula name one edit away from a described input as a likely typo", () => {
    const document = modelToDefinition(revenueModel()) as {
      formulas: Record<string, string>;
    };
    const misspelt = {
      ...document,
      formulas: { ...document.formulas, newRevenue: "newCustomers * converson * newAov" },
    };
    const error = errorOf(() => parseModelDefinition(JSON.parse(JSON.stringify(misspelt))));
    expect([error.code, error.path]).toEqual(["LIKELY_TYPO", ["formulas", "newRevenue"]]);
    expect(error.message).toContain(
      '"converson" is not described in inputs, but the described input "conversion" is one edit away: a typo? If it is a separate input, describe it in inputs too.',
    );
    // Only the typo is reported: the unused "conversion" is the same problem.
    expect(issuesOf(error)).toEqual([["LIKELY_TYPO", ["formulas", "newRevenue"]]]);
  });

  it("lists every shape problem in details.issues", () => {
    const error = errorOf(() =>
      parseModelDefinition({ version: 1, formulas: { a: 1, b: 2 }, extra: true }),
    );
    const issues = error.details.issues as { path: unknown[] }[];
    expect(issues.map((issue) => issue.path)).toEqual([
      ["formulas", "a"],
      ["formulas", "b"],
      ["extra"],
    ]);
    expect(error.message).toContain("2 more problems are listed in details.issues");
  });

  it("treats a __proto__ key of parsed JSON as an ordinary name and pollutes nothing", () => {
    const document = JSON.parse(
      '{"version": 1, "formulas": {"__proto__": "toString + 1"}, "inputs": {"toString": {"max": 5}}}',
    );
    const parsed = parseModelDefinition(document);
    expect(Object.keys(parsed.formulas)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(parsed.formulas)).toBeNull();
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
    const model = modelFromDefinition(document);
    const proto = "__proto__";
    expect(evaluate(model, { toString: 2 })[proto]!.toString()).toBe("3");
    const polluted = errorOf(() =>
      parseModelDefinition(
        JSON.parse('{"version": 1, "formulas": {"a": "1"}, "__proto__": {"x": 1}}'),
      ),
    );
    expect(polluted.path).toEqual(["__proto__"]);
    expect((Object.prototype as Record<string, unknown>).x).toBeUndefined();
  });

  it("does not change frozen input", () => {
    const frozen = structuredClone(W1_DOCUMENT);
    for (const value of [frozen, frozen.formulas, frozen.inputs, frozen.nodes])
      Object.freeze(value);
    expect(parseModelDefinition(frozen)).toEqual(W1_DOCUMENT);
    expect(modelFromDefinition(frozen as ModelDefinition).inputs).toHaveLength(6);
  });

  it("agrees with validate(modelDefinitionSchema)", () => {
    expect(validate(modelDefinitionSchema, W1_DOCUMENT)).toEqual(parseModelDefinition(W1_DOCUMENT));
    expect(validate("modelDefinition", W1_DOCUMENT)).toEqual(W1_DOCUMENT);
  });
});

describe("formulas and defineModelOptions", () => {
  it("takes a formula of exactly the length limit and refuses one character more", () => {
    expect(validate("formulas", { a: "x".repeat(1_000_000) }).a).toHaveLength(1_000_000);
    const error = errorOf(() => validate("formulas", { a: "x".repeat(1_000_001) }));
    expect([error.code, error.path, error.message]).toEqual([
      "FORMULA_TOO_LONG",
      ["a"],
      "FORMULA_TOO_LONG: The formula has 1000001 characters; the limit is 1000000. (at a)",
    ]);
  });

  it("says what is wrong with formulas and names", () => {
    const cases: [unknown, string][] = [
      [{ a: 3 }, "INVALID_ARGUMENT: A formula must be a string, got 3. (at a)"],
      [{}, "INVALID_ARGUMENT: A model needs at least one formula."],
      [
        "a",
        'INVALID_ARGUMENT: Expected an object of formula text by node name, got the string "a".',
      ],
      [
        { and: "1" },
        'INVALID_ARGUMENT: "and" is a reserved word (and, or, not, true, false) and cannot name a node. (at and)',
      ],
      [
        { "a b": "1" },
        'INVALID_ARGUMENT: "a b" is not a valid name: use letters (any script), digits and _, not starting with a digit. Put readable text with spaces or brackets in a label. (at ["a b"])',
      ],
      [
        { "a\u200Bb": "1" },
        'INVALID_CHARACTER: The name "a<U+200B>b" contains the invisible character U+200B at position 2. (at ["a<U+200B>b"])',
      ],
    ];
    for (const [formulas, message] of cases) {
      expect(errorOf(() => validate("formulas", formulas)).message).toBe(message);
    }
    const invisible = errorOf(() => validate("formulas", { "a\u200Bb": "1" }));
    expect(invisible.details.column).toBe(2);
    const duplicate = errorOf(() => validate("formulas", { "e\u0301": "1", é: "2" }));
    expect([duplicate.code, duplicate.details.names]).toEqual(["DUPLICATE_NAME", ["e\u0301", "é"]]);
  });

  it("takes equal bounds and refuses a minimum above the maximum", () => {
    const options = { inputs: { a: { min: "1", max: 1 } } };
    expect(validate("defineModelOptions", options)).toEqual(options);
    const error = errorOf(() =>
      validate("defineModelOptions", { inputs: { a: { min: "1.5", max: 1 } } }),
    );
    expect([error.path, error.message]).toEqual([
      ["inputs", "a"],
      "INVALID_ARGUMENT: min is greater than max. (at inputs.a)",
    ]);
  });

  it("says what is wrong with the metadata records", () => {
    const cases: [unknown, string][] = [
      [
        { inputs: [] },
        "INVALID_ARGUMENT: Expected an object of input metadata by input name, got an array. (at inputs)",
      ],
      [
        { nodes: "x" },
        'INVALID_ARGUMENT: Expected an object of node metadata by node name, got the string "x". (at nodes)',
      ],
      [
        { nodes: { a: { label: 1 } } },
        "INVALID_ARGUMENT: Expected a string, got 1. (at nodes.a.label)",
      ],
      [
        { nodes: { a: { unitLabel: "元", min: 0 } } },
        'INVALID_ARGUMENT: Unknown field "min" (check the spelling). (at nodes.a.min)',
      ],
    ];
    for (const [options, message] of cases) {
      expect(errorOf(() => validate("defineModelOptions", options)).message).toBe(message);
    }
  });
});

describe("modelFromDefinition", () => {
  it("builds the W1 model from its document: 480万 from the stated inputs", () => {
    const model = modelFromDefinition(W1_DOCUMENT as ModelDefinition);
    expect(model.inputs.slice(0, 3)).toEqual(["newCustomers", "conversion", "newAov"]);
    expect(model.nodes.conversion!.max!.toString()).toBe("1");
    expect(model.nodes.revenue!.label).toBe("营业收入");
    expect(evaluate(model, W1_INPUTS).revenue!.toString()).toBe("4800000");
  });

  it("throws the core's errors with the document's paths", () => {
    const error = errorOf(() =>
      modelFromDefinition({ version: 1, formulas: { revenue: "customers * (aov" } }),
    );
    expect(error.code).toBe("FORMULA_SYNTAX");
    expect(error.path).toEqual(["formulas", "revenue"]);
    expect(error.details.column).toBe(17);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: random models survive define → toDefinition → JSON → parse → fromDefinition.

const NAMES = [
  "a",
  "b",
  "revenue",
  "新客户数",
  "__proto__",
  "constructor",
  "toString",
  "x_1",
  "Größe",
];
const NUMBERS = ["0", "0.1", "-2.5", "25%", "1.2亿", "1e-9", "123456789012345678901234567890", "7"];

const bound = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...NUMBERS),
);

/** Formula nodes over earlier nodes and inputs (no cycles), with random metadata. */
const modelArbitrary = fc
  .tuple(
    fc.shuffledSubarray(NAMES, { minLength: 2, maxLength: NAMES.length }),
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.tuple(fc.constantFrom("+", "-", "*"), fc.nat(), fc.nat()), {
      minLength: 4,
      maxLength: 4,
    }),
    fc.array(
      fc.record(
        {
          label: fc.string({ maxLength: 6 }),
          unitLabel: fc.constantFrom("元", "人", "%"),
          min: bound,
          max: bound,
          wholeNumber: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      { minLength: NAMES.length, maxLength: NAMES.length },
    ),
    fc.array(fc.record({ label: fc.string({ maxLength: 6 }) }, { requiredKeys: [] }), {
      minLength: 4,
      maxLength: 4,
    }),
  )
  .map(([names, count, shapes, specs, nodeSpecs]) => {
    const formulaCount = Math.min(count, names.length - 1);
    const formulaNames = names.slice(0, formulaCount);
    const inputNames = names.slice(formulaCount);
    const formulas: Record<string, string> = Object.create(null);
    formulaNames.forEach((name, i) => {
      const [operator, left, right] = shapes[i]!;
      const readable = [...inputNames, ...formulaNames.slice(i + 1)];
      formulas[name] =
        `${readable[left % readable.length]} ${operator} ${readable[right % readable.length]}`;
    });
    const used = new Set(Object.values(formulas).flatMap((text) => text.split(" ")));
    const inputs: Record<string, Record<string, unknown>> = Object.create(null);
    inputNames.forEach((name, i) => {
      if (!used.has(name)) return;
      const spec: Record<string, unknown> = { ...specs[i]! };
      const { min, max } = specs[i]!;
      if (min !== undefined && max !== undefined) {
        const [low, high] = [min, max].sort((x, y) => toDecimal(x).cmp(toDecimal(y)));
        spec.min = low;
        spec.max = high;
      }
      if (i % 3 !== 2) inputs[name] = spec;
    });
    const nodes: Record<string, Record<string, unknown>> = Object.create(null);
    formulaNames.forEach((name, i) => {
      if (nodeSpecs[i]!.label !== undefined) nodes[name] = nodeSpecs[i]!;
    });
    return defineModel(formulas, { inputs, nodes } as never);
  });

/** Values, or the error code, of evaluating a model. */
function outcome(model: Model, inputs: Record<string, unknown>): unknown {
  try {
    const values = evaluate(model, inputs as never);
    return Object.fromEntries(Object.keys(values).map((name) => [name, values[name]!.toString()]));
  } catch (error) {
    if (error instanceof TargetreeError) return error.code;
    throw error;
  }
}

describe("properties", () => {
  it("define → toDefinition → JSON → parse → fromDefinition → toDefinition gives the same document", () => {
    fc.assert(
      fc.property(modelArbitrary, (model) => {
        const document = modelToDefinition(model);
        const text = JSON.stringify(document);
        const rebuilt = modelFromDefinition(parseModelDefinition(JSON.parse(text)));
        expect(JSON.stringify(modelToDefinition(rebuilt))).toBe(text);
        expect(rebuilt.order).toEqual(model.order);
        expect(rebuilt.inputs).toEqual(model.inputs);
      }),
      { numRuns: runs(150) },
    );
  });

  it("the rebuilt model evaluates to the same values (or the same error)", () => {
    fc.assert(
      fc.property(
        modelArbitrary,
        fc.array(fc.constantFrom(0, 1, 2.5, "3", "25%", 1000, -4), {
          minLength: NAMES.length,
          maxLength: NAMES.length,
        }),
        (model, values) => {
          const rebuilt = modelFromDefinition(
            JSON.parse(JSON.stringify(modelToDefinition(model))) as ModelDefinition,
          );
          const inputs = Object.fromEntries(model.inputs.map((name, i) => [name, values[i]]));
          expect(outcome(rebuilt, inputs)).toEqual(outcome(model, inputs));
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it("a document passes the schema exactly when modelFromDefinition builds it", () => {
    const document = fc.record({
      version: fc.constantFrom(1, 1, 1, 2),
      formulas: fc.dictionary(
        fc.constantFrom("a", "b", "c", "1x", "and"),
        fc.constantFrom("a + 1", "b * c", "c", "x +", "2", 5),
        { maxKeys: 3 },
      ),
      inputs: fc.dictionary(
        fc.constantFrom("a", "b", "c", "x"),
        fc.constantFrom({}, { min: 0 }, { max: "abc" }, { wholeNumber: 1 }, { min: 3, max: 2 }),
        { maxKeys: 2 },
      ),
    });
    fc.assert(
      fc.property(document, (candidate) => {
        const accepted = (fn: () => unknown): string => {
          try {
            fn();
            return "ok";
          } catch (error) {
            if (error instanceof TargetreeError) return error.code;
            throw error;
          }
        };
        const viaSchema = accepted(() => parseModelDefinition(candidate));
        const viaModel = accepted(() => modelFromDefinition(candidate as ModelDefinition));
        expect(viaSchema === "ok").toBe(viaModel === "ok");
      }),
      { numRuns: runs(200) },
    );
  });
});
