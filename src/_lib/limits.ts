/** Bounds that keep untrusted input from exhausting time, memory or the stack. */

/** Longest formula text accepted, in UTF-16 code units. */
export const MAX_FORMULA_LENGTH = 1_000_000;
/** Deepest nesting of parentheses, unary operators and function calls in one formula. */
export const MAX_NESTING_DEPTH = 256;
/**
 * Most powers per formula whose exponent is not a whole-number literal (`x^0.5`, `(1+g)^n`). Each
 * costs about a millisecond at 64 digits, so this keeps one formula's evaluation near 50 ms; powers
 * like `x^2` or `x^-3` are cheap and not counted.
 */
export const MAX_COSTLY_POWERS = 32;
/** Longest amount string accepted by `parseAmount`. */
export const MAX_AMOUNT_LENGTH = 256;
/** Most significant digits in one amount or literal. */
export const MAX_DIGITS = 100;
/** Largest decimal exponent of any value (|x| < 1e1000). Past it: `NUMBER_TOO_LARGE`. */
export const MAX_EXPONENT = 1000;
/** Smallest decimal exponent of a non-zero value; smaller magnitudes are an error, not a silent 0. */
export const MIN_EXPONENT = -1000;
/**
 * Most nodes in one formula tree. A parsed formula has fewer nodes than characters, so this only
 * refuses hand-built trees; past it: `TOO_MANY_NODES`.
 */
export const MAX_FORMULA_NODES = MAX_FORMULA_LENGTH;
/**
 * Most nodes in one hierarchy a caller hands in: a `cascade` or `breakback` tree, a tree given to
 * `flattenTree`, a plan's organisation. Past it: `TOO_MANY_NODES`.
 */
export const MAX_TREE_NODES = 1_000_000;
/** Most parts one split makes (`splitEvenly(total, count)`, the weights of `allocate`). */
export const MAX_SPLIT_PARTS = 1_000_000;
/**
 * Most digits one split may work through: its parts times the digits of the total counted in
 * units (1万 at unit 0.01 is 1,000,000 units, 7 digits). Each part's cost grows with those digits,
 * so 1,000,000 parts of 16 digits, or 10,000 parts of 1,600, stay well under a second; past it:
 * `SPLIT_TOO_LARGE`, whose message says how many parts the unit allows.
 */
export const MAX_SPLIT_DIGITS = 16_000_000;
