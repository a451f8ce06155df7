export type {
  AttributeOptions,
  AttributeResult,
  AttributionEntry,
  AttributionMethod,
  ChainStep,
} from "./attribute.js";
export { attribute, MAX_SHAPLEY_INPUTS } from "./attribute.js";
export type { CompiledModel } from "./compileModel.js";
export { compileModel } from "./compileModel.js";
export { defineModel } from "./defineModel.js";
export { dependsOn } from "./dependsOn.js";
export { evaluate } from "./evaluate.js";
export type { ExplainNode } from "./explain.js";
export { explain } from "./explain.js";
export type {
  ReconcileMultiplier,
  ReconcileOptions,
  ReconcileResult,
  ReconcileSingle,
} from "./reconcile.js";
export { reconcile } from "./reconcile.js";
export type { RenderTreeOptions } from "./renderTree.js";
export { renderTree } from "./renderTree.js";
export { revenueModel } from "./revenueModel.js";
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
export type {
  DefineModelOptions,
  InputSpec,
  Model,
  ModelInputs,
  ModelNode,
  ModelValues,
  NodeSpec,
} from "./types.js";
