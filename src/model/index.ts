export type { FormulaInputNames, FormulaNodeNames, NamesInFormula } from "./_lib/scan.js";
export type {
  ColumnForm,
  CompiledModel,
  CompileModelOptions,
  EvaluateColumnsOptions,
  FormulaName,
  InputColumn,
  InputColumns,
  OutputColumn,
  ScaledColumn,
} from "./compileModel.js";
export { compileModel } from "./compileModel.js";
export { defineModel } from "./defineModel.js";
export { dependsOn } from "./dependsOn.js";
export type { EvaluateOptions } from "./evaluate.js";
export { evaluate } from "./evaluate.js";
export type { ExplainNode } from "./explain.js";
export { explain } from "./explain.js";
export type { RenderTreeOptions } from "./renderTree.js";
export { renderTree } from "./renderTree.js";
export type { RevenueModel } from "./revenueModel.js";
export { revenueModel } from "./revenueModel.js";
export type {
  DefineModelOptions,
  InputName,
  InputSpec,
  InputsOf,
  Model,
  ModelInputs,
  ModelNode,
  ModelValues,
  NodeName,
  NodeSpec,
  SomeInputsOf,
} from "./types.js";
