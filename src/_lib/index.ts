export { DEFAULT_WORK_BUDGET } from "./budget.js";
export type { Decimal, DecimalConstructor } from "./decimal.js";
export { PRECISION } from "./decimal.js";
export type {
  ErrorPath,
  TargetreeErrorCode,
  TargetreeErrorJSON,
  TargetreeErrorOptions,
} from "./errors.js";
export { ERROR_CODES, TargetreeError } from "./errors.js";
export {
  MAX_AMOUNT_LENGTH,
  MAX_COSTLY_POWERS,
  MAX_DIGITS,
  MAX_EXPONENT,
  MAX_FORMULA_LENGTH,
  MAX_FORMULA_NODES,
  MAX_NESTING_DEPTH,
  MAX_SPLIT_DIGITS,
  MAX_SPLIT_PARTS,
  MAX_TREE_NODES,
  MIN_EXPONENT,
} from "./limits.js";
export type { Plain, ToPlainOptions } from "./plain.js";
export { toPlain } from "./plain.js";
export type { Numeric, RoundingMode, UnitOptions } from "./types.js";
