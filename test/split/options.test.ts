// The split area's options: every export refuses a key it does not define (naming the nearest
// known one), reads the shared unit setup the same way, and takes "万" and "亿" as a unit.
import fc from "fast-check";
import {
  allocate,
  breakback,
  cascade,
  crossSplit,
  flattenTree,
  splitByShares,
  splitEvenly,
} from "targetree";
import { describe, expect, it } from "vitest";
import { errorOf, expectCode } from "../_support/errors.js";
import { runs } from "../_support/runs.js";

const UNIT = ["unit", "rounding", "roundTotal"];
const TREE = {
  children: [
    { name: "a", weight: 1 },
    { name: "b", weight: 3 },
  ],
};

/** Every split export, called validly with the given options, and the option keys it defines. */
const EXPORTS: readonly {
  readonly name: string;
  readonly known: readonly string[];
  readonly call: (options: Record<string, unknown>) => unknown;
}[] = [
  {
    name: "allocate",
    known: [...UNIT, "holds", "min", "max", "onZeroWeights"],
    call: (options) => allocate(100, { a: 1, b: 3 }, options),
  },
  {
    name: "splitByShares",
    known: [...UNIT, "remainder", "alwaysIncludeRemainder"],
    call: (options) => splitByShares(100, { a: "40%" }, options),
  },
  {
    name: "splitEvenly",
    known: UNIT,
    call: (options) => splitEvenly(100, ["a", "b"], options),
  },
  {
    name: "cascade",
    known: [...UNIT, "levels", "remainder", "onZeroWeights"],
    call: (options) => cascade(100, TREE, options),
  },
  {
    name: "crossSplit",
    known: [...UNIT, "split", "remainder", "onZeroWeights"],
    call: (options) => crossSplit(100, { x: { p: "50%" }, y: { q: "50%" } }, options),
  },
  {
    name: "breakback",
    known: ["path", "value", "holds", ...UNIT],
    call: (options) =>
      breakback({ children: [{ name: "a", value: 1 }] }, { path: [], value: 2, ...options }),
  },
  {
    name: "flattenTree",
    known: ["leavesOnly"],
    call: (options) => flattenTree(cascade(100, TREE), options),
  },
];

describe("split options", () => {
  it("refuses a misspelt option of every export with UNKNOWN_OPTION and the key meant", () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["allocate", { hold: { a: 10 } }, "hold", "holds"],
      ["splitByShares", { remainer: "其他" }, "remainer", "remainder"],
      ["splitEvenly", { unti: 1 }, "unti", "unit"],
      ["cascade", { level: [] }, "level", "levels"],
      ["crossSplit", { onZeroWeight: "even" }, "onZeroWeight", "onZeroWeights"],
      ["breakback", { hods: [] }, "hods", "holds"],
      ["flattenTree", { leafsOnly: true }, "leafsOnly", "leavesOnly"],
    ];
    for (const [name, options, typo, meant] of cases) {
      const call = EXPORTS.find((entry) => entry.name === name)!.call;
      const error = expectCode(() => call(options), "UNKNOWN_OPTION", ["options", typo]);
      expect(error.message, name).toContain(`Did you mean ${JSON.stringify(meant)}?`);
      expect(error.details, name).toMatchObject({ key: typo });
    }
  });

  it("refuses the old name of a renamed option (crossSplit's basis is now split)", () => {
    const error = expectCode(
      () => crossSplit(100, { x: { p: 1 } }, { basis: "weights" } as never),
      "UNKNOWN_OPTION",
      ["options", "basis"],
    );
    expect(error.message).toContain('"split"');
  });

  it("names the right key for every known option written in the wrong case", () => {
    for (const { name, known, call } of EXPORTS) {
      for (const key of known) {
        const wrong = key.toUpperCase();
        const error = expectCode(() => call({ [wrong]: 1 }), "UNKNOWN_OPTION", ["options", wrong]);
        expect(error.message, `${name} ${key}`).toContain(`Did you mean ${JSON.stringify(key)}?`);
      }
    }
  });

  it("never ignores an option key that no export defines", () => {
    const everyKnown = new Set(EXPORTS.flatMap((entry) => entry.known));
    fc.assert(
      fc.property(
        fc.constantFrom(...EXPORTS),
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !everyKnown.has(key)),
        ({ call }, key) => {
          expect(errorOf(() => call({ [key]: 1 })).code).toBe("UNKNOWN_OPTION");
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it("reads an unknown key whose value is undefined as absent, as a spread does", () => {
    for (const { name, call } of EXPORTS) {
      expect(() => call({ unknownKey: undefined }), name).not.toThrow();
    }
  });

  it("never reads an option planted on Object.prototype", () => {
    const options = Object.create({ unit: 0, hold: { a: 1 } }) as Record<string, unknown>;
    for (const { name, call } of EXPORTS) {
      expect(() => call(options), name).not.toThrow();
    }
  });

  it("names the part meant when a hold or bound names no part", () => {
    const error = expectCode(
      () => allocate(100, { 华东: 1, 华南: 1 }, { holds: { 华冬: 10 } }),
      "UNKNOWN_KEY",
      ["options", "holds", "华冬"],
    );
    expect(error.message).toContain('Did you mean "华东"?');
  });

  it("refuses a misspelt field of a cascade level with UNKNOWN_OPTION, path into the level", () => {
    const error = expectCode(
      () => cascade(100, TREE, { levels: [{ splt: "even" } as never] }),
      "UNKNOWN_OPTION",
      ["options", "levels", 0, "splt"],
    );
    expect(error.message).toContain('Did you mean "split"?');
    expectCode(() => cascade(100, TREE, { levels: [new Map() as never] }), "INVALID_ARGUMENT", [
      "options",
      "levels",
      0,
    ]);
  });

  it('takes "万" and "亿" as a unit of one 万 and one 亿 in every split', () => {
    const same = (a: unknown, b: unknown) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    same(
      allocate("100万", { a: 2, b: 1 }, { unit: "万" }),
      allocate("100万", { a: 2, b: 1 }, { unit: "1万" }),
    );
    expect(String(allocate("100万", { a: 2, b: 1 }, { unit: "万" }).b)).toBe("330000");
    same(
      splitByShares("3亿", { a: "50%" }, { unit: "亿" }),
      splitByShares("3亿", { a: "50%" }, { unit: "1亿" }),
    );
    same(splitEvenly("100万", 3, { unit: "万" }), splitEvenly("100万", 3, { unit: 10_000 }));
    same(
      crossSplit("100万", { x: { p: "50%" } }, { unit: "万" }).cells,
      crossSplit("100万", { x: { p: "50%" } }, { unit: "1万" }).cells,
    );
    const tree = {
      unit: "万",
      children: [
        { name: "a", weight: 1 },
        { name: "b", weight: 2 },
      ],
    };
    expect(cascade("100万", tree).children.map((child) => String(child.value))).toEqual([
      "330000",
      "670000",
    ]);
    expect(
      cascade("3亿", TREE, { levels: [{ unit: "亿" }] }).children.map((child) =>
        String(child.value),
      ),
    ).toEqual(["100000000", "200000000"]);
    const next = breakback(
      {
        children: [
          { name: "a", value: "10万" },
          { name: "b", value: "20万" },
        ],
      },
      { path: [], value: "100万", unit: "万" },
    );
    expect(next.children.map((child) => String(child.value))).toEqual(["330000", "670000"]);
  });

  it("gives the same parts for a unit word as for one of it, for any total and weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom("万", "亿", "千"),
        (units, weights, word) => {
          const total = `${units}${word}`;
          const byWord = allocate(total, weights, { unit: word }).map(String);
          expect(byWord).toEqual(allocate(total, weights, { unit: `1${word}` }).map(String));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it("refuses a unit that is neither a positive amount nor a unit word, at options.unit", () => {
    for (const bad of ["百", "万万", "", 0, -1]) {
      const error = errorOf(() => allocate(100, [1], { unit: bad }));
      expect([
        error.code === "INVALID_ARGUMENT" || error.code === "INVALID_NUMBER",
        error.path,
      ]).toEqual([true, ["options", "unit"]]);
    }
  });

  it("reads rounding and roundTotal with the shared readers, naming the choice meant", () => {
    const rounding = expectCode(
      () => allocate("100.5", [1], { unit: 1, roundTotal: true, rounding: "half-upp" as never }),
      "INVALID_ARGUMENT",
      ["options", "rounding"],
    );
    expect(rounding.message).toContain('Did you mean "half-up"?');
    expectCode(() => splitEvenly(1, 1, { roundTotal: "yes" as never }), "INVALID_ARGUMENT", [
      "options",
      "roundTotal",
    ]);
  });
});
