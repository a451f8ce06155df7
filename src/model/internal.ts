// The model area's face to the other areas of src/: internal helpers they may use. Not public;
// the public face is index.ts.

export type { ModelCheck } from "./_lib/check.js";
export { checkModel } from "./_lib/check.js";
export type { ModelCosts } from "./_lib/cost.js";
export { evaluationCost, evaluationDriver, modelCosts } from "./_lib/cost.js";
export { formulaIndexesFor, outputEvaluator } from "./_lib/engine.js";
export { readInputs } from "./_lib/inputs.js";
export { internalsOf } from "./_lib/internals.js";
export { evaluateWithin } from "./evaluate.js";
