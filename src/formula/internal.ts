// The formula area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export {
  add,
  compareNumbers,
  divide,
  multiply,
  negate,
  power,
  subtract,
} from "./_lib/arithmetic.js";
export {
  codePointLabel,
  findInvisible,
  isIdentifier,
  isKeyword,
  nameList,
  quote,
  shortName,
} from "./_lib/characters.js";
export type { FormulaCost } from "./_lib/cost.js";
export { COSTLY_POWER_COST, formulaCost } from "./_lib/cost.js";
export type { Arguments, Pushdown, Value } from "./_lib/functions.js";
export { buildCall, callType, functionEntry } from "./_lib/functions.js";
export { interpret } from "./_lib/interpret.js";
export type { FormulaSource } from "./_lib/source.js";
export { formulaError, spanOf } from "./_lib/source.js";
export { checkTree, checkTypes, childrenOf } from "./_lib/typecheck.js";
export { evaluateWithin } from "./evaluateFormula.js";
