export type {
  AttributeOptions,
  AttributeResult,
  AttributionEntry,
  AttributionMethod,
  ChainStep,
} from "./attribute.js";
export { attribute, MAX_SHAPLEY_INPUTS } from "./attribute.js";
export type {
  ReconcileMultiplier,
  ReconcileOptions,
  ReconcileResult,
  ReconcileSingle,
} from "./reconcile.js";
export { reconcile } from "./reconcile.js";
export type {
  SensitivityEntry,
  SensitivityOptions,
  SensitivityResult,
  SensitivityStepKind,
} from "./sensitivity.js";
export { sensitivity } from "./sensitivity.js";
export type { SolveForOptions, SolveForResult } from "./solveFor.js";
export { solveFor } from "./solveFor.js";
export type { SolveMultiplierOptions, SolveMultiplierResult } from "./solveMultiplier.js";
export { solveMultiplier } from "./solveMultiplier.js";
