// The measure area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.
export {
  keyedEntries,
  optionalNumber,
  readFields,
  readInteger,
  readSettings,
  requiredNumber,
  requireRecord,
} from "./_lib/input.js";
export { evaluateRulesWithin } from "./evaluateRules.js";
