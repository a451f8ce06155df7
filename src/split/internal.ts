// The split area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export { roundProportional } from "./_lib/controlledRounding.js";
export type { PartNames } from "./_lib/engine.js";
export { spreadUnits } from "./_lib/engine.js";
export type { UnitSetup } from "./_lib/options.js";
export { readTotal, readUnitSetup, UNIT_WORDS } from "./_lib/options.js";
export type { AmountForm, AmountOf } from "./_lib/output.js";
export {
  AMOUNT_FORMS,
  countsIn,
  integerScale,
  readAmountForm,
  unitsIn,
} from "./_lib/output.js";
export { normaliseKey, readParts } from "./_lib/parts.js";
export { shapeLike } from "./_lib/run.js";
export { amountDigits, checkSplitSize } from "./_lib/size.js";
export { showPath } from "./_lib/tree.js";
export type { IntWeights } from "./_lib/weights.js";
export { readWeights } from "./_lib/weights.js";
