export type { TreeNode } from "./_lib/tree.js";
export type {
  AllocateOptions,
  AllocateResult,
  AllocateWeights,
  AmountForm,
  AmountOf,
  IntegerSplit,
  PerPart,
} from "./allocate.js";
export { allocate } from "./allocate.js";
export type { BreakbackOptions, BreakbackResult, ValueTree } from "./breakback.js";
export { breakback } from "./breakback.js";
export type {
  CascadeLevel,
  CascadeNode,
  CascadeOptions,
  CascadeResult,
  IntegerTree,
  SplitRule,
} from "./cascade.js";
export { cascade } from "./cascade.js";
export { crossCell } from "./crossCell.js";
export type { CrossCell, CrossSplitOptions, CrossSplitResult } from "./crossSplit.js";
export { crossSplit, MAX_CROSS_CELLS } from "./crossSplit.js";
export type { FlattenTreeOptions, TreeRow } from "./flattenTree.js";
export { flattenTree } from "./flattenTree.js";
export type { SplitBySharesOptions, SplitBySharesResult } from "./splitByShares.js";
export { splitByShares } from "./splitByShares.js";
export type { SplitEvenlyOptions, SplitEvenlyResult } from "./splitEvenly.js";
export { splitEvenly } from "./splitEvenly.js";
