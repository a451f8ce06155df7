// The formula fuzzer's generator and checker, shared by test/hardening/fuzz-formula.test.ts and
// scripts/fuzz.ts. Cases are fast-check samples from a fixed seed, so both see the same strings.
//
// Families: well-formed expressions from the grammar (numbers with 万/亿/%/‰, Unicode names,
// every operator spelling, whitelisted and unknown functions), the same with random edits, token
// soup, raw random strings, bidi and zero-width characters, deep nesting, long runs and huge
// magnitudes. Each case also carries fact values for the names the formula turns out to use.
import { Decimal as HostDecimal } from "decimal.js";
import fc from "fast-check";
import {
  ERROR_CODES,
  evaluateFormula,
  type FormulaNode,
  formulaNames,
  formulasEqual,
  parseFormula,
  printFormula,
  TargetreeError,
} from "targetree";

/** One generated input: formula text plus the raw material for its facts. */
export interface FuzzCase {
  /** Which generator family produced it (for reports). */
  readonly family: string;
  readonly text: string;
  /** Fact values, handed to the formula's names in order of first appearance. */
  readonly values: readonly unknown[];
  /** Index of a name to leave out of the facts (UNKNOWN_FACT), or -1. */
  readonly missing: number;
  /** Symbol set used when printing the tree back. */
  readonly symbols: "ascii" | "math";
}

/** What running one case did; `problems` lists every broken invariant (empty when all hold). */
export interface CaseOutcome {
  readonly parsed: boolean;
  readonly evaluated: boolean;
  /** The TargetreeError codes seen (parse or evaluation). */
  readonly codes: readonly string[];
  readonly problems: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Names used as numbers: ASCII, Chinese, prototype names, NFC/NFD pairs, astral letters. */
const NUMBER_NAMES = [
  "a",
  "b",
  "x",
  "x1",
  "_tmp",
  "revenue",
  "newCustomers",
  "新客户数",
  "转化率",
  "客单价",
  "回款额_2026",
  "café",
  "cafe\u0301",
  "Ωmega",
  "𝑥",
  "ǅungla",
  "ⅻ",
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "e5",
  "E",
  "min_",
  "Infinity",
  "NaN",
  "undefined",
] as const;

/** Names used as conditions (their facts are booleans). */
const CONDITION_NAMES = ["escalated", "ok", "达标", "isVip", "flag_1"] as const;
const CONDITION_NAME_SET: ReadonlySet<string> = new Set(
  CONDITION_NAMES.map((name) => name.normalize("NFC")),
);

const KNOWN_FUNCTIONS = ["min", "max", "abs", "round", "floor", "ceil", "MIN", "Round", "ABS"];
const UNKNOWN_FUNCTIONS = [
  "median",
  "log",
  "pow",
  "sum",
  "eval",
  "Function",
  "constructor",
  "__proto__",
  "toString",
  "require",
  "import",
  "求和",
];
const SUFFIXES = ["", "", "", "", "万", "亿", "千", "万亿", "千万", "百万", "%", "‰", "元", "万元"];
const NUMBER_OPERATORS = ["+", "-", "*", "/", "^", "×", "÷", "\u2212"];
const COMPARE_OPERATORS = ["<", "<=", ">", ">=", "==", "!=", "=", "<>", "≤", "≥", "≠"];
const LOGICAL_OPERATORS = ["and", "or", "&&", "||", "AND", "Or"];
const SPACES = ["", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u3000", "\u00a0"];
/** Bidi controls and zero-width characters (Trojan Source). */
export const INVISIBLES = [
  "\u200B",
  "\u200C",
  "\u200D",
  "\u200E",
  "\u200F",
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2060",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\uFEFF",
  "\u061C",
];
/** Characters outside the language, and a few that JavaScript parsers treat specially. */
const STRAY = [
  "@",
  "#",
  "$",
  "%",
  "&",
  "|",
  "[",
  "]",
  "{",
  "}",
  ".",
  ";",
  ":",
  "?",
  "~",
  "'",
  '"',
  "`",
  "\\",
  "=>",
  "...",
  "//",
  "/*",
  "\u0000",
  "\uD800",
  "\uDFFF",
  "😀",
  "👍🏽",
  "\u0301",
  "１",
  "０.５",
  "＋",
  "－",
  "％",
  "e",
  "E",
  "_",
];

const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items);
const space = pick(SPACES);

// ---------------------------------------------------------------------------------------------
// Number literals, valid and not

const digits = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 1000 }).map(String) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: pick(["0", "00", "007", "1000000", "99999999999999999"]) },
);

/** Mantissa with optional fraction and exponent, then an optional unit suffix. */
const numberLiteral: fc.Arbitrary<string> = fc
  .tuple(
    digits,
    fc.option(fc.nat({ max: 99999 }).map(String), { freq: 2 }),
    fc.option(fc.tuple(pick(["e", "E"]), pick(["", "+", "-"]), fc.integer({ min: 0, max: 1200 })), {
      freq: 6,
    }),
    pick(SUFFIXES),
  )
  .map(
    ([whole, fraction, exponent, suffix]) =>
      `${whole}${fraction === null ? "" : `.${fraction}`}${exponent === null ? "" : exponent.join("")}${suffix}`,
  );

const malformedNumber = pick([
  "1.",
  ".5",
  "1..2",
  "1.2.3",
  "1e",
  "1e+",
  "1e-",
  "0x10",
  "0b11",
  "0o7",
  "1_000",
  "1,000",
  "1,000,000.5",
  "5%%",
  "5%万",
  "5万%",
  "5元%",
  "1e5万",
  "1.2亿亿",
  "١٢٣",
  "１２３",
  "Infinity",
  "NaN",
  "-0",
  "1e1000",
  "1e-1001",
  "1e999",
  "9".repeat(101),
  `0.${"0".repeat(120)}1`,
]);

const numberToken = fc.oneof({ weight: 8, arbitrary: numberLiteral }, malformedNumber);

// ---------------------------------------------------------------------------------------------
// Names

const LETTERS = [
  "a",
  "z",
  "Z",
  "_",
  "é",
  "ß",
  "Ω",
  "ж",
  "ש",
  "ع",
  "क",
  "新",
  "客",
  "额",
  "ひ",
  "カ",
  "한",
  "𝑥",
  "𠀋",
];
const CONTINUATION = [...LETTERS, "0", "9", "\u0301", "\u0308", "\u093F", "٣"];

const randomName = fc
  .tuple(pick(LETTERS), fc.array(pick(CONTINUATION), { maxLength: 8 }))
  .map(([first, rest]) => first + rest.join(""));

const numberName = fc.oneof({ weight: 5, arbitrary: pick(NUMBER_NAMES) }, randomName);
const conditionName = pick(CONDITION_NAMES);

// ---------------------------------------------------------------------------------------------
// Well-formed (mostly) expressions from the grammar

interface Grammar {
  num: string;
  cond: string;
}

const commaList = (items: readonly string[], separators: readonly string[]): string =>
  items.map((item, index) => (index === 0 ? item : `${separators[index % 2]}${item}`)).join("");

const grammar = fc.letrec<Grammar>((tie) => ({
  num: fc.oneof(
    { depthSize: "small", maxDepth: 7, withCrossShrink: true },
    { weight: 4, arbitrary: numberLiteral },
    { weight: 4, arbitrary: numberName },
    fc
      .tuple(pick(["(", "（"]), tie("num"), pick([")", "）"]), space)
      .map(([open, inner, close, s]) => `${open}${s}${inner}${s}${close}`),
    fc
      .tuple(pick(["-", "+", "\u2212"]), space, tie("num"))
      .map(([op, s, operand]) => `${op}${s}${operand}`),
    {
      weight: 4,
      arbitrary: fc
        .tuple(tie("num"), space, pick(NUMBER_OPERATORS), space, tie("num"))
        .map((parts) => parts.join("")),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          pick(KNOWN_FUNCTIONS),
          space,
          fc.array(tie("num"), { minLength: 0, maxLength: 4 }),
          pick([", ", ",", "，", " , "]),
        )
        .map(
          ([name, s, args, comma]) => `${name}${s}(${commaList(args as string[], [comma, ", "])})`,
        ),
    },
    fc
      .tuple(pick(UNKNOWN_FUNCTIONS), fc.array(tie("num"), { minLength: 0, maxLength: 2 }))
      .map(([name, args]) => `${name}(${args.join(", ")})`),
    fc
      .tuple(pick(["if", "IF"]), tie("cond"), tie("num"), tie("num"))
      .map(([name, test, then, otherwise]) => `${name}(${test}, ${then}, ${otherwise})`),
  ),
  cond: fc.oneof(
    { depthSize: "small", maxDepth: 7, withCrossShrink: true },
    { weight: 2, arbitrary: pick(["true", "false", "TRUE", "False"]) },
    { weight: 2, arbitrary: conditionName },
    {
      weight: 4,
      arbitrary: fc
        .tuple(tie("num"), space, pick(COMPARE_OPERATORS), space, tie("num"))
        .map((parts) => parts.join("")),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(tie("cond"), pick(LOGICAL_OPERATORS), tie("cond"))
        .map(([left, op, right]) => `${left} ${op} ${right}`),
    },
    fc
      .tuple(pick(["not ", "NOT ", "!", "! "]), tie("cond"))
      .map(([op, operand]) => `${op}${operand}`),
    tie("cond").map((inner) => `(${inner})`),
    fc
      .tuple(tie("cond"), pick(["==", "!="]), tie("cond"))
      .map(([left, op, right]) => `(${left}) ${op} (${right})`),
  ),
}));

const wellFormed = fc.oneof({ weight: 3, arbitrary: grammar.num }, grammar.cond);

// ---------------------------------------------------------------------------------------------
// Other families

const anyToken = fc.oneof(
  { weight: 3, arbitrary: numberToken },
  { weight: 3, arbitrary: numberName },
  conditionName,
  { weight: 3, arbitrary: pick([...NUMBER_OPERATORS, ...COMPARE_OPERATORS, ...LOGICAL_OPERATORS]) },
  { weight: 2, arbitrary: pick(["(", ")", "（", "）", ",", "，"]) },
  pick([...KNOWN_FUNCTIONS, ...UNKNOWN_FUNCTIONS, "if", "not", "true", "false", "!"]),
  pick(STRAY),
);

const tokenSoup = fc
  .tuple(fc.array(anyToken, { maxLength: 30 }), fc.array(space, { minLength: 30, maxLength: 30 }))
  .map(([tokens, spaces]) => tokens.map((token, index) => token + spaces[index]).join(""));

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  remove: fc.nat({ max: 3 }),
  insert: fc.oneof(anyToken, pick(INVISIBLES), fc.constant("")),
});

const applyEdits = (text: string, edits: readonly Edit[]): string =>
  edits.reduce((current, { at, remove, insert }) => {
    const offset = current.length === 0 ? 0 : at % (current.length + 1);
    return current.slice(0, offset) + insert + current.slice(offset + remove);
  }, text);

const mutated = fc
  .tuple(wellFormed, fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([text, edits]) => applyEdits(text, edits));

const FORMULA_CHARACTERS = [
  ..."0123456789.eE+-*/^()<>=!,% abcxyz_万亿千‰×÷≤≥≠（），元",
  "\u2212",
  "\u3000",
];

const raw = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary-ascii", maxLength: 60 }),
  fc.string({ unit: pick(FORMULA_CHARACTERS), maxLength: 60 }),
);

const invisible = fc.tuple(wellFormed, fc.nat(), pick(INVISIBLES)).map(([text, at, char]) => {
  const offset = at % (text.length + 1);
  return text.slice(0, offset) + char + text.slice(offset);
});

/** Nesting far past MAX_NESTING_DEPTH in every shape the parser recurses on. */
const DEEP_SHAPES: Readonly<Record<string, (n: number) => string>> = {
  parens: (n) => `${"(".repeat(n)}x${")".repeat(n)}`,
  fullwidthParens: (n) => `${"（".repeat(n)}1${"）".repeat(n)}`,
  unbalancedOpen: (n) => "(".repeat(n),
  unbalancedClose: (n) => `1${")".repeat(n)}`,
  unaryMinus: (n) => `${"-".repeat(n)}1`,
  unaryMixed: (n) => `${"-+".repeat(n)}x`,
  not: (n) => `${"not ".repeat(n)}true`,
  bang: (n) => `${"!".repeat(n)}ok`,
  calls: (n) => `${"abs(".repeat(n)}x${")".repeat(n)}`,
  variadic: (n) => `${"max(1,".repeat(n)}1${")".repeat(n)}`,
  ifs: (n) => `${"if(true,".repeat(n)}1${",0)".repeat(n)}`,
  ifConditions: (n) => `${"if(".repeat(n)}true${",true,false)".repeat(n)}`,
  power: (n) => `${"2^".repeat(n)}1`,
  powerParens: (n) => `${"(2^".repeat(n)}1${")".repeat(n)}`,
  parenthesisedSums: (n) => `${"1+(".repeat(n)}1${")".repeat(n)}`,
  unaryInParens: (n) => `${"(-".repeat(n)}x${")".repeat(n)}`,
  notInParens: (n) => `${"(not ".repeat(n)}ok${")".repeat(n)}`,
  compareChain: (n) => `${"a<".repeat(n)}b`,
  unknownCalls: (n) => `${"f(".repeat(n)}x${")".repeat(n)}`,
};

const deep = fc
  .tuple(
    pick(Object.keys(DEEP_SHAPES)),
    fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 300 }) },
      { weight: 2, arbitrary: fc.integer({ min: 240, max: 270 }) },
      fc.integer({ min: 300, max: 20_000 }),
    ),
  )
  .map(([shape, n]) => DEEP_SHAPES[shape]!(n));

/**
 * Long runs: linear structures the parser must handle without recursion. Kept to 3,000 characters
 * so that linear work (two parses and two evaluations of up to 750 divisions) stays inside the
 * 50 ms per-case budget; scripts/fuzz.ts checks the growth rate up to 160,000 characters and times
 * a formula at the 1,000,000-character limit separately.
 */
export const LONG_SHAPES: Readonly<Record<string, (n: number) => string>> = {
  sum: (n) => `${"x+".repeat(n)}x`,
  mixedSum: (n) => `${"a-b+".repeat(n)}1`,
  product: (n) => `${"2*".repeat(n)}2`,
  quotient: (n) => `${"1/3/".repeat(n)}7`,
  andChain: (n) => `${"ok and ".repeat(n)}ok`,
  orChain: (n) => `${"a<1 or ".repeat(n)}false`,
  maxArgs: (n) => `max(${"x,".repeat(n)}1)`,
  digits: (n) => "9".repeat(n),
  fraction: (n) => `0.${"1".repeat(n)}`,
  exponentDigits: (n) => `1e${"9".repeat(n)}`,
  name: (n) => "a".repeat(n),
  chineseName: (n) => "额".repeat(n),
  spaces: (n) => `${" ".repeat(n)}1${"\u3000".repeat(n)}`,
  newlines: (n) => `${"x +\n".repeat(n)}1`,
  garbage: (n) => "@#$".repeat(n),
  percentRun: (n) => `1${"%".repeat(n)}`,
  minusRunInSum: (n) => `1${" - -1".repeat(n)}`,
};

const long = fc
  .tuple(
    pick(Object.keys(LONG_SHAPES)),
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 100, max: 1_500 }) },
      fc.integer({ min: 1_500, max: 3_000 }),
    ),
  )
  .map(([shape, length]) => {
    // Repeat the shape's unit until the text is about `length` characters long.
    const build = LONG_SHAPES[shape]!;
    const unit = Math.max(1, build(2).length - build(1).length);
    return build(Math.max(1, Math.round(length / unit)));
  });

/** Magnitude attacks: huge exponents and literals, edges of the arithmetic. */
const huge = fc.oneof(
  pick([
    "10^1e9",
    "10^10^10",
    "10^(10^3)",
    "10^999",
    "10^1000",
    "9.99^999",
    "x^1000",
    "x^-1000",
    "2^1001",
    "0.1^1000",
    "1e999*10",
    "1e999+1e999",
    "-1e999-1e999",
    "1e-999/1e10",
    "1e-999*1e-999",
    "1e999999999999",
    "99999999999999999999万亿",
    "round(x, 1e9)",
    "round(123.456, 1000)",
    "round(123.456, -1000)",
    "floor(x, -999)",
    "ceil(1e999, -999)",
    "(-8)^(1/3)",
    "(-8)^(1/2)",
    "(-2)^1000",
    "0^-1",
    "0^0",
    "1/0",
    "x/(x-x)",
    "1/3*3",
    "abs(-1e999)",
    "max(1e999, 1e999) * 10",
  ]),
  fc
    .tuple(numberLiteral, pick(["^", "*", "/", "^-"]), numberLiteral)
    .map(([left, op, right]) => `${left}${op}${right}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 900, max: 1100 }), pick(["", "-"]))
    .map(([mantissa, exponent, sign]) => `${mantissa}e${sign}${exponent} * x`),
);

// ---------------------------------------------------------------------------------------------
// Fact values

const decimalString = fc
  .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -40, max: 40 }))
  .map(([mantissa, exponent]) => `${mantissa}e${exponent}`);

/** Mostly valid numbers; some booleans; a few values that must be refused. */
const factValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 3, arbitrary: fc.constantFrom(0, 1, -1, 2, 0.5) },
  {
    weight: 4,
    arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
  },
  { weight: 3, arbitrary: decimalString },
  {
    weight: 2,
    arbitrary: pick(["25%", "1.2亿", "50万", "-3.5", "0", "1e999", "1e-999", "5‰", "1,200.50"]),
  },
  { weight: 3, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: decimalString.map((text) => new HostDecimal(text)) },
  {
    weight: 1,
    arbitrary: pick<unknown>([
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      "",
      "abc",
      null,
      undefined,
      {},
      [],
      "0x10",
      "1_000",
      10n,
      "Infinity",
    ]),
  },
);

// ---------------------------------------------------------------------------------------------
// Cases

const FAMILIES: readonly { family: string; weight: number; text: fc.Arbitrary<string> }[] = [
  { family: "grammar", weight: 41, text: wellFormed },
  { family: "mutated", weight: 15, text: mutated },
  { family: "tokens", weight: 18, text: tokenSoup },
  { family: "raw", weight: 10, text: raw },
  { family: "invisible", weight: 4, text: invisible },
  { family: "deep", weight: 4, text: deep },
  { family: "long", weight: 1, text: long },
  { family: "huge", weight: 7, text: huge },
];

/** Every family's case arbitrary, weighted. */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  ...FAMILIES.map(({ family, weight, text }) => ({
    weight,
    arbitrary: fc
      .record({
        text,
        values: fc.array(factValue, { minLength: 1, maxLength: 8 }),
        missing: fc.oneof({ weight: 9, arbitrary: fc.constant(-1) }, fc.nat({ max: 7 })),
        symbols: fc.constantFrom("ascii" as const, "math" as const),
      })
      .map((fields): FuzzCase => ({ family, ...fields })),
  })),
);

/** The default seed: the fuzz test and scripts/fuzz.ts run the same cases. */
export const FUZZ_SEED = 20_260_701;
const CHUNK = 5_000;

/** `count` cases, deterministic for a seed, generated in chunks so memory stays flat. */
export function* generateCases(count: number, seed: number = FUZZ_SEED): Generator<FuzzCase> {
  for (let done = 0, chunk = 0; done < count; chunk++) {
    const size = Math.min(CHUNK, count - done);
    yield* fc.sample(fuzzCase, { seed: seed + chunk, numRuns: size });
    done += size;
  }
}

// ---------------------------------------------------------------------------------------------
// Known bugs

/** A broken invariant the source does not fix yet, recognised by its problem text. */
export interface KnownBug {
  readonly id: string;
  readonly matches: (problem: string) => boolean;
}

/**
 * Bugs the fuzzer finds that the source does not fix yet. Each one's minimal reproduction is a
 * skipped test in fuzz-formula.test.ts; when the source is fixed, delete the entry and un-skip it.
 */
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** The known bug a problem is an instance of, if any. */
export const knownBug = (problem: string): KnownBug | undefined =>
  KNOWN_BUGS.find((bug) => bug.matches(problem));

// ---------------------------------------------------------------------------------------------
// Checking one case

const isDecimal = (value: unknown): value is HostDecimal =>
  typeof value === "object" &&
  value !== null &&
  Object.prototype.toString.call(value) === "[object Decimal]";

/** Builds the facts for a tree's names: own keys (Object.fromEntries), `__proto__` included. */
export function factsFor(names: readonly string[], fuzz: FuzzCase): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  names.forEach((name, index) => {
    if (index === fuzz.missing) return;
    const value = fuzz.values[index % fuzz.values.length];
    const wanted = CONDITION_NAME_SET.has(name)
      ? typeof value === "boolean"
        ? value
        : index % 2 === 0
      : typeof value === "boolean" && index % 3 !== 0
        ? index
        : value;
    entries.push([name, wanted]);
  });
  return Object.fromEntries(entries);
}

/** Longest message accepted: errors quote only a short excerpt of the untrusted text. */
const MAX_MESSAGE_LENGTH = 600;

const describeThrown = (error: unknown): string =>
  error instanceof Error
    ? `${error.constructor.name}: ${error.message.slice(0, 200)}`
    : `a thrown ${typeof error}`;

type Attempt<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: string | null; readonly problem: string | null };

/** Runs `step`; a TargetreeError with a documented code and a short message is the only allowed failure. */
function attempt<T>(label: string, step: () => T): Attempt<T> {
  try {
    return { ok: true, value: step() };
  } catch (error) {
    if (!(error instanceof TargetreeError)) {
      return { ok: false, code: null, problem: `${label} threw ${describeThrown(error)}` };
    }
    if (!Object.hasOwn(ERROR_CODES, error.code)) {
      return { ok: false, code: null, problem: `${label} threw undocumented code ${error.code}` };
    }
    if (!Array.isArray(error.path)) {
      return { ok: false, code: error.code, problem: `${label}: error.path is not an array` };
    }
    if (error.message.length > MAX_MESSAGE_LENGTH) {
      return {
        ok: false,
        code: error.code,
        problem: `${label}: ${error.code} message is ${error.message.length} characters long`,
      };
    }
    return { ok: false, code: error.code, problem: null };
  }
}

/** A result must be a finite Decimal or a boolean. */
function resultProblem(label: string, value: unknown): string | null {
  if (typeof value === "boolean") return null;
  if (!isDecimal(value)) return `${label} returned ${typeof value}, not a Decimal or boolean`;
  if (!value.isFinite()) return `${label} returned ${value.toString()}`;
  return null;
}

const sameResult = (a: Attempt<unknown>, b: Attempt<unknown>): boolean => {
  if (a.ok !== b.ok) return false;
  if (!a.ok || !b.ok) return !a.ok && !b.ok && a.code === b.code;
  if (isDecimal(a.value) && isDecimal(b.value)) return a.value.eq(b.value);
  return a.value === b.value;
};

/**
 * Runs one case through parseFormula, printFormula, parseFormula again, formulaNames and
 * evaluateFormula (on the tree and on the reprinted tree), and lists every broken invariant.
 */
export function runCase(fuzz: FuzzCase): CaseOutcome {
  const problems: string[] = [];
  const codes: string[] = [];
  const note = (result: Attempt<unknown>): void => {
    if (result.ok) return;
    if (result.code !== null) codes.push(result.code);
    if (result.problem !== null) problems.push(result.problem);
  };

  const parsed = attempt("parseFormula", () => parseFormula(fuzz.text));
  note(parsed);
  // Trojan Source: a bidi control or zero-width character anywhere is refused, whatever else.
  if (INVISIBLES.some((char) => fuzz.text.includes(char))) {
    if (parsed.ok || parsed.code !== "INVALID_CHARACTER") {
      problems.push(
        `a formula with an invisible character gave ${parsed.ok ? "a tree" : parsed.code}`,
      );
    }
  }
  if (!parsed.ok) return { parsed: false, evaluated: false, codes, problems };
  const tree: FormulaNode = parsed.value;

  const printed = attempt("printFormula", () => printFormula(tree, { symbols: fuzz.symbols }));
  if (!printed.ok) {
    problems.push(`printFormula failed on a parsed tree (${printed.code ?? printed.problem})`);
    return { parsed: true, evaluated: false, codes, problems };
  }
  const reparsed = attempt("parseFormula(printFormula(tree))", () => parseFormula(printed.value));
  if (!reparsed.ok) {
    problems.push(
      `the printed formula does not parse back (${reparsed.code ?? reparsed.problem}): ${JSON.stringify(printed.value.slice(0, 120))}`,
    );
  } else if (!formulasEqual(reparsed.value, tree)) {
    problems.push(
      `the printed formula parses to another tree: ${JSON.stringify(printed.value.slice(0, 120))}`,
    );
  }

  const names = attempt("formulaNames", () => formulaNames(tree));
  if (!names.ok) {
    problems.push(`formulaNames failed on a parsed tree (${names.code ?? names.problem})`);
    return { parsed: true, evaluated: false, codes, problems };
  }
  const facts = factsFor(names.value, fuzz);
  const value = attempt("evaluateFormula", () =>
    evaluateFormula(tree, facts as Record<string, number>),
  );
  note(value);
  if (value.ok) {
    const problem = resultProblem("evaluateFormula", value.value);
    if (problem !== null) problems.push(problem);
  }
  if (reparsed.ok) {
    const again = attempt("evaluateFormula(reparsed)", () =>
      evaluateFormula(reparsed.value, facts as Record<string, number>),
    );
    if (!again.ok && again.problem !== null) problems.push(again.problem);
    if (!sameResult(value, again)) {
      problems.push("the reprinted formula evaluates differently from the original tree");
    }
  }
  return { parsed: true, evaluated: value.ok, codes, problems };
}
