import { visible } from "./invisible.js";

/**
 * Every error code targetree throws, with what it means. The codes are stable:
 * match on `error.code`, never on the message text.
 */
export const ERROR_CODES = {
  // numbers
  INVALID_NUMBER: "A value is not a finite number, a numeric string or a Decimal.",
  NUMBER_TOO_LARGE:
    "A value or result is outside the supported magnitude (|x| < 1e1000) or digit count.",
  DIVISION_BY_ZERO: "A division by zero.",
  INVALID_OPERATION:
    "An operation has no real, finite result (e.g. a negative base to a fractional power).",
  INVALID_ARGUMENT: "An argument or option has the wrong type, shape or value.",
  UNKNOWN_OPTION:
    "An options object has a key the function does not define; the error names the closest known key.",
  // formula language
  FORMULA_SYNTAX: "A formula cannot be parsed; the error gives the column.",
  FORMULA_TOO_LONG: "A formula is longer than the length limit.",
  FORMULA_TOO_DEEP: "A formula nests deeper than the depth limit.",
  FORMULA_TOO_COSTLY: "A formula has more costly powers (non-whole exponents) than the limit.",
  SHARED_NODE:
    "A hand-built tree (a formula or a hierarchy) reaches one node object twice: a shared subtree or a cycle.",
  TOO_MANY_NODES: "A hand-built tree (a formula or a hierarchy) has more nodes than the limit.",
  INVALID_CHARACTER: "A formula or name contains an invisible or bidirectional control character.",
  UNKNOWN_FUNCTION: "A formula calls a function that is not on the whitelist.",
  WRONG_ARITY: "A function is called with the wrong number of arguments.",
  TYPE_MISMATCH:
    "A condition is used where a number is needed, or a number where a condition is needed.",
  // models
  DUPLICATE_NAME: "Two names are the same after Unicode normalisation.",
  SELF_REFERENCE: "A formula refers to its own node.",
  CYCLE: "Formulas refer to each other in a cycle; the error names the cycle.",
  UNKNOWN_NODE: "A name is neither a formula nor an input of the model.",
  MISSING_INPUT: "An input the model needs was not given.",
  OUT_OF_BOUNDS: "An input is outside its declared bounds.",
  NOT_A_WHOLE_NUMBER: "An input declared as a whole-number count has a fraction.",
  LIKELY_TYPO:
    "A formula uses a name one edit away from a described input, and that name is not described itself.",
  // solving and attribution
  NO_SOLUTION: "No value of the varied input reaches the target within its bounds.",
  TOO_MANY_INPUTS: "Exact Shapley attribution over more inputs than the documented limit.",
  METHOD_NOT_APPLICABLE: "The chosen method does not apply to this model or these values.",
  // splitting
  SHARES_EXCEED_TOTAL: "Shares add up to more than 100%.",
  HOLDS_EXCEED_TOTAL: "Held parts add up to more than the total.",
  INFEASIBLE_BOUNDS: "The min/max bounds cannot be met while the parts sum to the total.",
  ZERO_WEIGHTS: "Every weight is zero and the caller asked for an error in that case.",
  NEGATIVE_WEIGHT: "A weight is negative.",
  NOT_A_MULTIPLE_OF_UNIT: "A total or held value is not a whole multiple of the rounding unit.",
  DUPLICATE_KEY: "Two parts have the same key.",
  UNKNOWN_KEY: "A hold, bound or path names a part that does not exist.",
  NO_FREE_PARTS: "Every part is held, so what is left of the total has no part to go to.",
  SPLIT_TOO_LARGE:
    "A split would make more parts, or work through more digits (parts × digits of the total in units), than the limit.",
  // time
  INVALID_DATE: "A date is not a valid ISO calendar date (YYYY-MM-DD).",
  INVALID_RANGE: "A date range ends before it starts, or is too long.",
  CALENDAR_CONFLICT: "A calendar lists one day both as a holiday and as a make-up working day.",
  CALENDAR_YEAR_MISSING: "The calendar has no official data for a year the range touches.",
  INVALID_CALENDAR_DATA: "A user-supplied holiday arrangement is malformed.",
  SEASONALITY_MISMATCH: "Seasonality weights do not match the periods of the split.",
  NO_WORKING_DAYS: "A range has no working days, so a per-working-day figure is undefined.",
  // measuring and planning
  UNKNOWN_FACT: "A rule condition names a fact that was not given.",
  UNKNOWN_CADENCE: "A visit cadence is not recognised.",
  INVALID_TIERS: "Bonus tiers are empty, unsorted or overlapping.",
  // the plan document
  INVALID_PLAN:
    "A plan document cannot be read; `details.problems` lists every problem with its path.",
  UNKNOWN_FIELD:
    "A document has a field its version does not define; the problem names the closest known field.",
  PLAN_HAS_ERRORS:
    "A plan document has lint errors, so it cannot be built; `details.findings` lists them.",
  INVALID_PLAN_RESULT:
    "A value given as a built plan is not one (a field missing, a sum that is off); build it again.",
  UNKNOWN_PLAN_NODE: "A row or change names a node the plan does not have (by id or path).",
  OUTSIDE_PLAN: "A date or period lies outside the plan's period, or is not one of its periods.",
  AFTER_AS_OF: "An actuals row is dated after the as-of day and `strict` asks for an error.",
  // bounded work
  WORK_BUDGET_EXCEEDED:
    "A call needs more work than its budget of work units; the error says what drives the cost, and `budget` raises it.",
  // SQL generation
  SQL_UNSUPPORTED:
    "A formula construct has no exact SQL counterpart in the chosen dialect (a fractional power, sqrt, a division DuckDB cannot hold); the error names the node and the construct.",
  SQL_PRECISION:
    "An input's precision is not stated, or a node's values may need more digits than the dialect holds exactly (38 in DuckDB); the error names the node.",
} as const;

/** A stable error code; see {@link ERROR_CODES} for the list and meanings. */
export type TargetreeErrorCode = keyof typeof ERROR_CODES;

/** Where in the caller's input a problem was found: property names and array indexes. */
export type ErrorPath = readonly (string | number)[];

/** The optional third argument of the {@link TargetreeError} constructor. */
export interface TargetreeErrorOptions {
  /** Path to the offending value in the caller's input. */
  readonly path?: ErrorPath;
  /** Extra machine-readable facts (a column, a cycle, the covered years). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The underlying error, kept as the standard `Error.cause`; not set when `undefined`. */
  readonly cause?: unknown;
}

/** What {@link TargetreeError.toJSON} returns: the error as plain data, for logs and responses. */
export interface TargetreeErrorJSON {
  /** Always `"TargetreeError"`. */
  readonly name: "TargetreeError";
  /** The stable error code. */
  readonly code: TargetreeErrorCode;
  /** The full message, with the code and the location. */
  readonly message: string;
  /** Path to the offending value in the caller's input; empty when not known. */
  readonly path: (string | number)[];
  /** Extra machine-readable facts (a column, a cycle, the covered years); may be empty. */
  readonly details: Record<string, unknown>;
}

/**
 * The one error class targetree throws for bad input and misuse. `JSON.stringify(error)` keeps
 * the code, message, path and details (see {@link TargetreeError.toJSON}).
 *
 * @example
 * const error = new TargetreeError("INVALID_NUMBER", "Expected a number.", { path: ["inputs", "price"] });
 * error.code    //=> "INVALID_NUMBER"
 * error.message //=> "INVALID_NUMBER: Expected a number. (at inputs.price)"
 * JSON.parse(JSON.stringify(error)).path //=> ["inputs", "price"]
 */
export class TargetreeError extends Error {
  /** The class name, `"TargetreeError"`, as shown by `String(error)` and in stack traces. */
  override readonly name = "TargetreeError";
  /** The stable error code; match on this, never on the message. */
  readonly code: TargetreeErrorCode;
  /** Path to the offending value in the caller's input; empty when not known. */
  readonly path: ErrorPath;
  /** Extra machine-readable facts (a column, a cycle, the covered years); may be empty. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: TargetreeErrorCode, message: string, options: TargetreeErrorOptions = {}) {
    const where =
      options.path && options.path.length > 0 ? ` (at ${formatPath(options.path)})` : "";
    super(
      `${code}: ${message}${where}`,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.path = options.path ? [...options.path] : [];
    this.details = options.details ? { ...options.details } : {};
  }

  /**
   * The error as plain data: `{ name, code, message, path, details }`, fresh copies each call.
   * `JSON.stringify` calls it, so a serialised error keeps its message (an `Error`'s own
   * `message` is not enumerable) and never its stack.
   *
   * @returns The name, code, message, path and details.
   *
   * @example
   * new TargetreeError("UNKNOWN_OPTION", "Unknown option.", { path: ["options", "calender"] }).toJSON()
   * //=> { name: "TargetreeError", code: "UNKNOWN_OPTION", message: "UNKNOWN_OPTION: Unknown option. (at options.calender)", path: ["options", "calender"], details: {} }
   */
  toJSON(): TargetreeErrorJSON {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      path: [...this.path],
      details: { ...this.details },
    };
  }
}

/** Longest path part, and most parts, shown in a message; the full path stays in `error.path`. */
const MAX_PATH_PART = 40;
const MAX_PATH_PARTS = 12;

/** `["inputs", "price"]` → `inputs.price`; `["rows", 3]` → `rows[3]`. Long names and paths are shortened. */
export function formatPath(path: ErrorPath): string {
  let out = "";
  for (const part of path.slice(0, MAX_PATH_PARTS)) {
    if (typeof part === "number") out += `[${part}]`;
    else {
      const shown = part.length > MAX_PATH_PART ? `${part.slice(0, MAX_PATH_PART)}…` : part;
      if (/^[\p{L}_$][\p{L}\p{N}_$]*…?$/u.test(shown)) out += out === "" ? shown : `.${shown}`;
      else out += `[${JSON.stringify(visible(shown))}]`;
    }
  }
  return path.length > MAX_PATH_PARTS ? `${out}…` : out;
}

/** A short, safe excerpt of untrusted text for an error message; invisible characters are shown as `<U+202E>`. */
export function excerpt(text: string, max = 40): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(visible(shown));
}

/** Describes a value's type for an error message without calling any of its methods. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `the string ${excerpt(value)}`;
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (Array.isArray(value)) return "an array";
  if (value instanceof Map) return "a Map (pass a plain object, e.g. Object.fromEntries(map))";
  if (value instanceof Set) return "a Set";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
