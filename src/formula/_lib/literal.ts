// The one rule for the value of a number literal, whoever made the node: the parser, numberNode,
// or a caller's hand-built object. A literal is a finite library Decimal ≥ 0 (never −0), within the
// magnitude and digit limits every accepted amount obeys, so no NaN, Infinity, 1e+5000 or −0 can
// enter an evaluation through a tree.
import type { Decimal } from "../../_lib/decimal.js";
import { type ErrorPath, TargetreeError } from "../../_lib/errors.js";
import { MAX_DIGITS, MAX_EXPONENT, MIN_EXPONENT } from "../../_lib/limits.js";
import { toDecimal } from "../../numbers/toDecimal.js";

/**
 * What is wrong with the Decimal `value` as a number literal's value, as the error to throw at a
 * path (built only then: a path into a deep tree is long), or `null`: `INVALID_NUMBER` for NaN,
 * ±Infinity or forged fields, `NUMBER_TOO_LARGE` past the magnitude or digit limits,
 * `INVALID_ARGUMENT` for a negative value (−0 included).
 */
export function literalProblem(value: Decimal): ((path: ErrorPath) => TargetreeError) | null {
  let decimal: Decimal;
  try {
    // Reads the fields, never the methods: NaN, Infinity, forged digits and |x| ≥ 1e1000 throw.
    decimal = toDecimal(value);
  } catch (error) {
    if (!(error instanceof TargetreeError)) throw error;
    const { code } = error;
    return (path) =>
      new TargetreeError(
        code,
        code === "NUMBER_TOO_LARGE"
          ? `A number literal must lie within 1e${MIN_EXPONENT} ≤ |x| < 1e${MAX_EXPONENT}.`
          : "A number literal must be a finite Decimal, not NaN or Infinity.",
        { path },
      );
  }
  if (value.isNegative()) {
    const message = decimal.isZero()
      ? "A number literal is never −0; write 0."
      : 'A number literal is never negative; wrap it in unaryNode("-", …).';
    return (path) => new TargetreeError("INVALID_ARGUMENT", message, { path });
  }
  const digits = decimal.sd();
  if (digits > MAX_DIGITS) {
    return (path) =>
      new TargetreeError(
        "NUMBER_TOO_LARGE",
        `A number literal has at most ${MAX_DIGITS} significant digits; this one has ${digits}. Round it first.`,
        { path },
      );
  }
  return null;
}

/** Throws {@link literalProblem}'s error at `path`; returns the value as the library's Decimal. */
export function checkLiteral(value: Decimal, path: ErrorPath): Decimal {
  const problem = literalProblem(value);
  if (problem !== null) throw problem(path);
  return toDecimal(value);
}
