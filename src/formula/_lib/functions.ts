// The formula function table: one entry per function holds everything about it, its arity, its
// type rule and its behaviour. The parser, the type checker, printFormula, the node builders and
// both evaluators (formula/_lib/interpret.ts and model/_lib/compile.ts) read this table, so no code
// anywhere else switches over function names. Names are looked up as own keys of TABLE only, so
// `constructor`, `__proto__` or `toString` never reach anything.
//
// How to add a function (one entry here, plus its test in test/formula/functions.test.ts):
//   1. Add the name to FunctionName and `name: { … }` to TABLE, with
//      - `signature`: how the call is written, for messages (`"round(x, digits?)"`);
//      - `minArgs` / `maxArgs` (`Number.POSITIVE_INFINITY` for a variadic function);
//      - `type`: the type rule. `numeric` when every argument and the result are numbers;
//        otherwise call `args.expect(index, "number" | "boolean", role)` or
//        `args.same(first, second, role)` once for every argument, and return the result's type;
//      - `build(args, site)`: the behaviour. Take each argument once, when building, as a closure
//        (`args.number(i)`, `args.condition(i)`, or `args.value(i)` for an argument of either
//        type), and return the closure that computes the call from them. Compute with the checked
//        helpers of ./arithmetic.js, or pass a result through `checked()`, so a value stays within
//        the supported magnitude and is never −0, NaN or Infinity; report a bad value with
//        `formulaError(code, message, site.source, spanOf(site.node))`.
//      - `pushdown`: how SQL generation (src/sql/) computes the call in a database, as a kind the SQL
//        compiler knows (`extreme`, `abs`, `round`, `case`), or `{ kind: "none", reason }` when no
//        SQL reproduces the library's result exactly; SQL generation then refuses the call.
//   2. Test it: a value, each error, and the same results from evaluateFormula and compileModel.
//   No other source file changes: the parser's whitelist, the builders, printing and both
//   evaluators follow the table. (Do list it in the README's Functions bullet for users.) Keep a
//   call about as cheap as x^999 (0.1 ms at 64 digits): only fractional powers cost more (1 ms),
//   and MAX_COSTLY_POWERS in typecheck.ts bounds how many a formula may have.
import type { Decimal as DecimalJs } from "decimal.js";
import type { Decimal } from "../../_lib/decimal.js";
import type { CallNode, FormulaNode } from "../ast.js";
import { checked, extreme, ROUND_CEIL, ROUND_FLOOR, ROUND_HALF_UP, roundTo } from "./arithmetic.js";
import { type FormulaSource, formulaError, spanOf } from "./source.js";

/** A formula value: a number or a condition. */
export type Value = Decimal | boolean;

/** A static type: a number, a condition, or not known before evaluating (a free formula's names). */
export type ValueType = "number" | "boolean" | "unknown";

/**
 * How a type rule sees a call's arguments. The type checker visits each argument and reports a
 * mismatch; the compiler only reads the types.
 */
export interface ArgumentTypes {
  /** The function's name, for messages. */
  readonly name: string;
  /** How many arguments the call has (within the entry's arity). */
  readonly count: number;
  /** Requires argument `index` to be `wanted`; `role` names it in the message. */
  expect(index: number, wanted: "number" | "boolean", role: string): void;
  /** Requires two arguments to be both numbers or both conditions; returns their type. */
  same(first: number, second: number, role: string): ValueType;
}

/**
 * A call's arguments as an evaluator hands them to an entry: closures over the evaluator's
 * environment `E` (nothing for the interpreter, the slot values for a compiled model). Each
 * closure is typed; the interpreter's check the value when called, the compiler's need not.
 */
export interface Arguments<E> {
  /** How many arguments the call has (within the entry's arity). */
  readonly count: number;
  /** Argument `index`, a number. */
  number(index: number): (env: E) => Decimal;
  /** Argument `index`, a condition. */
  condition(index: number): (env: E) => boolean;
  /** Argument `index`, of the type the type rule found (the branches of `if`). */
  value(index: number): (env: E) => Value;
}

/** Where a call sits, for its errors. */
export interface CallSite {
  readonly node: FormulaNode;
  readonly source: FormulaSource;
}

/**
 * How SQL generation computes a call in a database: a kind the SQL compiler (src/sql/) knows, or
 * `none` with the reason no SQL reproduces the library's result exactly.
 */
export type Pushdown =
  | { readonly kind: "extreme"; readonly sign: 1 | -1 }
  | { readonly kind: "abs" }
  | { readonly kind: "round"; readonly mode: "half-up" | "floor" | "ceil" }
  | { readonly kind: "case" }
  | { readonly kind: "none"; readonly reason: string };

/** One function: arity, type rule, behaviour and SQL pushdown. */
export interface FunctionEntry {
  /** How the call is written, for messages. */
  readonly signature: string;
  readonly minArgs: number;
  /** `Number.POSITIVE_INFINITY` for a variadic function. */
  readonly maxArgs: number;
  /** Checks the arguments' types through `args` and returns the result's type. */
  readonly type: (args: ArgumentTypes) => ValueType;
  /** Builds the call from its argument closures; called once per call site by the compiler. */
  build<E>(args: Arguments<E>, site: CallSite): (env: E) => Value;
  /** How SQL generation computes the call, or why it cannot. */
  readonly pushdown: Pushdown;
}

/** The type rule of a function whose arguments and result are all numbers. */
const numeric = (args: ArgumentTypes): ValueType => {
  for (let index = 0; index < args.count; index++) {
    args.expect(index, "number", `argument ${index + 1} of ${args.name}`);
  }
  return "number";
};

/** min and max: the first of the smallest (`sign` −1) or largest (`sign` 1) arguments. */
function extremeOf<E>(args: Arguments<E>, sign: 1 | -1): (env: E) => Decimal {
  const values: ((env: E) => Decimal)[] = [];
  for (let index = 0; index < args.count; index++) values.push(args.number(index));
  return (env) =>
    extreme(
      values.map((value) => value(env)),
      sign,
    );
}

/** round, floor and ceil: to `digits` places (default 0) in a decimal.js rounding mode. */
function roundedOf<E>(
  args: Arguments<E>,
  site: CallSite,
  mode: DecimalJs.Rounding,
): (env: E) => Decimal {
  const value = args.number(0);
  if (args.count === 1) {
    return (env) => roundTo(value(env), undefined, mode, site.node, site.source);
  }
  const digits = args.number(1);
  return (env) => roundTo(value(env), digits(env), mode, site.node, site.source);
}

/** The whitelisted functions of the formula language. */
export type FunctionName = "min" | "max" | "abs" | "sqrt" | "round" | "floor" | "ceil" | "if";

/**
 * The square root: exact where the root is (sqrt(2.25) is 1.5), correctly rounded to 64
 * significant digits otherwise; a negative argument has no real root (INVALID_OPERATION).
 */
function squareRoot(value: Decimal, site: CallSite): Decimal {
  if (value.lt(0)) {
    throw formulaError(
      "INVALID_OPERATION",
      "sqrt of a negative number has no real value.",
      site.source,
      spanOf(site.node),
    );
  }
  return checked(value.sqrt(), site.node, site.source);
}

/** `maxArgs` of a variadic function: `Infinity`, which a bundler knows is pure (`Number.POSITIVE_INFINITY` would keep the table in every bundle). */
const VARIADIC = Infinity;

const TABLE: { readonly [Name in FunctionName]: FunctionEntry } = {
  min: {
    signature: "min(x, …)",
    minArgs: 1,
    maxArgs: VARIADIC,
    type: numeric,
    build: (args) => extremeOf(args, -1),
    pushdown: { kind: "extreme", sign: -1 },
  },
  max: {
    signature: "max(x, …)",
    minArgs: 1,
    maxArgs: VARIADIC,
    type: numeric,
    build: (args) => extremeOf(args, 1),
    pushdown: { kind: "extreme", sign: 1 },
  },
  abs: {
    signature: "abs(x)",
    minArgs: 1,
    maxArgs: 1,
    type: numeric,
    build: (args) => {
      const value = args.number(0);
      return (env) => value(env).abs();
    },
    pushdown: { kind: "abs" },
  },
  sqrt: {
    signature: "sqrt(x)",
    minArgs: 1,
    maxArgs: 1,
    type: numeric,
    build: (args, site) => {
      const value = args.number(0);
      return (env) => squareRoot(value(env), site);
    },
    pushdown: {
      kind: "none",
      reason:
        "the library's square root is correctly rounded to 64 significant digits, which no SQL function guarantees",
    },
  },
  round: {
    signature: "round(x, digits?)",
    minArgs: 1,
    maxArgs: 2,
    type: numeric,
    build: (args, site) => roundedOf(args, site, ROUND_HALF_UP),
    pushdown: { kind: "round", mode: "half-up" },
  },
  floor: {
    signature: "floor(x, digits?)",
    minArgs: 1,
    maxArgs: 2,
    type: numeric,
    build: (args, site) => roundedOf(args, site, ROUND_FLOOR),
    pushdown: { kind: "round", mode: "floor" },
  },
  ceil: {
    signature: "ceil(x, digits?)",
    minArgs: 1,
    maxArgs: 2,
    type: numeric,
    build: (args, site) => roundedOf(args, site, ROUND_CEIL),
    pushdown: { kind: "round", mode: "ceil" },
  },
  if: {
    signature: "if(condition, then, else)",
    minArgs: 3,
    maxArgs: 3,
    type: (args) => {
      args.expect(0, "boolean", "the condition of if");
      return args.same(1, 2, "the two branches of if");
    },
    // Lazy: only the branch taken is evaluated.
    build: (args) => {
      const test = args.condition(0);
      const then = args.value(1);
      const otherwise = args.value(2);
      return (env) => (test(env) ? then(env) : otherwise(env));
    },
    pushdown: { kind: "case" },
  },
};

/** The entry of a function name (exact spelling), or undefined for a name off the whitelist. */
export function functionEntry(name: string): FunctionEntry | undefined {
  return Object.hasOwn(TABLE, name) ? TABLE[name as FunctionName] : undefined;
}

/** The whitelisted names, in table order, for messages. */
export function functionNames(): FunctionName[] {
  return Object.keys(TABLE) as FunctionName[];
}

/** The whitelisted function a (case-insensitive) name calls, or undefined. */
export function lookupFunction(name: string): FunctionName | undefined {
  const lower = name.toLowerCase();
  return Object.hasOwn(TABLE, lower) ? (lower as FunctionName) : undefined;
}

/** The arity problem of a call with `count` arguments, or null when the count is right. */
export function arityProblem(entry: FunctionEntry, count: number): string | null {
  if (count >= entry.minArgs && count <= entry.maxArgs) return null;
  const expected =
    entry.maxArgs === VARIADIC
      ? `at least ${entry.minArgs} argument${entry.minArgs === 1 ? "" : "s"}`
      : entry.minArgs === entry.maxArgs
        ? `${entry.minArgs} argument${entry.minArgs === 1 ? "" : "s"}`
        : `${entry.minArgs} to ${entry.maxArgs} arguments`;
  return `${entry.signature} takes ${expected}, got ${count}.`;
}

/**
 * The type of a type-checked call, from its arguments' types (`typeOf`), without reporting
 * anything: the compiler's view of the type rule.
 */
export function callType(node: CallNode, typeOf: (arg: FormulaNode) => ValueType): ValueType {
  const argumentType = (index: number): ValueType => typeOf(node.args[index]!);
  return functionEntry(node.name)!.type({
    name: node.name,
    count: node.args.length,
    expect: () => undefined,
    same: (first, second) => {
      const type = argumentType(first);
      return type === "unknown" ? argumentType(second) : type;
    },
  });
}

/** Builds a type-checked call over an evaluator's argument closures. */
export function buildCall<E>(
  node: CallNode,
  args: Arguments<E>,
  source: FormulaSource,
): (env: E) => Value {
  return functionEntry(node.name)!.build(args, { node, source });
}
