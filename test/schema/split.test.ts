import fc from "fast-check";
import { allocate, breakback, cascade, flattenTree, splitByShares } from "targetree";
import { validate } from "targetree/schema";
import { describe, expect, it } from "vitest";
import { errorOf } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

/** The W4 cascade 事业部 → 大区 → 个人 on 1.2亿. */
const W4_TREE = {
  name: "全国",
  children: [
    {
      name: "粮油事业部",
      share: "40%",
      children: [
        {
          name: "华东大区",
          share: "35%",
          children: [
            { name: "张伟", weight: 1.2 },
            { name: "王芳", weight: 1 },
            { name: "李娜", hold: "300万" },
          ],
        },
      ],
    },
  ],
};

describe("weightsSchema", () => {
  it("accepts records and arrays of numbers ≥ 0 in every numeric form", () => {
    expect(validate("weights", { 华东: 35, 华南: "25", 华北: "40%", 西部: "5万" })).toEqual({
      华东: 35,
      华南: "25",
      华北: "40%",
      西部: "5万",
    });
    expect(validate("weights", [0, 1.5, "2"])).toEqual([0, 1.5, "2"]);
    const parts = allocate(100, validate("weights", JSON.parse('{"华东": 3, "华南": "1"}')));
    expect(Object.entries(parts).map(([key, value]) => `${key} ${value}`)).toEqual([
      "华东 75",
      "华南 25",
    ]);
  });

  it("keeps the caller's key order", () => {
    expect(Object.keys(validate("weights", { c: 1, a: 2, b: 3 }))).toEqual(["c", "a", "b"]);
  });

  it("refuses each kind of bad weights with its code and path", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{}, "INVALID_ARGUMENT", []],
      [[], "INVALID_ARGUMENT", []],
      ["1,2", "INVALID_ARGUMENT", []],
      [{ a: -1 }, "NEGATIVE_WEIGHT", ["a"]],
      [[1, "-2%"], "NEGATIVE_WEIGHT", [1]],
      [{ a: "abc" }, "INVALID_NUMBER", ["a"]],
      [{ a: null }, "INVALID_NUMBER", ["a"]],
      [{ a: true }, "INVALID_NUMBER", ["a"]],
      [{ "a\u200Db": 1 }, "INVALID_CHARACTER", ["a\u200Db"]],
      [{ "e\u0301": 1, é: 2 }, "DUPLICATE_KEY", ["é"]],
    ];
    for (const [weights, code, path] of cases) {
      const error = errorOf(() => validate("weights", weights));
      expect([error.code, error.path], JSON.stringify(weights)).toEqual([code, path]);
    }
  });

  it("says what is wrong with an empty or malformed collection", () => {
    const empty =
      "INVALID_ARGUMENT: weights is empty: give at least one part to split the total over.";
    expect(errorOf(() => validate("weights", {})).message).toBe(empty);
    expect(errorOf(() => validate("weights", [])).message).toBe(empty);
    expect(errorOf(() => validate("weights", "1,2")).message).toBe(
      'INVALID_ARGUMENT: Expected an object of weights by part, got the string "1,2".',
    );
    expect(errorOf(() => validate("weights", null)).message).toBe(
      "INVALID_ARGUMENT: Expected an object of weights by part, got null.",
    );
    for (const collection of [new Map([["a", 1]]), new Set([1])]) {
      expect(errorOf(() => validate("weights", collection)).message).toMatch(
        /^INVALID_ARGUMENT: Expected an object of weights by part/,
      );
    }
    expect(errorOf(() => validate("weights", [1, "-2%"])).message).toBe(
      "NEGATIVE_WEIGHT: Weights must be zero or positive. To split a negative total, keep the weights positive and make the total negative. (at [1])",
    );
  });

  it("accepts zero and negative zero, which are not negative", () => {
    expect(validate("weights", [0, -0, "-0", "0%"])).toEqual([0, -0, "-0", "0%"]);
  });

  it("names both keys that are equal after NFC", () => {
    const error = errorOf(() => validate("weights", { "e\u0301": 1, é: 2 }));
    expect(error.details.names).toEqual(["e\u0301", "é"]);
    expect(error.message).toBe(
      'DUPLICATE_KEY: "e\u0301" and "é" are the same name after Unicode (NFC) normalisation. (at é)',
    );
  });

  it("checks the value of a key it refuses, too", () => {
    const error = errorOf(() => validate("weights", { "a\u200Bb": -1, c: 1 }));
    expect(error.details.issues).toEqual([
      {
        path: ["a\u200Bb"],
        message:
          "A key contains the invisible or bidirectional control character U+200B at position 2.",
        code: "INVALID_CHARACTER",
      },
      {
        path: ["a\u200Bb"],
        message:
          "Weights must be zero or positive. To split a negative total, keep the weights positive and make the total negative.",
        code: "NEGATIVE_WEIGHT",
      },
    ]);
  });

  it("agrees with allocate: validated weights split without error", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 3 }),
          fc.oneof(fc.nat(1000), fc.constantFrom("1.5", "40%", "2万", -1, "x")),
          { minKeys: 1, maxKeys: 5 },
        ),
        (weights) => {
          let valid = true;
          try {
            validate("weights", weights);
          } catch {
            valid = false;
          }
          let splits = true;
          try {
            allocate(1000, weights);
          } catch {
            splits = false;
          }
          expect(valid).toBe(splits);
        },
      ),
      { numRuns: runs(200) },
    );
  });
});

describe("sharesSchema", () => {
  it("accepts the W4 product shares, which leave 30% for the remainder", () => {
    const shares = validate("shares", { 粮油: "40%", 日化: "30%" });
    expect(splitByShares("1.2亿", shares).other?.toString()).toBe("36000000");
  });

  it("refuses shares over 100%, negative shares and no shares", () => {
    const over = errorOf(() => validate("shares", { a: "60%", b: 0.5 }));
    expect([over.code, over.path, over.details.sum]).toEqual(["SHARES_EXCEED_TOTAL", [], "1.1"]);
    expect(over.message).toBe(
      'SHARES_EXCEED_TOTAL: The shares add up to 110%, more than 100%. Shares are fractions of the total: write 40% as "40%" or 0.4.',
    );
    expect(errorOf(() => validate("shares", { a: "-10%" })).code).toBe("NEGATIVE_WEIGHT");
    expect(errorOf(() => validate("shares", {})).code).toBe("INVALID_ARGUMENT");
    expect(errorOf(() => validate("shares", [0.5])).code).toBe("INVALID_ARGUMENT");
  });
});

describe("sharesSchema limits", () => {
  it("accepts shares of exactly 100% and refuses a hair more", () => {
    expect(validate("shares", { a: "60%", b: "40%" })).toEqual({ a: "60%", b: "40%" });
    const over = errorOf(() => validate("shares", { a: "60%", b: "40.01%" }));
    expect([over.code, over.details.sum]).toEqual(["SHARES_EXCEED_TOTAL", "1.0001"]);
    expect(over.message).toMatch(/add up to 100\.01%, more than 100%/);
  });

  it("adds nothing up while an entry is malformed: the entry's problem is the only one", () => {
    const error = errorOf(() => validate("shares", { a: "abc", b: "60%", c: "60%" }));
    expect(error.details.issues).toEqual([
      {
        path: ["a"],
        message: '"abc" is not an amount: it has no digits (column 1).',
        code: "INVALID_NUMBER",
      },
    ]);
  });

  it("says what is wrong with an empty or malformed collection", () => {
    expect(errorOf(() => validate("shares", {})).message).toBe(
      "INVALID_ARGUMENT: shares is empty: give at least one part.",
    );
    expect(errorOf(() => validate("shares", [0.5])).message).toBe(
      "INVALID_ARGUMENT: Expected an object of shares by part, got an array.",
    );
    expect(errorOf(() => validate("shares", { a: "-10%" })).message).toBe(
      "NEGATIVE_WEIGHT: Shares must be zero or positive. (at a)",
    );
  });
});

describe("cascadeTreeSchema", () => {
  it("accepts the W4 tree, and cascade splits what it returns", () => {
    const tree = validate("cascadeTree", W4_TREE);
    expect(tree).toEqual(W4_TREE);
    const rows = flattenTree(cascade("1.2亿", tree, { unit: 1 }));
    expect(rows.find((row) => row.name === "李娜")?.value.toString()).toBe("3000000");
  });

  it("refuses each kind of bad tree with the path into it", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [[], "INVALID_ARGUMENT", []],
      [{ weight: 1 }, "INVALID_ARGUMENT", ["weight"]],
      [{ name: "" }, "INVALID_ARGUMENT", ["name"]],
      [{ children: [{ weight: 1 }] }, "INVALID_ARGUMENT", ["children", 0, "name"]],
      [{ children: [{ name: "a", wieght: 1 }] }, "INVALID_ARGUMENT", ["children", 0, "wieght"]],
      [{ children: "a" }, "INVALID_ARGUMENT", ["children"]],
      [{ children: [{ name: "a", weight: -3 }] }, "NEGATIVE_WEIGHT", ["children", 0, "weight"]],
      [{ children: [{ name: "a", share: "-1%" }] }, "NEGATIVE_WEIGHT", ["children", 0, "share"]],
      [{ children: [{ name: "a", hold: "1..2" }] }, "INVALID_NUMBER", ["children", 0, "hold"]],
      [{ split: "random" }, "INVALID_ARGUMENT", ["split"]],
      [{ unit: 0 }, "INVALID_ARGUMENT", ["unit"]],
      [{ remainder: " " }, "INVALID_ARGUMENT", ["remainder"]],
      [{ children: [{ name: "a" }, { name: "a" }] }, "DUPLICATE_KEY", ["children", 1, "name"]],
      [
        { children: [{ name: "a", children: [{ name: "x\u202Ey" }] }] },
        "INVALID_CHARACTER",
        ["children", 0, "children", 0, "name"],
      ],
      [
        { children: [{ name: "a", hold: 5, adjust: 1 }] },
        "INVALID_ARGUMENT",
        ["children", 0, "adjust"],
      ],
    ];
    for (const [tree, code, path] of cases) {
      const error = errorOf(() => validate("cascadeTree", tree));
      expect([error.code, error.path], JSON.stringify(tree)).toEqual([code, path]);
    }
  });

  it("accepts every split rule, and units and remainders where they are valid", () => {
    const tree = {
      split: "even",
      unit: "0.01",
      remainder: "其他",
      children: [
        { name: "a", split: "weights", unit: 1 },
        { name: "b", split: "shares", unit: "1万" },
      ],
    };
    expect(validate("cascadeTree", tree)).toEqual(tree);
  });

  it("words each refusal for the person who wrote the tree", () => {
    for (const field of ["weight", "share", "hold", "min", "max", "adjust"]) {
      expect(errorOf(() => validate("cascadeTree", { [field]: 1 })).message).toBe(
        `INVALID_ARGUMENT: The root takes the whole total, so it cannot have a ${field}. (at ${field})`,
      );
    }
    const cases: [unknown, string][] = [
      [
        { split: "random" },
        'INVALID_ARGUMENT: Expected "weights" or "shares" or "even", got the string "random". (at split)',
      ],
      [
        { unit: "-1" },
        'INVALID_ARGUMENT: unit must be a positive step such as "0.01", 1, "万" or "1亿". (at unit)',
      ],
      [
        { children: [{ name: "a", unit: "0" }] },
        'INVALID_ARGUMENT: unit must be a positive step such as "0.01", 1, "万" or "1亿". (at children[0].unit)',
      ],
      [
        { remainder: 3 },
        "INVALID_ARGUMENT: The remainder part needs a name (a non-empty string), got 3. (at remainder)",
      ],
      [
        { remainder: "a\u200Bb" },
        "INVALID_CHARACTER: A key contains the invisible or bidirectional control character U+200B at position 2. (at remainder)",
      ],
      [
        { children: [{ name: "华东", hold: 5, adjust: 1 }] },
        'INVALID_ARGUMENT: "华东" is held, so it cannot also be adjusted. (at children[0].adjust)',
      ],
      [
        { name: "全国", children: [{ name: "a" }, { name: "a" }] },
        'DUPLICATE_KEY: Two children of the root are named "a". (at children[1].name)',
      ],
      [
        { name: "全国", children: [{ name: "caf\u00e9" }, { name: "cafe\u0301" }] },
        'DUPLICATE_KEY: Two children of the root are named "cafe\u0301" (after Unicode NFC normalisation). (at children[1].name)',
      ],
    ];
    for (const [tree, message] of cases) {
      expect(errorOf(() => validate("cascadeTree", tree)).message).toBe(message);
    }
  });

  it("finds duplicate names below the root and names the parent", () => {
    const error = errorOf(() =>
      validate("cascadeTree", {
        children: [{ name: "华东", children: [{ name: "e\u0301" }, { name: "é" }] }],
      }),
    );
    expect([error.code, error.path]).toEqual([
      "DUPLICATE_KEY",
      ["children", 0, "children", 1, "name"],
    ]);
    expect(error.message).toMatch(/^DUPLICATE_KEY: Two children of "华东" are named "é"/);
    expect(error.details).toMatchObject({ first: "e\u0301", second: "é" });
    const deeper = errorOf(() =>
      validate("cascadeTree", {
        children: [
          { name: "华东", children: [{ name: "上海", children: [{ name: "a" }, { name: "a" }] }] },
        ],
      }),
    );
    expect(deeper.path).toEqual(["children", 0, "children", 0, "children", 1, "name"]);
    expect(deeper.message).toMatch(
      /^DUPLICATE_KEY: Two children of "华东" \/ "上海" are named "a"/,
    );
  });

  it("refuses a tree deeper than 256 levels with the path to the first node too deep", () => {
    const deep = (levels: number): Record<string, unknown> => {
      let node: Record<string, unknown> = { name: "leaf" };
      for (let i = 0; i < levels; i++) node = { name: `n${i}`, children: [node] };
      return node;
    };
    expect(() => validate("cascadeTree", deep(256))).not.toThrow();
    const error = errorOf(() => validate("cascadeTree", deep(257)));
    expect(error.path).toHaveLength(2 * 257);
    expect(error.message).toContain("deeper than 256 levels");
    expect(errorOf(() => validate("cascadeTree", deep(100_000))).code).toBe("INVALID_ARGUMENT");
  });

  it("stops at a tree that refers to itself", () => {
    const node: Record<string, unknown> = { name: "loop" };
    node.children = [node, node];
    expect(errorOf(() => validate("cascadeTree", node)).message).toContain("refers to itself");
  });

  it("does not change a frozen tree", () => {
    const frozen = JSON.parse(JSON.stringify(W4_TREE));
    const freeze = (node: Record<string, unknown>): void => {
      for (const child of (node.children as Record<string, unknown>[] | undefined) ?? [])
        freeze(child);
      Object.freeze(node.children);
      Object.freeze(node);
    };
    freeze(frozen);
    expect(validate("cascadeTree", frozen)).toEqual(W4_TREE);
  });
});

describe("valueTreeSchema", () => {
  it("accepts a cascade result written as JSON, and breakback takes what it returns", () => {
    const result = JSON.parse(JSON.stringify(cascade("1.2亿", W4_TREE, { unit: 1 })));
    const tree = validate("valueTree", result);
    const next = breakback(tree, { path: ["粮油事业部"], value: "5000万", unit: 1 });
    expect(next.children[0]!.value.toString()).toBe("50000000");
  });

  it("refuses leaves without a value, inner values that are not the sum, and duplicates", () => {
    const cases: [unknown, string, (string | number)[]][] = [
      [{ name: "root" }, "INVALID_ARGUMENT", ["value"]],
      [{ children: [{ name: "a" }] }, "INVALID_ARGUMENT", ["children", 0, "value"]],
      [
        {
          value: 600,
          children: [
            { name: "a", value: 300 },
            { name: "b", value: "200" },
          ],
        },
        "INVALID_ARGUMENT",
        ["value"],
      ],
      [
        {
          children: [
            { name: "a", value: 1 },
            { name: "a", value: 2 },
          ],
        },
        "DUPLICATE_KEY",
        ["children", 1, "name"],
      ],
      [{ children: [{ name: "a", value: "x" }] }, "INVALID_NUMBER", ["children", 0, "value"]],
      [{ value: 1, path: "a" }, "INVALID_ARGUMENT", ["path"]],
    ];
    for (const [tree, code, path] of cases) {
      const error = errorOf(() => validate("valueTree", tree));
      expect([error.code, error.path], JSON.stringify(tree)).toEqual([code, path]);
    }
    const error = errorOf(() =>
      validate("valueTree", { name: "华东", value: 600, children: [{ name: "a", value: 300 }] }),
    );
    expect(error.message).toBe(
      "INVALID_ARGUMENT: the root says 600 but its children add up to 300; fix the tree or leave the inner value out. (at value)",
    );
  });

  it("names the node whose value is missing or does not add up", () => {
    const leaf = errorOf(() =>
      validate("valueTree", { children: [{ name: "华东", children: [{ name: "张三" }] }] }),
    );
    expect(leaf.path).toEqual(["children", 0, "children", 0, "value"]);
    expect(leaf.message).toBe(
      'INVALID_ARGUMENT: The leaf "华东" / "张三" has no value. (at children[0].children[0].value)',
    );
    const inner = errorOf(() =>
      validate("valueTree", {
        children: [
          {
            name: "华东",
            value: "5",
            children: [
              { name: "张三", value: 2 },
              { name: "李四", value: 2 },
            ],
          },
        ],
      }),
    );
    expect([inner.path, inner.details.stated, inner.details.sum]).toEqual([
      ["children", 0, "value"],
      "5",
      "4",
    ]);
    expect(inner.message).toMatch(/^INVALID_ARGUMENT: "华东" says 5 but its children add up to 4;/);
  });

  it("checks a stated total against the children's sum through nodes without one", () => {
    const tree = {
      value: 4,
      children: [
        {
          name: "华东",
          children: [
            { name: "张三", value: 2 },
            { name: "李四", value: "2" },
          ],
        },
      ],
    };
    expect(validate("valueTree", tree)).toEqual(tree);
    const error = errorOf(() => validate("valueTree", { ...tree, value: 5 }));
    expect([error.path, error.details.sum]).toEqual([["value"], "4"]);
    const missing = errorOf(() =>
      validate("valueTree", { value: 4, children: [{ name: "a" }, { name: "b", value: 9 }] }),
    );
    expect(missing.details.issues).toEqual([
      { path: ["children", 0, "value"], message: 'The leaf "a" has no value.', code: null },
    ]);
  });

  it("finds duplicate names below the root", () => {
    const error = errorOf(() =>
      validate("valueTree", {
        children: [
          {
            name: "华东",
            children: [
              { name: "a", value: 1 },
              { name: "a", value: 1 },
            ],
          },
        ],
      }),
    );
    expect([error.code, error.path]).toEqual([
      "DUPLICATE_KEY",
      ["children", 0, "children", 1, "name"],
    ]);
  });

  it("refuses a value tree deeper than 256 levels", () => {
    const deep = (levels: number): Record<string, unknown> => {
      let node: Record<string, unknown> = { name: "leaf", value: 1 };
      for (let i = 0; i < levels; i++) node = { name: `n${i}`, children: [node] };
      return node;
    };
    expect(() => validate("valueTree", deep(256))).not.toThrow();
    const error = errorOf(() => validate("valueTree", deep(257)));
    expect(error.path).toHaveLength(2 * 257);
    expect(error.path.slice(0, 4)).toEqual(["children", 0, "children", 0]);
    expect(error.details.issues).toEqual([
      {
        path: error.path,
        message: "The tree is deeper than 256 levels (or refers to itself).",
        code: null,
      },
    ]);
  });

  describe("properties", () => {
    it("every cascade result, as JSON, is a valid value tree with the same values", () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat(100), { minLength: 1, maxLength: 5 }),
          fc.nat(1_000_000),
          (weights, total) => {
            const tree = {
              children: weights.map((weight, i) => ({
                name: `p${i}`,
                weight,
                children: [
                  { name: "x", weight: 1 },
                  { name: "y", weight: 2 },
                ],
              })),
            };
            const result = JSON.parse(JSON.stringify(cascade(total, tree, { unit: 1 })));
            const checked = validate("valueTree", result);
            expect(checked).toEqual(result);
          },
        ),
        { numRuns: runs(100) },
      );
    });
  });
});

describe("split schemas, holds and unit words", () => {
  it('accepts "万" and "亿" as a unit in a cascade tree, as cascade does', () => {
    const tree = {
      unit: "万",
      children: [
        { name: "a", weight: 1, unit: "亿" },
        { name: "b", weight: 2 },
      ],
    };
    expect(validate("cascadeTree", tree)).toEqual(tree);
    expect(errorOf(() => validate("cascadeTree", { unit: "百" })).path).toEqual(["unit"]);
  });

  it("accepts a cascade result with its holds and bounds as a value tree, and breakback keeps them", () => {
    const plan = cascade(
      1000,
      {
        children: [
          { name: "a", hold: 400 },
          { name: "b", weight: 1, max: 700 },
        ],
      },
      { unit: 1 },
    );
    const json = JSON.parse(JSON.stringify(plan));
    expect(json.children[0].hold).toBe("400");
    const tree = validate("valueTree", json);
    const next = breakback(tree, { path: [], value: 1100, unit: 1 });
    expect(flattenTree(next).map((row) => `${row.name} ${row.value}`)).toEqual([
      "total 1100",
      "a 400",
      "b 700",
    ]);
    expect(() => breakback(tree, { path: [], value: 1200, unit: 1 })).toThrow(/at most 700/);
  });

  it("refuses a hold that differs from its node's value, as breakback does", () => {
    const error = errorOf(() =>
      validate("valueTree", {
        children: [
          { name: "a", value: 1, hold: 2 },
          { name: "b", hold: 3 },
        ],
      }),
    );
    expect([error.code, error.path]).toEqual(["INVALID_ARGUMENT", ["children", 0, "hold"]]);
  });
});
