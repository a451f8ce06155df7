// The split area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export { roundProportional } from "./_lib/controlledRounding.js";
export { readTotal, readUnitSetup, UNIT_WORDS } from "./_lib/options.js";
export { normaliseKey } from "./_lib/parts.js";
export { amountDigits, checkSplitSize } from "./_lib/size.js";
export { showPath } from "./_lib/tree.js";
