// The threats of ../shared/spec/threats.md, tried in several shapes against the formula engine.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  compileModel,
  defineModel,
  evaluate,
  evaluateFormula,
  MAX_COSTLY_POWERS,
  MAX_NESTING_DEPTH,
  nameNode,
  numberNode,
  parseFormula,
  powerNode,
  printFormula,
  TargetreeError,
} from "targetree";
import { afterEach, describe, expect, it } from "vitest";
import { errorOf, expectBareRecord } from "../_support/errors.js";
import { scaled } from "../_support/runs.js";

describe("formula text is never executed", () => {
  const originalFunction = globalThis.Function;
  // biome-ignore lint/security/noGlobalEval: kept only to restore it after poisoning it.
  const originalEval = globalThis.eval;
  const functionPrototype = Function.prototype;
  const originalConstructor = Object.getOwnPropertyDescriptor(functionPrototype, "constructor")!;
  let calls = 0;

  afterEach(() => {
    globalThis.Function = originalFunction;
    globalThis.eval = originalEval;
    Object.defineProperty(functionPrototype, "constructor", originalConstructor);
  });

  const poison = (): void => {
    calls = 0;
    const trap = (() => {
      calls++;
      throw new Error("code generation attempted");
    }) as unknown as FunctionConstructor;
    globalThis.Function = trap;
    globalThis.eval = trap as unknown as typeof eval;
    Object.defineProperty(functionPrototype, "constructor", {
      value: trap,
      configurable: true,
      writable: true,
    });
  };

  it.each([
    'constructor.constructor("globalThis.pwned = 1")()',
    'toString.constructor("return process")()',
    "__proto__.polluted",
    'a["constructor"]',
    "x => x",
    "a; b",
    "`a`",
    "a = 1; b",
    "this",
    "import('fs')",
    "require('fs')",
    "process.exit(1)",
  ])("treats %s as data: an error or ordinary names, nothing runs", (text) => {
    poison();
    let outcome: unknown;
    try {
      outcome = evaluateFormula(text, {
        constructor: 1,
        toString: 2,
        __proto__: 3,
        a: 4,
        b: 5,
      } as never);
    } catch (error) {
      outcome = error;
    }
    expect(calls).toBe(0);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(TargetreeError);
  });

  it("defines, compiles and evaluates models without generating code", () => {
    poison();
    const model = defineModel({ total: "constructor * 2 + max(toString, __proto__)" });
    const inputs = JSON.parse('{"constructor": 1, "toString": 2, "__proto__": 3}');
    expect(evaluate(model, inputs).total?.toString()).toBe("5");
    expect(compileModel(model).output("total")(inputs).toString()).toBe("5");
    expect(calls).toBe(0);
  });

  // Stryker rewrites the sources it mutates (adding its own switch code), so this scan of the
  // source text only means something on the real files: it is skipped under `npm run mutate`.
  it.skipIf(process.env.TARGETREE_MUTATION === "1")(
    "has no eval, Function constructor or vm in the formula and model sources",
    () => {
      const root = fileURLToPath(new URL("../../src", import.meta.url));
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const path = join(dir, name);
          return statSync(path).isDirectory() ? files(path) : [path];
        });
      for (const file of [...files(join(root, "formula")), ...files(join(root, "model"))]) {
        const source = readFileSync(file, "utf8");
        expect(source, file).not.toMatch(
          /\beval\s*\(|new\s+Function\b|\bFunction\s*\(|node:vm|from "vm"/,
        );
      }
    },
  );
});

describe("prototype names and inherited keys", () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it("uses __proto__, constructor, toString and valueOf as ordinary names", () => {
    const facts = JSON.parse('{"__proto__": 1, "constructor": 2, "toString": 3, "valueOf": 4}');
    expect(evaluateFormula("__proto__ + constructor + toString + valueOf", facts).toString()).toBe(
      "10",
    );
    const model = defineModel(
      JSON.parse('{"__proto__": "constructor + 1", "toString": "__proto__ * 2"}'),
    );
    expect(model.inputs).toEqual(["constructor"]);
    const values = evaluate(model, { constructor: 1 } as never);
    expectBareRecord(values);
    const protoKey = "__proto__";
    expect(values[protoKey]?.toString()).toBe("2");
    expect(values.toString?.toString()).toBe("4");
  });

  it("never reads a name from the prototype chain", () => {
    (Object.prototype as Record<string, unknown>).polluted = 5;
    expect(errorOf(() => evaluateFormula("polluted + 1", {})).code).toBe("UNKNOWN_FACT");
    expect(errorOf(() => evaluateFormula("toString + 1", {})).code).toBe("UNKNOWN_FACT");
    const model = defineModel({ y: "polluted + constructor" });
    expect(errorOf(() => evaluate(model, { constructor: 1 } as never)).code).toBe("MISSING_INPUT");
    expect(errorOf(() => compileModel(model).output("y")({ constructor: 1 } as never)).code).toBe(
      "MISSING_INPUT",
    );
    expect(errorOf(() => compileModel(model).evaluate({ constructor: 1 } as never)).code).toBe(
      "MISSING_INPUT",
    );
  });

  it("lets a JSON __proto__ key pollute nothing", () => {
    const model = defineModel({ y: "__proto__ + 1" });
    const inputs = JSON.parse('{"__proto__": {"polluted": 1}}');
    expect(errorOf(() => evaluate(model, inputs)).code).toBe("INVALID_NUMBER");
    expect(evaluate(model, JSON.parse('{"__proto__": 2}')).y?.toString()).toBe("3");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("depth and length", () => {
  it("answers 100,000 nested parentheses with FORMULA_TOO_DEEP, then keeps working", () => {
    const deep = `${"(".repeat(100_000)}1${")".repeat(100_000)}`;
    const error = errorOf(() => parseFormula(deep));
    expect(error.code).toBe("FORMULA_TOO_DEEP");
    expect(error.details.column).toBe(MAX_NESTING_DEPTH + 1);
    expect(error.message.length).toBeLessThan(300);
    expect(errorOf(() => defineModel({ x: deep })).code).toBe("FORMULA_TOO_DEEP");
    expect(evaluateFormula("(1 + 2) * 3", {}).toString()).toBe("9");
  });

  it.each([
    ["unary minus", `${"-".repeat(100_000)}1`],
    ["not", `${"!".repeat(100_000)}true`],
    ["nested calls", `${"abs(".repeat(100_000)}1${")".repeat(100_000)}`],
    ["exponent chains", Array.from({ length: 100_000 }, () => "2").join("^")],
  ])("answers 100,000 levels of %s with FORMULA_TOO_DEEP", (_, text) => {
    expect(errorOf(() => parseFormula(text)).code).toBe("FORMULA_TOO_DEEP");
  });

  // Two CJK characters per name: 200,000 distinct names within the length limit.
  const name = (i: number) =>
    String.fromCharCode(0x4e00 + Math.floor(i / 20_000)) +
    String.fromCharCode(0x4e00 + (i % 20_000));

  // Linear growth is timed by `npm run fuzz` (scripts/fuzz.ts); tests assert no timings.
  it("parses a 200,000-term formula into one flat node that every walker handles", () => {
    const terms = scaled(200_000);
    const text = Array.from({ length: terms }, (_, i) => name(i)).join(" + ");
    const tree = parseFormula(text);
    expect(tree.kind === "sum" && tree.rest.length).toBe(terms - 1);
    expect(printFormula(tree).length).toBe(text.length);
  });

  it(`refuses more than ${MAX_COSTLY_POWERS} fractional powers in one formula, and keeps cheap powers free`, () => {
    // A fractional power costs about a millisecond at 64 digits: a megabyte of them took minutes.
    const costly = (n: number): string => Array.from({ length: n }, () => "x^0.5").join("+");
    expect(evaluateFormula(costly(MAX_COSTLY_POWERS), { x: 4 }).toString()).toBe(
      String(2 * MAX_COSTLY_POWERS),
    );
    const tooMany = errorOf(() => parseFormula(costly(MAX_COSTLY_POWERS + 1)));
    expect(tooMany.code).toBe("FORMULA_TOO_COSTLY");
    expect(tooMany.message).toMatch(
      /more than 32 powers whose exponent is not a whole-number literal/,
    );
    // The error points at the power over the limit.
    expect(tooMany.message).toContain(`column ${MAX_COSTLY_POWERS * 6 + 1}`);
    // Name, fraction, percent and parenthesised exponents all count; whole literals (signed too) do not.
    for (const exponent of ["n", "(1/2)", "50%", "0.5"]) {
      const text = Array.from({ length: MAX_COSTLY_POWERS + 1 }, () => `x^${exponent}`).join("+");
      expect(errorOf(() => parseFormula(text)).code).toBe("FORMULA_TOO_COSTLY");
    }
    const cheap = Array.from({ length: 1_000 }, (_, i) => (i % 2 ? "x^2" : "x^-1")).join("+");
    expect(evaluateFormula(cheap, { x: 2 }).toString()).toBe("2250");
    // Models and built trees are held to the same budget.
    expect(errorOf(() => defineModel({ y: costly(MAX_COSTLY_POWERS + 1) })).code).toBe(
      "FORMULA_TOO_COSTLY",
    );
    let built = powerNode(nameNode("x"), numberNode("0.5"));
    for (let i = 0; i < MAX_COSTLY_POWERS; i++) built = powerNode(built, numberNode("0.5"));
    expect(errorOf(() => evaluateFormula(built, { x: 2 })).code).toBe("FORMULA_TOO_COSTLY");
  });

  it("defines and evaluates a model of a 20,000-term formula", () => {
    const total = String(scaled(20_000));
    const terms = Array.from({ length: scaled(20_000) }, (_, i) => name(i));
    const model = defineModel({ total: terms.join("+") });
    const inputs: Record<string, number> = {};
    for (const term of terms) inputs[term] = 1;
    expect(evaluate(model, inputs).total?.toString()).toBe(total);
    expect(compileModel(model).output("total")(inputs).toString()).toBe(total);
  });
});

describe("invisible Unicode", () => {
  it.each([
    "\u202A",
    "\u202B",
    "\u202C",
    "\u202D",
    "\u202E",
    "\u2066",
    "\u2067",
    "\u2068",
    "\u2069",
    "\u200E",
    "\u200F",
    "\u061C",
    "\u200B",
    "\u200C",
    "\u200D",
    "\u2060",
    "\uFEFF",
  ])("refuses U+%s in formulas and names, with the position", (char) => {
    const error = errorOf(() => parseFormula(`if(admin${char}, 1, 0)`));
    expect(error.code).toBe("INVALID_CHARACTER");
    expect(error.details.column).toBe(9);
    const nameError = errorOf(() => defineModel({ [`total${char}`]: "a + b" }));
    expect(nameError.code).toBe("INVALID_CHARACTER");
    const inputError = errorOf(() =>
      defineModel({ total: "a + b" }, { inputs: { [`a${char}`]: {} } }),
    );
    expect(inputError.code).toBe("INVALID_CHARACTER");
    const keyError = errorOf(() =>
      evaluate(defineModel({ total: "a" }), { a: 1, [`b${char}`]: 2 }),
    );
    expect(keyError.code).toBe("UNKNOWN_NODE");
    // Messages show the character as <U+…>, never raw, so logs cannot be reordered by it. (The
    // " (at …)" suffix that TargetreeError adds from the path is formatted by src/_lib/errors.ts.)
    for (const { message } of [error, nameError, inputError, keyError]) {
      const own = message.split(" (at ")[0]!;
      expect(own).not.toContain(char);
      expect(own).toContain("U+");
    }
  });

  it("normalises names to NFC and refuses two keys equal after NFC", () => {
    expect(defineModel({ total: "cafe\u0301 + 1" }).inputs).toEqual(["caf\u00e9"]);
    expect(errorOf(() => defineModel({ "caf\u00e9": "1", "cafe\u0301": "2" })).code).toBe(
      "DUPLICATE_NAME",
    );
  });
});
