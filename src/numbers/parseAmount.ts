import { Decimal, ZERO } from "../_lib/decimal.js";
import type { ErrorPath } from "../_lib/errors.js";
import { excerpt, TargetreeError } from "../_lib/errors.js";
import { exponentOf } from "../_lib/exact/index.js";
import { MAX_AMOUNT_LENGTH, MAX_DIGITS, MAX_EXPONENT, MIN_EXPONENT } from "../_lib/limits.js";
import { readOptions } from "../_lib/options.js";
import { readPath } from "./_lib/readPath.js";

/** Unit suffixes and the power of ten each stands for. Longest first, so 万亿 wins over 万. */
const SUFFIXES: readonly (readonly [string, number])[] = [
  ["万亿", 12],
  ["千万", 7],
  ["百万", 6],
  ["亿", 8],
  ["万", 4],
  ["千", 3],
  ["%", -2],
  ["％", -2],
  ["‰", -3],
];

/** Options of {@link parseAmount}; an unknown key is `UNKNOWN_OPTION`. */
export interface ParseAmountOptions {
  /** Path reported in errors, e.g. `["inputs", "price"]`. */
  readonly path?: ErrorPath;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Parses an amount as people write it: `"8000"`, `"1,200.50"`, `"-3.5"`,
 * `"25%"`, `"5‰"`, `"50万"`, `"1.2亿"`, `"3.5千"`, `"¥8,000元"`, `"1.2e6"`.
 * The scan is a single linear pass; nothing is ever evaluated.
 *
 * @param text - The amount text.
 * @param options - `path` names the value in errors.
 * @returns The exact value as a `Decimal`.
 * @throws {TargetreeError} `INVALID_NUMBER` for anything else (`""`, `"abc"`,
 *   `"1.2.3"`, `"0x10"`, `"1_000"`, `"NaN"`, `"Infinity"`, a misplaced comma);
 *   `NUMBER_TOO_LARGE` past 100 significant digits or |x| ≥ 1e1000; `UNKNOWN_OPTION` for an
 *   unknown option key; `INVALID_ARGUMENT` for a `path` that is not an array of names and indexes.
 *
 * @example
 * parseAmount("1.2亿").toString() //=> "120000000"
 * parseAmount("25%").toString()   //=> "0.25"
 * parseAmount("1,200.50").toString() //=> "1200.5"
 */
export function parseAmount(text: string, options?: ParseAmountOptions): Decimal {
  const settings = readOptions(options, ["path"]);
  const path = readPath(settings, "path", ["options"]);
  if (typeof text !== "string") {
    throw new TargetreeError("INVALID_NUMBER", "parseAmount expects a string.", { path });
  }
  const fail = (why: string, column?: number): never => {
    throw new TargetreeError(
      "INVALID_NUMBER",
      `${excerpt(text)} is not an amount: ${why}${column === undefined ? "" : ` (column ${column + 1})`}.`,
      { path, ...(column === undefined ? {} : { details: { column: column + 1 } }) },
    );
  };
  if (text.length > MAX_AMOUNT_LENGTH) fail(`longer than ${MAX_AMOUNT_LENGTH} characters`);
  const s = text.trim();
  if (s === "") fail("it is empty");

  let i = 0;
  if (s[i] === "¥" || s[i] === "￥") i++;
  let negative = false;
  if (s[i] === "+" || s[i] === "-" || s[i] === "−") {
    negative = s[i] !== "+";
    i++;
  }

  // Integer part, with optional thousands separators in groups of exactly three.
  let intDigits = "";
  let groupLength = 0;
  let sawComma = false;
  // Stryker disable next-line EqualityOperator: past the end s[i] is undefined and breaks the loop anyway
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if (isDigit(code)) {
      intDigits += s[i];
      groupLength++;
      i++;
    } else if (s[i] === ",") {
      if (groupLength === 0 || (sawComma ? groupLength !== 3 : groupLength > 3)) {
        fail("thousands separators must split the digits into groups of three", i);
      }
      sawComma = true;
      groupLength = 0;
      i++;
    } else break;
  }
  if (sawComma && groupLength !== 3)
    fail("thousands separators must split the digits into groups of three", i - 1);

  let fracDigits = "";
  if (s[i] === ".") {
    i++;
    // Past the end, charCodeAt is NaN, which is no digit: the loops stop at the end of the text.
    while (isDigit(s.charCodeAt(i))) fracDigits += s[i++];
    if (fracDigits === "") fail("a decimal point must be followed by digits", i);
  }
  if (intDigits === "" && fracDigits === "") fail("it has no digits", i);

  let exponent = 0;
  if (s[i] === "e" || s[i] === "E") {
    i++;
    let expNegative = false;
    if (s[i] === "+" || s[i] === "-") expNegative = s[i++] === "-";
    let expDigits = "";
    while (isDigit(s.charCodeAt(i))) expDigits += s[i++];
    if (expDigits === "" || expDigits.length > 4)
      fail("the exponent must have one to four digits", i);
    exponent = expNegative ? -Number(expDigits) : Number(expDigits);
  }

  while (s[i] === " ") i++;
  let percentLike = false;
  for (const [suffix, power] of SUFFIXES) {
    if (s.startsWith(suffix, i)) {
      exponent += power;
      // Stryker disable next-line EqualityOperator: no suffix has power 0
      percentLike = power < 0;
      i += suffix.length;
      break;
    }
  }
  if (!percentLike && s[i] === "元") i++;
  if (i !== s.length) fail("unexpected character", i);

  const significant = (intDigits + fracDigits).replace(/^0+/, "");
  if (significant === "") return ZERO;
  if (significant.replace(/0+$/, "").length > MAX_DIGITS) {
    throw new TargetreeError(
      "NUMBER_TOO_LARGE",
      `${excerpt(text)} has more than ${MAX_DIGITS} significant digits.`,
      { path },
    );
  }
  const value = new Decimal(
    // Stryker disable next-line StringLiteral: decimal.js reads ".5e0" and "5.e0" as 0.5 and 5
    `${negative ? "-" : ""}${intDigits || "0"}.${fracDigits || "0"}e${exponent}`,
  );
  if (exponentOf(value) >= MAX_EXPONENT || exponentOf(value) < MIN_EXPONENT) {
    throw new TargetreeError(
      "NUMBER_TOO_LARGE",
      `${excerpt(text)} is outside the supported magnitude 1e${MIN_EXPONENT} ≤ |x| < 1e${MAX_EXPONENT}.`,
      { path },
    );
  }
  return value;
}
